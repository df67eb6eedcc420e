import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { PrivateEcsApiBaseProps } from './api-base-props';
import type { LoadBalancerOptions } from './load-balancer-options';
import type { RestAuthorization } from './rest-authorization';
import type { RestServiceOptions } from './rest-service-options';

/** A usage plan of a `PrivateEcsRestApi`: the throttling and quota of the callers whose API keys it holds. */
export interface RestUsagePlan {
  /**
   * The plan's name, unique among the API's plans: 1 to 64 letters, digits, `-` and `_`. It names the
   * plan's construct too, so renaming a plan replaces it (and its keys' association).
   */
  readonly name: string;

  /**
   * The API keys of the plan's callers, such as `new apigw.ApiKey(this, 'PartnerKey')`: a key
   * without a value of yours gets one generated, which you read in the console or with
   * `aws apigateway get-api-key --include-value`.
   *
   * @default - no key yet: add them with `api.addApiKey(name, key)`
   */
  readonly apiKeys?: apigw.IApiKey[];

  /**
   * The steady-state requests per second of each key, on every method of the stage.
   *
   * @default - the stage's throttling only
   */
  readonly throttlingRateLimit?: number;

  /**
   * The burst of requests each key may send above `throttlingRateLimit`. Only with `throttlingRateLimit`.
   *
   * @default - the stage's throttling only
   */
  readonly throttlingBurstLimit?: number;

  /**
   * The number of requests each key may make in a day, week or month.
   *
   * @default - no quota
   */
  readonly quota?: apigw.QuotaSettings;

  /**
   * A description of the plan.
   *
   * @default - none
   */
  readonly description?: string;
}

/**
 * Properties for a `PrivateEcsRestApi`: the default service (`RestServiceOptions`), the network and the
 * API (`PrivateEcsApiBaseProps`, as for the HTTP constructs), the load balancer between them
 * (`LoadBalancerOptions`), and what only a REST API has.
 */
export interface PrivateEcsRestApiProps extends PrivateEcsApiBaseProps, RestServiceOptions, LoadBalancerOptions {
  // ---- REST API ------------------------------------------------------------------------------

  /**
   * How every method without an `authorization` of its own authorizes callers:
   * `RestAuthorization.iam()`, `.cognito(authorizer, scopes)`, `.lambdaAuthorizer(authorizer)`.
   *
   * @default - none: anyone who has the URL can call the API, and the construct warns about it
   * (`cdk-private-ecs-http-api:publicApi`)
   */
  readonly defaultAuthorization?: RestAuthorization;

  /**
   * The name of the API's stage, the first segment of its `execute-api` URL (`.../prod/`): letters,
   * digits, `-` and `_`, up to 128. A new name replaces the stage (and its URL).
   *
   * @default 'prod'
   */
  readonly stageName?: string;

  /**
   * Who can reach the API: `apigw.EndpointType.REGIONAL`, from anywhere (through `domainName` too),
   * or `PRIVATE`, only from VPCs through the `execute-api` interface endpoints in `vpcEndpoints`.
   * Edge-optimized is refused: it would put CloudFront in front of the API, with a web ACL of its own.
   * A PRIVATE API is dualstack, and AWS asks that an API moving from PRIVATE back to REGIONAL be
   * dualstack, which this construct does not set: make that move with the AWS CLI or console
   * (api-gateway-ip-address-type.html), then deploy REGIONAL here.
   *
   * @default apigw.EndpointType.REGIONAL
   */
  readonly endpointType?: apigw.EndpointType;

  /**
   * The `execute-api` interface VPC endpoints from which a PRIVATE API may be called: the API's
   * resource policy admits these and no others. Required with `endpointType` PRIVATE, and only with it.
   *
   * @default - none
   */
  readonly vpcEndpoints?: ec2.IInterfaceVpcEndpoint[];

  /**
   * The ARN of an AWS WAF web ACL (scope REGIONAL, in the stack's Region) to inspect every request at
   * the API's stage, before the authorizer, with the client's own address: geo, IP-set, IP-reputation
   * and IP rate rules work here, as they do not behind the VPC link.
   *
   * @default - no web ACL
   */
  readonly webAclArn?: string;

  /**
   * Usage plans: per-client throttling and quotas, for the API keys each holds. Only the methods of
   * services with `apiKeyRequired` are metered.
   *
   * @default - no usage plan
   */
  readonly usagePlans?: RestUsagePlan[];

  /**
   * Trace every request with AWS X-Ray, from API Gateway on; X-Ray bills each trace recorded and read.
   *
   * @default false
   */
  readonly tracingEnabled?: boolean;

  /**
   * API Gateway's execution logs of every method, at ERROR or INFO, to a log group it creates itself
   * (`API-Gateway-Execution-Logs_<api id>/<stage>`). They need the account's CloudWatch role for API
   * Gateway (`AWS::ApiGateway::Account`), one per Region that this construct does not set:
   * set it once per account and Region, or the deploy fails.
   *
   * @default - no execution logs; the access logs stay on
   */
  readonly executionLogLevel?: apigw.MethodLoggingLevel;

  /**
   * Mutual TLS on `domainName`: the truststore of the certificate authorities whose client
   * certificates the API accepts. Clients could skip it through the `execute-api` URL, so the
   * construct warns (`cdk-private-ecs-http-api:mutualTlsBypass`) unless `disableExecuteApiEndpoint` is set too.
   *
   * @default - no mutual TLS: any client may connect
   */
  readonly domainMutualTls?: apigw.MTLSConfig;
}
