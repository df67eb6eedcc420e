import { Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { acknowledgeNagFinding } from './acknowledge';
import type { ResolvedServiceOptions } from './defaults';
import { isShifting } from './defaults';
import { createLogGroup } from './log-groups';

/** The name of the one container in each task definition. */
export const CONTAINER_NAME = 'web';

/** Where one Fargate service runs. */
export interface FargateServicePlacement {
  readonly cluster: ecs.ICluster;
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
  readonly assignPublicIp: boolean;
  /** The key that encrypts the container logs, if any. */
  readonly logEncryptionKey?: kms.IKey;
}

/** The resources of one Fargate service, before it is wired to a backend. */
export interface FargateServiceResources {
  readonly taskDefinition: ecs.FargateTaskDefinition;
  readonly service: ecs.FargateService;
  readonly securityGroup: ec2.SecurityGroup;
}

/**
 * Creates a Fargate service that rolls back a failing deployment without losing capacity, with a
 * security group that admits nothing: the backend opens the container port to what calls it
 * (`securityGroupDescription` says what).
 */
export function createFargateService(
  scope: Construct,
  placement: FargateServicePlacement,
  options: ResolvedServiceOptions,
  securityGroupDescription: string,
): FargateServiceResources {
  const taskDefinition = createTaskDefinition(scope, options, placement.logEncryptionKey);
  const securityGroup = new ec2.SecurityGroup(scope, 'ServiceSecurityGroup', {
    vpc: placement.vpc,
    description: securityGroupDescription,
    allowAllOutbound: true,
  });
  const service = new ecs.FargateService(scope, 'Service', {
    cluster: placement.cluster,
    taskDefinition,
    desiredCount: options.desiredCount,
    vpcSubnets: placement.subnets,
    assignPublicIp: placement.assignPublicIp,
    securityGroups: [securityGroup],
    capacityProviderStrategies: options.fargateSpot ? [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] : undefined,
    // "The deployment circuit breaker can only be used for services using the rolling update (ECS)
    // deployment type": a blue/green, canary or linear deployment rolls back on its alarms and hooks.
    // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html
    circuitBreaker: isShifting(options.deploymentStrategy) ? undefined : { enable: true, rollback: true },
    minHealthyPercent: options.minHealthyPercent,
    maxHealthyPercent: options.maxHealthyPercent,
    healthCheckGracePeriod: options.healthCheckGracePeriod,
    // ROLLING is ECS's default: left out, so that rolling services' templates stay as they were.
    deploymentStrategy: isShifting(options.deploymentStrategy) ? options.deploymentStrategy : undefined,
    bakeTime: options.bakeTime,
    canaryConfiguration: options.canaryConfiguration,
    linearConfiguration: options.linearConfiguration,
    lifecycleHooks: options.lifecycleHooks,
  });
  return { taskDefinition, service, securityGroup };
}

/** An IP target group for a service's tasks, health-checked on its path. */
export function createTargetGroup(scope: Construct, id: string, vpc: ec2.IVpc, options: ResolvedServiceOptions): elbv2.ApplicationTargetGroup {
  return new elbv2.ApplicationTargetGroup(scope, id, {
    vpc,
    targetType: elbv2.TargetType.IP,
    protocol: elbv2.ApplicationProtocol.HTTP,
    port: options.containerPort,
    healthCheck: {
      path: options.healthCheckPath,
      healthyHttpCodes: '200-399',
      interval: Duration.seconds(15),
      healthyThresholdCount: 2,
      unhealthyThresholdCount: 3,
    },
    // The load balancer's default of five minutes would make every deployment wait that long.
    deregistrationDelay: Duration.seconds(30),
  });
}

function createTaskDefinition(scope: Construct, options: ResolvedServiceOptions, logEncryptionKey?: kms.IKey): ecs.FargateTaskDefinition {
  const taskDefinition = new ecs.FargateTaskDefinition(scope, 'TaskDefinition', {
    cpu: options.cpu,
    memoryLimitMiB: options.memoryLimitMiB,
    runtimePlatform: {
      cpuArchitecture: options.cpuArchitecture,
      operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
    },
  });
  const logGroup = createLogGroup(scope, 'ContainerLogs', options.containerLogRetention, logEncryptionKey);
  taskDefinition.addContainer('Container', {
    containerName: CONTAINER_NAME,
    image: options.image,
    portMappings: [{ containerPort: options.containerPort, protocol: ecs.Protocol.TCP }],
    environment: options.environment,
    secrets: options.secrets,
    healthCheck: options.containerHealthCheck,
    logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: CONTAINER_NAME }),
  });
  const executionRolePolicy = taskDefinition.executionRole?.node.tryFindChild('DefaultPolicy');
  if (executionRolePolicy) {
    acknowledgeNagFinding(executionRolePolicy, 'AwsSolutions-IAM5',
      'ecr:GetAuthorizationToken has no resource-level permissions: AWS requires Resource "*" for it. '
      + 'The other actions of this policy name the image repository and the log group.',
      'Resource::*');
  }
  return taskDefinition;
}
