import { NagSuppressions } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { PrivateEcsHttpApi } from '../../src';

/**
 * A cdk-nag finding that a user of the construct accepts on purpose, and why. These are
 * choices of the application, not defects of the construct: the construct cannot know them.
 * docs/COMPLIANCE.md lists each one; keep the two in step.
 */
export interface UserAcknowledgement {
  /** The cdk-nag rule, such as `AwsSolutions-APIG4`. */
  readonly ruleId: string;
  /** Why this user accepts it; a reviewer reads this in the template's `cdk_nag` metadata. */
  readonly reason: string;
  /** The construct the acknowledgement is attached to; it covers the resources under it. */
  target(api: PrivateEcsHttpApi): IConstruct;
}

/**
 * The tutorial's API is public on purpose: anyone may call the sample app. An application
 * with callers to identify would add an authorizer instead of this acknowledgement.
 */
export const PUBLIC_ROUTES: UserAcknowledgement = {
  ruleId: 'AwsSolutions-APIG4',
  reason: 'The API is a public website on purpose: the sample app serves anonymous readers, so its routes have no authorizer.',
  target: api => api.httpApi,
};

/**
 * The user passes plain settings to the container as environment variables. cdk-nag asks for
 * none at all, so that no secret lands in the task definition; secrets go through `secrets`.
 */
export const PLAIN_ENVIRONMENT: UserAcknowledgement = {
  ruleId: 'AwsSolutions-ECS2',
  reason: 'The environment variables hold plain, non-secret settings; secrets reach the container through the secrets prop, from Secrets Manager or SSM.',
  target: api => api.taskDefinition,
};

/** Every acknowledgement a test configuration may make, for docs/COMPLIANCE.md. */
export const USER_ACKNOWLEDGEMENTS: readonly UserAcknowledgement[] = [PUBLIC_ROUTES, PLAIN_ENVIRONMENT];

/** Records the acknowledgements on the construct's resources, where cdk-nag reads them. */
export function acknowledge(api: PrivateEcsHttpApi, acknowledgements: readonly UserAcknowledgement[]): void {
  for (const acknowledgement of acknowledgements) {
    NagSuppressions.addResourceSuppressions(
      acknowledgement.target(api),
      [{ id: acknowledgement.ruleId, reason: acknowledgement.reason }],
      true,
    );
  }
}
