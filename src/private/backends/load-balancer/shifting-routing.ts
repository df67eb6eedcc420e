import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { LISTENER_RULE_PRIORITIES } from './listener-rule-priority';
import { stripPathPrefixOn } from './strip-path-prefix';
import type { ServiceListeners, TrafficRouting } from './traffic-routing';
import { containerTarget } from './traffic-routing';
import { acknowledgeNagFinding } from '../../compliance/acknowledge';
import { createTargetGroup } from '../../service/fargate-service';

/**
 * Blue/green, canary and linear deployments: ECS starts the new tasks in a second target group
 * and shifts the weights of a listener rule that forwards to both. For an Application Load
 * Balancer the production (and test) "listener" ECS shifts must be a listener rule, so the
 * default service gets a catch-all rule, `/*` at the last priority, in front of the listener's
 * default action (which no request then reaches). Only forward actions, as ECS requires.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb-resources-for-blue-green.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-advancedconfiguration.html
 */
export const SHIFTING_ROUTING: TrafficRouting = {
  route(scope, resources, options, listeners, routing) {
    const primary = resources.targetGroup;
    const alternate = createTargetGroup(scope, 'AlternateTargetGroup', resources.service.cluster.vpc, options);
    const conditions = [elbv2.ListenerCondition.pathPatterns(routing ? [routing.pathPrefix, `${routing.pathPrefix}/*`] : ['/*'])];
    // The same construct id as a rolling service's rule, so that a change of strategy updates it in place.
    const ruleId = routing ? `${scope.node.id}Rule` : 'DefaultRule';
    const rule = {
      priority: routing?.priority ?? LISTENER_RULE_PRIORITIES.catchAll,
      conditions,
      action: elbv2.ListenerAction.weightedForward([{ targetGroup: primary, weight: 100 }, { targetGroup: alternate, weight: 0 }]),
    };
    const production = new elbv2.ApplicationListenerRule(listeners.listener, ruleId, { listener: listeners.listener, ...rule });
    const test = listeners.testListener
      && new elbv2.ApplicationListenerRule(listeners.testListener, ruleId, { listener: listeners.testListener, ...rule });
    if (routing?.stripPathPrefix) {
      // The test listener's rule too: the new tasks are tested with the paths production will send them.
      stripPathPrefixOn([production, ...(test ? [test] : [])], routing.pathPrefix);
    }
    const role = trafficShiftRole(scope, listeners, [production, ...(test ? [test] : [])], [primary, alternate]);
    // ECS assumes the role as soon as the service exists, and until it is deleted: the service depends
    // on the role and its policy, so CloudFormation creates them first and deletes them last.
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-dependson.html
    resources.service.node.addDependency(role);
    resources.service.loadBalancerTarget({
      ...containerTarget(options),
      alternateTarget: new ecs.AlternateTarget('AlternateTarget', {
        alternateTargetGroup: alternate,
        productionListener: ecs.ListenerRuleConfiguration.applicationListenerRule(production),
        testListener: test && ecs.ListenerRuleConfiguration.applicationListenerRule(test),
        role,
      }),
    }).attachToApplicationTargetGroup(primary);
    return [primary, alternate];
  },
};

/**
 * The role ECS shifts traffic with: what AWS's AmazonECSInfrastructureRolePolicyForLoadBalancers
 * allows, scoped to this service's rules and target groups and to this load balancer's listeners.
 * @see https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonECSInfrastructureRolePolicyForLoadBalancers.html
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancingv2.html
 */
function trafficShiftRole(
  scope: Construct,
  listeners: ServiceListeners,
  rules: elbv2.ApplicationListenerRule[],
  targetGroups: elbv2.ApplicationTargetGroup[],
): iam.Role {
  const role = new iam.Role(scope, 'TrafficShiftRole', {
    assumedBy: new iam.ServicePrincipal('ecs.amazonaws.com'),
    description: 'Lets ECS shift this service\'s traffic between its two target groups',
  });
  role.addToPolicy(new iam.PolicyStatement({
    actions: ['elasticloadbalancing:ModifyRule'],
    resources: rules.map(rule => rule.listenerRuleArn),
  }));
  role.addToPolicy(new iam.PolicyStatement({
    actions: ['elasticloadbalancing:ModifyListener'],
    resources: [listeners.listener, ...(listeners.testListener ? [listeners.testListener] : [])].map(listener => listener.listenerArn),
  }));
  role.addToPolicy(new iam.PolicyStatement({
    actions: ['elasticloadbalancing:RegisterTargets', 'elasticloadbalancing:DeregisterTargets'],
    resources: targetGroups.map(group => group.targetGroupArn),
  }));
  role.addToPolicy(new iam.PolicyStatement({
    actions: [
      'elasticloadbalancing:DescribeListeners', 'elasticloadbalancing:DescribeRules',
      'elasticloadbalancing:DescribeTargetGroups', 'elasticloadbalancing:DescribeTargetHealth',
    ],
    resources: ['*'],
  }));
  acknowledgeNagFinding(role.node.findChild('DefaultPolicy'), 'AwsSolutions-IAM5',
    'Elastic Load Balancing\'s Describe actions have no resource-level permissions: AWS requires Resource "*" for them. '
    + 'The policy\'s other actions name this service\'s listener rules and target groups.',
    'Resource::*');
  return role;
}
