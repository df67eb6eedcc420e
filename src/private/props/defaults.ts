import { Duration, Token } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { memoryValuesFor, smallestCpuFor } from './fargate-sizes';
import type { ResolvedBaseProps, ResolvedServiceOptions } from './resolved-options';
import type { PrivateEcsApiBaseProps } from '../../api-base-props';
import type { AutoScalingOptions } from '../../auto-scaling';
import type { PrivateEcsHttpApiBaseProps } from '../../base-props';
import type { LoadBalancerOptions } from '../../load-balancer-options';
import type { ContainerServiceOptions, ServiceOptions } from '../../service-options';
import { TaskEgress } from '../../task-egress';

/**
 * The tutorial's service, made reliable: two tasks for one per Availability Zone, serving HTTP on
 * port 80 with a health check on `/`, deployed without losing capacity. (The task size is resolved
 * apart: each of cpu and memory defaults to what pairs with the other.)
 */
const SERVICE_PROP_DEFAULTS = {
  desiredCount: 2,
  containerPort: 80,
  healthCheckPath: '/',
  healthCheckInterval: Duration.seconds(15),
  healthyThresholdCount: 2,
  unhealthyThresholdCount: 3,
  healthyHttpCodes: '200-399',
  // The load balancer's default of five minutes would make every deployment wait that long.
  deregistrationDelay: Duration.seconds(30),
  cpuArchitecture: ecs.CpuArchitecture.X86_64,
  fargateSpot: false,
  onDemandBaseTaskCount: 0,
  onDemandPercent: 0,
  healthCheckGracePeriod: Duration.seconds(60),
  minHealthyPercent: 100,
  maxHealthyPercent: 200,
  containerLogRetention: logs.RetentionDays.ONE_MONTH,
  deploymentStrategy: ecs.DeploymentStrategy.ROLLING,
  containerName: 'web',
  readonlyRootFilesystem: false,
  enableExecuteCommand: false,
} satisfies Partial<ServiceOptions>;

/**
 * How long both sets of tasks run after a blue/green, canary or linear shift. ECS requires a bake
 * time for BLUE_GREEN, and watches the deployment alarms only until it ends: ten minutes gives the
 * target alarms (three one-minute periods, `RELEASE_ALARM_WINDOW`) room to go off and ECS to shift back.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html
 */
const SHIFTING_BAKE_TIME = Duration.minutes(10);

/** The network and API around the services, with any backend. (natGateways depends on taskEgress.) */
const BASE_PROP_DEFAULTS = {
  taskEgress: TaskEgress.NAT_GATEWAY,
  vpcFlowLogs: true,
  containerInsights: true,
  apiAccessLogs: true,
  apiAccessLogRetention: logs.RetentionDays.ONE_YEAR,
  throttlingRateLimit: 1000,
  throttlingBurstLimit: 2000,
  disableExecuteApiEndpoint: false,
  recommendedAlarms: false,
  dashboard: false,
} satisfies Partial<PrivateEcsApiBaseProps>;

/** The load balancer of `PrivateEcsHttpApi`. */
const LOAD_BALANCER_PROP_DEFAULTS = {
  loadBalancerAccessLogs: true,
} satisfies Partial<LoadBalancerOptions>;

/** Every default of one service. */
export const SERVICE_DEFAULTS = {
  ...SERVICE_PROP_DEFAULTS,
  cpu: 256,
  memoryLimitMiB: 512,
  targetCpuUtilizationPercent: 50,
} as const;

/** Every default around the services. */
export const API_DEFAULTS = {
  ...BASE_PROP_DEFAULTS,
  ...LOAD_BALANCER_PROP_DEFAULTS,
  maxAzs: 2,
  natGateways: 2,
} as const;

/**
 * The target alarms roll deployments back, so they must go off while ECS still watches: during a
 * rolling deployment and the time ECS derives from the alarms' own configuration, and during a shifting
 * deployment's bake time only. They sum one-minute periods, the load balancer's finest (it reports
 * "every 60 seconds"), and go off after three bad ones.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html
 */
export const RELEASE_ALARMS = { period: Duration.minutes(1), evaluationPeriods: 3 } as const;

/**
 * The shortest bake time with the recommended alarms: their three minutes, and two more for the load
 * balancer's data to reach CloudWatch and the alarm to change state (AWS gives no figure for that delay;
 * two minutes is our margin).
 */
export const SHORTEST_BAKE_TIME_WITH_ALARMS = Duration.minutes(5);

/** The integration timeouts an HTTP API accepts, in milliseconds (its quotas say 50 ms to 30 s). */
export const INTEGRATION_TIMEOUT_MS = { min: 50, max: 30_000 } as const;

/** The listener ports: the tutorial's HTTP, or HTTPS when the load balancer has a certificate. */
export const LISTENER_PORTS = { http: 80, https: 443 } as const;

