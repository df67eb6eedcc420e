import * as cdk from 'aws-cdk-lib/core';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { PrivateEcsHttpApi, PrivateEcsHttpApiProps } from 'cdk-private-ecs-http-api';

export interface NewestStackProps extends cdk.StackProps {
  /** Settings of the API and its service; the image is always the tutorial's sample app. */
  readonly api?: Omit<PrivateEcsHttpApiProps, 'image'>;
}

/** The AWS tutorial's sample app behind a public HTTP API. */
export class NewestStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props: NewestStackProps = {}) {
    super(scope, id, props);

    const api = new PrivateEcsHttpApi(this, 'Api', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/ecs-sample-image/amazon-ecs-sample:latest'),
      containerPort: 80,
      ...props.api,
    });

    // This API is public on purpose: anyone with the URL may call it, so its routes have no authorizer.
    const reason = 'A public website: the sample app serves anonymous readers.';
    cdk.Validations.of(api.httpApi).acknowledge({ id: 'AwsSolutions-APIG4', reason });
    cdk.Validations.of(api).acknowledge({ id: 'cdk-private-ecs-http-api:publicApi', reason });

    new cdk.CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
  }
}
