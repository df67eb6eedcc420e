import { Annotations, Names } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53targets from 'aws-cdk-lib/aws-route53-targets';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { REST_ACCESS_LOG_FORMAT } from './rest-access-log-format';
import { acknowledgeCheckovFinding, acknowledgeNagFinding } from '../../compliance/acknowledge';
import type { ResolvedBaseProps } from '../../props/resolved-options';
import type { ResolvedRestProps } from '../../props/rest-props';
import { createLogGroup } from '../../service/log-groups';
import { warnIfBurstBelowRate, warnIfMutualTlsBypass } from '../front-warnings';

/** The REST API in front of the load balancer: the API, its stage, its domain and its usage plans. */
export interface RestApiFront {
  readonly restApi: apigw.RestApi;
  readonly stage: apigw.Stage;
  readonly apiEndpoint: string;
  readonly apiAccessLogGroup?: logs.ILogGroup;
  readonly customDomain?: apigw.DomainName;
  readonly customDomainUrl?: string;
  readonly usagePlans: UsagePlans;
  /** A PRIVATE API's resource policy, which `admitPrivateCallers` completes once every method is known. */
  readonly resourcePolicy?: iam.PolicyDocument;
}

/**
 * Creates the REST API with its one stage (deployed anew whenever a method changes), its access logs,
 * throttling, tracing and execution logs, a resource policy for a PRIVATE API, a web ACL on the stage,
 * the usage plans and the custom domain.
 */
export function createRestApiFront(scope: Construct, id: string, resolved: ResolvedBaseProps, rest: ResolvedRestProps): RestApiFront {
  warnIfBurstBelowRate(scope, resolved.throttlingRateLimit, resolved.throttlingBurstLimit);
  const apiAccessLogGroup = resolved.apiAccessLogs
    ? resolved.apiAccessLogGroup ?? createLogGroup(scope, 'ApiAccessLogs', resolved.apiAccessLogRetention, resolved.logEncryptionKey)
    : undefined;
  const resourcePolicy = rest.vpcEndpoints && privateApiPolicy(rest.vpcEndpoints.map(endpoint => endpoint.vpcEndpointId));
  const restApi = new apigw.RestApi(scope, 'RestApi', {
    // A new name or description is an update without interruption of the API.
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-restapi.html
    restApiName: resolved.apiName ?? id,
    description: `Private integration to the ECS service ${scope.node.path}`,
    // The account's CloudWatch role (AWS::ApiGateway::Account) is one per Region: a stack that sets it
    // takes it from every other API of the account, and deleting the stack leaves them without it.
    cloudWatchRole: false,
    endpointConfiguration: { types: [rest.endpointType], vpcEndpoints: rest.vpcEndpoints },
    policy: resourcePolicy,
    disableExecuteApiEndpoint: resolved.disableExecuteApiEndpoint,
    deployOptions: {
      // Create-only: a new name replaces the stage, and its URL.
      // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-stage.html#cfn-apigateway-stage-stagename
      stageName: rest.stageName,
      // The stage's default method throttling, within the account's limit for the Region.
      // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html
      throttlingRateLimit: resolved.throttlingRateLimit,
      throttlingBurstLimit: resolved.throttlingBurstLimit,
      accessLogDestination: apiAccessLogGroup && new apigw.LogGroupLogDestination(apiAccessLogGroup),
      accessLogFormat: apiAccessLogGroup && REST_ACCESS_LOG_FORMAT,
      tracingEnabled: rest.tracingEnabled,
      loggingLevel: rest.executionLogLevel,
      // Caching stays off: a cache answers every caller with what one caller's request returned.
      cachingEnabled: false,
    },
  });
  const stage = restApi.deploymentStage;
  acknowledgeStage(stage, rest);
  if (rest.webAclArn) {
    // A regional web ACL on the stage sees each request with the client's own address, before the
    // authorizer. What a new ACL does to a deployed stack is in the update checks (test/updates).
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-wafv2-webaclassociation.html
    new wafv2.CfnWebACLAssociation(scope, 'WebAclAssociation', { resourceArn: stage.stageArn, webAclArn: rest.webAclArn });
  }
  const usagePlans = new UsagePlans(scope, restApi, stage, rest, resolved.apiName ?? id);
  const customDomain = resolved.domainName ? createRestDomain(scope, restApi, resolved, rest) : undefined;
  const customDomainUrl = resolved.domainName ? `https://${resolved.domainName}/` : undefined;
  const apiEndpoint = resolved.disableExecuteApiEndpoint ? customDomainUrl! : restApi.url;
  return { restApi, stage, apiEndpoint, apiAccessLogGroup, customDomain, customDomainUrl, usagePlans, resourcePolicy };
}

