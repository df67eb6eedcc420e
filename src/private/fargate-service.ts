import { Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { ResolvedServiceOptions } from './defaults';

/** The name of the one container in each task definition. */
export const CONTAINER_NAME = 'web';

/** Where one Fargate service runs. */
export interface FargateServicePlacement {
  readonly cluster: ecs.ICluster;
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
}

/** The resources of one Fargate service behind the load balancer. */
export interface FargateServiceResources {
  readonly taskDefinition: ecs.FargateTaskDefinition;
  readonly service: ecs.FargateService;
  readonly securityGroup: ec2.SecurityGroup;
  readonly targetGroup: elbv2.ApplicationTargetGroup;
}

/**
 * Creates a Fargate service in private subnets, without a public IP, and an IP target group
 * that health-checks it. The caller attaches the target group to a listener, and that opens
 * the service's security group to the load balancer's, on the container port only.
 */
export function createFargateService(
  scope: Construct,
  placement: FargateServicePlacement,
  options: ResolvedServiceOptions,
): FargateServiceResources {
  const taskDefinition = new ecs.FargateTaskDefinition(scope, 'TaskDefinition', {
    cpu: options.cpu,
    memoryLimitMiB: options.memoryLimitMiB,
  });
  const logGroup = new logs.LogGroup(scope, 'ContainerLogs', {
    retention: logs.RetentionDays.ONE_MONTH,
  });
  taskDefinition.addContainer('Container', {
    containerName: CONTAINER_NAME,
    image: options.image,
    portMappings: [{ containerPort: options.containerPort, protocol: ecs.Protocol.TCP }],
    environment: options.environment,
    secrets: options.secrets,
    logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: CONTAINER_NAME }),
  });

  const securityGroup = new ec2.SecurityGroup(scope, 'ServiceSecurityGroup', {
    vpc: placement.vpc,
    description: 'Fargate tasks: admits only the load balancer, on the container port',
    allowAllOutbound: true,
  });
  const service = new ecs.FargateService(scope, 'Service', {
    cluster: placement.cluster,
    taskDefinition,
    desiredCount: options.desiredCount,
    vpcSubnets: placement.subnets,
    securityGroups: [securityGroup],
    assignPublicIp: false,
    circuitBreaker: { enable: true, rollback: true },
    minHealthyPercent: 100,
    maxHealthyPercent: 200,
    healthCheckGracePeriod: Duration.seconds(60),
  });

  const targetGroup = new elbv2.ApplicationTargetGroup(scope, 'TargetGroup', {
    vpc: placement.vpc,
    targetType: elbv2.TargetType.IP,
    protocol: elbv2.ApplicationProtocol.HTTP,
    port: options.containerPort,
    targets: [service.loadBalancerTarget({ containerName: CONTAINER_NAME, containerPort: options.containerPort })],
    healthCheck: {
      path: options.healthCheckPath,
      healthyHttpCodes: '200-399',
      interval: Duration.seconds(15),
      healthyThresholdCount: 2,
      unhealthyThresholdCount: 3,
    },
    // The ALB's default of five minutes makes every deployment wait that long per task.
    deregistrationDelay: Duration.seconds(30),
  });

  return { taskDefinition, service, securityGroup, targetGroup };
}
