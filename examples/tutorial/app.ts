#!/usr/bin/env node
// The AWS tutorial "Building an HTTP API with a private integration to an Amazon ECS service", as one construct.
import { App, CfnOutput, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
// In your own app: import { PrivateEcsHttpApi } from 'cdk-private-ecs-http-api';
import { PrivateEcsHttpApi } from '../../src';

const app = new App();
const stack = new Stack(app, 'PrivateEcsHttpApiTutorial', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});

const api = new PrivateEcsHttpApi(stack, 'Tutorial', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/ecs-sample-image/amazon-ecs-sample:latest'),
  containerPort: 80,
});

new CfnOutput(stack, 'ApiUrl', {
  value: api.apiEndpoint,
  description: 'Open it in a browser: the sample app answers through the API',
});
