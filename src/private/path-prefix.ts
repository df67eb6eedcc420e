import { Token } from 'aws-cdk-lib';

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
