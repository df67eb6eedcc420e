import { Duration } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import type { ICloudMapApiService, PrivateEcsCloudMapHttpApiProps } from '../src';
import { PrivateEcsCloudMapHttpApi, TaskEgress } from '../src';
import { egressRulesOf, ingressRulesOf } from './security-group-rules';
import { getAtt, logicalId, newStack, SAMPLE_IMAGE } from './util';

/** A health check the sample image can run: its web server, asked from inside the container. */
const HEALTH_CHECK: ecs.HealthCheck = { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] };

interface CloudMapScenario {
  readonly api: PrivateEcsCloudMapHttpApi;
  readonly template: Template;
  readonly stack: ReturnType<typeof newStack>;
}

function synthesizeCloudMap(
  props: Partial<PrivateEcsCloudMapHttpApiProps> = {},
  extend?: (api: PrivateEcsCloudMapHttpApi) => void,
  stack = newStack(),
): CloudMapScenario {
  const api = new PrivateEcsCloudMapHttpApi(stack, 'Api', { image: SAMPLE_IMAGE, containerHealthCheck: HEALTH_CHECK, ...props });
  extend?.(api);
  return { api, stack, template: Template.fromStack(stack) };
}

function buildCloudMap(props: Partial<PrivateEcsCloudMapHttpApiProps>): PrivateEcsCloudMapHttpApi {
  return new PrivateEcsCloudMapHttpApi(newStack(), 'Api', { image: SAMPLE_IMAGE, ...props });
}

