import { Annotations, Stack } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { Construct } from 'constructs';
import { createLoadAlarms } from './alarms';
import type { FargateServicePlacement, FargateServiceResources } from './fargate-service';
import { configureAutoScaling } from './scaling';
import type { Foundation } from '../network/foundation';
import type { TaskVpcEndpoints } from '../network/vpc-endpoints';
import type { ResolvedServiceOptions } from '../props/resolved-options';
import { imagePullProblem, requireImageInRegionalEcr } from '../props/validate-service';

/** What every service plugs into, with either backend: where it runs, the VPC endpoints, and the alarms asked for. */
export interface ServiceSurroundings {
  readonly placement: FargateServicePlacement;
  readonly endpoints?: TaskVpcEndpoints;
  readonly recommendedAlarms: boolean;
}

/** What every service of a backend plugs into, from the foundation the construct built. */
export function surroundingsOf(foundation: Foundation, recommendedAlarms: boolean): ServiceSurroundings {
  return { placement: foundation.placement, endpoints: foundation.endpoints, recommendedAlarms };
}

/** What a backend knows of a service it has wired: the target group to scale on, and the alarms of its traffic. */
export interface BackendAlarmSources {
  /** The target group whose requests per target auto scaling tracks; none without a load balancer. */
  readonly scalingTargetGroup?: elbv2.ApplicationTargetGroup;
  /** Creates the backend's alarms of a bad release, which roll a deployment back. */
  readonly releaseAlarms: (scope: Construct) => cloudwatch.Alarm[];
}

/** What completing a service made: its recommended alarms, and its scalable task count with `autoScaling`. */
export interface CompletedService {
  readonly alarms: cloudwatch.Alarm[];
  readonly scalableTaskCount?: ecs.ScalableTaskCount;
}

/**
 * What every service gets once its backend has wired it, the same with either backend: the VPC
 * endpoints admit its tasks, it scales, and it alarms and rolls back on alarms as asked. Returns
 * its recommended alarms and its scalable task count.
 */
export function completeService(
  scope: Construct,
  surroundings: ServiceSurroundings,
  resources: FargateServiceResources,
  options: ResolvedServiceOptions,
  alarmSources: BackendAlarmSources,
): CompletedService {
  if (surroundings.endpoints) {
    requireImagesInRegionalEcr(resources.taskDefinition, Stack.of(scope).region);
    if (options.enableExecuteCommand) {
      surroundings.endpoints.allowExecuteCommand(resources.securityGroup);
    }
  }
  surroundings.endpoints?.allowTasks(resources.securityGroup, options.secrets !== undefined && Object.keys(options.secrets).length > 0);
  const scalableTaskCount = options.autoScaling
    ? configureAutoScaling(resources.service, alarmSources.scalingTargetGroup, options.autoScaling)
    : undefined;
  const releaseAlarms = surroundings.recommendedAlarms ? alarmSources.releaseAlarms(scope) : [];
  const alarms = surroundings.recommendedAlarms ? [...releaseAlarms, ...createLoadAlarms(scope, resources.service)] : [];
  const deploymentAlarms = [...releaseAlarms, ...(options.deploymentAlarms ?? [])];
  const gradual = options.deploymentStrategy === ecs.DeploymentStrategy.CANARY || options.deploymentStrategy === ecs.DeploymentStrategy.LINEAR;
  if (gradual && deploymentAlarms.length === 0 && !options.lifecycleHooks?.length) {
    // The circuit breaker is documented for rolling and blue/green deployments only; for canary and linear
    // ones AWS names alarms and hooks: "Both strategies support Amazon CloudWatch alarms for failure
    // detection and rollback, and lifecycle hooks for custom validation".
    // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-failure-detection.html
    // https://aws.amazon.com/blogs/containers/gradual-deployments-in-amazon-ecs-with-linear-and-canary-strategies
    Annotations.of(scope).addWarningV2('cdk-private-ecs-http-api:noFailureDetection',
      `deploymentStrategy ${options.deploymentStrategy} has no circuit breaker, and this service has no deploymentAlarms, recommendedAlarms or lifecycleHooks: `
      + 'ECS would shift all traffic to a failing revision. Set recommendedAlarms or deploymentAlarms, or acknowledge this warning.');
  }
  if (deploymentAlarms.length > 0) {
    // ECS rolls a deployment back when one of them goes off, with any strategy.
    // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html
    resources.service.enableDeploymentAlarms(deploymentAlarms.map(alarm => alarm.alarmName), { behavior: ecs.AlarmBehavior.ROLLBACK_ON_ALARM });
  }
  return { alarms, scalableTaskCount };
}

/**
 * Refuses images the tasks cannot pull through the VPC endpoints: the service's own container's at
 * once, and every sidecar's (`taskDefinition.addContainer`, which may come after the construct) when
 * the app is synthesized.
 */
function requireImagesInRegionalEcr(taskDefinition: ecs.FargateTaskDefinition, region: string): void {
  const own = taskDefinition.defaultContainer!;
  requireImageInRegionalEcr(own.imageName, region);
  taskDefinition.node.addValidation({
    validate: () => taskDefinition.node.children
      .filter((child): child is ecs.ContainerDefinition => child instanceof ecs.ContainerDefinition && child !== own)
      .map(container => imagePullProblem(container.imageName, region, container.containerName))
      .filter((problem): problem is string => problem !== undefined),
  });
}
