import { Aspects, type Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PrivateEcsCloudMapHttpApi, PrivateEcsHttpApi, TaskEgress } from '../src';
import type { PrivateEcsHttpApiBase } from '../src';
import { CLOUD_MAP, TUTORIAL_DEFAULT } from './integ/configurations';
import type { TestConfiguration } from './integ/configurations';
import { addConfigurationStack, createTestApp } from './integ/stack';
import { build, newStack, SAMPLE_IMAGE, synthesize } from './util';

const REGIONAL_IMAGE = ecs.ContainerImage.fromRegistry('123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1');
const COLLECTOR_IMAGE = 'public.ecr.aws/aws-observability/aws-otel-collector:v0.43.1';

/** The README's sidecar: an ADOT collector that logs to the service's container log group. */
function addCollector(api: { taskDefinition: ecs.FargateTaskDefinition; containerLogGroup?: import('aws-cdk-lib/aws-logs').ILogGroup }, image = COLLECTOR_IMAGE) {
  return api.taskDefinition.addContainer('Collector', {
    containerName: 'otel-collector',
    image: ecs.ContainerImage.fromRegistry(image),
    essential: false,
    command: ['--config=/etc/ecs/ecs-default-config.yaml'],
    logging: ecs.LogDrivers.awsLogs({ logGroup: api.containerLogGroup!, streamPrefix: 'otel-collector' }),
  });
}

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

// As test/nag.test.ts: the AwsSolutions pack as a user's `cdk synth` runs it, with the README's sidecar added.
describe.each([TUTORIAL_DEFAULT, CLOUD_MAP])('cdk-nag AwsSolutions with a sidecar on $name', (configuration: TestConfiguration) => {
  let stack: Stack;
  beforeAll(() => {
    const configured = addConfigurationStack(createTestApp(), configuration);
    addCollector(configured.api as PrivateEcsHttpApiBase);
    stack = configured.stack;
    Aspects.of(stack).add(new AwsSolutionsChecks({ logIgnores: true, reports: false }));
  });

  const findings = (level: 'findError' | 'findWarning') => Annotations.fromStack(stack)[level]('*', Match.stringLikeRegexp('AwsSolutions-.*'))
    .map(message => `${String(message.entry.data).trim()} at ${message.id}`);

  test('reports no unacknowledged error', () => {
    expect(findings('findError')).toEqual([]);
  });

  test('reports no unacknowledged warning', () => {
    expect(findings('findWarning')).toEqual([]);
  });
});

describe('cdk-nag AwsSolutions with ECS Exec', () => {
  test('reports nothing on the task role: ssmmessages has no resource-level permissions', () => {
    const configured = addConfigurationStack(createTestApp(), {
      ...TUTORIAL_DEFAULT,
      build: scope => new PrivateEcsHttpApi(scope, 'Api', { image: SAMPLE_IMAGE, enableExecuteCommand: true }),
    });
    Aspects.of(configured.stack).add(new AwsSolutionsChecks({ logIgnores: true, reports: false }));
    const errors = Annotations.fromStack(configured.stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))
      .map(message => `${String(message.entry.data).trim()} at ${message.id}`);
    expect(errors.filter(line => line.includes('/TaskRole/'))).toEqual([]);
  });
});

describe('cdk-nag AwsSolutions with a FireLens log router (the README\'s)', () => {
  test('reports nothing on the execution role, whose policy only the log router makes', () => {
    const configured = addConfigurationStack(createTestApp(), {
      ...TUTORIAL_DEFAULT,
      build: scope => {
        const api = new PrivateEcsHttpApi(scope, 'Api', {
          image: SAMPLE_IMAGE,
          logDriver: ecs.LogDrivers.firelens({ options: { Name: 'cloudwatch_logs', region: 'us-east-1', log_group_name: '/web' } }),
        });
        api.taskDefinition.addFirelensLogRouter('LogRouter', {
          image: ecs.obtainDefaultFluentBitECRImage(api.taskDefinition),
          firelensConfig: { type: ecs.FirelensLogRouterType.FLUENTBIT },
          logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'firelens' }),
        });
        return api;
      },
    });
    Aspects.of(configured.stack).add(new AwsSolutionsChecks({ logIgnores: true, reports: false }));
    const annotations = Annotations.fromStack(configured.stack);
    const findings = [...annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-.*')), ...annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*'))]
      .map(message => `${String(message.entry.data).trim()} at ${message.id}`);
    expect(findings).toEqual([]);
  });
});
