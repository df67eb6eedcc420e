import { Match } from 'aws-cdk-lib/assertions';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { TaskEgress } from '../src';
import { ingressRulesOf } from './security-group-rules';
import type { Scenario } from './util';
import { getAtt, logicalId, newStack, ref, synthesize } from './util';

describe('one NAT gateway', () => {
  test('serves both Availability Zones', () => {
    const { template } = synthesize({ natGateways: 1 });
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
    template.resourceCountIs('AWS::EC2::EIP', 1);
  });
});

describe('tasks with public IPs (no NAT gateway)', () => {
  let scenario: Scenario;
  beforeAll(() => {
    scenario = synthesize({ taskEgress: TaskEgress.PUBLIC_IP });
  });

  test('a VPC with public and isolated subnets and no NAT gateway', () => {
    const { template, api } = scenario;
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    expect(api.vpc.publicSubnets).toHaveLength(2);
    expect(api.vpc.isolatedSubnets).toHaveLength(2);
    expect(api.vpc.privateSubnets).toHaveLength(0);
  });

  test('the tasks in the public subnets, with public IPs', () => {
    scenario.template.hasResourceProperties('AWS::ECS::Service', {
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ AssignPublicIp: 'ENABLED', Subnets: scenario.api.vpc.publicSubnets.map(ref) }) },
    });
  });

  test('the load balancer and VPC link in the isolated subnets', () => {
    const { template, api } = scenario;
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internal', Subnets: api.vpc.isolatedSubnets.map(ref) });
    template.hasResourceProperties('AWS::ApiGatewayV2::VpcLink', { SubnetIds: api.vpc.isolatedSubnets.map(ref) });
  });

  test('the tasks still admit only the load balancer', () => {
    const { template, api } = scenario;
    expect(ingressRulesOf(template, logicalId(api.service.connections.securityGroups[0]))).toEqual([
      expect.objectContaining({ FromPort: 80, ToPort: 80, SourceSecurityGroupId: getAtt(api.loadBalancer.connections.securityGroups[0], 'GroupId') }),
    ]);
  });
});

describe('tasks behind VPC endpoints (no NAT gateway, no internet)', () => {
  let scenario: Scenario;
  beforeAll(() => {
    const stack = newStack();
    const secret = new secretsmanager.Secret(stack, 'Secret');
    // The endpoints reach only Amazon ECR in the stack's Region: a repository of this app, say.
    const repository = new ecr.Repository(stack, 'Repository');
    scenario = synthesize({ taskEgress: TaskEgress.VPC_ENDPOINTS, image: ecs.ContainerImage.fromEcrRepository(repository, 'web-1') }, (api) => {
      api.addService('Orders', {
        image: ecs.ContainerImage.fromEcrRepository(repository, 'orders-1'),
        pathPrefix: '/orders',
        secrets: { TOKEN: ecs.Secret.fromSecretsManager(secret) },
      });
    }, stack);
  });

  test('a VPC of isolated subnets only: no internet gateway, no NAT gateway', () => {
    const { template, api } = scenario;
    template.resourceCountIs('AWS::EC2::InternetGateway', 0);
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    expect(api.vpc.isolatedSubnets).toHaveLength(2);
  });

  test('a gateway endpoint for S3 and interface endpoints for ECR, CloudWatch Logs and, for secrets, Secrets Manager and SSM', () => {
    const { template } = scenario;
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Gateway',
      ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.s3']] },
      RouteTableIds: scenario.api.vpc.isolatedSubnets.map(subnet => ({ Ref: logicalId(subnet.node.findChild('RouteTable')) })),
    });
    const interfaceServices = Object.values(template.findResources('AWS::EC2::VPCEndpoint', { Properties: { VpcEndpointType: 'Interface' } }))
      .map(endpoint => endpoint.Properties.ServiceName);
    expect(interfaceServices.sort()).toEqual([
      'com.amazonaws.us-east-1.ecr.api', 'com.amazonaws.us-east-1.ecr.dkr', 'com.amazonaws.us-east-1.logs',
      'com.amazonaws.us-east-1.secretsmanager', 'com.amazonaws.us-east-1.ssm',
    ]);
  });

  test('each interface endpoint admits only the tasks of both services, on HTTPS', () => {
    const { template, api } = scenario;
    const taskGroups = [api.service, api.services[0].service].map(service => getAtt(service.connections.securityGroups[0], 'GroupId'));
    const endpoints = Object.values(template.findResources('AWS::EC2::VPCEndpoint', { Properties: { VpcEndpointType: 'Interface' } }));
    for (const endpoint of endpoints) {
      const groupLogicalId = endpoint.Properties.SecurityGroupIds[0]['Fn::GetAtt'][0];
      const ingress = ingressRulesOf(template, groupLogicalId);
      expect(ingress).toHaveLength(2);
      expect(ingress).toEqual(expect.arrayContaining(taskGroups.map(group =>
        expect.objectContaining({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, SourceSecurityGroupId: group }))));
    }
  });

  test('the tasks run in the isolated subnets without public IPs', () => {
    scenario.template.hasResourceProperties('AWS::ECS::Service', {
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ AssignPublicIp: 'DISABLED', Subnets: scenario.api.vpc.isolatedSubnets.map(ref) }) },
    });
  });
});

describe('Fargate Spot', () => {
  test('runs the tasks on the FARGATE_SPOT capacity provider', () => {
    synthesize({ fargateSpot: true }).template.hasResourceProperties('AWS::ECS::Service', {
      LaunchType: Match.absent(),
      CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }],
    });
  });
});

describe('Graviton', () => {
  test('runs ARM64 tasks', () => {
    synthesize({ cpuArchitecture: ecs.CpuArchitecture.ARM64 }).template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      RuntimePlatform: { CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' },
    });
  });

  // "FARGATE_SPOT supports Linux tasks with the ARM64 architecture on platform version 1.4.0 or later."
  // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html
  test('runs ARM64 tasks on Fargate Spot too, with the platform version Fargate picks (LATEST, 1.4.0)', () => {
    const { template } = synthesize({ cpuArchitecture: ecs.CpuArchitecture.ARM64, fargateSpot: true });
    template.hasResourceProperties('AWS::ECS::TaskDefinition', { RuntimePlatform: { CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' } });
    template.hasResourceProperties('AWS::ECS::Service', {
      CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }],
      PlatformVersion: Match.absent(),
    });
  });
});

describe('without flow logs, container insights and load balancer access logs', () => {
  test('creates no log bucket and turns Container Insights off', () => {
    const { template, api } = synthesize({ vpcFlowLogs: false, containerInsights: false, loadBalancerAccessLogs: false });
    template.resourceCountIs('AWS::S3::Bucket', 0);
    template.resourceCountIs('AWS::EC2::FlowLog', 0);
    template.hasResourceProperties('AWS::ECS::Cluster', { ClusterSettings: [{ Name: 'containerInsights', Value: 'disabled' }] });
    expect(api.logBucket).toBeUndefined();
  });
});
