import { Arn, ArnFormat, Token } from 'aws-cdk-lib';
import type { Duration } from 'aws-cdk-lib';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type * as route53 from 'aws-cdk-lib/aws-route53';
import { API_DEFAULTS } from './defaults';
import type { ResolvedHttpFrontProps } from './defaults';
import { REST_ONLY_PROPS, refuseForeignProps } from './foreign-props';
import { validatePathRewrite } from './path-prefix';
import type { ResolvedBaseProps } from './resolved-options';
import { requireJwtForScopes, validateServiceAuthorization } from './validate-authorization';
import { requireBakeTimeForAlarms } from './validate-deployment';
import { requireIntegerInRange, requireNumberInRange, validateGivenServiceOptions, validateHttpIntegrationTimeout, validateServiceOptions } from './validate-service';
import type { PrivateEcsApiBaseProps } from '../../api-base-props';
import type { PrivateEcsHttpApiBaseProps } from '../../base-props';
import { TaskEgress } from '../../task-egress';

/**
 * Refuses the props of any construct that make sense only with or without others, as the user
 * gave them, before any default is applied. Throws an error that names the prop and what to do.
 */
export function validateGivenProps(props: PrivateEcsApiBaseProps): void {
  const userVpc = props.vpc !== undefined || props.cluster !== undefined;
  requireOnlyWithCreatedVpc(userVpc, 'natGateways', props.natGateways);
  requireOnlyWithCreatedVpc(userVpc, 'vpcFlowLogs', props.vpcFlowLogs);
  requireOnlyWithCreatedVpc(userVpc, 'natGatewayProvider', props.natGatewayProvider);
  if (props.natGatewayProvider && props.taskEgress !== undefined && props.taskEgress !== TaskEgress.NAT_GATEWAY) {
    throw new Error(`natGatewayProvider applies only to taskEgress NAT_GATEWAY, got ${props.taskEgress}: those tasks use no NAT`);
  }
  requireOnlyWithCreatedVpc(props.cluster !== undefined, 'containerInsights', props.containerInsights, 'cluster');
  if (userVpc && props.taskEgress === TaskEgress.VPC_ENDPOINTS) {
    throw new Error(
      'taskEgress VPC_ENDPOINTS is only for a VPC the construct creates, got a vpc or cluster: '
      + 'add the endpoints to your VPC yourself and keep taskEgress NAT_GATEWAY with vpcSubnets set to its isolated subnets',
    );
  }

  validateGivenServiceOptions(props);
  if (props.apiAccessLogs === false) {
    requireAbsent('apiAccessLogGroup', props.apiAccessLogGroup, 'apiAccessLogs is false');
    requireAbsent('apiAccessLogRetention', props.apiAccessLogRetention, 'apiAccessLogs is false');
  }
  if (props.apiAccessLogGroup !== undefined) {
    requireAbsent('apiAccessLogRetention', props.apiAccessLogRetention, 'apiAccessLogGroup is given (set its retention on the log group)');
  }

  requireTogether('domainName', props.domainName, 'domainCertificate', props.domainCertificate);
  if (props.domainName === undefined) {
    requireAbsent('domainHostedZone', props.domainHostedZone, 'there is no domainName');
    if (props.disableExecuteApiEndpoint) {
      throw new Error('disableExecuteApiEndpoint needs a domainName: without one, the API would have no URL at all');
    }
  } else {
    requireHostName('domainName', props.domainName);
    requireInZone(props.domainName, props.domainHostedZone);
  }

  if (!props.dashboard) {
    requireAbsent('dashboardName', props.dashboardName, 'dashboard is not true (set dashboard to create the dashboard)');
  }
}

/** Refuses the HTTP API's props that make sense only with or without others, as the user gave them. */
export function validateGivenHttpProps(props: PrivateEcsHttpApiBaseProps): void {
  refuseForeignProps(props, REST_ONLY_PROPS, 'an HTTP API construct');
  validatePathRewrite('parameterMapping', props.parameterMapping);
  if (props.defaultAuthorizationScopes !== undefined && props.defaultAuthorizer === undefined) {
    throw new Error('defaultAuthorizationScopes needs a defaultAuthorizer (JWT) to check them, got no defaultAuthorizer');
  }
  requireJwtForScopes('defaultAuthorizationScopes', props.defaultAuthorizationScopes, 'defaultAuthorizer', props.defaultAuthorizer);
  if (props.domainName === undefined) {
    requireAbsent('domainMutualTls', props.domainMutualTls, 'there is no domainName');
  }
}

/**
 * Checks the HTTP API's props with their defaults applied, before anything is built: the default
 * service's scopes and integration timeout.
 */
export function validateResolvedHttpProps(resolved: ResolvedHttpFrontProps, integrationTimeout: Duration | undefined): void {
  validateServiceAuthorization('authorizationScopes', resolved, resolved.defaultAuthorizer);
  validateHttpIntegrationTimeout(integrationTimeout);
}

/**
 * Refuses a `domainCertificate` from another Region than the stack's, when both are known: a Regional
 * custom domain name, the only kind HTTP APIs have, needs "a Region-specific ACM certificate ... in the
 * same Region as your API".
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-regional-api-custom-domain-create.html
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-custom-domains-prerequisites.html
 */
