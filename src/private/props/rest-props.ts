import { Annotations, Token } from 'aws-cdk-lib';
import type { Duration } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import { HTTP_ONLY_PROPS, refuseForeignProps } from './foreign-props';
import type { ResolvedServiceOptions } from './resolved-options';
import { requireAbsent, requireTogether } from './validate-base';
import { requireIntegerInRange, requireNumberInRange } from './validate-service';
import type { PrivateEcsRestApiProps, RestUsagePlan } from '../../private-ecs-rest-api-props';
import type { RestAuthorization } from '../../rest-authorization';
import type { RestServiceOptions } from '../../rest-service-options';

/** The REST API's own props, with their defaults applied: what `resolveBaseProps` leaves out. */
export interface ResolvedRestProps {
  readonly defaultAuthorization?: RestAuthorization;
  readonly stageName: string;
  readonly endpointType: apigw.EndpointType;
  readonly vpcEndpoints?: ec2.IInterfaceVpcEndpoint[];
  readonly webAclArn?: string;
  readonly usagePlans: RestUsagePlan[];
  readonly tracingEnabled: boolean;
  /** Undefined: no execution logs. */
  readonly executionLogLevel?: apigw.MethodLoggingLevel;
  readonly domainMutualTls?: apigw.MTLSConfig;
}

export const REST_DEFAULTS = {
  stageName: 'prod',
  endpointType: apigw.EndpointType.REGIONAL,
} as const;

/** Applies the defaults to the REST API's own props. */
export function resolveRestProps(props: PrivateEcsRestApiProps): ResolvedRestProps {
  return {
    defaultAuthorization: props.defaultAuthorization,
    stageName: props.stageName ?? REST_DEFAULTS.stageName,
    endpointType: props.endpointType ?? REST_DEFAULTS.endpointType,
    vpcEndpoints: props.vpcEndpoints,
    webAclArn: props.webAclArn,
    usagePlans: props.usagePlans ?? [],
    tracingEnabled: props.tracingEnabled ?? false,
    executionLogLevel: props.executionLogLevel,
    domainMutualTls: props.domainMutualTls,
  };
}

/** How a REST API's methods reach and authorize one service: its own, or (undefined) the API's default. */
export function resolveRestRouting(options: RestServiceOptions): Pick<ResolvedServiceOptions, 'restAuthorization' | 'apiKeyRequired'> {
  return { restAuthorization: options.authorization, apiKeyRequired: options.apiKeyRequired ?? false };
}

/**
 * Stage names: "alphanumeric characters, hyphens, and underscores", at most 128.
 * https://docs.aws.amazon.com/apigateway/latest/api/API_CreateStage.html
 */
const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;
/** Ours, not API Gateway's: a plan's name is part of its construct id and of its `<apiName>-<name>`. */
const USAGE_PLAN_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** Refuses the REST API's props, as given and resolved, before anything is built. */
export function validateRestProps(props: PrivateEcsRestApiProps, resolved: ResolvedRestProps): void {
  refuseForeignProps(props, HTTP_ONLY_PROPS, 'PrivateEcsRestApi');
  // A literal: it names the stage's construct (`DeploymentStage.<name>`), whose id takes no token.
  if (Token.isUnresolved(resolved.stageName) || !STAGE_NAME.test(resolved.stageName)) {
    throw new Error(`stageName must be 1 to 128 letters, digits, "-" and "_", written out (not a token), got '${resolved.stageName}'`);
  }
  validateEndpointType(props, resolved);
  if (props.domainName === undefined) {
    requireAbsent('domainMutualTls', props.domainMutualTls, 'there is no domainName');
  }
  const level = resolved.executionLogLevel;
  if (level !== undefined && level !== apigw.MethodLoggingLevel.ERROR && level !== apigw.MethodLoggingLevel.INFO) {
    throw new Error(`executionLogLevel must be ERROR or INFO, got ${level}: leave it out for no execution logs`);
  }
  validateUsagePlans(resolved.usagePlans);
}

/**
 * REGIONAL or PRIVATE. EDGE is refused: an edge-optimized API sits behind a CloudFront distribution
 * API Gateway owns, and takes no regional web ACL of its own there. A PRIVATE API is reached only
 * through `execute-api` interface endpoints, and "you must create a resource policy" that admits them;
 * a custom domain for it is a private custom domain name (`AWS::ApiGateway::DomainNameV2`), which
 * this construct does not create. Changing the type later is an update of the API without
 * interruption (`EndpointConfiguration`), but a PRIVATE API stops answering outside the endpoints.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-apis.html
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-custom-domains.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-apigateway-restapi-endpointconfiguration.html
 */
