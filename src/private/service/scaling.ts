import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { AutoScalingOptions } from '../../auto-scaling';

/**
 * Scales the service between its minimum and maximum with target tracking on CPU, on requests
 * per task (with a load balancer), or both. Call it after the target group is attached to the load
 * balancer: request count tracking needs to know which one. Returns the scalable task count, to which
 * users add scheduled and step scaling (ECS lets a service have one: a second `autoScaleTaskCount` throws).
 */
export function configureAutoScaling(
  service: ecs.FargateService,
  targetGroup: elbv2.ApplicationTargetGroup | undefined,
  options: AutoScalingOptions,
): ecs.ScalableTaskCount {
  const scaling = service.autoScaleTaskCount({ minCapacity: options.minCapacity, maxCapacity: options.maxCapacity });
  if (options.targetCpuUtilizationPercent !== undefined) {
    scaling.scaleOnCpuUtilization('CpuScaling', { targetUtilizationPercent: options.targetCpuUtilizationPercent });
  }
  // Validation refuses requests per target without a load balancer's target group to count them.
  if (options.targetRequestsPerTarget !== undefined && targetGroup) {
    scaling.scaleOnRequestCount('RequestScaling', { requestsPerTarget: options.targetRequestsPerTarget, targetGroup });
  }
  return scaling;
}
