import type { IAspect } from 'aws-cdk-lib';
import { Annotations, Aspects, Stack, Token } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type { IConstruct } from 'constructs';
import type { ResolvedServiceOptions } from '../props/resolved-options';
import { authorizationTypeOf, effectiveAuthorizer, JWT, NONE } from '../props/validate-authorization';

/**
 * Keeps the API's default scopes on the routes that can check them, whoever adds the routes.
 *
 * aws-cdk-lib's `HttpRoute` gives the API's `defaultAuthorizationScopes` to every route that has an
 * authorizer, whatever its type (aws/aws-cdk#27576): a route added with `httpApi.addRoutes` and an
 * `HttpNoneAuthorizer` or `HttpIamAuthorizer` synthesizes `AuthorizationType NONE` (or `AWS_IAM`) with
 * scopes, which CloudFormation refuses ("Authorization Scopes are only valid for COGNITO_USER_POOLS and
 * JWT authorization types"). The scopes stay the API's default, so a route on the default JWT authorizer
 * keeps them; this aspect takes them off the API's routes of any other type at synthesis, where they
 * can only fail the deploy. Scopes given on such a route itself, not inherited, are an error.
 * https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-routes-routeid.html (authorizationScopes: "used with a JWT authorizer")
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigatewayv2-route.html#cfn-apigatewayv2-route-authorizationscopes
 */
export function keepDefaultScopesOnJwtRoutes(httpApi: apigwv2.HttpApi): void {
  // On the stack, not the API: a user may make an HttpRoute of the API in another scope.
  Aspects.of(Stack.of(httpApi)).add(new DefaultScopesOnJwtRoutesOnly(httpApi));
}

class DefaultScopesOnJwtRoutesOnly implements IAspect {
  constructor(private readonly httpApi: apigwv2.HttpApi) {}

  public visit(node: IConstruct): void {
    if (!(node instanceof apigwv2.CfnRoute) || node.apiId !== this.httpApi.apiId) {
      return;
    }
    const type = node.authorizationType;
    const scopes = node.authorizationScopes;
    if (type === undefined || Token.isUnresolved(type) || type === JWT || scopes === undefined || Token.isUnresolved(scopes)) {
      return;
    }
    if (sameScopes(scopes, this.httpApi.defaultAuthorizationScopes)) {
      node.authorizationScopes = undefined;
    } else if (scopes.length > 0) {
      Annotations.of(node).addError(
        `authorizationScopes apply only to a JWT authorizer, got [${scopes.join(', ')}] on route ${node.routeKey} of type ${type}: `
        + 'remove them from the route, or use an HttpJwtAuthorizer or HttpUserPoolAuthorizer',
      );
    }
  }
}

function sameScopes(scopes: readonly string[], defaults: readonly string[] | undefined): boolean {
  const expected = new Set(defaults ?? []);
  return scopes.length === expected.size && scopes.every(scope => expected.has(scope));
}

/**
 * Warns when the default service's routes, which answer every path no added service claims, or the
 * routes users add without an authorizer, are open to anyone: the API has no default authorizer.
 */
export function warnIfPublicApi(scope: IConstruct, defaultService: ResolvedServiceOptions, defaultAuthorizer?: apigwv2.IHttpRouteAuthorizer): void {
  if (!hasDefaultAuthorizer(defaultAuthorizer)) {
    const defaultServiceToo = effectiveAuthorizer(defaultService, undefined) === undefined ? ', the default service\'s included' : '';
    Annotations.of(scope).addWarningV2('cdk-private-ecs-http-api:publicApi',
      `The API has no defaultAuthorizer: anyone who has its URL can call every route without an authorizer of its own${defaultServiceToo}. `
      + 'Set defaultAuthorizer, or acknowledge this warning if the service is public by design.');
  } else if (effectiveAuthorizer(defaultService, defaultAuthorizer) === undefined) {
    warnPublicService(scope, 'The default service', 'every path no added service claims');
  }
}

/**
 * Warns when an added service's routes are open to anyone though the API has a default authorizer
 * (an `HttpNoneAuthorizer` of the service's own). Without a default authorizer, `publicApi` says it.
 */
export function warnIfPublicService(
  scope: IConstruct,
  id: string,
  service: ResolvedServiceOptions,
  defaultAuthorizer?: apigwv2.IHttpRouteAuthorizer,
): void {
  if (hasDefaultAuthorizer(defaultAuthorizer) && effectiveAuthorizer(service, defaultAuthorizer) === undefined) {
    warnPublicService(scope, `Service '${id}'`, 'its pathPrefix and everything under it');
  }
}

/** Whether the API has a default authorizer that checks callers: `HttpNoneAuthorizer` does not. */
function hasDefaultAuthorizer(defaultAuthorizer?: apigwv2.IHttpRouteAuthorizer): boolean {
  return defaultAuthorizer !== undefined && authorizationTypeOf(defaultAuthorizer) !== NONE;
}

function warnPublicService(scope: IConstruct, who: string, paths: string): void {
  Annotations.of(scope).addWarningV2('cdk-private-ecs-http-api:publicService',
    `${who} has HttpNoneAuthorizer: anyone who has the API's URL can call ${paths}, without the API's defaultAuthorizer. `
    + 'Give it another authorizer, or acknowledge this warning if it is public by design.');
}
