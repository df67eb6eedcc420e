import { Duration, Token } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { memoryValuesFor, smallestCpuFor } from './fargate-sizes';
import type { AutoScalingOptions } from '../auto-scaling';
import type { PrivateEcsHttpApiProps } from '../private-ecs-http-api';
import type { ContainerServiceOptions } from '../service-options';
import { TaskEgress } from '../task-egress';

/**
 * The tutorial's service, made reliable: the smallest Fargate task, two of them for one per
 * Availability Zone, serving HTTP on port 80 with a health check on `/`, deployed without
 * losing capacity.
 */
export const SERVICE_DEFAULTS = {
  cpu: 256,
  memoryLimitMiB: 512,
  desiredCount: 2,
  containerPort: 80,
  healthCheckPath: '/',
  cpuArchitecture: ecs.CpuArchitecture.X86_64,
  fargateSpot: false,
  healthCheckGracePeriod: Duration.seconds(60),
  minHealthyPercent: 100,
  maxHealthyPercent: 200,
  containerLogRetention: logs.RetentionDays.ONE_MONTH,
  targetCpuUtilizationPercent: 50,
} as const;

/** The network, load balancer and API around the services. */
export const API_DEFAULTS = {
  maxAzs: 2,
  natGateways: 2,
  taskEgress: TaskEgress.NAT_GATEWAY,
  vpcFlowLogs: true,
  containerInsights: true,
  loadBalancerAccessLogs: true,
  apiAccessLogs: true,
  apiAccessLogRetention: logs.RetentionDays.ONE_YEAR,
  throttlingRateLimit: 1000,
  throttlingBurstLimit: 2000,
  disableExecuteApiEndpoint: false,
  recommendedAlarms: false,
} as const;

/** The listener ports: the tutorial's HTTP, or HTTPS when the load balancer has a certificate. */
export const LISTENER_PORTS = { http: 80, https: 443 } as const;

/** `ContainerServiceOptions` with every default applied. */
export type ResolvedServiceOptions = ContainerServiceOptions & Required<Omit<ContainerServiceOptions,
'environment' | 'secrets' | 'autoScaling'>> & {
  readonly autoScaling?: ResolvedAutoScalingOptions;
};

/** `AutoScalingOptions` with the CPU target filled in when no target was given. */
export type ResolvedAutoScalingOptions = AutoScalingOptions;

/** `PrivateEcsHttpApiProps` with every default applied, the default service's options included. */
export type ResolvedProps = PrivateEcsHttpApiProps & ResolvedServiceOptions & Required<Pick<PrivateEcsHttpApiProps,
'taskEgress' | 'natGateways' | 'vpcFlowLogs' | 'containerInsights' | 'loadBalancerAccessLogs' | 'apiAccessLogs'
| 'throttlingRateLimit' | 'throttlingBurstLimit' | 'disableExecuteApiEndpoint' | 'recommendedAlarms'>>;

/** Applies the defaults to the construct's props; the only place they are applied. */
export function resolveProps(props: PrivateEcsHttpApiProps): ResolvedProps {
  const taskEgress = props.taskEgress ?? API_DEFAULTS.taskEgress;
  return {
    ...props,
    ...resolveServiceOptions(props),
    taskEgress,
    // Without NAT egress the tasks need no NAT gateway; a count given anyway is rejected by validation.
    natGateways: props.natGateways ?? (taskEgress === TaskEgress.NAT_GATEWAY ? API_DEFAULTS.natGateways : 0),
    vpcFlowLogs: props.vpcFlowLogs ?? API_DEFAULTS.vpcFlowLogs,
    containerInsights: props.containerInsights ?? API_DEFAULTS.containerInsights,
    loadBalancerAccessLogs: props.loadBalancerAccessLogs ?? API_DEFAULTS.loadBalancerAccessLogs,
    apiAccessLogs: props.apiAccessLogs ?? API_DEFAULTS.apiAccessLogs,
    throttlingRateLimit: props.throttlingRateLimit ?? API_DEFAULTS.throttlingRateLimit,
    throttlingBurstLimit: props.throttlingBurstLimit ?? API_DEFAULTS.throttlingBurstLimit,
    disableExecuteApiEndpoint: props.disableExecuteApiEndpoint ?? API_DEFAULTS.disableExecuteApiEndpoint,
    recommendedAlarms: props.recommendedAlarms ?? API_DEFAULTS.recommendedAlarms,
  };
}

/** Applies the defaults to one service's options. */
export function resolveServiceOptions(options: ContainerServiceOptions): ResolvedServiceOptions {
  return {
    ...options,
    ...resolveTaskSize(options.cpu, options.memoryLimitMiB),
    desiredCount: options.desiredCount ?? SERVICE_DEFAULTS.desiredCount,
    containerPort: options.containerPort ?? SERVICE_DEFAULTS.containerPort,
    healthCheckPath: options.healthCheckPath ?? SERVICE_DEFAULTS.healthCheckPath,
    cpuArchitecture: options.cpuArchitecture ?? SERVICE_DEFAULTS.cpuArchitecture,
    fargateSpot: options.fargateSpot ?? SERVICE_DEFAULTS.fargateSpot,
    healthCheckGracePeriod: options.healthCheckGracePeriod ?? SERVICE_DEFAULTS.healthCheckGracePeriod,
    minHealthyPercent: options.minHealthyPercent ?? SERVICE_DEFAULTS.minHealthyPercent,
    maxHealthyPercent: options.maxHealthyPercent ?? SERVICE_DEFAULTS.maxHealthyPercent,
    containerLogRetention: options.containerLogRetention ?? SERVICE_DEFAULTS.containerLogRetention,
    autoScaling: options.autoScaling && resolveAutoScaling(options.autoScaling),
  };
}

function resolveAutoScaling(options: AutoScalingOptions): ResolvedAutoScalingOptions {
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