/** The load balancer's props of `PrivateEcsHttpApi`, with their defaults applied. */
export interface ResolvedLoadBalancerProps {
  readonly loadBalancerAccessLogs: boolean;
}

/** Applies the defaults to the load balancer's props; the only place they are applied. */
export function resolveLoadBalancerProps(props: LoadBalancerOptions): ResolvedLoadBalancerProps {
  return { loadBalancerAccessLogs: props.loadBalancerAccessLogs ?? LOAD_BALANCER_PROP_DEFAULTS.loadBalancerAccessLogs };
}

/**
 * Applies the defaults to the props every construct shares, whichever API is in front; the only place
 * they are applied. The front's own (`resolveHttpFrontProps`, the REST front's) are added by its construct.
 */
export function resolveBaseProps(props: PrivateEcsApiBaseProps): ResolvedBaseProps {
  const taskEgress = props.taskEgress ?? BASE_PROP_DEFAULTS.taskEgress;
  return {
    ...resolveServiceOptions(props),
    vpc: props.vpc,
    cluster: props.cluster,
    containerInsights: props.containerInsights ?? BASE_PROP_DEFAULTS.containerInsights,
    vpcSubnets: props.vpcSubnets,
    taskEgress,
    natGatewayProvider: props.natGatewayProvider,
    // Without NAT egress the tasks need no NAT gateway; a count given anyway is rejected by validation.
    natGateways: props.natGateways ?? (taskEgress === TaskEgress.NAT_GATEWAY ? API_DEFAULTS.natGateways : 0),
    vpcFlowLogs: props.vpcFlowLogs ?? BASE_PROP_DEFAULTS.vpcFlowLogs,
    logBucket: props.logBucket,
    apiName: props.apiName,
    apiAccessLogs: props.apiAccessLogs ?? BASE_PROP_DEFAULTS.apiAccessLogs,
    apiAccessLogGroup: props.apiAccessLogGroup,
    apiAccessLogRetention: props.apiAccessLogRetention ?? BASE_PROP_DEFAULTS.apiAccessLogRetention,
    throttlingRateLimit: props.throttlingRateLimit ?? BASE_PROP_DEFAULTS.throttlingRateLimit,
    throttlingBurstLimit: props.throttlingBurstLimit ?? BASE_PROP_DEFAULTS.throttlingBurstLimit,
    domainName: props.domainName,
    domainCertificate: props.domainCertificate,
    domainHostedZone: props.domainHostedZone,
    disableExecuteApiEndpoint: props.disableExecuteApiEndpoint ?? BASE_PROP_DEFAULTS.disableExecuteApiEndpoint,
    logEncryptionKey: props.logEncryptionKey,
    recommendedAlarms: props.recommendedAlarms ?? BASE_PROP_DEFAULTS.recommendedAlarms,
    dashboard: props.dashboard ?? BASE_PROP_DEFAULTS.dashboard,
    dashboardName: props.dashboardName,
  };
}

/**
 * Applies the defaults to one service's options. An autoscaled service gets no default
 * `desiredCount`: CloudFormation sends a service's DesiredCount with every update of it, so a
 * template value would reset a scaled-out service to it on each deploy (aws/aws-cdk#3919). Left
 * out, CloudFormation creates the service with one task and omits the count from later updates;
 * registering the scalable target then brings the service into [minCapacity, maxCapacity].
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-service.html#cfn-ecs-service-desiredcount
 * @see https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html
 */
export function resolveServiceOptions(options: ServiceOptions): ResolvedServiceOptions {
  const d = SERVICE_PROP_DEFAULTS;
  const deploymentStrategy = options.deploymentStrategy ?? d.deploymentStrategy;
  return {
    image: options.image,
    ...resolveTaskSize(options.cpu, options.memoryLimitMiB),
    desiredCount: options.desiredCount ?? (options.autoScaling ? undefined : d.desiredCount),
    containerPort: options.containerPort ?? d.containerPort,
    environment: options.environment,
    secrets: options.secrets,
    containerName: options.containerName ?? d.containerName,
    command: options.command,
    entryPoint: options.entryPoint,
    dockerLabels: options.dockerLabels,
    logDriver: options.logDriver,
    readonlyRootFilesystem: options.readonlyRootFilesystem ?? d.readonlyRootFilesystem,
    stopTimeout: options.stopTimeout,
    ephemeralStorageGiB: options.ephemeralStorageGiB,
    taskRole: options.taskRole,
    executionRole: options.executionRole,
    enableExecuteCommand: options.enableExecuteCommand ?? d.enableExecuteCommand,
    healthCheckPath: options.healthCheckPath ?? d.healthCheckPath,
    healthCheckInterval: options.healthCheckInterval ?? d.healthCheckInterval,
    healthCheckTimeout: options.healthCheckTimeout,
    healthyThresholdCount: options.healthyThresholdCount ?? d.healthyThresholdCount,
    unhealthyThresholdCount: options.unhealthyThresholdCount ?? d.unhealthyThresholdCount,
    healthyHttpCodes: options.healthyHttpCodes ?? d.healthyHttpCodes,
    deregistrationDelay: options.deregistrationDelay ?? d.deregistrationDelay,
    containerHealthCheck: options.containerHealthCheck,
    cpuArchitecture: options.cpuArchitecture ?? d.cpuArchitecture,
    fargateSpot: options.fargateSpot ?? d.fargateSpot,
    onDemandBaseTaskCount: options.onDemandBaseTaskCount ?? d.onDemandBaseTaskCount,
    onDemandPercent: options.onDemandPercent ?? d.onDemandPercent,
    autoScaling: options.autoScaling && resolveAutoScaling(options.autoScaling),
    healthCheckGracePeriod: options.healthCheckGracePeriod ?? d.healthCheckGracePeriod,
    minHealthyPercent: options.minHealthyPercent ?? d.minHealthyPercent,
    maxHealthyPercent: options.maxHealthyPercent ?? d.maxHealthyPercent,
    deploymentStrategy,
    bakeTime: options.bakeTime ?? (isShifting(deploymentStrategy) ? SHIFTING_BAKE_TIME : undefined),
    canaryConfiguration: options.canaryConfiguration,
    linearConfiguration: options.linearConfiguration,
    deploymentAlarms: options.deploymentAlarms,
    lifecycleHooks: options.lifecycleHooks,
    containerLogRetention: options.containerLogRetention ?? d.containerLogRetention,
    integrationTimeout: options.integrationTimeout,
  };
}

