/**
 * Compares two CloudFormation templates synthesized from the same CDK app written in different
 * languages, ignoring only what legitimately differs between languages.
 *
 * What is ignored, and why:
 * - In `Resources.CDKMetadata.Properties.Analytics` (the AWS::CDK::Metadata resource), the version of
 *   the `jsii-runtime.Runtime` entry. CDK records there which language runtime ran the app
 *   (`node.js/v24.22.3`, `Python/3.11.7`, `Java/17.0.15`, `go1.26.8/linux/amd64`), so it differs by design.
 *   The string is decoded, and every other entry of it (the aws-cdk-lib version and each construct
 *   class used) must still match.
 *
 * Nothing else is ignored: `aws:cdk:path` metadata, logical IDs, asset hashes, outputs, parameters and
 * rules all come out the same in every language, and must.
 */
import { gunzipSync } from 'zlib';

/** One way in which a template differs from the reference. */
export interface TemplateDifference {
  /** Where, as a path of keys and indexes from the template's root. */
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

const ANALYTICS_PREFIX = 'v2:deflate64:';
const RUNTIME_FQN = 'jsii-runtime.Runtime';
const RUNTIME_PLACEHOLDER = '<language runtime>';

/** Lists how `actual` differs from `expected`, after `normalizeTemplate`; empty when they agree. */
export function compareTemplates(expected: unknown, actual: unknown): TemplateDifference[] {
  return diff(normalizeTemplate(expected), normalizeTemplate(actual), '');
}

/** Returns a copy of a template in which the language-specific part of the CDK analytics is masked. */
export function normalizeTemplate(template: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(template));
  for (const resource of Object.values<any>(copy?.Resources ?? {})) {
    const analytics = resource?.Properties?.Analytics;
    if (resource?.Type === 'AWS::CDK::Metadata' && typeof analytics === 'string') {
      resource.Properties.Analytics = decodeAnalytics(analytics).map(maskRuntime);
    }
  }
  return copy;
}

/**
 * Decodes CDK's analytics string: `v2:deflate64:` and base64 of the gzip of a prefix-encoded list
 * of `version!fqn` entries, such as `2.257.0!aws-cdk-lib.{Stack,aws_ec2.Vpc},node.js/v20!jsii-runtime.Runtime`.
 * Returns the entries, sorted.
 */
export function decodeAnalytics(analytics: string): string[] {
  if (!analytics.startsWith(ANALYTICS_PREFIX)) {
    throw new Error(`Unknown CDK analytics format: ${analytics.slice(0, 40)}`);
  }
  const encoded = gunzipSync(Buffer.from(analytics.slice(ANALYTICS_PREFIX.length), 'base64')).toString('utf8');
  return expandPrefixEncoding(encoded).sort();
}

/** Expands a prefix-encoded list: `a.{b,c{d,e}},f` stands for `a.b`, `a.cd`, `a.ce` and `f`. */
export function expandPrefixEncoding(encoded: string): string[] {
  let position = 0;

  // A list is entries separated by commas, up to a closing brace or the end.
  const readList = (prefix: string): string[] => {
    const entries: string[] = [];
    let token = '';
    while (position < encoded.length) {
      const char = encoded[position++];
      if (char === '{') {
        entries.push(...readList(prefix + token));
        token = '';
      } else if (char === ',' || char === '}') {
        if (token) entries.push(prefix + token);
        token = '';
        if (char === '}') return entries;
      } else {
        token += char;
      }
    }
    if (token) entries.push(prefix + token);
    return entries;
  };

  return readList('');
}

function maskRuntime(entry: string): string {
  const [version, fqn] = splitOnce(entry, '!');
  return fqn === RUNTIME_FQN ? `${RUNTIME_PLACEHOLDER}!${fqn}` : `${version}!${fqn}`;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}

function diff(expected: unknown, actual: unknown, path: string): TemplateDifference[] {
  if (isObject(expected) && isObject(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    return keys.flatMap(key => diff(expected[key], actual[key], `${path}.${key}`));
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const length = Math.max(expected.length, actual.length);
    return Array.from({ length }, (_, index) => diff(expected[index], actual[index], `${path}[${index}]`)).flat();
  }
  return JSON.stringify(expected) === JSON.stringify(actual) ? [] : [{ path: path || '.', expected, actual }];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
