import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Construct } from 'constructs';
import { PLAIN_ENVIRONMENT, PUBLIC_ROUTES, type UserAcknowledgement } from './user-acknowledgements';
import { PrivateEcsHttpApi } from '../../src';

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
  /** The cdk-nag findings this user accepts on purpose; see user-acknowledgements.ts. */
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
  userAcknowledgements: [PUBLIC_ROUTES],
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
  userAcknowledgements: [PUBLIC_ROUTES, PLAIN_ENVIRONMENT],
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
 * HARDENED: every hardening setting the construct offers, and only through its props.
 * Extend it whenever the construct gains one (access logs, authorizer, TLS to the load
 * balancer, ...), so that the validators always see the strictest template we can make.
 * It keeps the construct's own VPC and cluster, so that their hardening is checked too.
 */
export const HARDENED: TestConfiguration = {
  name: 'hardened',
  description: 'every hardening setting the construct offers',
  expectedBodyPattern: SAMPLE_BODY_PATTERN,
  userAcknowledgements: [PUBLIC_ROUTES],
  build: scope => new PrivateEcsHttpApi(scope, 'Api', {
    image: sampleImage(),
    // Named explicitly rather than left to the default: private subnets, one per zone.
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, onePerAz: true },
  }),
};

/** Every configuration, in the order reports list them. */
export const CONFIGURATIONS: readonly TestConfiguration[] = [TUTORIAL_DEFAULT, OWN_NETWORK, HARDENED];
