import { estimateIdleMonthlyCost, totalMonthlyUsd } from '../bench/cost';
import { PRICES } from '../bench/prices';

/** The benchmark's cost estimate reads the template as CloudFormation would bill it. */
describe('idle cost estimate', () => {
  const task = (cpu: string, memory: string, architecture?: string) => ({
    Type: 'AWS::ECS::TaskDefinition',
    Properties: { Cpu: cpu, Memory: memory, RuntimePlatform: architecture ? { CpuArchitecture: architecture } : undefined },
  });
  /** Two NAT gateways with their addresses, and a load balancer: the tutorial's fixed costs. */
  const TUTORIAL_NETWORK = {
    Nat1: { Type: 'AWS::EC2::NatGateway' },
    Nat2: { Type: 'AWS::EC2::NatGateway' },
    Eip1: { Type: 'AWS::EC2::EIP' },
    Eip2: { Type: 'AWS::EC2::EIP' },
    Alb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'application' } },
  };
  const service = (taskRef: string, properties: Record<string, unknown> = {}) => ({
    Type: 'AWS::ECS::Service', Properties: { TaskDefinition: { Ref: taskRef }, ...properties },
  });

  test('prices NAT gateways, their addresses and the load balancer by the hour', () => {
    const lines = estimateIdleMonthlyCost({
      Resources: {
        ...TUTORIAL_NETWORK,
      },
    });
    expect(lines).toEqual([
      { item: 'NAT gateway', quantity: 2, monthlyUsd: 2 * 0.045 * 730 },
      { item: 'Elastic IP (public IPv4)', quantity: 2, monthlyUsd: 2 * 0.005 * 730 },
      { item: 'Application Load Balancer', quantity: 1, monthlyUsd: 0.0225 * 730 },
    ]);
  });

  test('prices each service\'s tasks by size, architecture and capacity provider', () => {
    const lines = estimateIdleMonthlyCost({
      Resources: {
        X86: task('256', '512'),
        Arm: task('1024', '2048', 'ARM64'),
        OnDemand: service('X86', { DesiredCount: 2 }),
        Graviton: service('Arm', { DesiredCount: 1 }),
        Spot: service('X86', { DesiredCount: 1, CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }] }),
        GravitonSpot: service('Arm', { DesiredCount: 1, CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }] }),
      },
    });
    const { X86_64, ARM64, SPOT, SPOT_ARM64 } = PRICES.fargate;
    expect(lines.map(line => [line.item, line.quantity, line.monthlyUsd.toFixed(4)])).toEqual([
      ['Fargate task 0.25 vCPU 0.5 GB X86_64', 2, (2 * 730 * (0.25 * X86_64.vcpuHour + 0.5 * X86_64.gbHour)).toFixed(4)],
      ['Fargate task 1 vCPU 2 GB ARM64', 1, (730 * (ARM64.vcpuHour + 2 * ARM64.gbHour)).toFixed(4)],
      ['Fargate task 0.25 vCPU 0.5 GB Spot X86_64', 1, (730 * (0.25 * SPOT.vcpuHour + 0.5 * SPOT.gbHour)).toFixed(4)],
      ['Fargate task 1 vCPU 2 GB Spot ARM64', 1, (730 * (SPOT_ARM64.vcpuHour + 2 * SPOT_ARM64.gbHour)).toFixed(4)],
    ]);
  });

  test('adds the public addresses of tasks, interface endpoints per zone and alarm metrics', () => {
    const lines = estimateIdleMonthlyCost({
      Resources: {
        Task: task('256', '512'),
        Public: service('Task', { DesiredCount: 3, NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'ENABLED' } } }),
        Endpoint: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcEndpointType: 'Interface', SubnetIds: ['a', 'b'] } },
        Gateway: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcEndpointType: 'Gateway' } },
        Simple: { Type: 'AWS::CloudWatch::Alarm', Properties: { MetricName: 'CPUUtilization' } },
        MathAlarm: { Type: 'AWS::CloudWatch::Alarm', Properties: { Metrics: [{ Expression: 'a/b' }, { MetricStat: {} }, { MetricStat: {} }] } },
        Key: { Type: 'AWS::KMS::Key' },
      },
    });
    expect(lines).toEqual(expect.arrayContaining([
      { item: 'Task public IPv4', quantity: 3, monthlyUsd: 3 * 0.005 * 730 },
      { item: 'Interface VPC endpoint, per AZ', quantity: 2, monthlyUsd: 2 * 0.01 * 730 },
      { item: 'CloudWatch alarm metric', quantity: 3, monthlyUsd: expect.closeTo(0.3) },
      { item: 'KMS customer managed key', quantity: 1, monthlyUsd: 1 },
    ]));
    expect(totalMonthlyUsd(lines)).toBeCloseTo(lines.reduce((sum, line) => sum + line.monthlyUsd, 0));
  });

  test('prices a Cloud Map namespace as a hosted zone, and each task registered in it', () => {
    const lines = estimateIdleMonthlyCost({
      Resources: {
        Task: task('256', '512'),
        Discovered: service('Task', { DesiredCount: 2, ServiceRegistries: [{ RegistryArn: 'arn' }] }),
        Namespace: { Type: 'AWS::ServiceDiscovery::PrivateDnsNamespace' },
      },
    });
    expect(lines).toEqual(expect.arrayContaining([
      { item: 'Cloud Map registered task', quantity: 2, monthlyUsd: expect.closeTo(0.2) },
      { item: 'Cloud Map private DNS namespace (hosted zone)', quantity: 1, monthlyUsd: 0.5 },
    ]));
  });

  test('prices a NAT instance with its root volume and public address, and refuses a type it has no price for', () => {
    const nat = (type: string) => ({ Resources: { Nat: { Type: 'AWS::EC2::Instance', Properties: { InstanceType: type } } } });
    expect(estimateIdleMonthlyCost(nat('t4g.nano'))).toEqual([
      { item: 'EC2 instance t4g.nano', quantity: 1, monthlyUsd: 0.0042 * 730 },
      { item: 'EBS root volume, GB', quantity: 8, monthlyUsd: 8 * 0.08 },
      { item: 'NAT instance public IPv4', quantity: 1, monthlyUsd: 0.005 * 730 },
    ]);
    expect(() => estimateIdleMonthlyCost(nat('m7g.large'))).toThrow('bench/prices.ts has no price for EC2 instance type m7g.large');
  });

  test('prices nothing of a REST API front while idle; its requests, usage-based, are $3.50 a million beside the HTTP API\'s $1.00', () => {
    const lines = estimateIdleMonthlyCost({
      Resources: Object.fromEntries([
        'AWS::ApiGateway::RestApi', 'AWS::ApiGateway::Deployment', 'AWS::ApiGateway::Stage', 'AWS::ApiGateway::Resource',
        'AWS::ApiGateway::Method', 'AWS::ApiGateway::UsagePlan', 'AWS::ApiGateway::UsagePlanKey', 'AWS::ApiGateway::ApiKey',
        'AWS::ApiGatewayV2::VpcLink', 'AWS::WAFv2::WebACLAssociation',
      ].map(type => [type.replace(/\W/g, ''), { Type: type }])),
    });
    expect(lines).toEqual([]);
    expect(PRICES.apiRequestsPerMillion).toEqual({ HTTP: 1.00, REST: 3.50 });
  });

  test('the tutorial\'s stack idles at about $98 a month, as AWS\'s pricing pages add up', () => {
    const lines = estimateIdleMonthlyCost({
      Resources: {
        ...TUTORIAL_NETWORK,
        Task: task('256', '512'),
        Service: service('Task', { DesiredCount: 1 }),
      },
    });
    expect(totalMonthlyUsd(lines)).toBeCloseTo(98.44, 1);
  });
});
