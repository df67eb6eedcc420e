import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { Construct } from 'constructs';
import type { ResolvedServiceOptions } from '../../props/resolved-options';
import type { FargateServiceResources } from '../../service/fargate-service';

/** The listeners a service is routed from: production, and the test listener when there is one. */
export interface ServiceListeners {
  readonly listener: elbv2.ApplicationListener;
  readonly testListener?: elbv2.ApplicationListener;
}

/** A service's resources and the target group the load balancer sends its traffic to. */
export interface TargetedServiceResources extends FargateServiceResources {
  readonly targetGroup: elbv2.ApplicationTargetGroup;
}

/** How the listener picks a service: by a path prefix rule, or (without one) as the default service. */
export interface ListenerRouting {
  readonly pathPrefix: string;
  readonly priority: number;
  /** Whether the rule rewrites the URL so that the service receives the path below the prefix. */
  readonly stripPathPrefix: boolean;
}

/**
 * One way of sending the load balancer's traffic to a service's tasks, chosen by its
 * `deploymentStrategy`: one target group that ECS replaces tasks in (rolling), or two that ECS
 * shifts traffic between (blue/green, canary, linear).
 */
export interface TrafficRouting {
  /**
   * Routes the production listener (and the test listener) to the service and registers its tasks;
   * the listeners' default actions, the default service's in every way, are the caller's.
   * Returns every target group its tasks may serve from.
   */
  route(
    scope: Construct,
    resources: TargetedServiceResources,
    options: ResolvedServiceOptions,
    listeners: ServiceListeners,
    routing?: ListenerRouting,
  ): elbv2.ApplicationTargetGroup[];
}

/** The load balancer target of a service: its container (not a sidecar), on its port. */
export function containerTarget(options: ResolvedServiceOptions): { containerName: string; containerPort: number } {
  return { containerName: options.containerName, containerPort: options.containerPort };
}
