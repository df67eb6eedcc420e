import * as path from 'path';
import * as cdk from 'aws-cdk-lib/core';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { PrivateEcsHttpApi, TaskEgress } from 'cdk-private-ecs-http-api';

/** Your domain's hosted zone, and a wildcard certificate for it in the stack's Region: replace them with yours. */
const HOSTED_ZONE_ID = 'Z23ABC4XYZL05B';
const HOSTED_ZONE_NAME = 'example.com';
const CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

/** The credential the API's authorizer accepts: a stand-in for your identity provider. */
const CALLER_TOKEN = 'Bearer replace-me';

/** Every hardening setting the construct offers. */
export class HardenedStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const logKey = new kms.Key(this, 'LogKey', { enableKeyRotation: true, description: 'Encrypts the API and container logs' });
    const certificate = acm.Certificate.fromCertificateArn(this, 'Certificate', CERTIFICATE_ARN);

    const api = new PrivateEcsHttpApi(this, 'Api', {
      // No route out of the VPC: the tasks reach ECR and CloudWatch Logs through VPC endpoints,
      // so the image is built into the stack's own ECR repository.
      taskEgress: TaskEgress.VPC_ENDPOINTS,
      image: ecs.ContainerImage.fromAsset(path.join(__dirname, '..', 'sample-image')),
      // TLS on the last hop too: API Gateway calls the load balancer over HTTPS and checks its name.
      loadBalancerCertificate: certificate,
      loadBalancerServerName: `internal.${HOSTED_ZONE_NAME}`,
      // Only callers the authorizer lets through; a custom domain with its DNS record.
      defaultAuthorizer: this.callerAuthorizer(logKey),
      domainName: `api.${HOSTED_ZONE_NAME}`,
      domainCertificate: certificate,
      domainHostedZone: route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
        hostedZoneId: HOSTED_ZONE_ID,
        zoneName: HOSTED_ZONE_NAME,
      }),
      // Tighter limits than the defaults, and logs under a key of our own.
      throttlingRateLimit: 100,
      throttlingBurstLimit: 200,
      integrationTimeout: cdk.Duration.seconds(10),
      logEncryptionKey: logKey,
      recommendedAlarms: true,
      // The application has a minute to finish its requests when a task stops, only 2xx answers
      // count as healthy, and a dashboard follows each request hop by hop.
      stopTimeout: cdk.Duration.seconds(60),
      healthyHttpCodes: '200-299',
      dashboard: true,
    });

    new cdk.CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
    new cdk.CfnOutput(this, 'DomainUrl', { value: api.customDomainUrl! });
  }

  /** A Lambda authorizer that lets through exactly the requests that carry `CALLER_TOKEN`. */
  private callerAuthorizer(key: kms.IKey): HttpLambdaAuthorizer {
    const logGroup = new logs.LogGroup(this, 'CallerAuthorizerLogs', { retention: logs.RetentionDays.ONE_MONTH, encryptionKey: key });
    // A role that may only write the function's own logs, rather than a managed policy for any log group.
    const role = new iam.Role(this, 'CallerAuthorizerRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    const handler = new lambda.Function(this, 'CallerAuthorizer', {
      role,
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(
        `exports.handler = async (event) => ({ isAuthorized: event.headers?.authorization === '${CALLER_TOKEN}' });`),
      logGroup,
    });
    return new HttpLambdaAuthorizer('Caller', handler, {
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      identitySource: ['$request.header.Authorization'],
    });
  }
}
