import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { resolveHttpRouting, resolveServiceOptions } from './defaults';
import { REST_ONLY_PROPS, refuseForeignProps } from './foreign-props';
import { validatePathPrefix, validatePathRewrite, validateStripPathPrefix } from './path-prefix';
import type { ResolvedServiceOptions } from './resolved-options';
import { validateServiceAuthorization } from './validate-authorization';
import { requireBakeTimeForAlarms } from './validate-deployment';
import { validateGivenServiceOptions, validateHttpIntegrationTimeout, validateServiceOptions } from './validate-service';
import type { AddServiceOptions, ServicePathOptions } from '../../api-service';
import type { ServiceOptions } from '../../service-options';
import type { AddedServiceContext } from '../api/service-front';

/** What a service is added next to on an HTTP API: the other services, and the API's defaults. */
export interface HttpAddedServiceContext extends AddedServiceContext {
  /** The default service's parameter mapping. */
  readonly defaultParameterMapping?: apigwv2.ParameterMapping;
  /** The API's default authorizer, which a service without its own uses. */
  readonly defaultAuthorizer?: apigwv2.IHttpRouteAuthorizer;
}

/**
 * Resolves and checks the options of a service added to any construct, whatever the front: its prefix
 * against those taken, and its options. Each front adds its own routing's checks.
 */
export function resolveAddedServiceOptions(
  id: string,
  options: ServiceOptions & ServicePathOptions,
  context: AddedServiceContext,
): ResolvedServiceOptions {
  validatePathPrefix(options.pathPrefix, context.taken);
  validateGivenServiceOptions(options, id);
  const resolved = resolveServiceOptions(options);
  validateServiceOptions(resolved);
  requireBakeTimeForAlarms(`bakeTime of service '${id}'`, resolved.bakeTime, context.recommendedAlarms);
  return resolved;
}

/**
 * Resolves and checks the options of a service added to either HTTP construct, before it is built:
 * what every service's are checked for, then its routing, its scopes, and both its own and the default
 * service's path rewriting, which must leave the new prefix alone where the backend routes by path.
 */
export function resolveAddedService(id: string, options: AddServiceOptions, context: HttpAddedServiceContext): ResolvedServiceOptions {
  refuseForeignProps(options, REST_ONLY_PROPS, `an HTTP API service ('${id}')`);
  const resolved = { ...resolveAddedServiceOptions(id, options, context), ...resolveHttpRouting(options) };
  validateHttpIntegrationTimeout(resolved.integrationTimeout);
  validateServiceAuthorization(`authorizationScopes of service '${id}'`, resolved, context.defaultAuthorizer);
  const prop = `parameterMapping of service '${id}'`;
  validateStripPathPrefix(prop, resolved.parameterMapping, options.stripPathPrefix);
  if (context.routesByPath) {
    validatePathRewrite(prop, resolved.parameterMapping, options.pathPrefix);
    validatePathRewrite('parameterMapping', context.defaultParameterMapping, undefined, [options.pathPrefix]);
  } else {
    validatePathRewrite(prop, resolved.parameterMapping);
  }
  return resolved;
}
