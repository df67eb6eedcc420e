import { Stack } from 'aws-cdk-lib';
import type { App } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { PrivateEcsCloudMapHttpApiProps, PrivateEcsHttpApiProps, PrivateEcsRestApiProps } from '../src';
import { PrivateEcsCloudMapHttpApi, PrivateEcsHttpApi, PrivateEcsRestApi, TaskEgress } from '../src';
import { handWrittenStack } from './hand-written';
import { HARDENED } from '../test/integ/configurations';

const SAMPLE_IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/ecs-sample-image/amazon-ecs-sample:latest');

/** A stack the benchmark synthesizes and prices. */
export interface BenchConfiguration {
  readonly name: string;
  readonly description: string;
  readonly build: (app: App) => Stack;
}

/** A stack in us-east-1 with what `build` adds to it: the prices are that Region's. */
function benchStack(build: (stack: Stack) => void) {
  return (app: App): Stack => {
    const stack = new Stack(app, 'Bench', { env: { region: 'us-east-1' } });
    build(stack);
    return stack;
  };
}

/** Our construct with the sample image and `props`, or with the image `props` computes in the stack. */
function ourStack(props: Partial<PrivateEcsHttpApiProps> | ((stack: Stack) => PrivateEcsHttpApiProps)) {
  return benchStack(stack => new PrivateEcsHttpApi(stack, 'Api',
    typeof props === 'function' ? props(stack) : { image: SAMPLE_IMAGE, ...props }));
}

/** The Cloud Map backend, without a load balancer, with the sample image and `props`. */
function cloudMapStack(props: Partial<PrivateEcsCloudMapHttpApiProps>) {
  return benchStack(stack => new PrivateEcsCloudMapHttpApi(stack, 'Api', { image: SAMPLE_IMAGE, ...props }));
}

/** The REST API front over the same backend, with the sample image and `props`, then what `extend` adds. */
function restStack(props: Partial<PrivateEcsRestApiProps>, extend?: (api: PrivateEcsRestApi, stack: Stack) => void) {
  return benchStack(stack => {
    const api = new PrivateEcsRestApi(stack, 'Api', { image: SAMPLE_IMAGE, ...props });
    extend?.(api, stack);
  });
}

/** The same tasks, pulling a private ECR image, for the configurations without internet egress. */
function privateImage(stack: Stack): ecs.ContainerImage {
  return ecs.ContainerImage.fromEcrRepository(ecr.Repository.fromRepositoryName(stack, 'Repo', 'sample'), 'latest');
}

/** The tutorial's own stack, hand-written: the baseline every cost is compared with. */
export const TUTORIAL_EQUIVALENT: BenchConfiguration = {
  name: 'tutorial (hand-written)',
  description: 'The tutorial\'s stack: 2 NAT gateways, an ALB, 1 task',
  build: app => handWrittenStack(app, 'Tutorial', { desiredCount: 1, secured: false }),
};

/** Our default, and the same architecture hand-written: the pair whose synth times we compare. */
export const OUR_DEFAULT: BenchConfiguration = {
  name: 'default',
  description: 'Only `image`: 2 NAT gateways, 2 tasks, logs, flow logs',
  build: ourStack({}),
};
export const HAND_WRITTEN_DEFAULT: BenchConfiguration = {
  name: 'default (hand-written)',
  description: 'Our default\'s architecture from aws-cdk-lib L2 constructs',
  build: app => handWrittenStack(app, 'HandWritten', { desiredCount: 2, secured: true }),
};

/** The most hardened configuration, as the integ tests and validators check it. */
export const OUR_HARDENED: BenchConfiguration = {
  name: 'hardened',
  description: 'The integ tests\' `hardened`: VPC endpoints, TLS to the ALB, authorizer, custom domain, KMS-encrypted logs, alarms',
  build: benchStack(stack => HARDENED.build(stack)),
};

