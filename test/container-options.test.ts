import { Duration } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { PrivateEcsCloudMapHttpApiProps } from '../src';
import { PrivateEcsCloudMapHttpApi, TaskEgress } from '../src';
import { build, logicalId, newStack, SAMPLE_IMAGE, synthesize } from './util';
import type { Scenario } from './util';

const HEALTH_CHECK: ecs.HealthCheck = { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] };
const REGIONAL_IMAGE = ecs.ContainerImage.fromRegistry('123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1');

function synthesizeCloudMap(props: Partial<PrivateEcsCloudMapHttpApiProps>, extend?: (api: PrivateEcsCloudMapHttpApi) => void) {
  const stack = newStack();
  const api = new PrivateEcsCloudMapHttpApi(stack, 'Api', { image: SAMPLE_IMAGE, containerHealthCheck: HEALTH_CHECK, ...props });
  extend?.(api);
  return { stack, api, template: Template.fromStack(stack) };
}

function containerNamed(name: string, props: object = {}) {
  return Match.objectLike({
    Properties: Match.objectLike({ ContainerDefinitions: Match.arrayWith([Match.objectLike({ Name: name, ...props })]) }),
  });
}

describe('container options on the default service (load balancer)', () => {
  let scenario: Scenario;
  beforeAll(() => {
    const stack = newStack();
    scenario = synthesize({
      containerName: 'app',
      command: ['node', 'server.js'],
      entryPoint: ['/bin/sh', '-c'],
      dockerLabels: { team: 'orders' },
      readonlyRootFilesystem: true,
      stopTimeout: Duration.seconds(90),
      ephemeralStorageGiB: 50,
      taskRole: new iam.Role(stack, 'TaskRole', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') }),
      executionRole: new iam.Role(stack, 'ExecutionRole', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') }),
      enableExecuteCommand: true,
    }, undefined, stack);
  });

  test('the container has the given name, command, entry point, labels, read-only root and stop timeout', () => {
    scenario.template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({
        Name: 'app',
        Command: ['node', 'server.js'],
        EntryPoint: ['/bin/sh', '-c'],
        DockerLabels: { team: 'orders' },
        ReadonlyRootFilesystem: true,
        StopTimeout: 90,
        LogConfiguration: Match.objectLike({ LogDriver: 'awslogs', Options: Match.objectLike({ 'awslogs-stream-prefix': 'app' }) }),
      })],
    });
  });

  test('the task definition has the ephemeral storage and the given roles', () => {
    const stack = scenario.stack;
    scenario.template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      EphemeralStorage: { SizeInGiB: 50 },
      TaskRoleArn: { 'Fn::GetAtt': [logicalId(stack.node.findChild('TaskRole')), 'Arn'] },
      ExecutionRoleArn: { 'Fn::GetAtt': [logicalId(stack.node.findChild('ExecutionRole')), 'Arn'] },
    });
  });

  test('the load balancer targets the container by its name', () => {
    scenario.template.hasResourceProperties('AWS::ECS::Service', {
      LoadBalancers: [Match.objectLike({ ContainerName: 'app', ContainerPort: 80 })],
      EnableExecuteCommand: true,
    });
  });

  test('ECS Exec gives the task role the ssmmessages actions', () => {
    scenario.template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['ssmmessages:CreateControlChannel']) })]) },
    });
  });

  test('acknowledges no cdk-nag finding on the user\'s roles, which may hold the user\'s own wildcards', () => {
    const policies = scenario.template.findResources('AWS::IAM::Policy');
    expect(Object.values(policies).map(policy => policy.Metadata?.cdk_nag)).toEqual(Object.values(policies).map(() => undefined));
  });

  test('no ssmmessages endpoint without VPC endpoints', () => {
    expect(JSON.stringify(scenario.template.findResources('AWS::EC2::VPCEndpoint'))).not.toMatch(/ssmmessages/);
  });

  test('the containerLogGroup handle is the container log group', () => {
    expect(scenario.api.containerLogGroup).toBeInstanceOf(logs.LogGroup);
  });
});

test('warns that ECS Exec cannot write on a read-only root filesystem', () => {
  const { stack } = synthesize({ enableExecuteCommand: true, readonlyRootFilesystem: true });
  Annotations.fromStack(stack).hasWarning('/TestStack/Api', Match.stringLikeRegexp('enableExecuteCommand with readonlyRootFilesystem.*cdk-private-ecs-http-api:execOnReadonlyRoot'));
});

