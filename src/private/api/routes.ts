import type { Duration } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpAlbIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { ResolvedServiceOptions } from '../props/defaults';

/** What every service's integration goes through: the API, the VPC link and the listener. */
export interface ApiWiring {
  readonly httpApi: apigwv2.HttpApi;
  readonly vpcLink: apigwv2.IVpcLink;
  readonly listener: elbv2.IApplicationListener;
  /** The name API Gateway verifies in the listener's certificate, with TLS to the load balancer. */
  readonly secureServerName?: string;
}

/**
 * Gives one service a private integration of its own (HTTP_PROXY over the VPC link to the
 * listener, with the service's timeout and parameter mapping) and routes its paths to it.
 */
export function integrateService(
  wiring: ApiWiring,
  id: string,
  options: IntegrationOptions,
  pathPrefix?: string,
): apigwv2.HttpRouteIntegration {
  const integration = new HttpAlbIntegration(id, wiring.listener, {
    vpcLink: wiring.vpcLink,
    method: apigwv2.HttpMethod.ANY,
    secureServerName: wiring.secureServerName,
    parameterMapping: options.parameterMapping,
  });
  return routeToIntegration(wiring.httpApi, integration, id, options, pathPrefix);
}

/** What each service's integration is made with. */
export type IntegrationOptions = Pick<ResolvedServiceOptions, 'integrationTimeout' | 'parameterMapping'>;

/**
 * Routes every method of a service's paths to its integration, `id`: `ANY /` and `ANY /{proxy+}`
 * without a prefix (the root path too, which `/{proxy+}` does not match), or the prefix and
 * everything under it; and sets the integration's timeout.
 */
export function routeToIntegration(
  httpApi: apigwv2.HttpApi,
  integration: apigwv2.HttpRouteIntegration,
  id: string,
  options: IntegrationOptions,
  pathPrefix?: string,
): apigwv2.HttpRouteIntegration {
  const paths = pathPrefix ? [pathPrefix, `${pathPrefix}/{proxy+}`] : ['/', '/{proxy+}'];
  const routes = paths.flatMap(path => httpApi.addRoutes({ path, methods: [apigwv2.HttpMethod.ANY], integration }));
  if (options.integrationTimeout) {
    setIntegrationTimeout(routes[0], id, options.integrationTimeout);
  }
  return integration;
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
