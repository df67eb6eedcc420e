import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type { ResolvedServiceOptions } from './resolved-options';

/**
 * The authorization type a route gets from `authorizer`: every authorizer class of aws-cdk-lib says it
 * (`JWT` for `HttpJwtAuthorizer` and `HttpUserPoolAuthorizer`, `AWS_IAM`, `CUSTOM` for Lambda, `NONE`),
 * read by value so that an authorizer from another copy of aws-cdk-lib is recognised too. Undefined for
 * an authorizer class that does not say: its checks are skipped.
 */
export function authorizationTypeOf(authorizer: apigwv2.IHttpRouteAuthorizer): string | undefined {
  const type = (authorizer as { readonly authorizationType?: unknown }).authorizationType;
  return typeof type === 'string' ? type : undefined;
}

/**
 * The authorizer a service's routes end up with: its own, or the API's default. Undefined when the
 * routes have none, `HttpNoneAuthorizer` included.
 */
export function effectiveAuthorizer(
  service: Pick<ResolvedServiceOptions, 'authorizer'>,
  defaultAuthorizer: apigwv2.IHttpRouteAuthorizer | undefined,
): apigwv2.IHttpRouteAuthorizer | undefined {
  const authorizer = service.authorizer ?? defaultAuthorizer;
  return authorizer && authorizationTypeOf(authorizer) === NONE ? undefined : authorizer;
}

/**
 * Refuses scopes without a JWT authorizer to check them. A route's scopes are matched against the
 * scopes of the caller's access token by a JWT authorizer; CloudFormation refuses them on a route of
 * another authorization type ("Authorization Scopes are only valid for COGNITO_USER_POOLS and JWT
 * authorization types", aws/aws-cdk#27576).
 * https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-routes-routeid.html (authorizationScopes)
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigatewayv2-route.html#cfn-apigatewayv2-route-authorizationscopes
 */
export function requireJwtForScopes(
  prop: string,
  scopes: readonly string[] | undefined,
  authorizerProp: string,
  authorizer: apigwv2.IHttpRouteAuthorizer | undefined,
): void {
  if (scopes === undefined || scopes.length === 0) {
    return;
  }
  if (authorizer === undefined) {
    throw new Error(`${prop} needs a JWT authorizer to check them, got no ${authorizerProp}: set ${authorizerProp} to an HttpJwtAuthorizer or HttpUserPoolAuthorizer, or remove ${prop}`);
  }
  const type = authorizationTypeOf(authorizer);
  if (type !== undefined && type !== JWT) {
    throw new Error(
      `${prop} apply only to a JWT authorizer (HttpJwtAuthorizer, HttpUserPoolAuthorizer), got ${authorizerProp} of type ${type}: `
      + `remove ${prop}, or use a JWT authorizer`,
    );
  }
}

/**
 * Checks one service's authorization against the API's default authorizer: its scopes need the JWT
 * authorizer its routes end up with. `prop` names the service's scopes in the message.
 */
export function validateServiceAuthorization(
  prop: string,
  service: Pick<ResolvedServiceOptions, 'authorizer' | 'authorizationScopes'>,
  defaultAuthorizer: apigwv2.IHttpRouteAuthorizer | undefined,
): void {
  const ownAuthorizer = service.authorizer !== undefined;
  requireJwtForScopes(
    prop,
    service.authorizationScopes,
    ownAuthorizer ? prop.replace('authorizationScopes', 'authorizer') : 'defaultAuthorizer',
    service.authorizer ?? defaultAuthorizer,
  );
}

/** The authorization type of JSON Web Token authorizers: the only one that checks scopes. */
export const JWT = 'JWT';

/** The authorization type of a route open to anyone. */
export const NONE = 'NONE';
