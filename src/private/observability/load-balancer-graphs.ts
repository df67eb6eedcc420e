import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { graph, hopHeader } from './dashboard-layout';

/**
 * The load balancer's hop: the requests it received, the 5xx it answered itself (no healthy target,
 * say) beside those its targets answered, and the targets' response time.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html
 */
export function loadBalancerGraphs(loadBalancer: elbv2.ApplicationLoadBalancer): cloudwatch.IWidget[] {
  const metrics = loadBalancer.metrics;
  return [
    hopHeader('Application Load Balancer', loadBalancer.loadBalancerName),
    graph('Requests', 3, [metrics.requestCount({ label: 'Requests', statistic: cloudwatch.Stats.SUM })]),
    graph('5xx', 3, [
      metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, { label: 'Load balancer 5xx' }),
      metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { label: 'Targets 5xx' }),
    ]),
    graph('Target response time', 3, [
      metrics.targetResponseTime({ label: 'p50', statistic: cloudwatch.Stats.p(50) }),
      metrics.targetResponseTime({ label: 'p99', statistic: cloudwatch.Stats.p(99) }),
    ], 'seconds'),
  ];
}

/**
 * A service's target groups (two with a shifting deployment strategy, between which ECS moves its
 * tasks): the 5xx its tasks answered, their response time, and its healthy and unhealthy targets.
 */
export function targetGroupGraphs(targetGroups: elbv2.ApplicationTargetGroup[]): cloudwatch.IWidget[] {
  const each = (label: string, metric: (group: elbv2.ApplicationTargetGroup, label: string) => cloudwatch.IMetric): cloudwatch.IMetric[] =>
    targetGroups.map((group, index) => metric(group, targetGroups.length > 1 ? `${label} (${index === 0 ? 'primary' : 'alternate'})` : label));
  return [
    graph('Target 5xx', 3, each('5xx', (group, label) => group.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { label }))),
    graph('Target response time', 3, [
      ...each('p50', (group, label) => group.metrics.targetResponseTime({ label, statistic: cloudwatch.Stats.p(50) })),
      ...each('p99', (group, label) => group.metrics.targetResponseTime({ label, statistic: cloudwatch.Stats.p(99) })),
    ], 'seconds'),
    graph('Targets', 3, [
      ...each('Healthy', (group, label) => group.metrics.healthyHostCount({ label })),
      ...each('Unhealthy', (group, label) => group.metrics.unhealthyHostCount({ label })),
    ]),
  ];
}
