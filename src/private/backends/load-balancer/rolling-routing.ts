import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { stripPathPrefixOn } from './strip-path-prefix';
import type { TrafficRouting } from './traffic-routing';
import { containerTarget } from './traffic-routing';

/** Rolling deployments: the listener forwards to the service's one target group (for its prefix; the default action is the caller's). */
export const ROLLING_ROUTING: TrafficRouting = {
  route(scope, resources, options, listeners, routing) {
    const targetGroups = [resources.targetGroup];
    if (routing) {
      // Made where and as `listener.addTargetGroups(id, ...)` made it until now (`<id>Rule` under the
      // listener, the same logical id), but held, so that its prefix can be stripped.
      const rule = new elbv2.ApplicationListenerRule(listeners.listener, `${scope.node.id}Rule`, {
        listener: listeners.listener,
        targetGroups,
        priority: routing.priority,
        conditions: [elbv2.ListenerCondition.pathPatterns([routing.pathPrefix, `${routing.pathPrefix}/*`])],
      });
      if (routing.stripPathPrefix) {
        stripPathPrefixOn([rule], routing.pathPrefix);
      }
    }
    resources.service.loadBalancerTarget(containerTarget(options)).attachToApplicationTargetGroup(resources.targetGroup);
    return targetGroups;
  },
};