describe('a Cloud Map backend, with an added service', () => {
  let scenario: CloudMapScenario;
  let orders: ICloudMapApiService;
  beforeAll(() => {
    scenario = synthesizeCloudMap({}, api => {
      orders = api.addService('Orders', { pathPrefix: '/orders', image: SAMPLE_IMAGE, containerPort: 8080, containerHealthCheck: HEALTH_CHECK });
    });
  });

  test('has no load balancer, listener or target group', () => {
    for (const type of ['LoadBalancer', 'Listener', 'TargetGroup', 'ListenerRule']) {
      scenario.template.resourceCountIs(`AWS::ElasticLoadBalancingV2::${type}`, 0);
    }
  });

  test('creates a private DNS namespace in the VPC', () => {
    scenario.template.hasResourceProperties('AWS::ServiceDiscovery::PrivateDnsNamespace', {
      Name: Match.stringLikeRegexp('^[a-z0-9]+\\.internal$'),
      Vpc: { Ref: logicalId(scenario.api.vpc) },
    });
  });

  test('registers each service in it with SRV records, its health reported by ECS', () => {
    scenario.template.resourceCountIs('AWS::ServiceDiscovery::Service', 2);
    for (const service of [scenario.api.cloudMapService, orders.cloudMapService]) {
      expect(scenario.template.toJSON().Resources[logicalId(service)].Properties).toMatchObject({
        DnsConfig: { DnsRecords: [{ Type: 'SRV', TTL: 60 }], NamespaceId: getAtt(scenario.api.cloudMapNamespace, 'Id') },
        HealthCheckCustomConfig: { FailureThreshold: 1 },
      });
    }
  });

  test('each ECS service registers its container port', () => {
    scenario.template.hasResourceProperties('AWS::ECS::Service', {
      ServiceRegistries: [{ ContainerName: 'web', ContainerPort: 80, RegistryArn: getAtt(scenario.api.cloudMapService, 'Arn') }],
    });
    scenario.template.hasResourceProperties('AWS::ECS::Service', {
      ServiceRegistries: [{ ContainerName: 'web', ContainerPort: 8080, RegistryArn: getAtt(orders.cloudMapService, 'Arn') }],
    });
  });

  test('each service has its own private integration to its Cloud Map service, over the VPC link', () => {
    for (const service of [scenario.api.cloudMapService, orders.cloudMapService]) {
      scenario.template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
        IntegrationType: 'HTTP_PROXY',
        IntegrationMethod: 'ANY',
        ConnectionType: 'VPC_LINK',
        ConnectionId: { Ref: logicalId(scenario.api.vpcLink) },
        IntegrationUri: getAtt(service, 'Arn'),
      });
    }
  });

  test('routes the root, every path, and each prefix to the right integration', () => {
    const integrationOf = (routeKey: string) => scenario.template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: routeKey } });
    const targets = Object.fromEntries(['ANY /', 'ANY /{proxy+}', 'ANY /orders', 'ANY /orders/{proxy+}']
      .map(key => [key, Object.values(integrationOf(key)).map(route => route.Properties.Target)]));
    const target = (integration: apigwv2.HttpRouteIntegration) => {
      const id = Object.keys(scenario.template.findResources('AWS::ApiGatewayV2::Integration', {
        Properties: { IntegrationUri: getAtt(integration === scenario.api.integration ? scenario.api.cloudMapService : orders.cloudMapService, 'Arn') },
      }))[0];
      return [{ 'Fn::Join': ['', ['integrations/', { Ref: id }]] }];
    };
    expect(targets).toEqual({
      'ANY /': target(scenario.api.integration),
      'ANY /{proxy+}': target(scenario.api.integration),
      'ANY /orders': target(orders.integration),
      'ANY /orders/{proxy+}': target(orders.integration),
    });
  });

  test('the tasks admit only the VPC link, on their container port', () => {
    const vpcLinkGroup = getAtt(scenario.api.node.findChild('VpcLinkSecurityGroup'), 'GroupId');
    for (const [service, port] of [[scenario.api.service, 80], [orders.service, 8080]] as const) {
      expect(ingressRulesOf(scenario.template, logicalId(service.connections.securityGroups[0]))).toEqual([
        expect.objectContaining({ IpProtocol: 'tcp', FromPort: port, ToPort: port, SourceSecurityGroupId: vpcLinkGroup }),
      ]);
    }
  });

  test('the VPC link admits nothing and may reach only the tasks, on their container ports', () => {
    const vpcLinkGroup = logicalId(scenario.api.node.findChild('VpcLinkSecurityGroup'));
    expect(ingressRulesOf(scenario.template, vpcLinkGroup)).toEqual([]);
    expect(egressRulesOf(scenario.template, vpcLinkGroup)).toEqual([
      expect.objectContaining({ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, DestinationSecurityGroupId: getAtt(scenario.api.service.connections.securityGroups[0], 'GroupId') }),
      expect.objectContaining({ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, DestinationSecurityGroupId: getAtt(orders.service.connections.securityGroups[0], 'GroupId') }),
    ]);
  });

  test('the container health check is in each task definition', () => {
    scenario.template.resourcePropertiesCountIs('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({ HealthCheck: Match.objectLike({ Command: HEALTH_CHECK.command }) })],
    }, 2);
  });

  test('rolling deployments roll back on the circuit breaker, as with the load balancer', () => {
    scenario.template.resourcePropertiesCountIs('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({ DeploymentCircuitBreaker: { Enable: true, Rollback: true } }),
    }, 2);
  });

  test('the API, its stage and its access logs are those of PrivateEcsHttpApi', () => {
    scenario.template.hasResourceProperties('AWS::ApiGatewayV2::Api', { Name: 'Api', ProtocolType: 'HTTP' });
    scenario.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 2000 },
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });

  test('has the API\'s and the default service\'s metrics, as PrivateEcsHttpApi does', () => {
    const { api } = scenario;
    expect(api.metricRequests().metricName).toEqual('Count');
    expect(api.metricServerErrors().namespace).toEqual('AWS/ApiGateway');
    expect(api.metricCpuUtilization().dimensions).toEqual(expect.objectContaining({ ServiceName: api.service.serviceName }));
  });

  test('does not warn about health checks when each service has one', () => {
    Annotations.fromStack(scenario.stack).hasNoWarning('*', Match.stringLikeRegexp('noContainerHealthCheck'));
  });
});

