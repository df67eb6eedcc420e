import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { Construct } from 'constructs';
import { ROLLING_ROUTING } from './rolling-routing';
import { SHIFTING_ROUTING } from './shifting-routing';
import type { ListenerRouting, ServiceListeners } from './traffic-routing';
import type { ResolvedServiceOptions } from '../../props/defaults';
import { isShifting } from '../../props/defaults';
import { createTargetAlarms } from '../../service/alarms';
import type { FargateServiceResources } from '../../service/fargate-service';
import { createFargateService, createTargetGroup } from '../../service/fargate-service';
import type { ServicePlacement } from '../../service/service-completion';
import { completeService } from '../../service/service-completion';

/** What every service behind the load balancer plugs into: the same cluster, listeners and endpoints. */
export interface BackendWiring extends ServicePlacement {
  readonly listeners: ServiceListeners;
}

/** A Fargate service wired to the listener, and its alarms. */
export interface Backend extends FargateServiceResources {
  readonly targetGroup: elbv2.ApplicationTargetGroup;
  /** The second target group of a blue/green, canary or linear service. */
  readonly alternateTargetGroup?: elbv2.ApplicationTargetGroup;
  readonly alarms: cloudwatch.Alarm[];
}

/**
 * Creates a Fargate service and an IP target group that health-checks it, and wires it in: the
 * listener forwards to it (by default, or for `routing.pathPrefix`) in the way its deployment
 * strategy needs, which opens the service's security group to the load balancer's, on the container
 * port only; then it gets what every service gets (`completeService`).
 */
export function createBackend(
  scope: Construct,
  wiring: BackendWiring,
  options: ResolvedServiceOptions,
  routing?: ListenerRouting,
): Backend {
  const service = createFargateService(scope, wiring.placement, options, 'Fargate tasks: admits only the load balancer, on the container port');
  const resources = { ...service, targetGroup: createTargetGroup(scope, 'TargetGroup', wiring.placement.vpc, options) };
  const trafficRouting = isShifting(options.deploymentStrategy) ? SHIFTING_ROUTING : ROLLING_ROUTING;
  const targetGroups = trafficRouting.route(scope, resources, options, wiring.listeners, routing);
  if (!routing) {
    // Both listeners' default action goes to the default service, whatever its strategy: a shifting
    // one's catch-all rule answers every path in front of it.
    for (const listener of [wiring.listeners.listener, wiring.listeners.testListener]) {
      listener?.addTargetGroups('Default', { targetGroups: [resources.targetGroup] });
    }
  }
  const alarms = completeService(scope, wiring, resources, options, {
    scalingTargetGroup: resources.targetGroup,
    releaseAlarms: alarmScope => createTargetAlarms(alarmScope, targetGroups),
  });
  return { ...resources, alternateTargetGroup: targetGroups[1], alarms };
}
