import type { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { PrivateEcsCloudMapHttpApi, PrivateEcsHttpApi, TaskEgress } from '../src';
import { addCollector } from './nag-scenarios';
import { build, newStack, SAMPLE_IMAGE, synthesize } from './util';

// cdk-nag 2 and 3 check the sidecars, ECS Exec and FireLens in test/nag-scenarios.ts.

const REGIONAL_IMAGE = ecs.ContainerImage.fromRegistry('123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1');


describe('a sidecar on the default service and on an added service', () => {
  let template: Template;
  beforeAll(() => {
    ({ template } = synthesize({}, api => {
      addCollector(api);
      addCollector(api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders' }));
    }));
  });

  test('runs beside the service\'s container in each task definition, which the load balancer still targets', () => {
    const definitions = Object.values(template.findResources('AWS::ECS::TaskDefinition'));
    expect(definitions.map(definition => definition.Properties.ContainerDefinitions.map((container: { Name: string }) => container.Name)))
      .toEqual([['web', 'otel-collector'], ['web', 'otel-collector']]);
    template.allResourcesProperties('AWS::ECS::Service', { LoadBalancers: [Match.objectLike({ ContainerName: 'web' })] });
  });
});

describe('a sidecar behind VPC endpoints', () => {
  test('fails synth when a sidecar added after the construct has an image the tasks cannot pull', () => {
    const { api, stack } = buildWithEndpoints();
    addCollector(api);
    expect(() => Template.fromStack(stack))
      .toThrow(/container 'otel-collector': image 'public\.ecr\.aws\/aws-observability\/aws-otel-collector:v0\.43\.1' cannot be pulled with taskEgress VPC_ENDPOINTS/);
  });

  test('fails synth for a sidecar of an added service', () => {
    const { api, stack } = buildWithEndpoints();
    addCollector(api.addService('Orders', { image: REGIONAL_IMAGE, pathPrefix: '/orders' }), '123456789012.dkr.ecr.eu-west-1.amazonaws.com/otel:1');
    expect(() => Template.fromStack(stack)).toThrow(/container 'otel-collector': image .* it is Amazon ECR in eu-west-1, not the stack's Region us-east-1/);
  });

  test('fails synth for a sidecar of a Cloud Map service', () => {
    const stack = newStack();
    const api = new PrivateEcsCloudMapHttpApi(stack, 'Api', { image: REGIONAL_IMAGE, taskEgress: TaskEgress.VPC_ENDPOINTS });
    addCollector(api);
    expect(() => Template.fromStack(stack)).toThrow(/container 'otel-collector': image .* cannot be pulled with taskEgress VPC_ENDPOINTS/);
  });

  test('accepts a sidecar whose image is in ECR in the stack\'s Region', () => {
    const { api, stack } = buildWithEndpoints();
    addCollector(api, '123456789012.dkr.ecr.us-east-1.amazonaws.com/otel:1');
    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  test('a sidecar image is no concern with NAT egress', () => {
    const stack = newStack();
    addCollector(build({}, stack));
    expect(() => Template.fromStack(stack)).not.toThrow();
  });
});

function buildWithEndpoints(): { api: PrivateEcsHttpApi; stack: Stack } {
  const stack = newStack();
  return { api: build({ taskEgress: TaskEgress.VPC_ENDPOINTS, image: REGIONAL_IMAGE }, stack), stack };
}
