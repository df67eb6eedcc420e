import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import { graph } from './dashboard-layout';

/**
 * A service's tasks: CPU and memory (ECS's own metrics), and the running and desired task counts,
 * which only Container Insights publishes (namespace `ECS/ContainerInsights`).
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/available-metrics.html
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-ECS.html
 */
export function serviceGraphs(service: ecs.FargateService, taskCounts: boolean): cloudwatch.IWidget[] {
  const perRow = taskCounts ? 3 : 2;
  const taskCount = (metricName: string, label: string) => new cloudwatch.Metric({
    namespace: 'ECS/ContainerInsights',
    metricName,
    dimensionsMap: { ClusterName: service.cluster.clusterName, ServiceName: service.serviceName },
    statistic: cloudwatch.Stats.AVERAGE,
    label,
  });
  return [
    graph('CPU utilization', perRow, [service.metricCpuUtilization({ label: 'CPU' })], '%'),
    graph('Memory utilization', perRow, [service.metricMemoryUtilization({ label: 'Memory' })], '%'),
    ...(taskCounts ? [graph('Tasks', perRow, [taskCount('RunningTaskCount', 'Running'), taskCount('DesiredTaskCount', 'Desired')])] : []),
  ];
}
