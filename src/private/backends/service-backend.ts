import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Construct } from 'constructs';
import type { ServicePathOptions } from '../../api-service';
import type { ServiceOptions } from '../../service-options';
import type { ServiceFront } from '../api/service-front';
import type { ResolvedServiceOptions } from '../props/resolved-options';
import type { FargateServiceResources } from '../service/fargate-service';

/** A Fargate service a backend has built and wired in, its recommended alarms, and its scalable task count with `autoScaling`. */
export interface WiredService extends FargateServiceResources {
  readonly alarms: cloudwatch.Alarm[];
  /** The dashboard's graphs of how the backend reaches the service (its target groups), shown above its tasks'; none with Cloud Map. */
  readonly routeGraphs: cloudwatch.IWidget[];
  readonly scalableTaskCount?: ecs.ScalableTaskCount;
}

/**
 * An added service's place among the others: its prefix, whether the service receives the path below it,
 * and (behind a load balancer) its rule's priority.
 */
export interface ServiceRoute {
  readonly pathPrefix: string;
  readonly stripPathPrefix: boolean;
  readonly listenerRulePriority?: number;
}

/**
 * One way to put the services behind the VPC link, chosen once by each construct: an internal
 * Application Load Balancer (`load-balancer/`), or Cloud Map (`cloud-map/`), as aws-cdk-lib's private
 * integrations have one class per target (`HttpAlbIntegration`, `HttpServiceDiscoveryIntegration`).
 * The construct's base class owns the one path every service takes through it: the VPC link, the
 * default service, `addService`, the alarms; the front (`ServiceFront`) routes each service to it.
 *
 * `W` is what the backend makes of one service.
 */
export interface ServiceBackend<W extends WiredService> {
  /** What the VPC link's security group may reach, as its description says. */
  readonly vpcLinkDescription: string;
  /**
   * Whether the backend picks a request's service by its path (a load balancer's listener rules): a
   * rewritten path must then stay on its service's side of every prefix. Without that, each service's
   * integration calls its own tasks, whatever the path.
   */
  readonly routesByPath: boolean;
  /** The construct id of the default service's integration. */
  readonly defaultIntegrationId: string;

  /**
   * Refuses what this backend cannot do with an added service's options, as given, before it is
   * resolved. (The default service's are the construct's props: each construct checks them with its
   * backend's rules before anything is built.)
   */
  validateService(serviceId: string, given: ServiceOptions & ServicePathOptions): void;
  /** The dashboard's graphs of the backend's own hop between the API and the services (the load balancer); none with Cloud Map. */
  backendGraphs(): cloudwatch.IWidget[];
  /** Lets the VPC link, through its security group, reach what it calls. */
  admitVpcLink(securityGroup: ec2.ISecurityGroup): void;
  /** Builds one service in `scope` and wires it in: the default service without a route. */
  wireService(scope: Construct, options: ResolvedServiceOptions, route?: ServiceRoute): W;
  /** The service's private integration over the VPC link, for an HTTP API; the front routes its paths to it. */
  integrationOf(wired: W, id: string, vpcLink: apigwv2.IVpcLink, options: ResolvedServiceOptions): apigwv2.HttpRouteIntegration;
  /** The place of a service added for a path prefix among the others (behind a load balancer, its rule's priority). */
  placeService(serviceId: string, given: ServicePathOptions): ServiceRoute;
}

/** A service to add, its options checked and resolved, its place, and the front and VPC link it is routed through. */
export interface AddedServiceRequest<R> {
  readonly id: string;
  readonly resolved: ResolvedServiceOptions;
  readonly route: ServiceRoute;
  readonly front: ServiceFront<R, any>;
  readonly vpcLink: apigwv2.IVpcLink;
}

/** What the base class reads of an added service's construct. */
export interface AddedServiceConstruct extends Construct {
  readonly pathPrefix: string;
  readonly alarms: cloudwatch.Alarm[];
  /** What the backend made of it: the dashboard shows it. */
  readonly wired: WiredService;
}
