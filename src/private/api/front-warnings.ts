import { Annotations, Token } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/**
 * Warns when the burst limit is below the rate limit. API Gateway throttles with a token bucket: the
 * burst limit is the bucket's size, refilled at the rate limit; a bucket smaller than one second of the
 * rate answers 429 to bursty traffic whose average stays below the rate. API Gateway accepts it, so it
 * is a warning, not a refusal.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html
 */
export function warnIfBurstBelowRate(scope: Construct, rateLimit: number, burstLimit: number): void {
  if (Token.isUnresolved(rateLimit) || Token.isUnresolved(burstLimit) || burstLimit >= rateLimit) {
    return;
  }
  Annotations.of(scope).addWarningV2('cdk-private-ecs-http-api:burstBelowRate',
    `throttlingBurstLimit (${burstLimit}) is below throttlingRateLimit (${rateLimit}): API Gateway's token bucket holds ${burstLimit} requests, `
    + `so bursts answer 429 before the route reaches ${rateLimit} requests per second. Set throttlingBurstLimit to ${rateLimit} or more, `
    + 'or acknowledge this warning.');
}

/**
 * Warns that mutual TLS on the custom domain is skipped through the `execute-api` URL: "To ensure that
 * clients can access your API only by using a custom domain name with mutual TLS, disable the default
 * execute-api endpoint." HTTP and REST APIs alike.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-mutual-tls.html
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mutual-tls.html
 */
export function warnIfMutualTlsBypass(scope: Construct, disableExecuteApiEndpoint: boolean): void {
  if (disableExecuteApiEndpoint) {
    return;
  }
  Annotations.of(scope).addWarningV2('cdk-private-ecs-http-api:mutualTlsBypass',
    'domainMutualTls checks client certificates on domainName only: clients can skip it through the API\'s execute-api URL. '
    + 'Set disableExecuteApiEndpoint, or acknowledge this warning.');
}
