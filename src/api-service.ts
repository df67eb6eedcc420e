import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { IConstruct } from 'constructs';
import type { ContainerServiceOptions } from './service-options';

/**
 * Where another service behind the same API answers: its path prefix, whether it sees the prefix,
 * and (behind a load balancer) its listener rule's priority. Each API's `addService` options have them.
 */
export interface ServicePathOptions {
  /**
   * The path that leads to this service, such as `/orders`: the API routes `ANY /orders` and
   * `ANY /orders/{proxy+}` to it; behind a load balancer (`PrivateEcsHttpApi`, `PrivateEcsRestApi`) a listener rule forwards `/orders` and `/orders/*` too.
   * The service receives the full path, prefix included, unless `stripPathPrefix` is set.
   *
   * One or more segments of letters, digits, `-`, `_` and `.`; not `/`, which is the default
   * service's, and neither inside nor around another service's prefix.
   */
  readonly pathPrefix: string;

  /**
   * Whether the service receives the path below its `pathPrefix`: `/orders/items` as `/items`, and
   * `/orders` as `/` (the query string is kept). Behind a load balancer (`PrivateEcsHttpApi`, `PrivateEcsRestApi`) the listener rule, which still
   * matches the prefix, rewrites the URL (a `url-rewrite` transform); with `PrivateEcsCloudMapHttpApi`
   * each of the service's two routes has an integration that overwrites the path. A `parameterMapping`
   * that overwrites the path too is refused; its other mappings still apply.
   *
   * @default false: the service receives the full path, prefix included
   */
  readonly stripPathPrefix?: boolean;

  /**
   * The priority of the service's listener rule (and of its test-listener rule), with
   * `PrivateEcsHttpApi` and `PrivateEcsRestApi`: an integer from 1 to 49999, unique among the services. Prefixes never
   * nest, so the order of the services' rules does not matter; the priority only has to stay the
   * same across deploys, and so it does not depend on the order of the `addService` calls.
   * Priorities 1 to 999 are never a default: keep your own listener rules there.
   * `PrivateEcsCloudMapHttpApi` has no load balancer and refuses it.
   *
   * @default - derived from the service's construct id, from 1000 to 49999; a clash of two
   * derived priorities fails synth, and is mended by setting this on one of the services
   */
  readonly listenerRulePriority?: number;
}

/**
 * Options for another service behind the same HTTP API: `PrivateEcsHttpApi.addService` and
 * `PrivateEcsCloudMapHttpApi.addService`.
 */
export interface AddServiceOptions extends ContainerServiceOptions, ServicePathOptions {}

/**
 * A Fargate service added behind the API of any construct, for one path prefix: what every added
 * service has, whatever the API and the backend.
 */
export interface IPrivateService extends IConstruct {
  /** The path prefix that leads to this service. */
  readonly pathPrefix: string;

  /** The Fargate service. */
  readonly service: ecs.FargateService;

  /** Its task definition. */
  readonly taskDefinition: ecs.FargateTaskDefinition;

  /** The log group of its container's logs: none with a `logDriver` of yours. */
  readonly containerLogGroup?: logs.ILogGroup;

  /** Its recommended alarms, when `recommendedAlarms` is set. */
  readonly alarms: cloudwatch.Alarm[];

  /**
   * The scaling of its task count, when it has `autoScaling`: add scheduled scaling
   * (`scaleOnSchedule`) or step scaling (`scaleOnMetric`) to it. ECS lets a service have one, so
   * `service.autoScaleTaskCount()` throws once `autoScaling` is set.
   */
  readonly scalableTaskCount?: ecs.ScalableTaskCount;
}

/**
 * A Fargate service added behind the HTTP API of either HTTP construct, for one path prefix: what every
 * such service has, whatever the backend (`IApiService` behind a load balancer, `ICloudMapApiService` in Cloud Map).
 */
export interface IPrivateApiService extends IPrivateService {
  /**
   * Its private integration, with its own timeout and parameter mapping, which its routes use. With
   * `stripPathPrefix` on `PrivateEcsCloudMapHttpApi`, the route `ANY <pathPrefix>`'s: `ANY <pathPrefix>/{proxy+}`
   * has an integration of its own, which overwrites the path differently.
   */
  readonly integration: apigwv2.HttpRouteIntegration;
}

/** A Fargate service added behind a load balancer (`PrivateEcsHttpApi`, `PrivateEcsRestApi`), for one path prefix. */
export interface ILoadBalancedApiService extends IPrivateService {
  /** The target group its listener rule forwards to. */
  readonly targetGroup: elbv2.ApplicationTargetGroup;

  /** The second target group, which ECS shifts traffic to and from, with a `deploymentStrategy` other than ROLLING. */
  readonly alternateTargetGroup?: elbv2.ApplicationTargetGroup;
}

/**
 * A Fargate service behind the load balancer and API of a `PrivateEcsHttpApi`, for one path prefix.
 */
export interface IApiService extends IPrivateApiService, ILoadBalancedApiService {}
