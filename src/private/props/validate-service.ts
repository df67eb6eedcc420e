import { Token, Tokenization } from 'aws-cdk-lib';
import type { Duration } from 'aws-cdk-lib';
import { INTEGRATION_TIMEOUT_MS, isShifting } from './defaults';
import { describeMemoryValues, FARGATE_CPU_VALUES, memoryValuesFor } from './fargate-sizes';
import type { ResolvedServiceOptions } from './resolved-options';
import { validateDeployment } from './validate-deployment';
import type { AutoScalingOptions } from '../../auto-scaling';
import type { ServiceOptions } from '../../service-options';

/** Fargate's longest stop timeout, in seconds. */
const FARGATE_MAX_STOP_TIMEOUT_SECONDS = 120;

/**
 * Checks one service's options, with defaults applied, and throws an error that names
 * the prop, the value given and what is allowed. Values that are unresolved tokens are
 * not checked: they are only known at deploy time.
 */
export function validateServiceOptions(options: ResolvedServiceOptions): void {
  validateTaskSize(options.cpu, options.memoryLimitMiB);
  requireIntegerInRange('containerPort', options.containerPort, 1, 65535);
  if (options.desiredCount !== undefined) {
    requireIntegerInRange('desiredCount', options.desiredCount, 0, Number.MAX_SAFE_INTEGER);
  }
  requireIntegerInRange('minHealthyPercent', options.minHealthyPercent, 0, 100);
  requireIntegerInRange('maxHealthyPercent', options.maxHealthyPercent, 100, 200);
  requirePath('healthCheckPath', options.healthCheckPath);
  validateContainerOptions(options);
  validateTargetHealthCheck(options);
  validateCapacityMix(options);
  if (options.autoScaling) {
    validateAutoScaling(options.autoScaling, options.desiredCount);
  }
  if (!isShifting(options.deploymentStrategy)) {
    // minHealthyPercent and maxHealthyPercent bound rolling deployments only.
    validateDeploymentRoom(options);
  }
  validateDeployment(options);
}

/**
 * Refuses what the container options would make a silent mistake, or ECS refuse at deploy time:
 * a name ECS would not take, a stop timeout or ephemeral storage outside Fargate's limits, and an
 * environment variable with no name, or given both in `environment` and in `secrets` (ECS would
 * pass one of them, without saying which).
 */
function validateContainerOptions(options: ResolvedServiceOptions): void {
  // "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed."
  // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
  if (!Token.isUnresolved(options.containerName) && !/^[A-Za-z0-9_-]{1,255}$/.test(options.containerName)) {
    throw new Error(`containerName must be 1 to 255 letters, digits, hyphens and underscores (an ECS container name), got '${options.containerName}'`);
  }
  // "For tasks that use the Fargate launch type, the max stop timeout value is 120 seconds."
  // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
  if (options.stopTimeout !== undefined && !options.stopTimeout.isUnresolved()) {
    const seconds = options.stopTimeout.toMilliseconds() / 1000;
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > FARGATE_MAX_STOP_TIMEOUT_SECONDS) {
      throw new Error(`stopTimeout must be whole seconds, at most ${FARGATE_MAX_STOP_TIMEOUT_SECONDS} (the Fargate limit), got ${options.stopTimeout.toHumanString()}`);
    }
  }
  // "The minimum supported value is 21 GiB and the maximum supported value is 200 GiB."
  // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EphemeralStorage.html
  if (options.ephemeralStorageGiB !== undefined) {
    requireIntegerInRange('ephemeralStorageGiB', options.ephemeralStorageGiB, 21, 200);
  }
  const environment = Object.keys(options.environment ?? {});
  const secrets = Object.keys(options.secrets ?? {});
  for (const [prop, names] of [['environment', environment], ['secrets', secrets]] as const) {
    if (names.some(name => name.trim() === '')) {
      throw new Error(`${prop} must not have a variable with an empty name, got '${names.find(name => name.trim() === '')}': give each variable a name`);
    }
  }
  const both = environment.filter(name => secrets.includes(name));
  if (both.length > 0) {
    throw new Error(`environment and secrets both set ${both.map(name => `'${name}'`).join(', ')}: the container would get only one of them. `
      + 'Keep each variable in one of the two');
  }
}

/**
 * Refuses a service's options that have no effect with others, as the user gave them (before the
 * defaults fill them in): the construct's log group, and so its retention, is made only for its own
 * awslogs driver.
 */
export function validateGivenServiceOptions(options: ServiceOptions, serviceId?: string): void {
  if (options.logDriver !== undefined && options.containerLogRetention !== undefined) {
    const prop = serviceId === undefined ? 'containerLogRetention' : `containerLogRetention of service '${serviceId}'`;
    throw new Error(`${prop} has no effect with a logDriver, got ${options.containerLogRetention}: `
      + 'the construct makes no log group for another driver. Remove it, or set the retention where your logDriver sends the logs');
  }
}

