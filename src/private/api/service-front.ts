import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';
import type { ServicePathOptions } from '../../api-service';
import type { ServiceOptions } from '../../service-options';
import type { ServiceBackend, ServiceRoute, WiredService } from '../backends/service-backend';
import type { ResolvedServiceOptions } from '../props/resolved-options';

/** What the alarms, the dashboard and the constructs' metric methods read of a stage: an HTTP API's and a REST API's alike. */
export interface StageMetrics {
  metricCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric;
  metricClientError(props?: cloudwatch.MetricOptions): cloudwatch.Metric;
  metricServerError(props?: cloudwatch.MetricOptions): cloudwatch.Metric;
  metricLatency(props?: cloudwatch.MetricOptions): cloudwatch.Metric;
  metricIntegrationLatency(props?: cloudwatch.MetricOptions): cloudwatch.Metric;
}

/** What an added service is resolved against: the prefixes taken, and how the backend finds a request's service. */
export interface AddedServiceContext {
  readonly taken: readonly string[];
  /** Whether the backend picks a request's service by its path (`ServiceBackend.routesByPath`). */
  readonly routesByPath: boolean;
  /** Whether the services get the recommended alarms, which a shifting service's bake time must fit. */
  readonly recommendedAlarms: boolean;
}

/** One service to route: where its construct is, what the backend made of it, and where it answers. */
export interface FrontRouteRequest<W extends WiredService> {
  /** The construct that holds the service: the API construct for the default service, the added service's own. */
  readonly scope: Construct;
  readonly backend: ServiceBackend<W>;
  readonly wired: W;
  readonly vpcLink: apigwv2.IVpcLink;
  /** The construct id of the service's integration. */
  readonly integrationId: string;
  readonly options: ResolvedServiceOptions;
  /** The added service's place; none for the default service, which answers every path. */
  readonly route?: ServiceRoute;
}

/**
 * One kind of API in front of the services, chosen once by each construct: the HTTP API (`http-front.ts`),
 * and the REST API that issue 20 adds, as the backend is chosen once (`ServiceBackend`). The constructs'
 * base class owns the one path every service takes; the front resolves a service's options for its own
 * routing and authorization, and routes the service's paths over the VPC link.
 *
 * `R` is what the front makes of one service's routing (an HTTP integration, a REST resource); `O` the
 * options of a service added to it.
 */
export interface ServiceFront<R, O extends ServiceOptions & ServicePathOptions> {
  /** The kind of API and its id, as the dashboard heads the API's row. */
  readonly title: string;
  readonly apiId: string;
  /** The stage whose metrics the alarms, the dashboard and the metric methods read. */
  readonly stage: StageMetrics;

  /** Checks and resolves an added service's options, as given, against the services already there. */
  resolveService(id: string, options: O, context: AddedServiceContext): ResolvedServiceOptions;
  /** Routes a service's paths to its backend: every path for the default service, its prefix and everything under it for an added one. */
  route<W extends WiredService>(request: FrontRouteRequest<W>): R;
  /** Warns about what an added service's routing leaves open, once it is built. */
  checkService(scope: Construct, id: string, resolved: ResolvedServiceOptions): void;
}
