import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type { Construct } from 'constructs';
import type { ApiFront } from './api-front';
import { warnIfPublicService } from './authorization';
import { ServiceRoutes, withPath } from './routes';
import type { AddedServiceContext, FrontRouteRequest, ServiceFront } from './service-front';
import type { AddServiceOptions } from '../../api-service';
import type { WiredService } from '../backends/service-backend';
import { resolveAddedService } from '../props/resolve-added-service';
import type { ResolvedBaseProps, ResolvedServiceOptions } from '../props/resolved-options';

/**
 * The HTTP API in front of `PrivateEcsHttpApi` and `PrivateEcsCloudMapHttpApi`: each service's paths
 * are routes (`ANY /` and `ANY /{proxy+}`, or its prefix and everything under it) to the private
 * integration its backend makes, with its authorizer and scopes or the API's.
 */
export class HttpFront implements ServiceFront<apigwv2.HttpRouteIntegration, AddServiceOptions> {
  public readonly title = 'HTTP API';
  public readonly apiId: string;
  public readonly stage: apigwv2.HttpStage;
  private readonly httpApi: apigwv2.HttpApi;

  constructor(front: ApiFront, private readonly resolved: ResolvedBaseProps) {
    this.httpApi = front.httpApi;
    this.apiId = front.httpApi.apiId;
    this.stage = front.stage;
  }

  public resolveService(id: string, options: AddServiceOptions, context: AddedServiceContext): ResolvedServiceOptions {
    return resolveAddedService(id, options, {
      ...context,
      defaultParameterMapping: this.resolved.parameterMapping,
      defaultAuthorizer: this.resolved.defaultAuthorizer,
    });
  }

  public route<W extends WiredService>(request: FrontRouteRequest<W>): apigwv2.HttpRouteIntegration {
    const { backend, wired, vpcLink, integrationId, options, route } = request;
    const routes = new ServiceRoutes(this.httpApi, vpcLink);
    if (route?.stripPathPrefix && !backend.routesByPath) {
      return this.routeStripped(request, routes, route.pathPrefix);
    }
    return routes.route(backend.integrationOf(wired, integrationId, vpcLink, options), integrationId, options, route?.pathPrefix);
  }

  public checkService(scope: Construct, id: string, resolved: ResolvedServiceOptions): void {
    warnIfPublicService(scope, id, resolved, this.resolved.defaultAuthorizer);
  }

  /**
   * Strips the prefix in the API, for a backend that does not route by path (a load balancer that does
   * must see the prefix, and strips it in its listener rule): `ANY <pathPrefix>` gets an integration
   * that sends `/`, and `ANY <pathPrefix>/{proxy+}` one that sends the path below the prefix. Two
   * integrations, since the first route has no `{proxy+}` parameter. The first keeps the id and place
   * of the one integration the service has without stripping, so turning it on or off updates it in place.
   */
  private routeStripped<W extends WiredService>(
    request: FrontRouteRequest<W>,
    routes: ServiceRoutes,
    pathPrefix: string,
  ): apigwv2.HttpRouteIntegration {
    const { backend, wired, vpcLink, integrationId, options, scope } = request;
    const integration = (id: string, path: string) => ({
      id,
      integration: backend.integrationOf(wired, id, vpcLink, { ...options, parameterMapping: withPath(options.parameterMapping, path) }),
    });
    const root = integration(integrationId, '/');
    routes.routeApart(root, integration(`${scope.node.id}ProxyIntegration`, '/$request.path.proxy'), options, pathPrefix);
    return root.integration;
  }
}
