import { Stack } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { Construct } from 'constructs';
import { createServiceAlarms } from './alarms';
import type { ResolvedServiceOptions } from './defaults';
import { isShifting } from './defaults';
import type { FargateServicePlacement, FargateServiceResources } from './fargate-service';
import { createFargateService } from './fargate-service';
import { ROLLING_ROUTING } from './rolling-routing';
import { configureAutoScaling } from './scaling';
import { SHIFTING_ROUTING } from './shifting-routing';
import type { ListenerRouting, ServiceListeners } from './traffic-routing';
import { requireImageInRegionalEcr } from './validate';
import type { TaskVpcEndpoints } from './vpc-endpoints';

/** What every service behind the API plugs into: the same cluster, listeners and endpoints. */
export interface BackendWiring {
  readonly placement: FargateServicePlacement;
  readonly listeners: ServiceListeners;
  readonly endpoints?: TaskVpcEndpoints;
  readonly recommendedAlarms: boolean;
}

/** A Fargate service wired to the listener, and its alarms. */
export interface Backend extends FargateServiceResources {
  /** The second target group of a blue/green, canary or linear service. */
  readonly alternateTargetGroup?: elbv2.ApplicationTargetGroup;
  readonly alarms: cloudwatch.Alarm[];
}

/**
 * Creates a Fargate service and wires it in: the listener forwards to it (by default, or for
 * `routing.pathPrefix`) in the way its deployment strategy needs, the VPC endpoints admit its
 * tasks, and it scales, alarms and rolls back on alarms as asked.
 */
export function createBackend(
  scope: Construct,
  wiring: BackendWiring,
  options: ResolvedServiceOptions,
  routing?: ListenerRouting,
): Backend {
  const resources = createFargateService(scope, wiring.placement, options);
  const trafficRouting = isShifting(options.deploymentStrategy) ? SHIFTING_ROUTING : ROLLING_ROUTING;
  const targetGroups = trafficRouting.route(scope, resources, options, wiring.listeners, routing);
  if (!routing) {
    // Both listeners' default action goes to the default service, whatever its strategy: a shifting
    // one's catch-all rule answers every path in front of it.
    for (const listener of [wiring.listeners.listener, wiring.listeners.testListener]) {
      listener?.addTargetGroups('Default', { targetGroups: [resources.targetGroup] });
    }
  }
  if (wiring.endpoints) {
    requireImageInRegionalEcr(resources.taskDefinition.defaultContainer!.imageName, Stack.of(scope).region);
  }
  wiring.endpoints?.allowTasks(resources.securityGroup, options.secrets !== undefined && Object.keys(options.secrets).length > 0);
  if (options.autoScaling) {
    configureAutoScaling(resources.service, resources.targetGroup, options.autoScaling);
  }
  const alarms = wiring.recommendedAlarms ? createServiceAlarms(scope, resources.service, targetGroups) : undefined;
  const deploymentAlarms = [...(alarms?.deployment ?? []), ...(options.deploymentAlarms ?? [])];
  if (deploymentAlarms.length > 0) {
    // ECS rolls a deployment back when one of them goes off, with any strategy.
    // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html
    resources.service.enableDeploymentAlarms(deploymentAlarms.map(alarm => alarm.alarmName), { behavior: ecs.AlarmBehavior.ROLLBACK_ON_ALARM });
  }
  return { ...resources, alternateTargetGroup: targetGroups[1], alarms: alarms?.all ?? [] };
}
