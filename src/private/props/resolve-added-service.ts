import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { resolveServiceOptions } from './defaults';
import { validatePathPrefix, validatePathRewrite, validateStripPathPrefix } from './path-prefix';
import type { ResolvedServiceOptions } from './resolved-options';
import { validateServiceAuthorization } from './validate-authorization';
import { requireBakeTimeForAlarms } from './validate-deployment';
import { validateGivenServiceOptions, validateServiceOptions } from './validate-service';
import type { AddServiceOptions } from '../../api-service';

/** What a service is added next to: the prefixes taken, and how the backend finds a request's service. */
export interface AddedServiceContext {
  readonly taken: readonly string[];
  /** The default service's parameter mapping. */
  readonly defaultParameterMapping?: apigwv2.ParameterMapping;
  /**
   * Whether the backend picks a request's service by its path, as a load balancer's listener rules
   * do: then a rewritten path must stay on its service's side of every prefix. Without one (Cloud Map)
   * each service's integration calls its own tasks, whatever the path.
   */
  readonly routesByPath: boolean;
  /** Whether the services get the recommended alarms, which a shifting service's bake time must fit. */
  readonly recommendedAlarms: boolean;
  /** The API's default authorizer, which a service without its own uses. */
  readonly defaultAuthorizer?: apigwv2.IHttpRouteAuthorizer;
}

/**
 * Resolves and checks the options of a service added to either construct, before it is built: its
 * prefix against those taken, its options, and both its own and the default service's path
 * rewriting, which must leave the new prefix alone where the backend routes by path.
 */
export function resolveAddedService(id: string, options: AddServiceOptions, context: AddedServiceContext): ResolvedServiceOptions {
  validatePathPrefix(options.pathPrefix, context.taken);
  validateGivenServiceOptions(options, id);
  const resolved = resolveServiceOptions(options);
  validateServiceOptions(resolved);
  requireBakeTimeForAlarms(`bakeTime of service '${id}'`, resolved.bakeTime, context.recommendedAlarms);
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
