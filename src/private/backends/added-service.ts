import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { AddedServiceConstruct, ServiceBackend, ServiceRoute, WiredService } from './service-backend';
import type { ServiceRoutes } from '../api/routes';
import { withPath } from '../api/routes';
import type { ResolvedServiceOptions } from '../props/resolved-options';

/**
 * A service added with `addService`, with either backend: a construct (the service's id) that holds
 * its resources, wired by the backend and routed by the API like the default service. Each backend's
 * subclass adds what is its own (target groups, a Cloud Map service).
 */
export abstract class AddedService<W extends WiredService> extends Construct implements AddedServiceConstruct {
  public readonly pathPrefix: string;
  public readonly service: ecs.FargateService;
  public readonly taskDefinition: ecs.FargateTaskDefinition;
  public readonly containerLogGroup?: logs.ILogGroup;
  public readonly integration: apigwv2.HttpRouteIntegration;
  public readonly alarms: cloudwatch.Alarm[];
  public readonly scalableTaskCount?: ecs.ScalableTaskCount;
  public readonly wired: W;

  protected constructor(
    scope: Construct,
    id: string,
    backend: ServiceBackend<W, AddedServiceConstruct>,
    routes: ServiceRoutes,
    options: ResolvedServiceOptions,
    route: ServiceRoute,
  ) {
    super(scope, id);
    this.wired = backend.wireService(this, options, route);
    this.pathPrefix = route.pathPrefix;
    this.service = this.wired.service;
    this.taskDefinition = this.wired.taskDefinition;
    this.containerLogGroup = this.wired.containerLogGroup;
    this.alarms = this.wired.alarms;
    this.scalableTaskCount = this.wired.scalableTaskCount;
    const integrationId = `${id}Integration`;
    if (route.stripPathPrefix && !backend.routesByPath) {
      this.integration = this.routeStripped(backend, routes, options, route.pathPrefix, integrationId);
      return;
    }
    const integration = backend.integrationOf(this.wired, integrationId, routes.vpcLink, options);
    this.integration = routes.route(integration, integrationId, options, route.pathPrefix);
  }

  /**
   * Strips the prefix in the API, for a backend that does not route by path (a load balancer that does
   * must see the prefix, and strips it in its listener rule): `ANY <pathPrefix>` gets an integration
   * that sends `/`, and `ANY <pathPrefix>/{proxy+}` one that sends the path below the prefix. Two
   * integrations, since the first route has no `{proxy+}` parameter. The first keeps the id and place
   * of the one integration the service has without stripping, so turning it on or off updates it in place.
   */
  private routeStripped(
    backend: ServiceBackend<W, AddedServiceConstruct>,
    routes: ServiceRoutes,
    options: ResolvedServiceOptions,
    pathPrefix: string,
    integrationId: string,
  ): apigwv2.HttpRouteIntegration {
    const integration = (id: string, path: string) => ({
      id,
      integration: backend.integrationOf(this.wired, id, routes.vpcLink, { ...options, parameterMapping: withPath(options.parameterMapping, path) }),
    });
    const root = integration(integrationId, '/');
    routes.routeApart(root, integration(`${this.node.id}ProxyIntegration`, '/$request.path.proxy'), options, pathPrefix);
    return root.integration;
  }
}