describe('Cloud Map backend options', () => {
  test('warns, for each service, when it has no container health check', () => {
    const { stack } = synthesizeCloudMap({ containerHealthCheck: undefined }, api => {
      api.addService('Orders', { pathPrefix: '/orders', image: SAMPLE_IMAGE });
    });
    for (const path of ['/TestStack/Api', '/TestStack/Api/Orders']) {
      Annotations.fromStack(stack).hasWarning(path, Match.stringLikeRegexp('no containerHealthCheck.*\\[ack: cdk-private-ecs-http-api:noContainerHealthCheck\\]'));
    }
  });

  test('registers the tasks in the namespace given, and creates none', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'UserVpc', { maxAzs: 2, natGateways: 1 });
    const namespace = servicediscovery.PrivateDnsNamespace.fromPrivateDnsNamespaceAttributes(stack, 'Namespace', {
      namespaceId: 'ns-abc123', namespaceArn: 'arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-abc123', namespaceName: 'shop.internal',
    });
    const { template } = synthesizeCloudMap({ vpc, cloudMapNamespace: namespace }, undefined, stack);
    template.resourceCountIs('AWS::ServiceDiscovery::PrivateDnsNamespace', 0);
    template.hasResourceProperties('AWS::ServiceDiscovery::Service', { DnsConfig: Match.objectLike({ NamespaceId: 'ns-abc123' }) });
  });

  test('names the namespace it creates cloudMapNamespaceName', () => {
    synthesizeCloudMap({ cloudMapNamespaceName: 'shop.internal' }).template
      .hasResourceProperties('AWS::ServiceDiscovery::PrivateDnsNamespace', { Name: 'shop.internal' });
  });

  test('sets each integration\'s timeout, up to the HTTP API limit of 30 seconds', () => {
    synthesizeCloudMap({ integrationTimeout: Duration.seconds(30) }).template
      .hasResourceProperties('AWS::ApiGatewayV2::Integration', { TimeoutInMillis: 30000 });
  });

  test('autoscales on CPU, with no DesiredCount in the template', () => {
    const { template } = synthesizeCloudMap({ autoScaling: { minCapacity: 2, maxCapacity: 6 } });
    template.hasResourceProperties('AWS::ECS::Service', { DesiredCount: Match.absent() });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 2, MaxCapacity: 6 });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
      }),
    });
  });

  test('recommended alarms: the API\'s, CPU and memory, and no target alarms to roll back on', () => {
    const { api, template } = synthesizeCloudMap({ recommendedAlarms: true });
    expect(api.alarms.map(alarm => alarm.node.id)).toEqual(['ApiServerErrorRateAlarm', 'ApiLatencyAlarm', 'CpuAlarm', 'MemoryAlarm']);
    expect(template.findResources('AWS::ECS::Service', {
      Properties: { DeploymentConfiguration: Match.objectLike({ Alarms: Match.objectLike({ Enable: true }) }) },
    })).toEqual({});
  });

  test('rolls a deployment back on the deploymentAlarms given', () => {
    const stack = newStack();
    const alarm = cloudwatch.Alarm.fromAlarmName(stack, 'Errors', 'orders-errors');
    synthesizeCloudMap({ deploymentAlarms: [alarm] }, undefined, stack).template.hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({ Alarms: { AlarmNames: ['orders-errors'], Enable: true, Rollback: true } }),
    });
  });

  test('VPC endpoints: no NAT gateway, and the endpoints admit the tasks', () => {
    const stack = newStack();
    const image = ecs.ContainerImage.fromEcrRepository(ecr.Repository.fromRepositoryName(stack, 'Repo', 'orders'), 'v1');
    const { template, api } = synthesizeCloudMap({ taskEgress: TaskEgress.VPC_ENDPOINTS, image }, undefined, stack);
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      IpProtocol: 'tcp', FromPort: 443, ToPort: 443, SourceSecurityGroupId: getAtt(api.service.connections.securityGroups[0], 'GroupId'),
    });
  });

  test('with a VPC of the user\'s, no log bucket: no load balancer writes access logs', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'UserVpc', { maxAzs: 2, natGateways: 1 });
    const { api, template } = synthesizeCloudMap({ vpc }, undefined, stack);
    expect(api.logBucket).toBeUndefined();
    template.resourceCountIs('AWS::S3::Bucket', 0);
  });
});

