import { Token } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { ResolvedServiceOptions } from './defaults';
import { describeMemoryValues, FARGATE_CPU_VALUES, memoryValuesFor } from './fargate-sizes';
import type { AutoScalingOptions } from '../auto-scaling';

/**
 * Checks one service's options, with defaults applied, and throws an error that names
 * the prop, the value given and what is allowed. Values that are unresolved tokens are
 * not checked: they are only known at deploy time.
 */
export function validateServiceOptions(options: ResolvedServiceOptions): void {
  validateTaskSize(options.cpu, options.memoryLimitMiB);
  requireIntegerInRange('containerPort', options.containerPort, 1, 65535);
  requireIntegerInRange('desiredCount', options.desiredCount, 0, Number.MAX_SAFE_INTEGER);
  requireIntegerInRange('minHealthyPercent', options.minHealthyPercent, 0, 100);
  requireIntegerInRange('maxHealthyPercent', options.maxHealthyPercent, 100, 200);
  requirePath('healthCheckPath', options.healthCheckPath);
  if (options.fargateSpot && options.cpuArchitecture === ecs.CpuArchitecture.ARM64) {
    throw new Error('fargateSpot cannot be used with cpuArchitecture ARM64: Fargate Spot runs only X86_64 tasks');
  }
  if (options.autoScaling) {
    validateAutoScaling(options.autoScaling, options.desiredCount);
  }
}

function validateTaskSize(cpu: number, memoryLimitMiB: number): void {
  if (Token.isUnresolved(cpu)) {
    return;
  }
  if (!FARGATE_CPU_VALUES.includes(cpu)) {
    throw new Error(`cpu must be one of ${FARGATE_CPU_VALUES.join(', ')} (Fargate task sizes), got ${cpu}`);
  }
  if (Token.isUnresolved(memoryLimitMiB)) {
    return;
  }
  if (!memoryValuesFor(cpu).includes(memoryLimitMiB)) {
    throw new Error(
      `memoryLimitMiB must be one of ${describeMemoryValues(cpu)} when cpu is ${cpu} (Fargate task sizes), got ${memoryLimitMiB}`,
    );
  }
}

function validateAutoScaling(options: AutoScalingOptions, desiredCount: number): void {
  requireIntegerInRange('autoScaling.minCapacity', options.minCapacity, 0, Number.MAX_SAFE_INTEGER);
  requireIntegerInRange('autoScaling.maxCapacity', options.maxCapacity, 1, Number.MAX_SAFE_INTEGER);
  if (options.targetCpuUtilizationPercent !== undefined) {
    requireNumberInRange('autoScaling.targetCpuUtilizationPercent', options.targetCpuUtilizationPercent, 1, 100);
  }
  if (options.targetRequestsPerTarget !== undefined) {
    requireIntegerInRange('autoScaling.targetRequestsPerTarget', options.targetRequestsPerTarget, 1, Number.MAX_SAFE_INTEGER);
  }
  const { minCapacity, maxCapacity } = options;
  if ([minCapacity, maxCapacity, desiredCount].some(value => Token.isUnresolved(value))) {
    return;
  }
  if (minCapacity > maxCapacity) {
    throw new Error(`autoScaling.minCapacity must not exceed autoScaling.maxCapacity, got ${minCapacity} > ${maxCapacity}`);
  }
  if (desiredCount < minCapacity || desiredCount > maxCapacity) {
    throw new Error(
      `desiredCount must be within autoScaling.minCapacity and autoScaling.maxCapacity (${minCapacity} to ${maxCapacity}), got ${desiredCount}`,
    );
  }
}

/** Throws unless `value` starts with `/`, or is an unresolved token. */
export function requirePath(prop: string, value: string): void {
  if (!Token.isUnresolved(value) && !value.startsWith('/')) {
    throw new Error(`${prop} must start with '/', got '${value}'`);
  }
}

/** Throws unless `value` is an integer from `min` to `max`, or an unresolved token. */
export function requireIntegerInRange(prop: string, value: number, min: number, max: number): void {
  if (!Token.isUnresolved(value) && !Number.isInteger(value)) {
    throw new Error(`${prop} must be ${describeRange('an integer', min, max)}, got ${value}`);
  }
  requireNumberInRange(prop, value, min, max, 'an integer');
}

/** Throws unless `value` is a number from `min` to `max`, or an unresolved token. */
export function requireNumberInRange(prop: string, value: number, min: number, max: number, kind = 'a number'): void {
  if (Token.isUnresolved(value)) {
    return;
  }
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${prop} must be ${describeRange(kind, min, max)}, got ${value}`);
  }
}

function describeRange(kind: string, min: number, max: number): string {
  return max === Number.MAX_SAFE_INTEGER ? `${kind} of at least ${min}` : `${kind} between ${min} and ${max}`;
}
