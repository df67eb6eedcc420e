import * as path from 'path';
import { Duration } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { buildProductionApp } from './production-app';
import {
  AUTHORIZER_FUNCTION, FLOW_LOGS_DEFAULT_ENCRYPTION, PLACEHOLDER_CERTIFICATE, PLAIN_ENVIRONMENT, PRODUCTION_ACKNOWLEDGEMENTS,
  PRIVATE_API_WITHOUT_WEB_ACL, PUBLIC_API_WARNING, PUBLIC_REST_ROUTES, PUBLIC_ROUTES, REST_WITHOUT_COGNITO,
  type ConfiguredApi, type UserAcknowledgement,
} from './user-acknowledgements';
import { PrivateEcsCloudMapHttpApi, PrivateEcsHttpApi, PrivateEcsRestApi, RestAuthorization, TaskEgress } from '../../src';

/**
 * One way a user configures the construct: the integ tests, the cdk-nag test and the
 * template validators (cfn-lint, checkov) all build their stacks from this list, so a
 * configuration added here is checked by every one of them.
 */
export interface TestConfiguration {
  /** Short kebab-case name; it names the integ test file, the stack and the template. */
  readonly name: string;
  /** What the configuration shows, for test titles and reports. */
  readonly description: string;
  /** A regular expression for the body the service answers at `/`, which the deployed assertion expects. */
  readonly expectedBodyPattern: string;
  /** The headers the deployed assertion sends: credentials, where the API asks for them. */
  readonly requestHeaders?: { readonly [name: string]: string };
  /**
   * A path of a public route, such as `healthz`, that the deployed assertion calls instead of `/`,
   * for an API whose other routes need a token no test can get: the assertion then also checks that
   * `/` without one answers 401.
   */
  readonly publicPath?: string;
  /**
   * The status the API answers without `requestHeaders`: 401 where an authorizer turns the caller away
   * (the default), 403 where a REST API's method needs the API key a usage plan meters.
   */
  readonly unauthenticatedStatus?: number;
  /**
   * Whether the API answers only inside a VPC (a PRIVATE REST API): the deployed assertion, a function
   * outside any VPC, then calls no URL: it asks API Gateway that the deployed API is PRIVATE.
   */
  readonly reachableOnlyFromVpc?: boolean;
  /** The findings this user accepts on purpose; see user-acknowledgements.ts. */
  readonly userAcknowledgements: readonly UserAcknowledgement[];
  /** Adds the user's resources and the construct to `scope` (a stack), and returns the construct. */
  build(scope: Construct): ConfiguredApi;
}

/** The image of the AWS tutorial: on port 80 it serves a welcome page headed "Amazon ECS Sample App". */
const SAMPLE_IMAGE = 'public.ecr.aws/ecs-sample-image/amazon-ecs-sample:latest';
const SAMPLE_BODY_PATTERN = 'Amazon ECS Sample App';

function sampleImage(): ecs.ContainerImage {
  return ecs.ContainerImage.fromRegistry(SAMPLE_IMAGE);
}

/** The AWS tutorial: only the image, every other setting the construct's default. */
export const TUTORIAL_DEFAULT: TestConfiguration = {
  name: 'tutorial-default',
  description: 'the tutorial: only an image, everything else by default',
  expectedBodyPattern: SAMPLE_BODY_PATTERN,
  userAcknowledgements: [PUBLIC_ROUTES, PUBLIC_API_WARNING],
  build: scope => new PrivateEcsHttpApi(scope, 'Api', {
    image: sampleImage(),
    containerPort: 80,
  }),
};

/**
 * A user who brings their own VPC and ECS cluster, made in the same stack, and passes the
 * container a setting. This user looks after their own resources (flow logs, Container
 * Insights), so that what the checks report here is about the construct.
 */
export const OWN_NETWORK: TestConfiguration = {
  name: 'own-network',
  description: "the user's own VPC and ECS cluster",
  expectedBodyPattern: SAMPLE_BODY_PATTERN,
  userAcknowledgements: [PUBLIC_ROUTES, PUBLIC_API_WARNING, PLAIN_ENVIRONMENT, FLOW_LOGS_DEFAULT_ENCRYPTION],
  build: scope => {
    const vpc = new ec2.Vpc(scope, 'UserVpc', { maxAzs: 2, natGateways: 1 });
    vpc.addFlowLog('FlowLog');
    const cluster = new ecs.Cluster(scope, 'UserCluster', {
      vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });
    return new PrivateEcsHttpApi(scope, 'Api', {
      image: sampleImage(),
      vpc,
      cluster,
      environment: { GREETING: 'Hello from the integ test' },
    });
  },
};