describe('container options on an added service and on Cloud Map', () => {
  test('an added service (load balancer) gets its own container name in its target', () => {
    const { template, api } = synthesize({}, added => {
      added.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', containerName: 'orders' });
    });
    template.hasResourceProperties('AWS::ECS::Service', { LoadBalancers: [Match.objectLike({ ContainerName: 'orders' })] });
    template.hasResourceProperties('AWS::ECS::Service', { LoadBalancers: [Match.objectLike({ ContainerName: 'web' })] });
    expect(api.node.findChild('Orders')).toBeDefined();
  });

  test('Cloud Map registers the container by its name, default and added services alike', () => {
    const { template, api } = synthesizeCloudMap({ containerName: 'app' }, cloudMap => {
      cloudMap.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', containerName: 'orders', containerHealthCheck: HEALTH_CHECK });
    });
    template.hasResourceProperties('AWS::ECS::Service', { ServiceRegistries: [Match.objectLike({ ContainerName: 'app' })] });
    template.hasResourceProperties('AWS::ECS::Service', { ServiceRegistries: [Match.objectLike({ ContainerName: 'orders' })] });
    expect(api.services[0].containerLogGroup).toBeDefined();
  });
});

describe('logDriver', () => {
  let scenario: Scenario;
  beforeAll(() => {
    scenario = synthesize({ logDriver: ecs.LogDrivers.firelens({ options: { Name: 'cloudwatch' } }) }, api => {
      api.taskDefinition.addFirelensLogRouter('LogRouter', {
        image: ecs.obtainDefaultFluentBitECRImage(api.taskDefinition),
        firelensConfig: { type: ecs.FirelensLogRouterType.FLUENTBIT },
        logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'firelens' }),
      });
    });
  });

  test('the container logs with the given driver, and none of the awslogs options', () => {
    scenario.template.hasResource('AWS::ECS::TaskDefinition', containerNamed('web', {
      LogConfiguration: { LogDriver: 'awsfirelens', Options: { Name: 'cloudwatch' } },
    }));
  });

  test('the construct makes no container log group, and the handle is undefined', () => {
    expect(scenario.api.node.tryFindChild('ContainerLogs')).toBeUndefined();
    expect(scenario.api.containerLogGroup).toBeUndefined();
  });

  test('fails when containerLogRetention is given with a logDriver', () => {
    expect(() => build({ logDriver: ecs.LogDrivers.firelens({}), containerLogRetention: logs.RetentionDays.ONE_WEEK }))
      .toThrow(/^containerLogRetention has no effect with a logDriver, got 7: the construct makes no log group/);
  });

  test('fails when an added service gives containerLogRetention with a logDriver', () => {
    const api = build({});
    expect(() => api.addService('Orders', {
      image: SAMPLE_IMAGE, pathPrefix: '/orders', logDriver: ecs.LogDrivers.firelens({}), containerLogRetention: logs.RetentionDays.ONE_WEEK,
    })).toThrow(/^containerLogRetention of service 'Orders' has no effect with a logDriver/);
  });

  test('an added service with a logDriver has no containerLogGroup', () => {
    const api = build({});
    const orders = api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', logDriver: ecs.LogDrivers.awsLogs({ streamPrefix: 'x' }) });
    expect(orders.containerLogGroup).toBeUndefined();
  });
});

describe('ECS Exec behind VPC endpoints', () => {
  let template: Template;
  beforeAll(() => {
    ({ template } = synthesize({ taskEgress: TaskEgress.VPC_ENDPOINTS, image: REGIONAL_IMAGE, enableExecuteCommand: true }, api => {
      api.addService('Orders', { image: REGIONAL_IMAGE, pathPrefix: '/orders' });
    }));
  });

  test('adds one ssmmessages interface endpoint', () => {
    const endpoints = Object.values(template.findResources('AWS::EC2::VPCEndpoint'))
      .filter(endpoint => JSON.stringify(endpoint.Properties.ServiceName).includes('ssmmessages'));
    expect(endpoints).toHaveLength(1);
  });

  test('admits only the tasks of the service with ECS Exec to it', () => {
    const [group] = Object.keys(template.findResources('AWS::EC2::SecurityGroup')).filter(id => id.includes('SsmMessagesEndpoint'));
    const ingress = Object.values(template.findResources('AWS::EC2::SecurityGroupIngress'))
      .filter(rule => JSON.stringify(rule.Properties.GroupId).includes(group));
    expect(ingress).toHaveLength(1);
    expect(JSON.stringify(ingress[0].Properties.SourceSecurityGroupId)).not.toMatch(/Orders/);
  });
});