function validateEndpointType(props: PrivateEcsRestApiProps, resolved: ResolvedRestProps): void {
  const type = resolved.endpointType;
  if (type !== apigw.EndpointType.REGIONAL && type !== apigw.EndpointType.PRIVATE) {
    throw new Error(`endpointType must be REGIONAL or PRIVATE, got ${type}: an edge-optimized API puts a CloudFront distribution of API Gateway's in front, `
      + 'where no regional web ACL of yours can protect it (put your own CloudFront in front of a REGIONAL API instead)');
  }
  if (type === apigw.EndpointType.PRIVATE) {
    if (!props.vpcEndpoints || props.vpcEndpoints.length === 0) {
      throw new Error('endpointType PRIVATE needs vpcEndpoints: the execute-api interface endpoints the API\'s resource policy admits, got none');
    }
    if (props.domainName !== undefined) {
      throw new Error('domainName is for a REGIONAL API: a PRIVATE API needs a private custom domain name (AWS::ApiGateway::DomainNameV2), '
        + 'which this construct does not create; leave domainName out and call the API through its VPC endpoints');
    }
  } else if (props.vpcEndpoints !== undefined) {
    throw new Error(`vpcEndpoints has no effect when endpointType is ${type}: set endpointType PRIVATE, or remove vpcEndpoints`);
  }
}

/**
 * Each plan's name is unique, and its throttling and quota are what API Gateway takes: a rate of at
 * least 0, a whole burst of at least 0 with a rate, a whole quota of at least 0 (offset at least 0).
 * https://docs.aws.amazon.com/apigateway/latest/api/API_ThrottleSettings.html
 * https://docs.aws.amazon.com/apigateway/latest/api/API_QuotaSettings.html
 */
function validateUsagePlans(plans: readonly RestUsagePlan[]): void {
  const names = new Set<string>();
  for (const plan of plans) {
    if (Token.isUnresolved(plan.name) || !USAGE_PLAN_NAME.test(plan.name)) {
      throw new Error(`usagePlans names must be 1 to 64 letters, digits, "-" and "_" (a name names the plan's construct), got '${plan.name}'`);
    }
    if (names.has(plan.name)) {
      throw new Error(`usagePlans names must be unique, got '${plan.name}' twice`);
    }
    names.add(plan.name);
    const prop = `usagePlans '${plan.name}'`;
    if (plan.throttlingBurstLimit !== undefined && plan.throttlingRateLimit === undefined) {
      throw new Error(`${prop}: throttlingBurstLimit needs throttlingRateLimit`);
    }
    if (plan.throttlingRateLimit !== undefined) {
      requireNumberInRange(`${prop} throttlingRateLimit`, plan.throttlingRateLimit, 0, Number.MAX_SAFE_INTEGER);
    }
    if (plan.throttlingBurstLimit !== undefined) {
      requireIntegerInRange(`${prop} throttlingBurstLimit`, plan.throttlingBurstLimit, 0, Number.MAX_SAFE_INTEGER);
    }
    if (plan.quota) {
      requireTogether(`${prop} quota.limit`, plan.quota.limit, `${prop} quota.period`, plan.quota.period);
      if (plan.quota.limit !== undefined) {
        requireIntegerInRange(`${prop} quota.limit`, plan.quota.limit, 0, Number.MAX_SAFE_INTEGER);
      }
      if (plan.quota.offset !== undefined) {
        requireIntegerInRange(`${prop} quota.offset`, plan.quota.offset, 0, Number.MAX_SAFE_INTEGER);
      }
    }
  }
}

/** A REST API's integration timeout: from 50 ms, up to 29 seconds unless the account's quota was raised. */
const REST_INTEGRATION_TIMEOUT_MS = { min: 50, max: 29_000 } as const;

/**
 * Refuses an integration timeout below 50 milliseconds: "Custom timeout between 50 and 29,000
 * milliseconds ... You can increase the default value to longer than 29 seconds for Regional or
 * private APIs only", with a raise of the account's "Maximum integration timeout" quota (which may
 * lower its throttle quota); `warnIfRestTimeoutAboveQuota` warns above 29 seconds.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-execution-service-limits-table.html
 * https://docs.aws.amazon.com/apigateway/latest/api/API_Integration.html
 */
export function validateRestIntegrationTimeout(prop: string, timeout?: Duration): void {
  if (timeout !== undefined && !timeout.isUnresolved() && timeout.toMilliseconds() < REST_INTEGRATION_TIMEOUT_MS.min) {
    throw new Error(`${prop} must be at least 50 milliseconds (the REST API limit), got ${timeout.toHumanString()}`);
  }
}

/** Warns above 29 seconds, where a deploy fails unless the account's quota was raised. */
export function warnIfRestTimeoutAboveQuota(scope: Construct, prop: string, timeout?: Duration): void {
  if (timeout !== undefined && !timeout.isUnresolved() && timeout.toMilliseconds() > REST_INTEGRATION_TIMEOUT_MS.max) {
    Annotations.of(scope).addWarningV2('cdk-private-ecs-http-api:restTimeoutAboveQuota',
      `${prop} is ${timeout.toHumanString()}, above a REST API's 29 seconds: the deploy fails unless the account's "Maximum integration timeout" `
      + 'quota was raised for this Region (which may lower its throttle quota). Acknowledge this warning once it is.');
  }
}

