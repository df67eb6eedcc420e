import type { Duration } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type { ResolvedServiceOptions } from '../props/resolved-options';

/** What each service's integration is made with. */
export type IntegrationOptions = Pick<ResolvedServiceOptions, 'integrationTimeout' | 'parameterMapping' | 'authorizer' | 'authorizationScopes'>;

/** The API side of every service, with any backend: the HTTP API its paths are routed on, and the VPC link its integration goes through. */
export class ServiceRoutes {
  constructor(public readonly httpApi: apigwv2.HttpApi, public readonly vpcLink: apigwv2.IVpcLink) {}

  /**
   * Routes every method of a service's paths to its integration, `id`: `ANY /` and `ANY /{proxy+}`
   * without a prefix (the root path too, which `/{proxy+}` does not match), or the prefix and
   * everything under it, with the service's authorizer and scopes (the API's defaults when it has none);
   * and sets the integration's timeout.
   */
  public route(
    integration: apigwv2.HttpRouteIntegration,
    id: string,
    options: IntegrationOptions,
    pathPrefix?: string,
  ): apigwv2.HttpRouteIntegration {
    const paths = pathPrefix ? [pathPrefix, `${pathPrefix}/{proxy+}`] : ['/', '/{proxy+}'];
    this.routePaths(paths, integration, id, options);
    return integration;
  }

  /**
   * Routes a service's prefix to `root` and everything under it to `proxy`: two integrations, so that
   * each can rewrite the path its own way. The prefix's route comes first, as with `route`, so `root`
   * is made where a shared integration would be (its logical id does not move).
   */
  public routeApart(root: NamedIntegration, proxy: NamedIntegration, options: IntegrationOptions, pathPrefix: string): void {
    this.routePaths([pathPrefix], root.integration, root.id, options);
    this.routePaths([`${pathPrefix}/{proxy+}`], proxy.integration, proxy.id, options);
  }

  private routePaths(paths: readonly string[], integration: apigwv2.HttpRouteIntegration, id: string, options: IntegrationOptions): void {
    const routes = paths.flatMap(path => this.httpApi.addRoutes({
      path,
      methods: [apigwv2.HttpMethod.ANY],
      integration,
      authorizer: options.authorizer,
      authorizationScopes: options.authorizationScopes,
    }));
    if (options.integrationTimeout) {
      setIntegrationTimeout(routes[0], id, options.integrationTimeout);
    }
  }
}

/** An integration and its construct id. */
export interface NamedIntegration {
  readonly integration: apigwv2.HttpRouteIntegration;
  readonly id: string;
}

/**
 * `mapping` with the path overwritten by `path`, its other mappings (headers, query strings) kept.
 * A mapped path may join text and variables (`/$request.path.proxy`): the greedy path parameter is
 * the path below the prefix, without its leading '/'.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html
 */
export function withPath(mapping: apigwv2.ParameterMapping | undefined, path: string): apigwv2.ParameterMapping {
  const result = new apigwv2.ParameterMapping();
  for (const [key, value] of Object.entries(mapping?.mappings ?? {})) {
    result.custom(key, value);
  }
  return result.overwritePath(apigwv2.MappingValue.custom(path));
}

/**
 * Sets the integration's timeout on its CloudFormation resource: aws-cdk-lib refuses more than
 * 29 seconds, the REST API limit, where HTTP APIs allow 30 (validation has checked the range).
 * The integration is made under the first route bound to it.
 */
function setIntegrationTimeout(firstRoute: apigwv2.HttpRoute, integrationId: string, timeout: Duration): void {
  const resource = firstRoute.node.findChild(integrationId).node.defaultChild as apigwv2.CfnIntegration;
  resource.timeoutInMillis = timeout.toMilliseconds();
}
