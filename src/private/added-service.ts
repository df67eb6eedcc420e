import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type { ResolvedServiceOptions } from './defaults';
import { resolveServiceOptions } from './defaults';
import { validatePathPrefix, validatePathRewrite } from './path-prefix';
import { validateServiceOptions } from './validate';
import type { AddServiceOptions } from '../api-service';

/**
 * Resolves and checks the options of a service added to either construct, before it is built: its
 * prefix against those `taken`, its options, and both its own and the default service's path
 * rewriting (`defaultParameterMapping`), which must leave the new prefix alone.
 */
export function resolveAddedService(
  id: string,
  options: AddServiceOptions,
  taken: readonly string[],
  defaultParameterMapping?: apigwv2.ParameterMapping,
): ResolvedServiceOptions {
  validatePathPrefix(options.pathPrefix, taken);
  const resolved = resolveServiceOptions(options);
  validateServiceOptions(resolved);
  validatePathRewrite(`parameterMapping of service '${id}'`, resolved.parameterMapping, options.pathPrefix);
  validatePathRewrite('parameterMapping', defaultParameterMapping, undefined, [options.pathPrefix]);
  return resolved;
}
