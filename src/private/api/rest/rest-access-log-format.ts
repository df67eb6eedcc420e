import * as apigw from 'aws-cdk-lib/aws-apigateway';

const F = apigw.AccessLogField;

/**
 * One JSON line per request of a REST API, as the HTTP API's (`access-log-format.ts`) but with a REST
 * API's variables: the resource rather than a route key, the API key a usage plan metered, and what
 * the web ACL on the stage decided. `requestId` is in it, as API Gateway requires of a custom format.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-variables-for-access-logging.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
 */
export const REST_ACCESS_LOG_FORMAT = apigw.AccessLogFormat.custom(JSON.stringify({
  requestId: F.contextRequestId(),
  sourceIp: F.contextIdentitySourceIp(),
  requestTime: F.contextRequestTime(),
  httpMethod: F.contextHttpMethod(),
  resourcePath: F.contextResourcePath(),
  path: F.contextPath(),
  protocol: F.contextProtocol(),
  status: F.contextStatus(),
  responseLength: F.contextResponseLength(),
  responseLatency: F.contextResponseLatency(),
  integrationStatus: F.contextIntegrationStatus(),
  integrationLatency: F.contextIntegrationLatency(),
  integrationError: F.contextIntegrationErrorMessage(),
  errorMessage: F.contextErrorMessage(),
  authorizerError: F.contextAuthorizerError(),
  apiKeyId: F.contextIdentityApiKeyId(),
  wafStatus: F.contextWafResponseCode(),
}));
