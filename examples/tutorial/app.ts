#!/usr/bin/env node
// The AWS tutorial "Building an HTTP API with a private integration to an Amazon ECS service", as one construct.
import { Annotations, App, CfnOutput, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
// In your own app: import { PrivateEcsHttpApi } from 'cdk-private-ecs-http-api';
import { PrivateEcsHttpApi } from '../../src';

const app = new App();
const stack = new Stack(app, 'PrivateEcsHttpApiTutorial', {
  // A concrete Region lets the load balancer write access logs. The CDK CLI sets CDK_DEFAULT_REGION
  // from your AWS profile; without one (offline, say) the template is made for us-east-1.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION ?? 'us-east-1' },
});

const api = new PrivateEcsHttpApi(stack, 'Tutorial', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/ecs-sample-image/amazon-ecs-sample:latest'),
  containerPort: 80,
});
// The tutorial's API is open to anyone with the URL, on purpose.
Annotations.of(api).acknowledgeWarning('cdk-private-ecs-http-api:publicApi', 'The tutorial API is public by design');

new CfnOutput(stack, 'ApiUrl', {
  value: api.apiEndpoint,
  description: 'Open it in a browser: the sample app answers through the API',
});
