import { App, type AppProps, Stack } from 'aws-cdk-lib';
import * as cxapi from 'aws-cdk-lib/cx-api';
import type { Construct } from 'constructs';
import { ANNOTATIONS_IN_VALIDATION_REPORT } from '../context-keys';
import type { TestConfiguration } from './configurations';
import { acknowledge, type ConfiguredApi } from './user-acknowledgements';

/**
 * The environment of every test stack: a concrete region and no account.
 *
 * A concrete region, because some settings can only be synthesized for a known region (the
 * principal that writes ALB access logs differs per region). No account, because an account
 * would turn the VPC's Availability Zones into a context lookup that needs AWS credentials;
 * without one they stay `Fn::GetAZs`, and templates are the same on every machine.
 */
export const TEST_ENV = { region: 'us-east-1' } as const;

/**
 * An app with the feature flags that `cdk init` writes into a new project's cdk.json: what a
 * new user of the construct synthesizes with. integ-runner passes the same flags on its own
 * command line, so the jest tests, the validators and the integ snapshots see one template.
 */
export function createTestApp(props: AppProps = {}): App {
  return new App({ ...props, context: { ...RECOMMENDED_FLAGS, ...props.context } });
}

const RECOMMENDED_FLAGS = {
  ...cxapi.CURRENTLY_RECOMMENDED_FLAGS,
  // A reporting flag, not a template one; with it, each cdk-nag finding prints a whole validation report.
  [ANNOTATIONS_IN_VALIDATION_REPORT]: false,
  // Creation stack traces would put this machine's absolute paths into the committed snapshots.
  [cxapi.DISABLE_CREATION_STACK_TRACES]: true,
};

/** A configuration's stack and the construct in it. */
export interface ConfigurationStack {
  readonly stack: Stack;
  readonly api: ConfiguredApi;
}

/** The stack name of a configuration, which also names its template file. */
export function stackNameOf(configuration: TestConfiguration): string {
  return `PrivateEcsHttpApi-${configuration.name}`;
}

/** Adds a configuration's stack, with the user's acknowledgements, to `scope` (an app or a stage). */
export function addConfigurationStack(scope: Construct, configuration: TestConfiguration): ConfigurationStack {
  const name = stackNameOf(configuration);
  const stack = new Stack(scope, name, { env: TEST_ENV, stackName: name, description: configuration.description });
  const api = configuration.build(stack);
  acknowledge(api, configuration.userAcknowledgements);
  return { stack, api };
}
