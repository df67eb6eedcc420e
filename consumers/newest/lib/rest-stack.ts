import * as cdk from 'aws-cdk-lib/core';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { PrivateEcsRestApi, RestAuthorization } from 'cdk-private-ecs-http-api';

/** Your AWS WAF web ACL, of scope REGIONAL in the stack's Region: replace it with yours. */
const WEB_ACL_ARN = 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/a1b2c3d4';

/** The sample app behind a REST API: IAM-signed callers, a web ACL on the stage, and a partner's metered API key. */
export class RestStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const api = new PrivateEcsRestApi(this, 'Api', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/ecs-sample-image/amazon-ecs-sample:latest'),
      containerPort: 80,
      defaultAuthorization: RestAuthorization.iam(),
      webAclArn: WEB_ACL_ARN,
      usagePlans: [{
        name: 'partners',
        throttlingRateLimit: 10,
        throttlingBurstLimit: 20,
        quota: { limit: 10000, period: apigw.Period.MONTH },
      }],
    });
    api.addApiKey('partners', new apigw.ApiKey(this, 'PartnerKey'));
    // The partners' own service: the key meters them, IAM still decides who they are.
    api.addService('Partners', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/ecs-sample-image/amazon-ecs-sample:latest'),
      pathPrefix: '/partners',
      containerPort: 80,
      apiKeyRequired: true,
    });

    // cdk-nag's AwsSolutions-COG4 asks every REST method for a Cognito user pool: these callers sign with IAM instead.
    cdk.Validations.of(api.restApi).acknowledge({
      id: 'AwsSolutions-COG4',
      reason: 'Callers are AWS principals that sign their requests with IAM (SigV4): the API has no user pool.',
    });

    new cdk.CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
  }
}