/** The cost presets: each a combination of props, with its trade-off in the README. */
export const COST_PRESETS: BenchConfiguration[] = [
  {
    name: 'single NAT',
    description: '`natGateways: 1`',
    build: ourStack({ natGateways: 1 }),
  },
  {
    name: 'NAT instances',
    description: '`natGatewayProvider: NatProvider.instanceV2` (t4g.nano), tasks still in private subnets',
    build: ourStack({
      natGatewayProvider: ec2.NatProvider.instanceV2({
        instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.NANO),
        machineImage: ec2.MachineImage.latestAmazonLinux2023({ cpuType: ec2.AmazonLinuxCpuType.ARM_64 }),
        defaultAllowedTraffic: ec2.NatTrafficDirection.OUTBOUND_ONLY,
      }),
    }),
  },
  {
    name: 'Graviton',
    description: '`cpuArchitecture: ARM64`',
    build: ourStack({ cpuArchitecture: ecs.CpuArchitecture.ARM64 }),
  },
  {
    name: 'Spot',
    description: '`fargateSpot: true`',
    build: ourStack({ fargateSpot: true }),
  },
  {
    name: 'Graviton + Spot',
    description: '`cpuArchitecture: ARM64`, `fargateSpot: true`',
    build: ourStack({ cpuArchitecture: ecs.CpuArchitecture.ARM64, fargateSpot: true }),
  },
  {
    name: 'blue/green',
    description: '`deploymentStrategy: BLUE_GREEN` (idle; the bake adds the second set of tasks for `bakeTime`)',
    build: ourStack({ deploymentStrategy: ecs.DeploymentStrategy.BLUE_GREEN }),
  },
  {
    name: 'VPC endpoints',
    description: '`taskEgress: VPC_ENDPOINTS`, a private ECR image',
    build: ourStack(stack => ({ image: privateImage(stack), taskEgress: TaskEgress.VPC_ENDPOINTS })),
  },
  {
    name: 'lean',
    description: '`taskEgress: PUBLIC_IP`, `fargateSpot: true`, `desiredCount: 1`',
    build: ourStack({ taskEgress: TaskEgress.PUBLIC_IP, fargateSpot: true, desiredCount: 1 }),
  },
  {
    name: 'Cloud Map',
    description: '`PrivateEcsCloudMapHttpApi`, only `image`: no load balancer, 2 NAT gateways, 2 tasks',
    build: cloudMapStack({}),
  },
  {
    name: 'Cloud Map lean',
    description: '`PrivateEcsCloudMapHttpApi`: no load balancer, `taskEgress: PUBLIC_IP`, `fargateSpot: true`, `cpuArchitecture: ARM64`, `desiredCount: 1`',
    build: cloudMapStack({ taskEgress: TaskEgress.PUBLIC_IP, fargateSpot: true, cpuArchitecture: ecs.CpuArchitecture.ARM64, desiredCount: 1 }),
  },
];

/**
 * The REST API front (`PrivateEcsRestApi`) on the default's backend: what it adds to the template. Its
 * requests cost more than the HTTP API's (bench/prices.ts), but none of it bills while idle.
 */
export const REST_CONFIGURATIONS: BenchConfiguration[] = [
  {
    name: 'REST',
    description: '`PrivateEcsRestApi`, only `image`: 2 NAT gateways, 2 tasks, logs, flow logs',
    build: restStack({}),
  },
  {
    name: 'REST + WAF + usage plan',
    description: '`PrivateEcsRestApi` with `webAclArn` (the web ACL is the user\'s, billed apart), a usage plan with throttling and a quota, an API key, `apiKeyRequired`',
    build: restStack({
      webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/a1b2c3d4',
      apiKeyRequired: true,
      usagePlans: [{ name: 'partners', throttlingRateLimit: 10, throttlingBurstLimit: 20, quota: { limit: 10000, period: apigw.Period.MONTH } }],
    }, (api, stack) => api.addApiKey('partners', new apigw.ApiKey(stack, 'PartnerKey'))),
  },
];
