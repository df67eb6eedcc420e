// The reference stack: every other language builds this same stack, and its template must equal this one's.
import { CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
// A TypeScript user writes: import { PrivateEcsHttpApi } from 'cdk-private-ecs-http-api';
import { PrivateEcsCloudMapHttpApi, PrivateEcsHttpApi } from '../../src';

export class ConsumerStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    // Non-default props, so that each one must cross the language boundary intact.
    const api = new PrivateEcsHttpApi(this, 'Api', {
      image: ecs.ContainerImage.fromRegistry('nginxinc/nginx-unprivileged:1.27-alpine'),
      cpu: 512,
      memoryLimitMiB: 1024,
      desiredCount: 3,
      containerPort: 8080,
      environment: { GREETING: 'hello' },
    });

    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });

    // The Cloud Map backend in the same cluster: a container health check, a namespace name and an added service.
    const healthCheck: ecs.HealthCheck = { command: ['CMD-SHELL', 'wget -q -O /dev/null http://localhost:8080/ || exit 1'] };
    const cloudMap = new PrivateEcsCloudMapHttpApi(this, 'CloudMapApi', {
      image: ecs.ContainerImage.fromRegistry('nginxinc/nginx-unprivileged:1.27-alpine'),
      cluster: api.cluster,
      containerPort: 8080,
      containerHealthCheck: healthCheck,
      cloudMapNamespaceName: 'consumer.internal',
    });
    const orders = cloudMap.addService('Orders', {
      image: ecs.ContainerImage.fromRegistry('nginxinc/nginx-unprivileged:1.27-alpine'),
      pathPrefix: '/orders',
      containerPort: 8080,
      containerHealthCheck: healthCheck,
    });
    new CfnOutput(this, 'CloudMapApiUrl', { value: cloudMap.apiEndpoint });
    new CfnOutput(this, 'OrdersCloudMapService', { value: orders.cloudMapService.serviceName });
  }
}