/**
 * What a deployment of `hardened` needs from the account, passed as integ-runner expects
 * (CDK_INTEG_CERT_ARN, CDK_INTEG_HOSTED_ZONE_ID, CDK_INTEG_HOSTED_ZONE_NAME): a wildcard
 * certificate and the hosted zone of its domain. Without them every tool uses the placeholders
 * integ-runner synthesizes snapshots with, so that the snapshot and the templates the validators
 * read are the same.
 */
const CERTIFICATE_ARN = process.env.CDK_INTEG_CERT_ARN
  ?? 'arn:aws:acm:test-region:12345678:certificate/86468209-a272-595d-b831-0efb6421265z';
const HOSTED_ZONE_ID = process.env.CDK_INTEG_HOSTED_ZONE_ID ?? 'Z23ABC4XYZL05B';
const HOSTED_ZONE_NAME = process.env.CDK_INTEG_HOSTED_ZONE_NAME ?? 'example.com';

/**
 * The credential the hardened API's authorizer accepts. A test's stand-in for an identity
 * provider: the deployed assertion sends it, and nothing else gets through.
 */
const CALLER_TOKEN = 'Bearer integ-hardened-caller';

/** A Lambda authorizer that lets through exactly the requests that carry `CALLER_TOKEN`. */
function callerAuthorizer(scope: Construct, key: kms.IKey): HttpLambdaAuthorizer {
  const logGroup = new logs.LogGroup(scope, 'CallerAuthorizerLogs', { retention: logs.RetentionDays.ONE_MONTH, encryptionKey: key });
  // A role that may only write the function's own logs, rather than a managed policy for any log group.
  const role = new iam.Role(scope, 'CallerAuthorizerRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  logGroup.grantWrite(role);
  const handler = new lambda.Function(scope, 'CallerAuthorizer', {
    role,
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(
      `exports.handler = async (event) => ({ isAuthorized: event.headers?.authorization === '${CALLER_TOKEN}' });`),
    logGroup,
  });
  return new HttpLambdaAuthorizer('Caller', handler, {
    responseTypes: [HttpLambdaResponseType.SIMPLE],
    identitySource: ['$request.header.Authorization'],
  });
}

/**
 * HARDENED: every hardening setting the construct offers, through its props. Extend it whenever
 * the construct gains one, so that the validators always see the strictest template we can make.
 * It keeps the construct's own VPC and cluster, so that their hardening is checked too; the
 * defaults already add flow logs, Container Insights and access logs.
 */
export const HARDENED: TestConfiguration = {
  name: 'hardened',
  description: 'every hardening setting the construct offers',
  expectedBodyPattern: SAMPLE_BODY_PATTERN,
  requestHeaders: { Authorization: CALLER_TOKEN },
  userAcknowledgements: [...AUTHORIZER_FUNCTION, PLACEHOLDER_CERTIFICATE],
  build: scope => {
    const logKey = new kms.Key(scope, 'LogKey', { enableKeyRotation: true, description: 'Encrypts the API and container logs' });
    const certificate = acm.Certificate.fromCertificateArn(scope, 'Certificate', CERTIFICATE_ARN);
    return new PrivateEcsHttpApi(scope, 'Api', {
      // No route out of the VPC: the tasks reach ECR and CloudWatch Logs through VPC endpoints.
      taskEgress: TaskEgress.VPC_ENDPOINTS,
      image: ecs.ContainerImage.fromAsset(path.join(__dirname, 'sample-image')),
      // TLS on the last hop too: API Gateway calls the load balancer over HTTPS and checks its name.
      loadBalancerCertificate: certificate,
      loadBalancerServerName: `internal.${HOSTED_ZONE_NAME}`,
      // Only callers the authorizer lets through; a custom domain with its DNS record.
      defaultAuthorizer: callerAuthorizer(scope, logKey),
      domainName: `api.${HOSTED_ZONE_NAME}`,
      domainCertificate: certificate,
      domainHostedZone: route53.HostedZone.fromHostedZoneAttributes(scope, 'Zone', {
        hostedZoneId: HOSTED_ZONE_ID,
        zoneName: HOSTED_ZONE_NAME,
      }),
      // Tighter limits than the defaults, and logs under a key of our own.
      throttlingRateLimit: 100,
      throttlingBurstLimit: 200,
      integrationTimeout: Duration.seconds(10),
      logEncryptionKey: logKey,
      recommendedAlarms: true,
    });
  },
};

/**
 * Zero-downtime deploys: the default service deploys blue/green and an added one linearly, each
 * with a second target group, a listener rule ECS shifts, a test listener with the same rules,
 * and the recommended alarms rolling a deployment back.
 */
export const BLUE_GREEN: TestConfiguration = {
  name: 'blue-green',
  description: 'blue/green and linear deployments with a test listener and rollback on alarms',
  expectedBodyPattern: SAMPLE_BODY_PATTERN,
  userAcknowledgements: [PUBLIC_ROUTES, PUBLIC_API_WARNING],
  build: scope => {
    const api = new PrivateEcsHttpApi(scope, 'Api', {
      image: sampleImage(),
      deploymentStrategy: ecs.DeploymentStrategy.BLUE_GREEN,
      bakeTime: Duration.minutes(5),
      testListenerPort: 8080,
      recommendedAlarms: true,
    });
    api.addService('Orders', {
      image: sampleImage(),
      pathPrefix: '/orders',
      deploymentStrategy: ecs.DeploymentStrategy.LINEAR,
      linearConfiguration: { stepPercent: 50, stepBakeTime: Duration.minutes(1) },
    });
    return api;
  },
};

/**
 * A health check the sample image can run: its web server asked from inside the container, with the
 * curl of its Amazon Linux base. Ten seconds to start before a failure counts.
 */
const SAMPLE_HEALTH_CHECK: ecs.HealthCheck = {
  command: ['CMD-SHELL', 'curl -fs http://localhost/ > /dev/null || exit 1'],
  startPeriod: Duration.seconds(10),
};

/**
 * No load balancer: the API discovers the tasks in Cloud Map and calls them through the VPC link,
 * for the default service and an added one, each with a container health check.
 */
export const CLOUD_MAP: TestConfiguration = {
  name: 'cloud-map',
  description: 'a Cloud Map backend without a load balancer, with an added service',
  expectedBodyPattern: SAMPLE_BODY_PATTERN,
  userAcknowledgements: [PUBLIC_ROUTES, PUBLIC_API_WARNING],
  build: scope => {
    const api = new PrivateEcsCloudMapHttpApi(scope, 'Api', { image: sampleImage(), containerHealthCheck: SAMPLE_HEALTH_CHECK });
    api.addService('Orders', { image: sampleImage(), pathPrefix: '/orders', containerHealthCheck: SAMPLE_HEALTH_CHECK });
    return api;
  },
};

/**
 * The production app of issue 18 (test/integ/production-app.ts): what a team writes on day one, from
 * the docs alone, with no escape hatch. Its routes need a token of the team's identity provider,
 * which no test has; the deployed assertion calls its public health route instead, which answers
 * with the web front's root page, and checks that `/` without a token answers 401.
 */
export const PRODUCTION: TestConfiguration = {
  name: 'production',
  description: 'a production app: per-service auth, sidecars, a stripped prefix, scaling with a schedule, blue/green, Cloud Map on Spot',
  expectedBodyPattern: SAMPLE_BODY_PATTERN,
  publicPath: 'healthz',
  userAcknowledgements: [...PRODUCTION_ACKNOWLEDGEMENTS, PLACEHOLDER_CERTIFICATE],
  build: scope => buildProductionApp(scope, {
    certificateArn: CERTIFICATE_ARN,
    hostedZoneId: HOSTED_ZONE_ID,
    hostedZoneName: HOSTED_ZONE_NAME,
  }).api,
};

/**
 * The API key the REST configuration's usage plan holds, which the deployed assertion sends. A test's own
 * value: API keys identify callers for metering and are no secret of authorization.
 */
const SAMPLE_API_KEY = 'integ-rest-edge-sample-key-0001';

/**
 * A regional web ACL of the user's, as teams write one: AWS's common rule set, and a rate limit per
 * client address, which only works where the client's own address is seen, at the REST API's stage.
 */
function sampleWebAcl(scope: Construct): wafv2.CfnWebACL {
  const visibility = (metricName: string) => ({ cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });
  return new wafv2.CfnWebACL(scope, 'WebAcl', {
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    visibilityConfig: visibility('rest-edge'),
    rules: [
      {
        name: 'common',
        priority: 0,
        overrideAction: { none: {} },
        statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' } },
        visibilityConfig: visibility('common'),
      },
      {
        name: 'known-bad-inputs',
        priority: 1,
        overrideAction: { none: {} },
        statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesKnownBadInputsRuleSet' } },
        visibilityConfig: visibility('known-bad-inputs'),
      },
      {
        name: 'per-client-rate',
        priority: 2,
        action: { block: {} },
        statement: { rateBasedStatement: { limit: 1000, aggregateKeyType: 'IP' } },
        visibilityConfig: visibility('per-client-rate'),
      },
    ],
  });
}

/**
 * A REST API in front: a web ACL on the stage that sees the client's address, and a usage plan that
 * meters the one API key the sample's callers send, on the default service and an added one.
 */
export const REST_EDGE: TestConfiguration = {
  name: 'rest-edge',
  description: 'a REST API in front, with a web ACL on its stage and a usage plan with an API key',
  expectedBodyPattern: SAMPLE_BODY_PATTERN,
  requestHeaders: { 'x-api-key': SAMPLE_API_KEY },
  unauthenticatedStatus: 403,
  userAcknowledgements: PUBLIC_REST_ROUTES,
  build: scope => {
    const api = new PrivateEcsRestApi(scope, 'Api', {
      image: sampleImage(),
      webAclArn: sampleWebAcl(scope).attrArn,
      apiKeyRequired: true,
      usagePlans: [{ name: 'samples', throttlingRateLimit: 50, throttlingBurstLimit: 100, quota: { limit: 10_000, period: apigw.Period.DAY } }],
    });
    api.addApiKey('samples', new apigw.ApiKey(scope, 'SampleKey', { value: SAMPLE_API_KEY }));
    api.addService('Orders', { image: sampleImage(), pathPrefix: '/orders', apiKeyRequired: true });
    return api;
  },
};

/** The private REST configuration's VPC, whose addresses alone its execute-api endpoint admits. */
const PRIVATE_VPC_CIDR = '10.20.0.0/16';

/**
 * A PRIVATE REST API: callable only from the user's VPC, through its `execute-api` interface endpoint,
 * by callers that sign with IAM.
 */
export const REST_PRIVATE: TestConfiguration = {
  name: 'rest-private',
  description: 'a PRIVATE REST API, reached only through an execute-api VPC endpoint, with IAM authorization',
  expectedBodyPattern: SAMPLE_BODY_PATTERN,
  reachableOnlyFromVpc: true,
  userAcknowledgements: [REST_WITHOUT_COGNITO, PRIVATE_API_WITHOUT_WEB_ACL, FLOW_LOGS_DEFAULT_ENCRYPTION],
  build: scope => {
    const vpc = new ec2.Vpc(scope, 'UserVpc', { maxAzs: 2, natGateways: 1, ipAddresses: ec2.IpAddresses.cidr(PRIVATE_VPC_CIDR) });
    vpc.addFlowLog('FlowLog');
    // The endpoint admits HTTPS from the VPC's own addresses only: the callers of the private API.
    const securityGroup = new ec2.SecurityGroup(scope, 'ExecuteApiEndpointSecurityGroup', {
      vpc, description: 'execute-api endpoint: HTTPS from the VPC only', allowAllOutbound: false,
    });
    securityGroup.addIngressRule(ec2.Peer.ipv4(PRIVATE_VPC_CIDR), ec2.Port.tcp(443), 'HTTPS from the VPC');
    const endpoint = vpc.addInterfaceEndpoint('ExecuteApi', {
      service: ec2.InterfaceVpcEndpointAwsService.APIGATEWAY, privateDnsEnabled: true, open: false, securityGroups: [securityGroup],
    });
    return new PrivateEcsRestApi(scope, 'Api', {
      image: sampleImage(),
      vpc,
      endpointType: apigw.EndpointType.PRIVATE,
      vpcEndpoints: [endpoint],
      defaultAuthorization: RestAuthorization.iam(),
    });
  },
};

/** Every configuration, in the order reports list them. */
export const CONFIGURATIONS: readonly TestConfiguration[] = [
  TUTORIAL_DEFAULT, OWN_NETWORK, HARDENED, BLUE_GREEN, CLOUD_MAP, PRODUCTION, REST_EDGE, REST_PRIVATE,
];
