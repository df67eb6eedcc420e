import { Token } from 'aws-cdk-lib';
import type { ResolvedProps } from './defaults';
import { API_DEFAULTS } from './defaults';
import { requireIntegerInRange, requireNumberInRange, validateServiceOptions } from './validate';
import type { PrivateEcsHttpApiProps } from '../private-ecs-http-api';
import { TaskEgress } from '../task-egress';

/**
 * Checks the construct's props: each value (with defaults applied, in `resolved`) and each
 * pair of props that only make sense together (as given, in `props`). Throws an error that
 * names the prop, the value given and what is allowed.
 */
export function validateProps(props: PrivateEcsHttpApiProps, resolved: ResolvedProps): void {
  validateServiceOptions(resolved);
  validateNetwork(props, resolved);
  validateLoadBalancer(props);
  validateApi(props, resolved);
}

function validateNetwork(props: PrivateEcsHttpApiProps, resolved: ResolvedProps): void {
  const ownVpc = props.vpc !== undefined || props.cluster !== undefined;
  requireOnlyWithCreatedVpc(ownVpc, 'natGateways', props.natGateways);
  requireOnlyWithCreatedVpc(ownVpc, 'vpcFlowLogs', props.vpcFlowLogs);
  requireOnlyWithCreatedVpc(props.cluster !== undefined, 'containerInsights', props.containerInsights, 'cluster');
  if (ownVpc && resolved.taskEgress === TaskEgress.VPC_ENDPOINTS) {
    throw new Error(
      'taskEgress VPC_ENDPOINTS is only for a VPC the construct creates, got a vpc or cluster: '
      + 'add the endpoints to your VPC yourself and keep taskEgress NAT_GATEWAY with vpcSubnets set to its isolated subnets',
    );
  }
  if (resolved.taskEgress === TaskEgress.NAT_GATEWAY) {
    requireIntegerInRange('natGateways', resolved.natGateways, 1, API_DEFAULTS.maxAzs);
  } else if (resolved.natGateways !== 0) {
    throw new Error(`natGateways must be 0 when taskEgress is ${resolved.taskEgress}: the tasks do not use NAT, got ${resolved.natGateways}`);
  }
}

function validateLoadBalancer(props: PrivateEcsHttpApiProps): void {
  if (props.logBucket?.encryptionKey) {
    throw new Error('logBucket must be encrypted with S3-managed keys (SSE-S3): load balancers cannot write access logs to a bucket with a KMS key');
  }
  requireTogether('loadBalancerCertificate', props.loadBalancerCertificate, 'loadBalancerServerName', props.loadBalancerServerName);
  if (props.loadBalancerServerName !== undefined && !Token.isUnresolved(props.loadBalancerServerName)
    && !/^[a-z0-9*]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(props.loadBalancerServerName)) {
    throw new Error(`loadBalancerServerName must be a DNS host name such as internal.example.com, got '${props.loadBalancerServerName}'`);
  }
}

function validateApi(props: PrivateEcsHttpApiProps, resolved: ResolvedProps): void {
  requireNumberInRange('throttlingRateLimit', resolved.throttlingRateLimit, 0, Number.MAX_SAFE_INTEGER);
  requireIntegerInRange('throttlingBurstLimit', resolved.throttlingBurstLimit, 0, Number.MAX_SAFE_INTEGER);
  validateIntegrationTimeout(props);

  if (props.defaultAuthorizationScopes !== undefined && props.defaultAuthorizer === undefined) {
    throw new Error('defaultAuthorizationScopes needs a defaultAuthorizer (JWT) to check them, got no defaultAuthorizer');
  }
  if (!resolved.apiAccessLogs) {
    requireAbsent('apiAccessLogGroup', props.apiAccessLogGroup, 'apiAccessLogs is false');
    requireAbsent('apiAccessLogRetention', props.apiAccessLogRetention, 'apiAccessLogs is false');
  }
  if (props.apiAccessLogGroup !== undefined) {
    requireAbsent('apiAccessLogRetention', props.apiAccessLogRetention, 'apiAccessLogGroup is given (set its retention on the log group)');
  }

  requireTogether('domainName', props.domainName, 'domainCertificate', props.domainCertificate);
  if (props.domainName === undefined) {
    requireAbsent('domainHostedZone', props.domainHostedZone, 'there is no domainName');
    if (resolved.disableExecuteApiEndpoint) {
      throw new Error('disableExecuteApiEndpoint needs a domainName: without one, the API would have no URL at all');
    }
  }
}

function validateIntegrationTimeout(props: PrivateEcsHttpApiProps): void {
  const timeout = props.integrationTimeout;
  if (timeout === undefined || timeout.isUnresolved()) {
    return;
  }
  const milliseconds = timeout.toMilliseconds();
  if (milliseconds < 50 || milliseconds > 29_000) {
    throw new Error(`integrationTimeout must be between 50 milliseconds and 29 seconds (the HTTP API limit), got ${timeout.toHumanString()}`);
  }
}

function requireOnlyWithCreatedVpc(ownResource: boolean, prop: string, value: unknown, resource = 'vpc or cluster'): void {
  if (ownResource && value !== undefined) {
    throw new Error(`${prop} applies only to a ${resource === 'cluster' ? 'cluster' : 'VPC'} the construct creates, but a ${resource} was given`);
  }
}

function requireTogether(propA: string, valueA: unknown, propB: string, valueB: unknown): void {
  if ((valueA === undefined) !== (valueB === undefined)) {
    const [given, missing] = valueA === undefined ? [propB, propA] : [propA, propB];
    throw new Error(`${given} and ${missing} go together: ${given} was given without ${missing}`);
  }
}

function requireAbsent(prop: string, value: unknown, reason: string): void {
  if (value !== undefined) {
    throw new Error(`${prop} has no effect when ${reason}: remove it`);
  }
}
