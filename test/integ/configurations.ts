import * as path from 'path';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Construct } from 'constructs';
import {
  FLOW_LOGS_DEFAULT_ENCRYPTION, PLAIN_ENVIRONMENT, PUBLIC_API_WARNING, PUBLIC_ROUTES, type UserAcknowledgement,
} from './user-acknowledgements';
import { PrivateEcsHttpApi, TaskEgress } from '../../src';

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
  /** The findings this user accepts on purpose; see user-acknowledgements.ts. */
  readonly userAcknowledgements: readonly UserAcknowledgement[];
  /** Adds the user's resources and the construct to `scope` (a stack), and returns the construct. */
  build(scope: Construct): PrivateEcsHttpApi;
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
 * The load balancer's certificate, and the host name in it that API Gateway checks. Deploying
 * needs real ones, passed as integ-runner expects (CDK_INTEG_CERT_ARN, CDK_INTEG_DOMAIN_NAME);
 * without them every tool uses the placeholders integ-runner synthesizes snapshots with, so that
 * the snapshot and the templates the validators read are the same.
 */
const CERTIFICATE_ARN = process.env.CDK_INTEG_CERT_ARN
  ?? 'arn:aws:acm:test-region:12345678:certificate/86468209-a272-595d-b831-0efb6421265z';
const SERVER_NAME = `internal.${(process.env.CDK_INTEG_DOMAIN_NAME ?? '*.example.com').replace(/^\*\./, '')}`;

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
  // Public on purpose: the deployed assertion calls the API without credentials.
  userAcknowledgements: [PUBLIC_ROUTES, PUBLIC_API_WARNING],
  build: scope => new PrivateEcsHttpApi(scope, 'Api', {
    // No route out of the VPC: the tasks reach ECR and CloudWatch Logs through VPC endpoints.
    taskEgress: TaskEgress.VPC_ENDPOINTS,
    image: ecs.ContainerImage.fromAsset(path.join(__dirname, 'sample-image')),
    // TLS on the last hop too: API Gateway calls the load balancer over HTTPS and checks its name.
    loadBalancerCertificate: acm.Certificate.fromCertificateArn(scope, 'LoadBalancerCertificate', CERTIFICATE_ARN),
    loadBalancerServerName: SERVER_NAME,
    recommendedAlarms: true,
  }),
};

/** Every configuration, in the order reports list them. */
export const CONFIGURATIONS: readonly TestConfiguration[] = [TUTORIAL_DEFAULT, OWN_NETWORK, HARDENED];
