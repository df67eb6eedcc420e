import { Annotations, AspectPriority, Aspects, FeatureFlags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { ECS_DISABLE_EXPLICIT_DEPLOYMENT_CONTROLLER_FOR_CIRCUIT_BREAKER } from 'aws-cdk-lib/cx-api';
import type { Construct, IConstruct } from 'constructs';
import { createLogGroup } from './log-groups';
import { acknowledgeNagFinding } from '../compliance/acknowledge';
import { isShifting } from '../props/defaults';
import type { ResolvedServiceOptions } from '../props/resolved-options';

/** The port of every target group: the default of registrations, which ECS always overrides with the container port. */
const TARGET_GROUP_PORT = 80;

/** Where one Fargate service runs. */
export interface FargateServicePlacement {
  readonly cluster: ecs.ICluster;
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
  readonly assignPublicIp: boolean;
  /** Whether the cluster has the FARGATE and FARGATE_SPOT capacity providers (one of this app does). */
  readonly fargateCapacityProviders: boolean;
  /** The key that encrypts the container logs, if any. */
  readonly logEncryptionKey?: kms.IKey;
}

/** The resources of one Fargate service, before it is wired to a backend. */
export interface FargateServiceResources {
  readonly taskDefinition: ecs.FargateTaskDefinition;
  /** The log group of the service's container: none with a `logDriver` of the user's. */
  readonly containerLogGroup?: logs.ILogGroup;
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
  const { taskDefinition, containerLogGroup } = createTaskDefinition(scope, options, placement.logEncryptionKey);
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
    capacityProviderStrategies: capacityProviderStrategy(placement, options),
    circuitBreaker: usesCircuitBreaker(options.deploymentStrategy) ? { enable: true, rollback: true } : undefined,
    deploymentController: deploymentController(scope),
    minHealthyPercent: options.minHealthyPercent,
    maxHealthyPercent: options.maxHealthyPercent,
    healthCheckGracePeriod: options.healthCheckGracePeriod,
    // ROLLING is ECS's default: left out, so that rolling services' templates stay as they were.
    deploymentStrategy: isShifting(options.deploymentStrategy) ? options.deploymentStrategy : undefined,
    bakeTime: options.bakeTime,
    canaryConfiguration: options.canaryConfiguration,
    linearConfiguration: options.linearConfiguration,
    lifecycleHooks: options.lifecycleHooks,
    // aws-cdk-lib grants the task role the ssmmessages actions ECS Exec needs; false is left out, as before.
    // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html
    enableExecuteCommand: options.enableExecuteCommand || undefined,
  });
  warnOfCapacity(scope, placement, options);
  warnOfExecOnReadonlyRoot(scope, options);
  if (placement.fargateCapacityProviders) {
    // The cluster's capacity provider association, made at synth, exists before a service names a provider.
    service.node.addDependency(placement.cluster);
  }
  // A role of the user's holds the user's own statements too: what cdk-nag finds there is theirs to judge.
  if (options.enableExecuteCommand && !options.taskRole) {
    acknowledgeExecuteCommandPolicy(taskDefinition);
  }
  return { taskDefinition, containerLogGroup, service, securityGroup };
}

/**
 * Where a service's tasks run, named as a capacity provider strategy from the first deploy, Spot or not:
 * a service created with a launch type is replaced to move to a strategy ("Update requires:
 * Replacement" for LaunchType), while a strategy changes in place, so Spot turns on and off without a
 * new service. Only on a cluster the construct could give the providers; an imported one keeps the
 * launch type (and turning on Spot there replaces the service).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-service.html#cfn-ecs-service-launchtype
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-service.html#cfn-ecs-service-capacityproviderstrategy
 */
function capacityProviderStrategy(placement: FargateServicePlacement, options: ResolvedServiceOptions): ecs.CapacityProviderStrategy[] | undefined {
  if (!placement.fargateCapacityProviders && !options.fargateSpot) {
    return undefined;
  }
  if (!options.fargateSpot) {
    return [{ capacityProvider: 'FARGATE', weight: 1 }];
  }
  return spotMix(options.onDemandBaseTaskCount, options.onDemandPercent);
}

