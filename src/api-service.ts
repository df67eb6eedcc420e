import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { IConstruct } from 'constructs';
import type { ContainerServiceOptions } from './service-options';

/**
 * Options for another service behind the same API: `PrivateEcsHttpApi.addService` and
 * `PrivateEcsCloudMapHttpApi.addService`.
 */
export interface AddServiceOptions extends ContainerServiceOptions {
  /**
   * The path that leads to this service, such as `/orders`: the API routes `ANY /orders` and
   * `ANY /orders/{proxy+}` to it; with `PrivateEcsHttpApi` a listener rule forwards `/orders` and `/orders/*` too.
   * The service receives the full path, prefix included.
   *
   * One or more segments of letters, digits, `-`, `_` and `.`; not `/`, which is the default
   * service's, and neither inside nor around another service's prefix.
   */
  readonly pathPrefix: string;
}

/**
 * A Fargate service behind the load balancer and API of a `PrivateEcsHttpApi`, for one path prefix.
 */
export interface IApiService extends IConstruct {
  /** The path prefix that leads to this service. */
  readonly pathPrefix: string;

  /** The Fargate service. */
  readonly service: ecs.FargateService;

  /** Its task definition. */
  readonly taskDefinition: ecs.FargateTaskDefinition;

  /** The target group its listener rule forwards to. */
  readonly targetGroup: elbv2.ApplicationTargetGroup;

  /** The second target group, which ECS shifts traffic to and from, with a `deploymentStrategy` other than ROLLING. */
  readonly alternateTargetGroup?: elbv2.ApplicationTargetGroup;

  /** Its private integration, with its own timeout and parameter mapping, which its routes use. */
  readonly integration: apigwv2.HttpRouteIntegration;
}