/**
 * Throws when a rolling deployment could never replace a task: ECS rounds the minimum healthy
 * count up and the maximum count down, and must be able to start a new task before stopping an
 * old one or stop one first. Both get easier as the service grows, so the smallest count it may
 * run is the one to check: `desiredCount`, or with auto scaling `minCapacity` (at least 1).
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html
 */
function validateDeploymentRoom(options: ResolvedServiceOptions): void {
  const { minHealthyPercent, maxHealthyPercent } = options;
  const smallest = options.desiredCount ?? Math.max(1, options.autoScaling?.minCapacity ?? 1);
  if ([minHealthyPercent, maxHealthyPercent, smallest].some(value => Token.isUnresolved(value)) || smallest === 0) {
    return;
  }
  const lowest = Math.ceil(smallest * minHealthyPercent / 100);
  const highest = Math.floor(smallest * maxHealthyPercent / 100);
  if (highest <= smallest && lowest >= smallest) {
    const count = options.desiredCount !== undefined ? 'desiredCount' : 'autoScaling.minCapacity';
    throw new Error(
      `minHealthyPercent ${minHealthyPercent} and maxHealthyPercent ${maxHealthyPercent} leave ECS no room to deploy ${smallest} task(s) (${count}): `
      + `it must keep ${lowest} running and may run at most ${highest}, so it can neither start a new task first nor stop an old one. `
      + 'Lower minHealthyPercent or raise maxHealthyPercent.',
    );
  }
}

/**
 * Throws unless the integration timeout is from 50 milliseconds to 30 seconds: the HTTP API
 * quota (REST APIs stop at 29 seconds, as aws-cdk-lib's own check does).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html
 */
export function validateHttpIntegrationTimeout(timeout?: Duration): void {
  if (timeout === undefined || timeout.isUnresolved()) {
    return;
  }
  const milliseconds = timeout.toMilliseconds();
  if (milliseconds < INTEGRATION_TIMEOUT_MS.min || milliseconds > INTEGRATION_TIMEOUT_MS.max) {
    throw new Error(`integrationTimeout must be between 50 milliseconds and 30 seconds (the HTTP API limit), got ${timeout.toHumanString()}`);
  }
}

/**
 * Throws unless the load balancer's health check and deregistration delay are within the limits of
 * Elastic Load Balancing: an interval of 5 to 300 seconds, a timeout of 2 to 120 seconds (5 by
 * default for IP targets), thresholds of 2 to 10, HTTP success codes from 200 to 499, and a
 * deregistration delay of 0 to 3600 seconds; all whole seconds. ELB also refuses a timeout that is
 * not shorter than the interval, the default timeout of 5 seconds included ("ValidationError: Health
 * check interval must be greater than the timeout", which its guide does not state: see
 * terraform-linters/tflint-ruleset-aws#404, and aws-cdk-lib's own check at synth); this says it in
 * the construct's props, when the construct is built.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_ModifyTargetGroup.html
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_Matcher.html
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetGroupAttribute.html
 */
function validateTargetHealthCheck(options: ResolvedServiceOptions): void {
  const interval = requireWholeSecondsInRange('healthCheckInterval', options.healthCheckInterval, 5, 300);
  const timeout = options.healthCheckTimeout === undefined
    ? TARGET_HEALTH_CHECK_TIMEOUT_SECONDS
    : requireWholeSecondsInRange('healthCheckTimeout', options.healthCheckTimeout, 2, 120);
  if (interval !== undefined && timeout !== undefined && timeout >= interval) {
    const given = options.healthCheckTimeout === undefined ? `the load balancer's default healthCheckTimeout of ${timeout} seconds` : `healthCheckTimeout ${timeout} seconds`;
    throw new Error(`healthCheckInterval must be longer than the health check's timeout, got ${interval} seconds and ${given}: lengthen the interval or shorten healthCheckTimeout`);
  }
  requireIntegerInRange('healthyThresholdCount', options.healthyThresholdCount, 2, 10);
  requireIntegerInRange('unhealthyThresholdCount', options.unhealthyThresholdCount, 2, 10);
  requireHttpCodes('healthyHttpCodes', options.healthyHttpCodes);
  requireWholeSecondsInRange('deregistrationDelay', options.deregistrationDelay, 0, 3600);
}

/** The load balancer's health check timeout for IP targets when none is given, in seconds. */
const TARGET_HEALTH_CHECK_TIMEOUT_SECONDS = 5;

/** Codes or ranges of codes, comma-separated: `200`, `200,204`, `200-299`. */
const HTTP_CODES = /^\d{3}(-\d{3})?(,\d{3}(-\d{3})?)*$/;

/** Throws unless `value` is a list of HTTP codes or ranges from 200 to 499 (the load balancer's success codes for HTTP), or an unresolved token. */
function requireHttpCodes(prop: string, value: string): void {
  if (Token.isUnresolved(value)) {
    return;
  }
  const bad = !HTTP_CODES.test(value) || value.split(',').some(item => {
    const [low, high = low] = item.split('-').map(Number);
    return low < 200 || high > 499 || low > high;
  });
  if (bad) {
    throw new Error(`${prop} must be HTTP codes from 200 to 499, as a range such as '200-299' or a list such as '200,204', got '${value}'`);
  }
}

