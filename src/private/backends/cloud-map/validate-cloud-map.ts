import { Token } from 'aws-cdk-lib';
import type { ServicePathOptions } from '../../../api-service';
import type { PrivateEcsCloudMapHttpApiProps } from '../../../private-ecs-cloud-map-http-api';
import type { ServiceOptions } from '../../../service-options';
import { isShifting } from '../../props/defaults';

/**
 * ECS caps a service that uses service discovery: "Services configured to use service discovery
 * have a limit of 1,000 tasks per service."
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-discovery.html
 */
export const MAX_TASKS_WITH_SERVICE_DISCOVERY = 1000;

/** Checks the props of `PrivateEcsCloudMapHttpApi` that Cloud Map has rules for, before anything is built: the namespace, and the default service's options. */
export function validateCloudMapProps(props: PrivateEcsCloudMapHttpApiProps): void {
  validateNamespace(props.cloudMapNamespaceName, props.cloudMapNamespace !== undefined);
  validateCloudMapService('', props);
}

/** Refuses what only an added service behind a load balancer understands. */
export function validateCloudMapAddedService(service: string, options: ServicePathOptions): void {
  if (options.listenerRulePriority !== undefined) {
    throw new Error(
      `listenerRulePriority of service '${service}' orders a load balancer's listener rules, and PrivateEcsCloudMapHttpApi has no load balancer, `
      + `got ${options.listenerRulePriority}: remove it (each service has its own integration and routes)`,
    );
  }
}

/**
 * Refuses, for one service of a Cloud Map backend, the options that need a load balancer, as given
 * (each default works without one): they would otherwise be ignored. `service` names it in the messages (`''` for the default service).
 */
export function validateCloudMapService(service: string, given: ServiceOptions): void {
  const of = service ? ` of service '${service}'` : '';
  if (given.healthCheckPath !== undefined) {
    throw new Error(
      `healthCheckPath${of} is the load balancer's health check, and PrivateEcsCloudMapHttpApi has no load balancer, got '${given.healthCheckPath}': `
      + 'set containerHealthCheck instead, whose result ECS reports to Cloud Map',
    );
  }
  const targetHealthCheck: [string, unknown][] = [
    ['healthCheckInterval', given.healthCheckInterval?.toHumanString()],
    ['healthCheckTimeout', given.healthCheckTimeout?.toHumanString()],
    ['healthyThresholdCount', given.healthyThresholdCount],
    ['unhealthyThresholdCount', given.unhealthyThresholdCount],
    ['healthyHttpCodes', given.healthyHttpCodes],
    ['deregistrationDelay', given.deregistrationDelay?.toHumanString()],
  ];
  for (const [prop, value] of targetHealthCheck) {
    if (value !== undefined) {
      throw new Error(
        `${prop}${of} tunes the load balancer's target group, and PrivateEcsCloudMapHttpApi has no load balancer, got ${value}: `
        + 'remove it (containerHealthCheck has its own interval, timeout and retries, and ECS reports its result to Cloud Map)',
      );
    }
  }
  // ECS shifts traffic itself only for services behind Elastic Load Balancing, Service Connect or
  // VPC Lattice; a service discovered through Cloud Map alone gets no managed shift.
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/blue-green-deployment-implementation.html
  if (given.deploymentStrategy !== undefined && isShifting(given.deploymentStrategy)) {
    throw new Error(
      `deploymentStrategy${of} must be ROLLING with PrivateEcsCloudMapHttpApi, got ${given.deploymentStrategy}: `
      + 'ECS shifts blue/green, canary and linear traffic between two target groups of a load balancer, and this construct has none. '
      + 'Use PrivateEcsHttpApi for such deployments.',
    );
  }
  // The ALBRequestCountPerTarget metric needs "a target group attached to the ... ECS service".
  // https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PredefinedMetricSpecification.html
  if (given.autoScaling?.targetRequestsPerTarget !== undefined) {
    throw new Error(
      `autoScaling.targetRequestsPerTarget${of} counts requests at a load balancer's target group, and PrivateEcsCloudMapHttpApi has none: `
      + 'use autoScaling.targetCpuUtilizationPercent instead',
    );
  }
  requireAtMostTasks(`desiredCount${of}`, given.desiredCount);
  requireAtMostTasks(`autoScaling.maxCapacity${of}`, given.autoScaling?.maxCapacity);
}

function requireAtMostTasks(prop: string, value?: number): void {
  if (value !== undefined && !Token.isUnresolved(value) && value > MAX_TASKS_WITH_SERVICE_DISCOVERY) {
    throw new Error(`${prop} must be at most ${MAX_TASKS_WITH_SERVICE_DISCOVERY}, ECS's limit for a service that uses service discovery, got ${value}`);
  }
}

/** A private DNS namespace's name: DNS labels of letters, digits and inner hyphens, 253 characters at most. */
const NAMESPACE_NAME = /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*$/i;

/** Refuses a namespace name that is not a DNS name, and one given with a namespace of the user's. */
export function validateNamespace(name: string | undefined, namespaceGiven: boolean): void {
  if (name === undefined) {
    return;
  }
  // Whether a name was given is known at synth time, even when the name itself is a token.
  if (namespaceGiven) {
    throw new Error('cloudMapNamespaceName names the namespace the construct creates, but cloudMapNamespace was given: remove one');
  }
  if (Token.isUnresolved(name)) {
    return;
  }
  if (name.length > 253 || !NAMESPACE_NAME.test(name)) {
    throw new Error(`cloudMapNamespaceName must be a DNS name such as orders.internal (letters, digits, hyphens and dots), got '${name}'`);
  }
}
