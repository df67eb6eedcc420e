import { Annotations, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import * as cdkNag from 'cdk-nag';
import type { IConstruct } from 'constructs';
import type { PrivateEcsCloudMapHttpApi, PrivateEcsHttpApi, PrivateEcsRestApi } from '../../src';

/** A configuration's construct: an HTTP API with a load balancer or with Cloud Map in its place, or a REST API. */
export type ConfiguredApi = PrivateEcsHttpApi | PrivateEcsCloudMapHttpApi | PrivateEcsRestApi;

/** The API of a configuration's construct, whichever front it has. */
export function apiOf(api: ConfiguredApi): IConstruct {
  return 'restApi' in api ? api.restApi : api.httpApi;
}

/**
 * cdk-nag 2's `NagSuppressions`, which the tests use; cdk-nag 3, which `npx projen test:newest` loads
 * instead, has none: it reads the acknowledgements of aws-cdk-lib's `Validations` (its MIGRATION.md).
 */
const nagSuppressions = (cdkNag as unknown as { NagSuppressions?: NagSuppressionsOfCdkNag2 }).NagSuppressions;
interface NagSuppressionsOfCdkNag2 {
  addResourceSuppressions(
    construct: IConstruct, suppressions: { id: string; reason: string; appliesTo?: string[] }[], applyToChildren?: boolean,
  ): void;
}

/** Who reports a finding, and so where its acknowledgement is written. */
export enum Checker {
  /**
   * A cdk-nag rule; acknowledged where each major reads it: cdk-nag 2 in the resources' `cdk_nag`
   * metadata, cdk-nag 3 in the construct's `Validations` acknowledgements.
   */
  CDK_NAG = 'cdk-nag',
  /** A checkov check; acknowledged in the resource's `checkov` metadata in the template. */
  CHECKOV = 'checkov',
  /** A warning of the construct itself; acknowledged with `Annotations.acknowledgeWarning`. */
  CONSTRUCT = 'construct',
  /** A cfn-lint check; ignored for one resource in its `cfn-lint` metadata in the template. */
  CFN_LINT = 'cfn-lint',
}

/**
 * A finding that a user of the construct accepts on purpose, and why. These are choices of
 * the application, not defects of the construct: the construct cannot know them.
 * docs/COMPLIANCE.md lists each one; keep the two in step.
 */
export interface UserAcknowledgement {
  readonly checker: Checker;
  /** The rule, check or warning: `AwsSolutions-APIG4`, `CKV_AWS_158`, `cdk-private-ecs-http-api:publicApi`. */
  readonly id: string;
  /** Why this user accepts it; a reviewer reads it in the template's metadata. */
  readonly reason: string;
  /**
   * For a cdk-nag rule that names what it found (`AwsSolutions-IAM5[Action::kms:ReEncrypt*]`), the findings
   * accepted: cdk-nag 3 acknowledges each by that whole name, cdk-nag 2 as `appliesTo`.
   */
  readonly findings?: readonly string[];
  /** The construct the acknowledgement is attached to. */
  target(api: ConfiguredApi): IConstruct;
}

const PUBLIC_BY_DESIGN = 'The API is a public website on purpose: the sample app serves anonymous readers, so its routes have no authorizer.';

/**
 * The sample app is public on purpose: anyone may call it. An application with callers to
 * identify would set `defaultAuthorizer` instead of these two acknowledgements.
 */
export const PUBLIC_ROUTES: UserAcknowledgement = {
  checker: Checker.CDK_NAG,
  id: 'AwsSolutions-APIG4',
  reason: PUBLIC_BY_DESIGN,
  target: apiOf,
};
export const PUBLIC_API_WARNING: UserAcknowledgement = {
  checker: Checker.CONSTRUCT,
  id: 'cdk-private-ecs-http-api:publicApi',
  reason: PUBLIC_BY_DESIGN,
  target: api => api,
};

/**
 * The user passes plain settings to the container as environment variables. cdk-nag asks for
 * none at all, so that no secret lands in the task definition; secrets go through `secrets`.
 */
export const PLAIN_ENVIRONMENT: UserAcknowledgement = {
  checker: Checker.CDK_NAG,
  id: 'AwsSolutions-ECS2',
  reason: 'The environment variables hold plain, non-secret settings; secrets reach the container through the secrets prop, from Secrets Manager or SSM.',
  target: api => api.taskDefinition,
};

/**
 * The user's own VPC flow log group (in own-network, `UserVpc`'s flow log) keeps CloudWatch
 * Logs' default encryption at rest rather than a key of their own.
 */
export const FLOW_LOGS_DEFAULT_ENCRYPTION: UserAcknowledgement = {
  checker: Checker.CHECKOV,
  id: 'CKV_AWS_158',
  reason: 'CloudWatch Logs encrypts the flow logs at rest with its own keys; this account needs no customer managed KMS key for them.',
  target: api => Stack.of(api).node.findChild('UserVpc').node.findChild('FlowLog').node.findChild('LogGroup'),
};

/**
 * The hardened configuration's authorizer is a small Lambda function of the user's (a test's
 * stand-in for an identity provider). What checkers ask of long-running, data-handling functions
 * does not fit it: API Gateway calls it synchronously and answers the caller itself.
 */
export const AUTHORIZER_FUNCTION: readonly UserAcknowledgement[] = ['CKV_AWS_115', 'CKV_AWS_116', 'CKV_AWS_117'].map(id => ({
  checker: Checker.CHECKOV,
  id,
  reason: 'The authorizer is called synchronously by API Gateway, which answers the caller itself: '
    + 'no reserved concurrency or dead-letter queue would help it, and it calls nothing in a VPC.',
  target: (api: ConfiguredApi) => Stack.of(api).node.findChild('CallerAuthorizer'),
}));

/**
 * Offline, integ-runner synthesizes `hardened` with its placeholder certificate ARN, whose account
 * has 8 digits where ARNs have 12; the validators read the same template. A deployment passes a
 * real certificate in CDK_INTEG_CERT_ARN.
 */
export const PLACEHOLDER_CERTIFICATE: UserAcknowledgement = {
  checker: Checker.CFN_LINT,
  id: 'E1159',
  reason: "integ-runner's offline placeholder certificate ARN",
  target: api => api.customDomain!,
};

/**
 * The production app's own choices (test/integ/production-app.ts): a public health route, plain settings
 * in the orders service's environment, and a database password that the team rotates on its own schedule.
 */
export const PRODUCTION_ACKNOWLEDGEMENTS: readonly UserAcknowledgement[] = [
  {
    checker: Checker.CDK_NAG,
    id: 'AwsSolutions-APIG4',
    reason: 'GET /healthz is public on purpose: the uptime checker calls it without a token, and it answers only the root page.',
    target: api => (api as PrivateEcsHttpApi).httpApi.node.findChild('GET--healthz'),
  },
  {
    checker: Checker.CDK_NAG,
    id: 'AwsSolutions-ECS2',
    reason: 'TABLE_NAME is the plain name of the orders table, not a secret; the database password reaches the web front through secrets.',
    target: api => (api as PrivateEcsHttpApi).services[0].taskDefinition,
  },

  {
    checker: Checker.CDK_NAG,
    id: 'AwsSolutions-IAM5',
    reason: 'aws-cdk-lib\'s grantReadWriteData gives the orders service the key actions the table needs (kms:GenerateDataKey*, kms:ReEncrypt*), on the table\'s own key only.',
    findings: ['Action::kms:GenerateDataKey*', 'Action::kms:ReEncrypt*'],
    target: api => (api as PrivateEcsHttpApi).services[0].taskDefinition.taskRole,
  },
  {
    checker: Checker.CDK_NAG,
    id: 'AwsSolutions-SMG4',
    reason: 'The database team rotates the password with the database, on its own schedule, outside this stack.',
    target: api => Stack.of(api).node.findChild('DatabaseSecret'),
  },
];

/**
 * cdk-nag asks every REST API method for a Cognito user pool authorizer. The REST configurations' callers
 * are identified otherwise: none at all on the public sample (an API key meters them), IAM on the private one.
 */
export const REST_WITHOUT_COGNITO: UserAcknowledgement = {
  checker: Checker.CDK_NAG,
  id: 'AwsSolutions-COG4',
  reason: 'The API\'s callers are not users of a Cognito user pool: the sample is public (its API key meters, not authorizes), '
    + 'and a private API\'s callers sign with IAM.',
  target: apiOf,
};

/**
 * The REST configurations' sample image is public on purpose, as the HTTP ones': the API key of its
 * usage plan meters callers, which API Gateway says is no authorization.
 */
export const PUBLIC_REST_ROUTES: readonly UserAcknowledgement[] = [PUBLIC_ROUTES, PUBLIC_API_WARNING, REST_WITHOUT_COGNITO];

/**
 * The private REST configuration's API answers only through its VPC's `execute-api` endpoint, to callers
 * that sign with IAM: this user keeps WAF for the APIs the internet reaches.
 */
export const PRIVATE_API_WITHOUT_WEB_ACL: UserAcknowledgement = {
  checker: Checker.CDK_NAG,
  id: 'AwsSolutions-APIG3',
  reason: 'A PRIVATE API, reached only through the VPC\'s execute-api endpoint by IAM-signed callers: no internet traffic to filter.',
  target: api => (api as PrivateEcsRestApi).stage,
};

/** Every acknowledgement a test configuration may make, for docs/COMPLIANCE.md. */
export const USER_ACKNOWLEDGEMENTS: readonly UserAcknowledgement[] = [
  PUBLIC_ROUTES, PUBLIC_API_WARNING, PLAIN_ENVIRONMENT, FLOW_LOGS_DEFAULT_ENCRYPTION, ...AUTHORIZER_FUNCTION, PLACEHOLDER_CERTIFICATE,
  ...PRODUCTION_ACKNOWLEDGEMENTS, REST_WITHOUT_COGNITO, PRIVATE_API_WITHOUT_WEB_ACL,
];

/** Records the acknowledgements where their checkers read them. */
export function acknowledge(api: ConfiguredApi, acknowledgements: readonly UserAcknowledgement[]): void {
  for (const { checker, id, reason, findings, target } of acknowledgements) {
    const construct = target(api);
    switch (checker) {
      case Checker.CDK_NAG:
        nagSuppressions?.addResourceSuppressions(construct, [{ id, reason, appliesTo: findings && [...findings] }], true);
        for (const name of findings?.map(finding => `${id}[${finding}]`) ?? [id]) {
          Validations.of(construct).acknowledge({ id: name, reason });
        }
        break;
      case Checker.CHECKOV:
        const resource = cfnResourceOf(construct);
        const skip = resource.getMetadata('checkov')?.skip ?? [];
        resource.addMetadata('checkov', { skip: [...skip, { id, comment: reason }] });
        break;
      case Checker.CONSTRUCT:
        Annotations.of(construct).acknowledgeWarning(id, reason);
        break;
      case Checker.CFN_LINT:
        // cfn-lint reads no reason; the comment here and docs/COMPLIANCE.md carry it.
        cfnResourceOf(construct).addMetadata('cfn-lint', { config: { ignore_checks: [id] } });
        break;
    }
  }
}

function cfnResourceOf(construct: IConstruct): CfnResource {
  const resource = CfnResource.isCfnResource(construct) ? construct : construct.node.defaultChild;
  if (!CfnResource.isCfnResource(resource)) {
    throw new Error(`${construct.node.path} has no CloudFormation resource to carry an acknowledgement`);
  }
  return resource;
}