/** Throws unless `duration` is whole seconds from `min` to `max`; returns its seconds, or undefined for an unresolved token. */
function requireWholeSecondsInRange(prop: string, duration: Duration, min: number, max: number): number | undefined {
  if (duration.isUnresolved()) {
    return undefined;
  }
  const seconds = duration.toSeconds({ integral: false });
  if (!Number.isInteger(seconds) || seconds < min || seconds > max) {
    throw new Error(`${prop} must be whole seconds between ${min} and ${max} (the load balancer's limit), got ${duration.toHumanString()}`);
  }
  return seconds;
}

/**
 * Throws unless the on-demand share of a Spot service is one ECS accepts: a base from 0 to 100000
 * tasks ("Only one capacity provider in a capacity provider strategy can have a base defined", here
 * FARGATE) and a share from 0 to 100 percent, which becomes the providers' weights (0 to 1000, at
 * least one above 0). Without `fargateSpot` every task is on regular Fargate already, so either is refused.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-capacityproviderstrategyitem.html
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html
 */
function validateCapacityMix(options: ResolvedServiceOptions): void {
  const { onDemandBaseTaskCount: base, onDemandPercent: percent } = options;
  if (!options.fargateSpot) {
    for (const [prop, value] of [['onDemandBaseTaskCount', base], ['onDemandPercent', percent]] as const) {
      if (value !== 0) {
        throw new Error(`${prop} applies only with fargateSpot, got ${Token.isUnresolved(value) ? 'a token' : value}: without Spot every task runs on regular Fargate. Set fargateSpot, or remove ${prop}`);
      }
    }
    return;
  }
  requireIntegerInRange('onDemandBaseTaskCount', base, 0, 100_000);
  if (Token.isUnresolved(percent)) {
    throw new Error('onDemandPercent must be a number known at synth: the construct splits it into the weights of FARGATE and FARGATE_SPOT, got a token');
  }
  requireIntegerInRange('onDemandPercent', percent, 0, 100);
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

function validateAutoScaling(options: AutoScalingOptions, desiredCount?: number): void {
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
  if (desiredCount !== undefined && (desiredCount < minCapacity || desiredCount > maxCapacity)) {
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

/** A private Amazon ECR image URI: `<account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]/<repository>`. */
const ECR_IMAGE = /^\d{12}\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\//;

/**
 * The start of an ECR image URI whose domain suffix is a token, as aws-cdk-lib writes an ECR
 * repository's: `<account>.dkr.ecr.<region>.${AWS::URLSuffix}/...`. A repository imported from
 * another Region (`ecr.Repository.fromRepositoryArn`) has its Region written out there.
 */
const ECR_IMAGE_HOST = /^\d{12}\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.$/;

/**
 * Throws unless tasks with no route out can pull `imageName` through the VPC's ECR endpoints: the
 * endpoints reach only Amazon ECR private registries of their own Region, not Docker Hub, Amazon
 * ECR Public or another Region. `container` names a sidecar in the message.
 * @see https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html
 */
export function requireImageInRegionalEcr(imageName: string, region: string, container?: string): void {
  const problem = imagePullProblem(imageName, region, container);
  if (problem) {
    throw new Error(problem);
  }
}

/**
 * Why tasks with no route out cannot pull `imageName`, or undefined if they can, or if that is
 * known only at deploy time: an image URI whose Region is a token (an ECR repository of this stack,
 * an asset of this app) is left to CloudFormation, but one whose Region is written out is checked,
 * tokens or not in the rest.
 */
export function imagePullProblem(imageName: string, region: string, container?: string): string | undefined {
  let shown = imageName;
  let imageRegion: string | undefined;
  if (Token.isUnresolved(imageName)) {
    const fragments = Tokenization.reverseString(imageName);
    const head = fragments.firstToken === undefined ? String(fragments.firstValue) : '';
    imageRegion = ECR_IMAGE_HOST.exec(head)?.[1];
    if (imageRegion === undefined) {
      return undefined;
    }
    shown = `${head}…`;
  } else {
    const ecr = ECR_IMAGE.exec(imageName);
    imageRegion = ecr?.[1];
  }
  if (imageRegion !== undefined && (Token.isUnresolved(region) || imageRegion === region)) {
    return undefined;
  }
  const where = imageRegion !== undefined ? `Amazon ECR in ${imageRegion}, not the stack's Region ${region}` : 'not in Amazon ECR';
  return `${container === undefined ? '' : `container '${container}': `}image '${shown}' cannot be pulled with taskEgress VPC_ENDPOINTS: `
    + `it is ${where}, and the tasks' subnets have no route out. `
    + 'Push the image to an ECR repository in the stack\'s Region (an ECR pull-through cache rule can mirror a public registry; '
    + 'its first pull needs a network with a route out), or use taskEgress NAT_GATEWAY or PUBLIC_IP.';
}
