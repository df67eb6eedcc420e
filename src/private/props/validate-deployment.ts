import { Token } from 'aws-cdk-lib';
import type { Duration } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { isShifting, RELEASE_ALARMS, SHORTEST_BAKE_TIME_WITH_ALARMS } from './defaults';
import type { ResolvedServiceOptions } from './resolved-options';

/** ECS's defaults for the step bake times it applies when a TrafficShiftConfig leaves them out, in minutes. */
const DEFAULT_STEP_BAKE_MINUTES = { canary: 10, linear: 6 };
const DEFAULT_LINEAR_STEP_PERCENT = 10;

/** CloudFormation refuses a canary or linear deployment whose bake times add up to more than 33 hours. */
const MAX_SHIFTING_MINUTES = 33 * 60;

/**
 * Checks a service's deployment settings against what ECS and CloudFormation accept.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CanaryConfiguration.html
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinearConfiguration.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-canaryconfiguration.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-linearconfiguration.html
 */
export function validateDeployment(options: ResolvedServiceOptions): void {
  const strategy = options.deploymentStrategy;
  if (!isShifting(strategy)) {
    requireShifting('bakeTime', options.bakeTime);
    requireShifting('lifecycleHooks', options.lifecycleHooks?.length ? options.lifecycleHooks : undefined);
  }
  if (isShifting(strategy) && options.autoScaling?.targetRequestsPerTarget !== undefined) {
    // Request count tracking names one target group; after a shift the traffic is in the other one.
    throw new Error(
      `autoScaling.targetRequestsPerTarget cannot be used with deploymentStrategy ${strategy}: it tracks one target group, `
      + 'and each deployment moves the traffic to the other. Use autoScaling.targetCpuUtilizationPercent instead.',
    );
  }
  requireStrategy('canaryConfiguration', options.canaryConfiguration, ecs.DeploymentStrategy.CANARY, strategy);
  requireStrategy('linearConfiguration', options.linearConfiguration, ecs.DeploymentStrategy.LINEAR, strategy);
  const bakeMinutes = wholeMinutes('bakeTime', options.bakeTime) ?? 0;
  if (strategy === ecs.DeploymentStrategy.CANARY) {
    const config = options.canaryConfiguration ?? {};
    requireStepPercent('canaryConfiguration.stepPercent', config.stepPercent, 0.1);
    const stepMinutes = wholeMinutes('canaryConfiguration.stepBakeTime', config.stepBakeTime) ?? DEFAULT_STEP_BAKE_MINUTES.canary;
    requireWithinCloudFormationLimit('bakeTime + canaryConfiguration.stepBakeTime', bakeMinutes + stepMinutes);
  }
  if (strategy === ecs.DeploymentStrategy.LINEAR) {
    const config = options.linearConfiguration ?? {};
    requireStepPercent('linearConfiguration.stepPercent', config.stepPercent, 3);
    const stepMinutes = wholeMinutes('linearConfiguration.stepBakeTime', config.stepBakeTime) ?? DEFAULT_STEP_BAKE_MINUTES.linear;
    const percent = config.stepPercent ?? DEFAULT_LINEAR_STEP_PERCENT;
    if (!Token.isUnresolved(percent)) {
      // CloudFormation's count: no step bake time after the last shift to 100%.
      const steps = Number.isInteger(100 / percent) ? 100 / percent - 1 : Math.floor(100 / percent);
      requireWithinCloudFormationLimit(`bakeTime + ${steps} steps of linearConfiguration.stepBakeTime`, bakeMinutes + steps * stepMinutes);
    }
  }
}

/**
 * Refuses a bake time too short for the recommended alarms to go off in: ECS watches a shifting
 * deployment's alarms during its bake time only. `prop` names the service's bake time in the message.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html
 */
export function requireBakeTimeForAlarms(prop: string, bakeTime: Duration | undefined, recommendedAlarms: boolean): void {
  if (!recommendedAlarms || bakeTime === undefined || bakeTime.isUnresolved()) {
    return;
  }
  const shortest = SHORTEST_BAKE_TIME_WITH_ALARMS;
  if (bakeTime.toSeconds() < shortest.toSeconds()) {
    throw new Error(
      `${prop} must be at least ${shortest.toHumanString()} with recommendedAlarms, got ${bakeTime.toHumanString()}: `
      + `the target alarms that roll the deployment back go off after ${RELEASE_ALARMS.evaluationPeriods} bad minutes, once CloudWatch has the data`,
    );
  }
}

function requireShifting(prop: string, value: unknown): void {
  if (value !== undefined) {
    throw new Error(`${prop} applies only to a deploymentStrategy that shifts traffic (BLUE_GREEN, CANARY or LINEAR), got ROLLING`);
  }
}

function requireStrategy(prop: string, value: unknown, needed: ecs.DeploymentStrategy, strategy: ecs.DeploymentStrategy): void {
  if (value !== undefined && strategy !== needed) {
    throw new Error(`${prop} applies only to deploymentStrategy ${needed}, got ${strategy}`);
  }
}

/** The duration in whole minutes from 0 to 1440 (24 hours), or undefined when not given or a token. */
function wholeMinutes(prop: string, duration?: Duration): number | undefined {
  if (duration === undefined || duration.isUnresolved()) {
    return undefined;
  }
  const minutes = duration.toSeconds() / 60;
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440) {
    throw new Error(`${prop} must be whole minutes from 0 to 1440 (24 hours), got ${duration.toHumanString()}`);
  }
  return minutes;
}

function requireStepPercent(prop: string, percent: number | undefined, min: number): void {
  if (percent === undefined || Token.isUnresolved(percent)) {
    return;
  }
  const tenths = percent * 10;
  if (percent < min || percent > 100 || Math.abs(tenths - Math.round(tenths)) > 1e-9) {
    throw new Error(`${prop} must be a multiple of 0.1 from ${min} to 100, got ${percent}`);
  }
}

function requireWithinCloudFormationLimit(what: string, minutes: number): void {
  if (minutes > MAX_SHIFTING_MINUTES) {
    throw new Error(`${what} must not exceed 33 hours (CloudFormation refuses longer deployments), got ${minutes} minutes`);
  }
}
