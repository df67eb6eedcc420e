/**
 * Target tracking for the number of tasks of a service. At least one target is used:
 * with neither given, the service tracks 50% CPU utilization.
 */
export interface AutoScalingOptions {
  /**
   * The fewest tasks the service scales in to.
   */
  readonly minCapacity: number;

  /**
   * The most tasks the service scales out to.
   */
  readonly maxCapacity: number;

  /**
   * The average CPU utilization of the tasks, in percent, to keep the service at.
   *
   * @default - 50 when `targetRequestsPerTarget` is not set either; otherwise no CPU tracking
   */
  readonly targetCpuUtilizationPercent?: number;

  /**
   * The number of load balancer requests per task per minute to keep the service at. Only with
   * `deploymentStrategy` ROLLING: it tracks one target group, and blue/green, canary and linear
   * deployments move the traffic between two.
   *
   * @default - no request count tracking
   */
  readonly targetRequestsPerTarget?: number;
}