/** The HTTP API's props, which `resolveBaseProps` leaves out: the default service's routing and the API's authorizer, CORS, mTLS and IP addresses. */
export type ResolvedHttpFrontProps = Pick<ResolvedBaseProps, 'parameterMapping' | 'authorizer' | 'authorizationScopes'
| 'defaultAuthorizer' | 'defaultAuthorizationScopes' | 'corsPreflight' | 'domainMutualTls' | 'ipAddressType'>;

/** Applies the defaults to the HTTP API's props (none but the default service's scopes have one). */
export function resolveHttpFrontProps(props: PrivateEcsHttpApiBaseProps): ResolvedHttpFrontProps {
  return {
    ...resolveHttpRouting(props),
    defaultAuthorizer: props.defaultAuthorizer,
    defaultAuthorizationScopes: props.defaultAuthorizationScopes,
    corsPreflight: props.corsPreflight,
    domainMutualTls: props.domainMutualTls,
    ipAddressType: props.ipAddressType,
  };
}

/** Applies the defaults to how an HTTP API routes one service and authorizes its callers. */
export function resolveHttpRouting(options: ContainerServiceOptions): Pick<ResolvedServiceOptions, 'parameterMapping' | 'authorizer' | 'authorizationScopes'> {
  return {
    parameterMapping: options.parameterMapping,
    authorizer: options.authorizer,
    // aws-cdk-lib gives a route the API's default scopes unless it has its own, even with another
    // authorizer: an empty list keeps them off a service with an authorizer of its own.
    authorizationScopes: options.authorizationScopes ?? (options.authorizer ? [] : undefined),
  };
}

/** `options` with the CPU target filled in when no target was given. */
function resolveAutoScaling(options: AutoScalingOptions): AutoScalingOptions {
  const noTarget = options.targetCpuUtilizationPercent === undefined && options.targetRequestsPerTarget === undefined;
  return noTarget ? { ...options, targetCpuUtilizationPercent: SERVICE_DEFAULTS.targetCpuUtilizationPercent } : options;
}

/**
 * Fills in whichever of cpu and memory is missing with the smallest value Fargate pairs
 * with the other, so `cpu: 1024` alone means 1 vCPU with 2 GiB rather than an invalid pair.
 */
function resolveTaskSize(cpu?: number, memoryLimitMiB?: number): { cpu: number; memoryLimitMiB: number } {
  if (cpu === undefined && memoryLimitMiB === undefined) {
    return { cpu: SERVICE_DEFAULTS.cpu, memoryLimitMiB: SERVICE_DEFAULTS.memoryLimitMiB };
  }
  if (memoryLimitMiB === undefined) {
    const smallest = Token.isUnresolved(cpu) ? undefined : memoryValuesFor(cpu!)[0];
    return { cpu: cpu!, memoryLimitMiB: smallest ?? SERVICE_DEFAULTS.memoryLimitMiB };
  }
  if (cpu === undefined) {
    const smallest = Token.isUnresolved(memoryLimitMiB) ? undefined : smallestCpuFor(memoryLimitMiB);
    return { cpu: smallest ?? SERVICE_DEFAULTS.cpu, memoryLimitMiB };
  }
  return { cpu, memoryLimitMiB };
}

/** Whether a strategy shifts traffic between two target groups, as all but ROLLING do. */
export function isShifting(strategy: ecs.DeploymentStrategy): boolean {
  return strategy !== ecs.DeploymentStrategy.ROLLING;
}
