import type * as ecs from 'aws-cdk-lib/aws-ecs';

/**
 * What runs in one Fargate service behind the API: the container and its task size.
 */
export interface ContainerServiceOptions {
  /**
   * The container image the service runs.
   */
  readonly image: ecs.ContainerImage;

  /**
   * The number of vCPU units of the task (256 is 0.25 vCPU).
   *
   * Must form a pair Fargate accepts with `memoryLimitMiB`.
   *
   * @default - 256, or the smallest cpu Fargate pairs with `memoryLimitMiB` when that is set
   */
  readonly cpu?: number;

  /**
   * The memory of the task, in MiB.
   *
   * Must form a pair Fargate accepts with `cpu`.
   *
   * @default - 512, or the smallest memory Fargate pairs with `cpu` when that is set
   */
  readonly memoryLimitMiB?: number;

  /**
   * The number of tasks to keep running; spread across the Availability Zones.
   *
   * @default 2
   */
  readonly desiredCount?: number;

  /**
   * The port the container listens on for HTTP.
   *
   * @default 80
   */
  readonly containerPort?: number;

  /**
   * Environment variables passed to the container.
   *
   * @default - no environment variables
   */
  readonly environment?: { [key: string]: string };

  /**
   * Secrets from AWS Secrets Manager or SSM Parameter Store, exposed to the container as environment variables.
   *
   * @default - no secrets
   */
  readonly secrets?: { [key: string]: ecs.Secret };

  /**
   * The path the load balancer requests to decide whether a task is healthy; it must answer 200-399.
   *
   * @default '/'
   */
  readonly healthCheckPath?: string;
}
