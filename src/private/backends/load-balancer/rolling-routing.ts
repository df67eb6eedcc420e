import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { stripPathPrefixOn } from './strip-path-prefix';
import type { TrafficRouting } from './traffic-routing';
import { containerTarget } from './traffic-routing';

/** Rolling deployments: the listener forwards to the service's one target group (for its prefix; the default action is the caller's). */
export const ROLLING_ROUTING: TrafficRouting = {
  route(scope, resources, options, listeners, routing) {
    const targetGroups = [resources.targetGroup];
    if (routing) {
      listeners.listener.addTargetGroups(scope.node.id, {
        targetGroups,
        priority: routing.priority,
        conditions: [elbv2.ListenerCondition.pathPatterns([routing.pathPrefix, `${routing.pathPrefix}/*`])],
      });
      if (routing.stripPathPrefix) {
        // addTargetGroups makes the rule as `<id>Rule` and returns nothing.
        stripPathPrefixOn([listeners.listener.node.findChild(`${scope.node.id}Rule`) as elbv2.ApplicationListenerRule], routing.pathPrefix);
      }
    }
    resources.service.loadBalancerTarget(containerTarget(options)).attachToApplicationTargetGroup(resources.targetGroup);
    return targetGroups;
  },
};
