import { Token } from 'aws-cdk-lib';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import { memoryValuesFor, smallestCpuFor } from './fargate-sizes';
import type { ContainerServiceOptions } from '../service-options';

/**
 * The tutorial's service, as our defaults: the smallest Fargate task, two of them for
 * one per Availability Zone, serving HTTP on port 80 with a health check on `/`.
 */
export const SERVICE_DEFAULTS = {
  cpu: 256,
  memoryLimitMiB: 512,
  desiredCount: 2,
  containerPort: 80,
  healthCheckPath: '/',
} as const;

/** Our defaults for the network: the tutorial's two Availability Zones. */
export const NETWORK_DEFAULTS = {
  maxAzs: 2,
} as const;

/** The port of the load balancer's listener, which the integration calls over the VPC link. */
export const HTTP_LISTENER_PORT = 80;

/** `ContainerServiceOptions` with every default applied. */
export interface ResolvedServiceOptions {
  readonly image: ecs.ContainerImage;
  readonly cpu: number;
  readonly memoryLimitMiB: number;
  readonly desiredCount: number;
  readonly containerPort: number;
  readonly environment?: { [key: string]: string };
  readonly secrets?: { [key: string]: ecs.Secret };
  readonly healthCheckPath: string;
}

/** Applies the defaults to one service's options; the only place they are applied. */
export function resolveServiceOptions(options: ContainerServiceOptions): ResolvedServiceOptions {
  return {
    ...options,
    ...resolveTaskSize(options.cpu, options.memoryLimitMiB),
    desiredCount: options.desiredCount ?? SERVICE_DEFAULTS.desiredCount,
    containerPort: options.containerPort ?? SERVICE_DEFAULTS.containerPort,
    healthCheckPath: options.healthCheckPath ?? SERVICE_DEFAULTS.healthCheckPath,
  };
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