/**
 * A PRIVATE API's resource policy: "you must create a resource policy" for a private API; this one
 * denies every request that does not come through one of the given `execute-api` endpoints, as AWS's
 * example "Allow private API traffic based on source VPC or VPC endpoint" does. Whom it allows is
 * added by `admitPrivateCallers`, once every method is known.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-apis.html
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html
 */
function privateApiPolicy(vpcEndpointIds: string[]): iam.PolicyDocument {
  return new iam.PolicyDocument({
    statements: [new iam.PolicyStatement({
      ...PRIVATE_INVOKE,
      principals: [new iam.AnyPrincipal()],
      effect: iam.Effect.DENY,
      conditions: { StringNotEquals: { 'aws:SourceVpce': vpcEndpointIds } },
    })],
  });
}

const PRIVATE_INVOKE = { actions: ['execute-api:Invoke'], resources: ['execute-api:/*'] };

/**
 * Completes a PRIVATE API's resource policy with whom it allows, through the endpoints. An `Allow` of
 * `*` lets every principal of the account call an IAM method without `execute-api:Invoke` of its own
 * (same account, IAM authorization: a resource policy that allows the caller is enough), so when every
 * method is IAM the policy allows the account, and each caller still needs its own permission; methods
 * that check callers otherwise (none, Cognito, Lambda) need `*`, and then the construct warns that its
 * IAM methods are open to the account's principals.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html
 */
export function admitPrivateCallers(scope: Construct, policy: iam.PolicyDocument, authorizationTypes: ReadonlySet<apigw.AuthorizationType>): void {
  const onlyIam = [...authorizationTypes].every(type => type === apigw.AuthorizationType.IAM);
  policy.addStatements(new iam.PolicyStatement({
    ...PRIVATE_INVOKE, effect: iam.Effect.ALLOW, principals: [onlyIam ? new iam.AccountRootPrincipal() : new iam.AnyPrincipal()],
  }));
  if (!onlyIam && authorizationTypes.has(apigw.AuthorizationType.IAM)) {
    Annotations.of(scope).addWarningV2('cdk-private-ecs-http-api:privateIamOpenToAccount',
      'This PRIVATE API has IAM methods beside methods of another authorization, so its resource policy allows everyone through its '
      + 'VPC endpoints: any IAM principal of this account may then call the IAM methods without execute-api:Invoke of its own. '
      + 'Use IAM on every service, or acknowledge this warning.');
  }
}

/** Records on the stage the findings its settings leave on purpose, with the prop that changes each. */
function acknowledgeStage(stage: apigw.Stage, rest: ResolvedRestProps): void {
  if (!rest.executionLogLevel) {
    acknowledgeNagFinding(stage, 'AwsSolutions-APIG6',
      'Execution logs need the account\'s CloudWatch role for API Gateway, one per Region, which a construct must not take over; '
      + 'the access logs record every request. Set executionLogLevel once the account has the role.');
  }
  acknowledgeCheckovFinding(stage, 'CKV_AWS_120',
    'Caching is off on purpose: the proxy passes every request to the service, whose answers may differ by caller.');
  if (!rest.tracingEnabled) {
    acknowledgeCheckovFinding(stage, 'CKV_AWS_73', 'X-Ray tracing bills each trace: set tracingEnabled to trace requests.');
  }
}

