/**
 * The props of one front that the other has no use for, as JavaScript users may still pass them (the
 * types leave them out), each with what to use instead: switching a stack from one front to the other,
 * a prop that would do nothing is refused rather than dropped (an `authorization` dropped silently
 * would leave a service open).
 */
export interface ForeignProps {
  readonly [prop: string]: string;
}

const NO_CLOUD_MAP = 'a REST API reaches its services through the load balancer only: Cloud Map is no target of a REST API\'s '
  + 'private integration (use PrivateEcsCloudMapHttpApi for Cloud Map)';

/**
 * The HTTP constructs' props, which a REST API refuses. Cloud Map's first: "Private integrations for
 * REST APIs" reach an Application or Network Load Balancer through a VPC link V2, never a Cloud Map service.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/private-integration.html
 */
export const HTTP_ONLY_PROPS: ForeignProps = {
  cloudMapNamespace: NO_CLOUD_MAP,
  cloudMapNamespaceName: NO_CLOUD_MAP,
  defaultAuthorizer: 'use defaultAuthorization, such as RestAuthorization.cognito(authorizer)',
  defaultAuthorizationScopes: 'give the scopes to RestAuthorization.cognito(authorizer, scopes)',
  authorizer: 'use authorization, such as RestAuthorization.iam()',
  authorizationScopes: 'give the scopes to RestAuthorization.cognito(authorizer, scopes)',
  parameterMapping: 'a REST API\'s proxy passes every header and the query string on as they are',
  corsPreflight: 'the service answers OPTIONS itself behind a REST API\'s proxy',
  ipAddressType: 'it is an HTTP API prop here: a REST API\'s endpoint keeps the IP address type API Gateway gives it',
};

/** The REST API's props, which the HTTP constructs refuse. */
export const REST_ONLY_PROPS: ForeignProps = {
  defaultAuthorization: 'it is PrivateEcsRestApi\'s: use defaultAuthorizer, such as an HttpJwtAuthorizer',
  authorization: 'it is PrivateEcsRestApi\'s: use authorizer, such as an HttpIamAuthorizer',
  apiKeyRequired: 'API keys and usage plans are a REST API\'s (PrivateEcsRestApi)',
  usagePlans: 'API keys and usage plans are a REST API\'s (PrivateEcsRestApi)',
  stageName: 'an HTTP API here has one $default stage',
  endpointType: 'private APIs are a REST API\'s (PrivateEcsRestApi)',
  vpcEndpoints: 'private APIs are a REST API\'s (PrivateEcsRestApi)',
  tracingEnabled: 'HTTP APIs do not trace with X-Ray (PrivateEcsRestApi does)',
  executionLogLevel: 'HTTP APIs have access logs only (PrivateEcsRestApi has execution logs)',
};

/** Refuses the props of `table` given to `what`, naming the first and what to use instead. */
export function refuseForeignProps(props: object, table: ForeignProps, what: string): void {
  for (const [prop, instead] of Object.entries(table)) {
    if ((props as { [prop: string]: unknown })[prop] !== undefined) {
      throw new Error(`${prop} is not a prop of ${what}: ${instead}`);
    }
  }
}