export function requireCertificateInRegion(certificate: acm.ICertificate | undefined, stackRegion: string): void {
  if (certificate === undefined || Token.isUnresolved(certificate.certificateArn) || Token.isUnresolved(stackRegion)) {
    return;
  }
  const region = Arn.split(certificate.certificateArn, ArnFormat.SLASH_RESOURCE_NAME).region;
  // Only a Region name can be compared: a placeholder such as integ-runner's `test-region` is skipped.
  if (region && REGION_NAME.test(region) && REGION_NAME.test(stackRegion) && region !== stackRegion) {
    throw new Error(
      `domainCertificate must be in the stack's Region (${stackRegion}), as a Regional custom domain needs, got one in ${region} `
      + `(${certificate.certificateArn}): request or import the certificate in ${stackRegion}`,
    );
  }
}

/**
 * Checks each value of the props every construct shares, the default service's included, with the
 * defaults applied. Throws an error that names the prop, the value given and what is allowed.
 */
export function validateResolvedProps(resolved: ResolvedBaseProps): void {
  validateServiceOptions(resolved);
  requireBakeTimeForAlarms('bakeTime', resolved.bakeTime, resolved.recommendedAlarms);
  if (resolved.taskEgress === TaskEgress.NAT_GATEWAY) {
    if (resolved.natGateways === 0) {
      throw new Error(
        'natGateways must be 1 or 2 when taskEgress is NAT_GATEWAY (the default), got 0. To run without NAT gateways, '
        + 'set taskEgress to PUBLIC_IP (tasks with public IPs) or VPC_ENDPOINTS (no route out; the image in ECR) instead.',
      );
    }
    requireIntegerInRange('natGateways', resolved.natGateways, 1, API_DEFAULTS.maxAzs);
  } else if (resolved.natGateways !== 0) {
    throw new Error(`natGateways must be 0 when taskEgress is ${resolved.taskEgress}: the tasks do not use NAT, got ${resolved.natGateways}`);
  }
  requireNumberInRange('throttlingRateLimit', resolved.throttlingRateLimit, 0, Number.MAX_SAFE_INTEGER);
  requireIntegerInRange('throttlingBurstLimit', resolved.throttlingBurstLimit, 0, Number.MAX_SAFE_INTEGER);
  validateDashboardName(resolved.dashboardName);
}

/**
 * CloudWatch takes a dashboard name of at most 255 characters, each a letter, a digit, "-" or "_";
 * CloudFormation, of at least 1.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutDashboard.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudwatch-dashboard.html
 */
function validateDashboardName(name: string | undefined): void {
  if (name !== undefined && !Token.isUnresolved(name) && !/^[A-Za-z0-9_-]{1,255}$/.test(name)) {
    throw new Error(`dashboardName must be 1 to 255 letters, digits, "-" and "_", got '${name}'`);
  }
}

/** The form of AWS Region names: `us-east-1`, `ap-southeast-2`, `us-gov-west-1`, `eu-isoe-west-1`. */
const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/**
 * A DNS host name, such as `api.example.com` or the wildcard `*.example.com`: labels of letters, digits
 * and hyphens (not at either end), at most 63 characters each and 253 in all, as RFC 1035 asks of the
 * domain names API Gateway takes.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-custom-domain-names.html
 */
const HOST_NAME = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

function requireHostName(prop: string, value: string): void {
  if (Token.isUnresolved(value)) {
    return;
  }
  if (value.length > 253 || !HOST_NAME.test(value)) {
    throw new Error(
      `${prop} must be a DNS host name such as api.example.com, without a scheme, path, port or trailing dot, got '${value}'`,
    );
  }
}

/**
 * Refuses a `domainName` outside `domainHostedZone`, when the zone's name is known: Route 53 would
 * take it for a name relative to the zone and make the record `<domainName>.<zone>.` instead.
 */
function requireInZone(domainName: string, zone: route53.IHostedZone | undefined): void {
  const zoneName = zone && knownZoneName(zone);
  if (zoneName === undefined || Token.isUnresolved(domainName)) {
    return;
  }
  const name = domainName.toLowerCase();
  const zoneSuffix = zoneName.toLowerCase().replace(/\.$/, '');
  if (name !== zoneSuffix && !name.endsWith(`.${zoneSuffix}`)) {
    throw new Error(
      `domainName must be inside domainHostedZone (${zoneSuffix}), got '${domainName}', for which Route 53 would create the record `
      + `'${domainName}.${zoneSuffix}.': use the zone of ${domainName}, or leave domainHostedZone out and create the record yourself`,
    );
  }
}

/** The zone's name, unless it is a token or unknown (a zone imported by id alone throws when asked). */
function knownZoneName(zone: route53.IHostedZone): string | undefined {
  let zoneName: string;
  try {
    zoneName = zone.zoneName;
  } catch {
    return undefined;
  }
  return zoneName === undefined || Token.isUnresolved(zoneName) ? undefined : zoneName;
}

function requireOnlyWithCreatedVpc(ownResource: boolean, prop: string, value: unknown, resource = 'vpc or cluster'): void {
  if (ownResource && value !== undefined) {
    throw new Error(`${prop} applies only to a ${resource === 'cluster' ? 'cluster' : 'VPC'} the construct creates, but a ${resource} was given`);
  }
}

export function requireTogether(propA: string, valueA: unknown, propB: string, valueB: unknown): void {
  if ((valueA === undefined) !== (valueB === undefined)) {
    const [given, missing] = valueA === undefined ? [propB, propA] : [propA, propB];
    throw new Error(`${given} and ${missing} go together: ${given} was given without ${missing}`);
  }
}

export function requireAbsent(prop: string, value: unknown, reason: string): void {
  if (value !== undefined) {
    throw new Error(`${prop} has no effect when ${reason}: remove it`);
  }
}