/**
 * A Spot service's strategy: the on-demand base on FARGATE (the one provider with a base: "Only one
 * capacity provider in a capacity provider strategy can have a base defined"), then the tasks above
 * it split by weight, `onDemandPercent` to FARGATE and the rest to FARGATE_SPOT, reduced to the
 * smallest whole weights ("relative percentage": 25 percent is 1 to 3, 0 percent is 0 to 1). The
 * weights always sum above 0 and stay within 0 to 1000, as ECS requires. Spot alone is FARGATE_SPOT
 * with weight 1, as it has always been written.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-capacityproviderstrategyitem.html
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html
 */
function spotMix(onDemandBase: number, onDemandPercent: number): ecs.CapacityProviderStrategy[] {
  const spot: ecs.CapacityProviderStrategy = { capacityProvider: 'FARGATE_SPOT', weight: 1 };
  if (onDemandBase === 0 && onDemandPercent === 0) {
    return [spot];
  }
  const divisor = greatestCommonDivisor(onDemandPercent, 100 - onDemandPercent);
  return [
    { capacityProvider: 'FARGATE', base: onDemandBase === 0 ? undefined : onDemandBase, weight: onDemandPercent / divisor },
    { ...spot, weight: (100 - onDemandPercent) / divisor },
  ];
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

/**
 * Warns of capacity that passes synth but serves nothing: a service with no task, and Spot on a
 * cluster the construct cannot see.
 */
function warnOfCapacity(scope: Construct, placement: FargateServicePlacement, options: ResolvedServiceOptions): void {
  if (options.desiredCount === 0 && !options.autoScaling) {
    Annotations.of(scope).addWarningV2('cdk-private-ecs-http-api:noTasks',
      'desiredCount is 0 and the service has no autoScaling: it runs no task, and the API answers its requests with 503. '
      + 'Set desiredCount to 1 or more, or autoScaling, or acknowledge this warning.');
  }
  if (options.fargateSpot && !placement.fargateCapacityProviders) {
    // An imported cluster's capacity providers are not in this app: the strategy names them anyway, and
    // ECS refuses a service whose strategy names a provider the cluster does not have.
    const providers = options.onDemandBaseTaskCount === 0 && options.onDemandPercent === 0 ? 'FARGATE_SPOT' : 'FARGATE and FARGATE_SPOT';
    Annotations.of(scope).addWarningV2('cdk-private-ecs-http-api:spotOnImportedCluster',
      `fargateSpot is set on an imported cluster, whose capacity providers the construct cannot see: the service fails to create unless the cluster has ${providers}. `
      + 'Associate them with the cluster (aws ecs put-cluster-capacity-providers), pass an ecs.Cluster of this app (the construct associates them), or acknowledge this warning.');
  }
}

/**
 * ECS Exec bind-mounts the SSM agent into the container, which must write its state and logs there: on a
 * read-only root filesystem the agent stops soon after the task starts, unless the task mounts writable
 * volumes at /managed-agents, /var/lib/amazon/ssm and /var/log/amazon/ssm. AWS's ECS Exec checker says
 * "readonlyRootFilesystem should be false (or, should not be configured) in task definition to use ECS Exec";
 * the ECS Exec page names no such requirement, so this warns rather than refuses.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html
 * https://github.com/aws-containers/amazon-ecs-exec-checker/issues/21
 * https://github.com/aws/containers-roadmap/issues/1359
 */
function warnOfExecOnReadonlyRoot(scope: Construct, options: ResolvedServiceOptions): void {
  if (options.enableExecuteCommand && options.readonlyRootFilesystem) {
    Annotations.of(scope).addWarningV2('cdk-private-ecs-http-api:execOnReadonlyRoot',
      'enableExecuteCommand with readonlyRootFilesystem: the SSM agent ECS Exec mounts into the container cannot write there, and '
      + 'execute-command fails. Mount writable volumes at /managed-agents, /var/lib/amazon/ssm and /var/log/amazon/ssm, '
      + 'turn one of the two off, or acknowledge this warning.');
  }
}

/**
 * The deployment circuit breaker, where ECS supports it: "Both methods only support rolling update
 * deployment and blue/green deployment types" (the circuit breaker and CloudWatch alarms). The older
 * API reference still says "rolling update (ECS) deployment type" only, written before ECS's own
 * blue/green; canary and linear deployments are named by neither, and roll back on alarms and hooks.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-failure-detection.html
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentCircuitBreaker.html
 */
function usesCircuitBreaker(strategy: ecs.DeploymentStrategy): boolean {
  return strategy === ecs.DeploymentStrategy.ROLLING || strategy === ecs.DeploymentStrategy.BLUE_GREEN;
}

/**
 * The ECS deployment controller, written into the template exactly when aws-cdk-lib writes it for a
 * service with a circuit breaker: without the flag `@aws-cdk/aws-ecs:disableExplicitDeploymentControllerForCircuitBreaker`
 * always, with it never. It then never appears or disappears when the strategy (and with it the circuit
 * breaker) changes: `cdk diff`'s rules count DeploymentController as create-only and would replace
 * the service, though CloudFormation's schema now updates it in place ("When you update a service,
 * you can update the deployment controller it uses"). Either way the controller is ECS, the default.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-deploymentcontroller.html
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/update-service-parameters.html
 */
function deploymentController(scope: Construct): ecs.DeploymentController | undefined {
  return FeatureFlags.of(scope).isEnabled(ECS_DISABLE_EXPLICIT_DEPLOYMENT_CONTROLLER_FOR_CIRCUIT_BREAKER)
    ? undefined
    : { type: ecs.DeploymentControllerType.ECS };
}

/**
 * An IP target group for a service's tasks, health-checked on its path. Its port is HTTP's 80 whatever
 * the container port: ECS registers each task with the container port of the service's load balancer
 * configuration (the group's port is only the default of a registration without one), and health
 * checks go to the "traffic-port", the port each target is registered with. A target group's port is
 * create-only: tied to containerPort, a new port would replace the group, and the listener would forward
 * to an empty one until ECS had started new tasks; fixed, a new port is a rolling deployment.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticloadbalancingv2-targetgroup.html#cfn-elasticloadbalancingv2-targetgroup-port
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LoadBalancer.html
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html
 * Its health check settings and deregistration delay (a target group attribute) are the options', the
 * same on a shifting service's two groups. They update in place: the health check properties and
 * TargetGroupAttributes are mutable in CloudFormation's resource specification, and ELB's guide changes
 * them "at any time", through an update of the AWS::ElasticLoadBalancingV2::TargetGroup resource.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticloadbalancingv2-targetgroup.html
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/modify-health-check-settings.html
 */
export function createTargetGroup(scope: Construct, id: string, vpc: ec2.IVpc, options: ResolvedServiceOptions): elbv2.ApplicationTargetGroup {
  return new elbv2.ApplicationTargetGroup(scope, id, {
    vpc,
    targetType: elbv2.TargetType.IP,
    protocol: elbv2.ApplicationProtocol.HTTP,
    port: TARGET_GROUP_PORT,
    healthCheck: {
      path: options.healthCheckPath,
      healthyHttpCodes: options.healthyHttpCodes,
      interval: options.healthCheckInterval,
      timeout: options.healthCheckTimeout,
      healthyThresholdCount: options.healthyThresholdCount,
      unhealthyThresholdCount: options.unhealthyThresholdCount,
    },
    deregistrationDelay: options.deregistrationDelay,
  });
}

/** The task definition with the service's container, and the container's log group when the construct makes it. */
function createTaskDefinition(
  scope: Construct,
  options: ResolvedServiceOptions,
  logEncryptionKey?: kms.IKey,
): { taskDefinition: ecs.FargateTaskDefinition; containerLogGroup?: logs.ILogGroup } {
  const taskDefinition = new ecs.FargateTaskDefinition(scope, 'TaskDefinition', {
    cpu: options.cpu,
    memoryLimitMiB: options.memoryLimitMiB,
    runtimePlatform: {
      cpuArchitecture: options.cpuArchitecture,
      operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
    },
    ephemeralStorageGiB: options.ephemeralStorageGiB,
    taskRole: options.taskRole,
    executionRole: options.executionRole,
  });
  // The construct's log group only for its own awslogs driver: another driver (FireLens, say) sends the logs elsewhere.
  const containerLogGroup = options.logDriver
    ? undefined
    : createLogGroup(scope, 'ContainerLogs', options.containerLogRetention, logEncryptionKey);
  taskDefinition.addContainer('Container', {
    containerName: options.containerName,
    image: options.image,
    command: options.command,
    entryPoint: options.entryPoint,
    dockerLabels: options.dockerLabels,
    portMappings: [{ containerPort: options.containerPort, protocol: ecs.Protocol.TCP }],
    environment: options.environment,
    secrets: options.secrets,
    healthCheck: options.containerHealthCheck,
    // false is ECS's default, and left out so that templates stay as they were.
    readonlyRootFilesystem: options.readonlyRootFilesystem || undefined,
    stopTimeout: options.stopTimeout,
    logging: options.logDriver ?? ecs.LogDrivers.awsLogs({ logGroup: containerLogGroup!, streamPrefix: options.containerName }),
  });
  if (!options.executionRole) {
    acknowledgeExecutionRolePolicy(taskDefinition);
  }
  return { taskDefinition, containerLogGroup };
}

/** The policies whose wildcard finding is acknowledged already. */
const acknowledgedPolicies = new WeakSet<IConstruct>();

/**
 * Acknowledges the execution role's `Resource::*`, now if its policy exists, and otherwise once a
 * sidecar (or its log driver) makes it: an aspect that runs before cdk-nag's, which a stack has at
 * the default priority. Apps without `@aws-cdk/core:aspectStabilization` run a parent's aspects
 * first, and there cdk-nag sees a policy made only by a sidecar before it is acknowledged.
 */
function acknowledgeExecutionRolePolicy(taskDefinition: ecs.FargateTaskDefinition): void {
  const acknowledge = () => {
    const policy = taskDefinition.executionRole?.node.tryFindChild('DefaultPolicy');
    if (policy && !acknowledgedPolicies.has(policy)) {
      acknowledgedPolicies.add(policy);
      acknowledgeNagFinding(policy, 'AwsSolutions-IAM5',
        'ecr:GetAuthorizationToken has no resource-level permissions: AWS requires Resource "*" for it. '
        + 'The other actions of this policy name the image repository and the log group.',
        'Resource::*');
    }
  };
  acknowledge();
  Aspects.of(taskDefinition).add({ visit: node => node === taskDefinition && acknowledge() }, { priority: AspectPriority.MUTATING });
}

/**
 * ECS Exec's ssmmessages actions have no resource-level permissions, so aws-cdk-lib grants them on "*".
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsessionmanagermessagegatewayservice.html
 */
function acknowledgeExecuteCommandPolicy(taskDefinition: ecs.FargateTaskDefinition): void {
  const taskRolePolicy = taskDefinition.taskRole.node.tryFindChild('DefaultPolicy');
  if (taskRolePolicy) {
    acknowledgeNagFinding(taskRolePolicy, 'AwsSolutions-IAM5',
      'ECS Exec (enableExecuteCommand): the ssmmessages actions have no resource-level permissions, and AWS requires Resource "*" for them; '
      + 'logs:DescribeLogGroups, which ECS Exec uses to log its sessions, has none either.',
      'Resource::*');
  }
}