describe('what needs a load balancer is refused', () => {
  test('fails when healthCheckPath is set', () => {
    expect(() => buildCloudMap({ healthCheckPath: '/health' })).toThrow(/^healthCheckPath is the load balancer's health check.*set containerHealthCheck/);
  });

  test('fails when the deployment strategy shifts traffic', () => {
    expect(() => buildCloudMap({ deploymentStrategy: ecs.DeploymentStrategy.BLUE_GREEN }))
      .toThrow(/^deploymentStrategy must be ROLLING with PrivateEcsCloudMapHttpApi, got BLUE_GREEN/);
  });

  test('fails when auto scaling tracks requests per target', () => {
    expect(() => buildCloudMap({ autoScaling: { minCapacity: 1, maxCapacity: 4, targetRequestsPerTarget: 100 } }))
      .toThrow(/^autoScaling.targetRequestsPerTarget counts requests at a load balancer's target group/);
  });

  test('fails when an added service asks for one, naming the service', () => {
    const api = buildCloudMap({});
    expect(() => api.addService('Orders', { pathPrefix: '/orders', image: SAMPLE_IMAGE, deploymentStrategy: ecs.DeploymentStrategy.CANARY }))
      .toThrow(/^deploymentStrategy of service 'Orders' must be ROLLING/);
  });
});

describe('Cloud Map limits and names', () => {
  test('fails when desiredCount is over the 1,000 tasks of a service with service discovery', () => {
    expect(() => buildCloudMap({ desiredCount: 1001 })).toThrow(/^desiredCount must be at most 1000, ECS's limit for a service that uses service discovery, got 1001/);
  });

  test('fails when autoScaling.maxCapacity is over 1,000 tasks', () => {
    expect(() => buildCloudMap({ autoScaling: { minCapacity: 1, maxCapacity: 1500 } })).toThrow(/^autoScaling.maxCapacity must be at most 1000/);
  });

  test('fails when cloudMapNamespaceName is not a DNS name', () => {
    expect(() => buildCloudMap({ cloudMapNamespaceName: 'shop_internal!' })).toThrow(/^cloudMapNamespaceName must be a DNS name.*got 'shop_internal!'/);
  });

  test('fails when cloudMapNamespaceName comes with a namespace of the user\'s', () => {
    const stack = newStack();
    const namespace = servicediscovery.PrivateDnsNamespace.fromPrivateDnsNamespaceAttributes(stack, 'Namespace', {
      namespaceId: 'ns-abc123', namespaceArn: 'arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-abc123', namespaceName: 'shop.internal',
    });
    expect(() => new PrivateEcsCloudMapHttpApi(stack, 'Api', { image: SAMPLE_IMAGE, cloudMapNamespace: namespace, cloudMapNamespaceName: 'other.internal' }))
      .toThrow(/^cloudMapNamespaceName names the namespace the construct creates, but cloudMapNamespace was given/);
  });

  test('refuses what both constructs refuse, such as a second service on the same prefix', () => {
    const api = buildCloudMap({});
    api.addService('Orders', { pathPrefix: '/orders', image: SAMPLE_IMAGE });
    expect(() => api.addService('Orders2', { pathPrefix: '/orders', image: SAMPLE_IMAGE })).toThrow(/pathPrefix/);
  });
});