/**
 * The API's usage plans by name, and their keys. A plan's construct is named after the plan, and each
 * key's association after the key, never after their place in a list: removing one leaves the others'
 * logical ids as they were (aws-cdk-lib's `addApiKey` names the first key apart unless the
 * `usagePlanKeyOrderInsensitiveId` feature flag is set). A key belongs to one plan: API Gateway refuses
 * a key in two plans of the same stage ("cannot reference multiple Usage Plans with the same API Stage",
 * the error users report; the stored AWS guides do not say it).
 */
export class UsagePlans {
  private readonly plans = new Map<string, apigw.UsagePlan>();
  /** The plan of each key, by the key's construct path. */
  private readonly keyPlans = new Map<string, string>();

  constructor(scope: Construct, restApi: apigw.RestApi, stage: apigw.Stage, rest: ResolvedRestProps, apiName: string) {
    for (const plan of rest.usagePlans) {
      this.plans.set(plan.name, new apigw.UsagePlan(scope, `UsagePlan${plan.name}`, {
        name: `${apiName}-${plan.name}`,
        description: plan.description,
        apiStages: [{ api: restApi, stage }],
        throttle: plan.throttlingRateLimit === undefined ? undefined : { rateLimit: plan.throttlingRateLimit, burstLimit: plan.throttlingBurstLimit },
        quota: plan.quota,
      }));
      for (const key of plan.apiKeys ?? []) {
        this.addKey(plan.name, key);
      }
    }
  }

  public get size(): number {
    return this.plans.size;
  }

  /** The plan of this name; throws, naming the plans there are, for an unknown one. */
  public plan(name: string): apigw.UsagePlan {
    const plan = this.plans.get(name);
    if (!plan) {
      throw new Error(`usagePlan('${name}'): no usage plan of that name; usagePlans has [${[...this.plans.keys()].join(', ')}]`);
    }
    return plan;
  }

  /** Adds an API key to a plan, under an id derived from the key's construct. */
  public addKey(planName: string, key: apigw.IApiKey): void {
    const usagePlan = this.plan(planName);
    const taken = this.keyPlans.get(key.node.path);
    if (taken !== undefined) {
      throw new Error(`API key ${key.node.path} is already in usage plan '${taken}': a key belongs to one usage plan of the stage, `
        + `so it cannot be added to '${planName}'${taken === planName ? ' again' : ''}`);
    }
    this.keyPlans.set(key.node.path, planName);
    new apigw.CfnUsagePlanKey(usagePlan, `Key${Names.nodeUniqueId(key.node)}`, {
      keyId: key.keyId,
      keyType: 'API_KEY',
      usagePlanId: usagePlan.usagePlanId,
    });
  }
}

/**
 * A Regional custom domain with TLS 1.2 at least, mapped to the stage, with mutual TLS when asked
 * ("Mutual TLS is supported for Regional custom domain names only") and an alias record in the zone.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mutual-tls.html
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html
 */
function createRestDomain(scope: Construct, restApi: apigw.RestApi, resolved: ResolvedBaseProps, rest: ResolvedRestProps): apigw.DomainName {
  const domainName = resolved.domainName!;
  const customDomain = new apigw.DomainName(scope, 'DomainName', {
    domainName,
    certificate: resolved.domainCertificate!,
    endpointType: apigw.EndpointType.REGIONAL,
    securityPolicy: apigw.SecurityPolicy.TLS_1_2,
    mtls: rest.domainMutualTls,
    mapping: restApi,
  });
  if (rest.domainMutualTls) {
    warnIfMutualTlsBypass(scope, resolved.disableExecuteApiEndpoint);
  }
  if (resolved.domainHostedZone) {
    new route53.ARecord(scope, 'DomainRecord', {
      zone: resolved.domainHostedZone,
      recordName: domainName,
      target: route53.RecordTarget.fromAlias(new route53targets.ApiGatewayDomain(customDomain)),
    });
  }
  return customDomain;
}
