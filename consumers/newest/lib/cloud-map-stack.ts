import * as cdk from 'aws-cdk-lib/core';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { PrivateEcsCloudMapHttpApi } from 'cdk-private-ecs-http-api';

/** The sample app without a load balancer: the API discovers its tasks in Cloud Map. */
export class CloudMapStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: cdk.StackProps = {}) {
    super(scope, id, props);

    const api = new PrivateEcsCloudMapHttpApi(this, 'Api', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/ecs-sample-image/amazon-ecs-sample:latest'),
      containerHealthCheck: { command: ['CMD-SHELL', 'curl -fs http://localhost/ > /dev/null || exit 1'] },
      fargateSpot: true,
      cpuArchitecture: ecs.CpuArchitecture.ARM64,
      // A fifth of the tasks on regular Fargate, which AWS does not reclaim.
      onDemandPercent: 20,
      stopTimeout: cdk.Duration.seconds(60),
    });

    // This API is public on purpose: anyone with the URL may call it, so its routes have no authorizer.
    const reason = 'A public website: the sample app serves anonymous readers.';
    cdk.Validations.of(api.httpApi).acknowledge({ id: 'AwsSolutions-APIG4', reason });
    cdk.Validations.of(api).acknowledge({ id: 'cdk-private-ecs-http-api:publicApi', reason });

    new cdk.CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
  }
}
