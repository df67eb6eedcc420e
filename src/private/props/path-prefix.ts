import { Token } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';

const PATH_PREFIX = /^(\/[A-Za-z0-9._-]+)+$/;

/**
 * Throws unless `pathPrefix` is one or more plain path segments, and neither equal to, inside
 * nor around a prefix already taken: the load balancer matches rules in priority order, so
 * `/a` would take `/a/b`'s requests.
 */
export function validatePathPrefix(pathPrefix: string, taken: readonly string[]): void {
  if (Token.isUnresolved(pathPrefix)) {
    throw new Error('pathPrefix must be a plain string: the API routes and listener rules are made from it at synth time');
  }
  if (!PATH_PREFIX.test(pathPrefix)) {
    throw new Error(
      `pathPrefix must be one or more segments of letters, digits, '-', '_' and '.', each after a '/', such as '/orders', got '${pathPrefix}'`,
    );
  }
  for (const other of taken) {
    if (pathPrefix === other) {
      throw new Error(`pathPrefix '${pathPrefix}' is already taken by another service`);
    }
    if (pathPrefix.startsWith(`${other}/`) || other.startsWith(`${pathPrefix}/`)) {
      throw new Error(`pathPrefix '${pathPrefix}' overlaps '${other}' of another service: nested prefixes are not supported`);
    }
  }
}

/** The request parameter a parameter mapping writes to rewrite the path. */
const PATH_OVERWRITE = 'overwrite:path';

/** The greedy path parameter of the `{proxy+}` routes. */
const PROXY_PARAMETER = '$request.path.proxy';

/**
 * Throws when `mapping` rewrites the path of an integration's requests so that the load balancer,
 * which routes added services by path, would send them to another service: an added service's
 * path (`ownPrefix`) must stay inside its prefix, and the default service's must stay outside
 * every prefix in `otherPrefixes`. Only the literal start of the new path, before its first
 * `$` variable, can be known at synth time; that is what is checked.
 */
export function validatePathRewrite(
  prop: string,
  mapping: apigwv2.ParameterMapping | undefined,
  ownPrefix?: string,
  otherPrefixes: readonly string[] = [],
): void {
  const path = mapping?.mappings[PATH_OVERWRITE];
  if (path === undefined || Token.isUnresolved(path)) {
    return;
  }
  if (path.includes(PROXY_PARAMETER)) {
    // Routes without {proxy+} (`ANY /`, `ANY /<pathPrefix>`) share the integration, and API Gateway
    // does not document what a path parameter the route lacks becomes: refuse rather than guess.
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html
    throw new Error(
      `${prop} overwrites the path with '${path}', but ${PROXY_PARAMETER} is undefined on the routes without {proxy+} `
      + `(${ownPrefix === undefined ? "'ANY /'" : `'ANY ${ownPrefix}'`}) that share this integration. `
      + `Use $request.path (the whole path) or a static path${ownPrefix === undefined ? '' : ', or set stripPathPrefix to send the service the path below its prefix'}.`,
    );
  }
  const literal = path.split('$')[0];
  const within = (prefix: string) => literal === prefix || literal.startsWith(`${prefix}/`);
  if (ownPrefix !== undefined && !within(ownPrefix)) {
    throw new Error(
      `${prop} overwrites the path with '${path}', but the load balancer routes this service by its pathPrefix '${ownPrefix}': `
      + `the requests would reach another service. Keep the new path under '${ownPrefix}/', `
      + 'or set stripPathPrefix to send the service the path below its prefix.',
    );
  }
  const taken = otherPrefixes.find(within);
  if (taken !== undefined) {
    throw new Error(
      `${prop} overwrites the path with '${path}', which is under pathPrefix '${taken}' of an added service: `
      + 'the load balancer would send the default service\'s requests there. Choose a path outside it.',
    );
  }
}

/**
 * Throws when an added service that strips its prefix also has a parameter mapping that overwrites
 * the path: stripping sets the path the service receives (its listener rule's transform rewrites the
 * path the API sends, or its integrations overwrite the path themselves), so a second rewrite would
 * fight it. Other mappings (headers, query strings) still apply.
 */
export function validateStripPathPrefix(prop: string, mapping: apigwv2.ParameterMapping | undefined, stripPathPrefix: boolean | undefined): void {
  const path = mapping?.mappings[PATH_OVERWRITE];
  if (stripPathPrefix === true && path !== undefined) {
    throw new Error(
      `${prop} overwrites the path with '${path}', but stripPathPrefix already sets the path the service receives: `
      + 'keep one of them (drop overwritePath from the mapping, or stripPathPrefix and rewrite the path yourself).',
    );
  }
}
