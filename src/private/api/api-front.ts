import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53targets from 'aws-cdk-lib/aws-route53-targets';
import type { Construct } from 'constructs';
import { ACCESS_LOG_FORMAT } from './access-log-format';
import { keepDefaultScopesOnJwtRoutes, warnIfPublicApi } from './authorization';
import { warnIfBurstBelowRate, warnIfMutualTlsBypass } from './front-warnings';
import type { ResolvedBaseProps } from '../props/resolved-options';
import { createLogGroup } from '../service/log-groups';

/** The API in front of the backend, whichever it is: the HTTP API, its stage and its domain. */
export interface ApiFront {
  readonly httpApi: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly apiEndpoint: string;
  readonly apiAccessLogGroup?: logs.ILogGroup;
  readonly customDomain?: apigwv2.DomainName;
  readonly customDomainUrl?: string;
}

/**
 * Creates the HTTP API with a `$default` stage of its own (the one HttpApi creates takes no logs
 * or throttling), its access logs, and its custom domain, with mutual TLS and a DNS record when
 * asked. Warns when the API has no authorizer.
 */
export function createApiFront(scope: Construct, id: string, resolved: ResolvedBaseProps): ApiFront {
  const httpApi = new apigwv2.HttpApi(scope, 'HttpApi', {
    // A new name is an update without interruption of the API, not a replacement.
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigatewayv2-api.html#cfn-apigatewayv2-api-name
    apiName: resolved.apiName ?? id,
    description: `Private integration to the ECS service ${scope.node.path}`,
    createDefaultStage: false,
    disableExecuteApiEndpoint: resolved.disableExecuteApiEndpoint,
    defaultAuthorizer: resolved.defaultAuthorizer,
    defaultAuthorizationScopes: resolved.defaultAuthorizationScopes,
    corsPreflight: resolved.corsPreflight,
    // Left out unless given, so that an IPv4 API's template stays as it was; a change is an update in place
    // ("You can update the API's configuration by using ... AWS CloudFormation"; it "takes effect immediately").
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-ip-address-type.html
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigatewayv2-api.html#cfn-apigatewayv2-api-ipaddresstype
    ipAddressType: resolved.ipAddressType,
  });
  keepDefaultScopesOnJwtRoutes(httpApi);
  warnIfPublicApi(scope, resolved, resolved.defaultAuthorizer);
  warnIfBurstBelowRate(scope, resolved.throttlingRateLimit, resolved.throttlingBurstLimit);
  const customDomain = resolved.domainName ? createCustomDomain(scope, resolved) : undefined;
  const apiAccessLogGroup = resolved.apiAccessLogs
    ? resolved.apiAccessLogGroup ?? createLogGroup(scope, 'ApiAccessLogs', resolved.apiAccessLogRetention, resolved.logEncryptionKey)
    : undefined;
  const stage = new apigwv2.HttpStage(scope, 'DefaultStage', {
    httpApi,
    stageName: '$default',
    autoDeploy: true,
    // The default route throttling: the limits of each route, within the account's limit for the Region.
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html
    throttle: { rateLimit: resolved.throttlingRateLimit, burstLimit: resolved.throttlingBurstLimit },
    accessLogSettings: apiAccessLogGroup && {
      destination: new apigwv2.LogGroupLogDestination(apiAccessLogGroup),
      format: ACCESS_LOG_FORMAT,
    },
    domainMapping: customDomain && { domainName: customDomain },
  });
  const customDomainUrl = resolved.domainName ? `https://${resolved.domainName}/` : undefined;
  const apiEndpoint = resolved.disableExecuteApiEndpoint ? customDomainUrl! : stage.url;
  return { httpApi, stage, apiEndpoint, apiAccessLogGroup, customDomain, customDomainUrl };
}

function createCustomDomain(scope: Construct, resolved: ResolvedBaseProps): apigwv2.DomainName {
  const domainName = resolved.domainName!;
  const hostedZone = resolved.domainHostedZone;
  const customDomain = new apigwv2.DomainName(scope, 'DomainName', {
    domainName,
    certificate: resolved.domainCertificate!,
    securityPolicy: apigwv2.SecurityPolicy.TLS_1_2,
    mtls: resolved.domainMutualTls,
    // Left out unless given, as on the API; a change is an update in place: "You can change the IP address
    // type by updating the domain's endpoint configuration ... AWS CloudFormation" (the resource schema does
    // not mark DomainNameConfiguration's IpAddressType create-only, nor the API's).
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-custom-domain-names-ip-address-type.html
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-apigatewayv2-domainname-domainnameconfiguration.html#cfn-apigatewayv2-domainname-domainnameconfiguration-ipaddresstype
    ipAddressType: resolved.ipAddressType,
  });
  if (resolved.domainMutualTls) {
    warnIfMutualTlsBypass(scope, resolved.disableExecuteApiEndpoint);
  }
  if (hostedZone) {
    const target = route53.RecordTarget.fromAlias(
      new route53targets.ApiGatewayv2DomainProperties(customDomain.regionalDomainName, customDomain.regionalHostedZoneId));
    new route53.ARecord(scope, 'DomainRecord', { zone: hostedZone, recordName: domainName, target });
    if (resolved.ipAddressType === apigwv2.IpAddressType.DUAL_STACK) {
      // IPv6 clients resolve the name with an AAAA record, aliased to the same dual-stack domain.
      // https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-to-api-gateway.html
      new route53.AaaaRecord(scope, 'DomainRecordIpv6', { zone: hostedZone, recordName: domainName, target });
    }
  }
  return customDomain;
}
