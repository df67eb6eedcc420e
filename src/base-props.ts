import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type { PrivateEcsApiBaseProps } from './api-base-props';
import type { ContainerServiceOptions } from './service-options';

/**
 * What `PrivateEcsHttpApi` and `PrivateEcsCloudMapHttpApi` share: the default service
 * (`ContainerServiceOptions`), the network it runs in and the HTTP API in front of it.
 */
export interface PrivateEcsHttpApiBaseProps extends PrivateEcsApiBaseProps, ContainerServiceOptions {
  // ---- HTTP API ------------------------------------------------------------------------------

  /**
   * The authorizer for every route of the API without one of its own (a service's `authorizer`, or
   * a route you add with one), such as an `HttpJwtAuthorizer`, an `HttpLambdaAuthorizer` or an
   * `HttpIamAuthorizer` from `aws-cdk-lib/aws-apigatewayv2-authorizers`.
   *
   * @default - no authorizer: anyone who has the URL can call the API, and the construct
   * warns about it (`cdk-private-ecs-http-api:publicApi`)
   */
  readonly defaultAuthorizer?: apigwv2.IHttpRouteAuthorizer;

  /**
   * The OAuth scopes a caller's token must have one of, on every route that uses `defaultAuthorizer`
   * and has no scopes of its own. Only with a JWT `defaultAuthorizer`; routes with another authorizer
   * (an `HttpNoneAuthorizer` or `HttpIamAuthorizer` you add routes with, too) do not get them.
   *
   * @default - no scopes required
   */
  readonly defaultAuthorizationScopes?: string[];

  /**
   * The CORS preflight (`OPTIONS`) answer of the API, for browsers on other origins.
   *
   * @default - no CORS: browsers on other origins may not call the API
   */
  readonly corsPreflight?: apigwv2.CorsPreflightOptions;

  /**
   * Mutual TLS on `domainName`: the truststore of the certificate authorities whose client
   * certificates the API accepts (a PEM bundle in S3, and optionally its object version). Clients
   * could skip it through the `execute-api` URL, so the construct warns
   * (`cdk-private-ecs-http-api:mutualTlsBypass`) unless `disableExecuteApiEndpoint` is set too.
   *
   * @default - no mutual TLS: any client may connect
   */
  readonly domainMutualTls?: apigwv2.MTLSConfig;

  /**
   * The IP addresses clients may call the API from, on its `execute-api` URL and on `domainName`:
   * `apigwv2.IpAddressType.DUAL_STACK` for IPv4 and IPv6. With `domainHostedZone`, dual-stack adds
   * an AAAA alias record beside the A record.
   *
   * @default - IPv4 only (apigwv2.IpAddressType.IPV4)
   */
  readonly ipAddressType?: apigwv2.IpAddressType;
}