describe('container options are refused outside their AWS limits', () => {
  test.each(['', 'has space', 'a'.repeat(256), 'dot.ted'])('fails when containerName is %j', name => {
    expect(() => build({ containerName: name })).toThrow(/^containerName must be 1 to 255 letters, digits, hyphens and underscores/);
  });

  test('fails when stopTimeout is over 120 seconds', () => {
    expect(() => build({ stopTimeout: Duration.seconds(121) }))
      .toThrow('stopTimeout must be whole seconds, at most 120 (the Fargate limit), got 2 minutes 1 second');
  });

  test('fails when stopTimeout is not whole seconds', () => {
    expect(() => build({ stopTimeout: Duration.millis(1500) })).toThrow(/^stopTimeout must be whole seconds/);
  });

  test.each([20, 201, 30.5])('fails when ephemeralStorageGiB is %d', size => {
    expect(() => build({ ephemeralStorageGiB: size })).toThrow(`ephemeralStorageGiB must be an integer between 21 and 200, got ${size}`);
  });

  test('fails when an added service has an ephemeralStorageGiB out of range', () => {
    const api = build({});
    expect(() => api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', ephemeralStorageGiB: 500 }))
      .toThrow('ephemeralStorageGiB must be an integer between 21 and 200, got 500');
  });
});

describe('silent container mistakes are refused', () => {
  test('fails when an environment variable has an empty name', () => {
    expect(() => build({ environment: { '': 'x' } })).toThrow("environment must not have a variable with an empty name, got ''");
  });

  test('fails when a secret has an empty name', () => {
    const stack = newStack();
    const secret = ecs.Secret.fromSecretsManager(secretsmanager.Secret.fromSecretNameV2(stack, 'Secret', 'db'));
    expect(() => build({ secrets: { ' ': secret } }, stack)).toThrow("secrets must not have a variable with an empty name, got ' '");
  });

  test('fails when one name is in both environment and secrets', () => {
    const stack = newStack();
    const secret = ecs.Secret.fromSecretsManager(secretsmanager.Secret.fromSecretNameV2(stack, 'Secret', 'db'));
    expect(() => build({ environment: { DB_PASSWORD: 'x', MODE: 'a' }, secrets: { DB_PASSWORD: secret } }, stack))
      .toThrow(/^environment and secrets both set 'DB_PASSWORD': the container would get only one of them/);
  });

  test('fails when an ECR repository of another Region is pulled through VPC endpoints', () => {
    const stack = newStack();
    const repository = ecr.Repository.fromRepositoryArn(stack, 'Repository', 'arn:aws:ecr:eu-west-1:123456789012:repository/app');
    expect(() => build({ taskEgress: TaskEgress.VPC_ENDPOINTS, image: ecs.ContainerImage.fromEcrRepository(repository, '1') }, stack))
      .toThrow(/^image '123456789012\.dkr\.ecr\.eu-west-1\.…' cannot be pulled with taskEgress VPC_ENDPOINTS: it is Amazon ECR in eu-west-1, not the stack's Region us-east-1/);
  });

  test('accepts an ECR repository of the stack\'s Region behind VPC endpoints', () => {
    const stack = newStack();
    const repository = ecr.Repository.fromRepositoryArn(stack, 'Repository', 'arn:aws:ecr:us-east-1:210987654321:repository/app');
    expect(() => build({ taskEgress: TaskEgress.VPC_ENDPOINTS, image: ecs.ContainerImage.fromEcrRepository(repository, '1') }, stack)).not.toThrow();
  });

  test('accepts a repository of this stack behind VPC endpoints', () => {
    const stack = newStack();
    const repository = new ecr.Repository(stack, 'Repository');
    expect(() => build({ taskEgress: TaskEgress.VPC_ENDPOINTS, image: ecs.ContainerImage.fromEcrRepository(repository) }, stack)).not.toThrow();
  });
});
