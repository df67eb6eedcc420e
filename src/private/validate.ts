import { Token } from 'aws-cdk-lib';
import type { ResolvedServiceOptions } from './defaults';
import { describeMemoryValues, FARGATE_CPU_VALUES, memoryValuesFor } from './fargate-sizes';

/**
 * Checks one service's options, with defaults applied, and throws an error that names
 * the prop, the value given and what is allowed. Values that are unresolved tokens are
 * not checked: they are only known at deploy time.
 */
export function validateServiceOptions(options: ResolvedServiceOptions): void {
  validateTaskSize(options.cpu, options.memoryLimitMiB);
  requireIntegerInRange('containerPort', options.containerPort, 1, 65535);
  requireIntegerInRange('desiredCount', options.desiredCount, 0, Number.MAX_SAFE_INTEGER);
  validateHealthCheckPath(options.healthCheckPath);
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

function validateHealthCheckPath(path: string): void {
  if (!Token.isUnresolved(path) && !path.startsWith('/')) {
    throw new Error(`healthCheckPath must start with '/', got '${path}'`);
  }
}

/** Throws unless `value` is an integer from `min` to `max`, or an unresolved token. */
export function requireIntegerInRange(prop: string, value: number, min: number, max: number): void {
  if (Token.isUnresolved(value)) {
    return;
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    const allowed = max === Number.MAX_SAFE_INTEGER ? `an integer of at least ${min}` : `an integer between ${min} and ${max}`;
    throw new Error(`${prop} must be ${allowed}, got ${value}`);
  }
}
