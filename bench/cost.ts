import { PRICES } from './prices';

type Resource = { Type: string; Properties?: Record<string, any> };
type Template = { Resources: Record<string, Resource> };

/** One line of an estimate: what, how many, and its monthly cost. */
export interface CostLine {
  readonly item: string;
  readonly quantity: number;
  readonly monthlyUsd: number;
}

/**
 * Estimates the idle monthly cost of a synthesized template: the resources that are billed by
 * the hour whether or not anyone calls the API. Usage-based charges are left out (see NOT_ESTIMATED).
 */
export function estimateIdleMonthlyCost(template: Template): CostLine[] {
  const resources = Object.values(template.Resources);
  const ofType = (type: string) => resources.filter(resource => resource.Type === type);
  const perMonth = (hourly: number) => hourly * PRICES.hoursPerMonth;
  const lines: CostLine[] = [];
  const add = (item: string, quantity: number, monthlyUsd: number) => {
    if (quantity > 0) {
      lines.push({ item, quantity, monthlyUsd });
    }
  };

  const natGateways = ofType('AWS::EC2::NatGateway').length;
  add('NAT gateway', natGateways, natGateways * perMonth(PRICES.natGatewayHour));
  for (const instance of ofType('AWS::EC2::Instance')) {
    const type = instance.Properties?.InstanceType as string;
    const hourly = PRICES.ec2InstanceHour[type];
    if (hourly === undefined) {
      throw new Error(`bench/prices.ts has no price for EC2 instance type ${type}`);
    }
    add(`EC2 instance ${type}`, 1, perMonth(hourly));
    add('EBS root volume, GB', PRICES.natInstanceRootVolumeGb, PRICES.natInstanceRootVolumeGb * PRICES.ebsGbMonth);
    // A NAT instance in a public subnet gets a public IPv4 address of its own.
    add('NAT instance public IPv4', 1, perMonth(PRICES.publicIpv4Hour));
  }
  const elasticIps = ofType('AWS::EC2::EIP').length;
  add('Elastic IP (public IPv4)', elasticIps, elasticIps * perMonth(PRICES.publicIpv4Hour));
  const loadBalancers = ofType('AWS::ElasticLoadBalancingV2::LoadBalancer').filter(lb => (lb.Properties?.Type ?? 'application') === 'application').length;
  add('Application Load Balancer', loadBalancers, loadBalancers * perMonth(PRICES.applicationLoadBalancerHour));
  const endpointAzs = ofType('AWS::EC2::VPCEndpoint')
    .filter(endpoint => endpoint.Properties?.VpcEndpointType === 'Interface')
    .reduce((sum, endpoint) => sum + (endpoint.Properties?.SubnetIds?.length ?? 0), 0);
  add('Interface VPC endpoint, per AZ', endpointAzs, endpointAzs * perMonth(PRICES.interfaceEndpointAzHour));

  for (const service of ofType('AWS::ECS::Service')) {
    const task = template.Resources[service.Properties?.TaskDefinition?.Ref];
    const tasks = service.Properties?.DesiredCount ?? 1;
    const vcpu = Number(task.Properties?.Cpu) / 1024;
    const gb = Number(task.Properties?.Memory) / 1024;
    const spot = (service.Properties?.CapacityProviderStrategy ?? []).some((s: any) => s.CapacityProvider === 'FARGATE_SPOT');
    const architecture = task.Properties?.RuntimePlatform?.CpuArchitecture === 'ARM64' ? 'ARM64' : 'X86_64';
    const rate = PRICES.fargate[spot ? (architecture === 'ARM64' ? 'SPOT_ARM64' : 'SPOT') : architecture];
    add(`Fargate task ${vcpu} vCPU ${gb} GB ${spot ? `Spot ${architecture}` : architecture}`, tasks, tasks * perMonth(vcpu * rate.vcpuHour + gb * rate.gbHour));
    if (service.Properties?.NetworkConfiguration?.AwsvpcConfiguration?.AssignPublicIp === 'ENABLED') {
      add('Task public IPv4', tasks, tasks * perMonth(PRICES.publicIpv4Hour));
    }
    if ((service.Properties?.ServiceRegistries ?? []).length > 0) {
      add('Cloud Map registered task', tasks, tasks * PRICES.cloudMapInstanceMonth);
    }
  }

  const alarmMetrics = ofType('AWS::CloudWatch::Alarm')
    .reduce((sum, alarm) => sum + (alarm.Properties?.Metrics?.filter((m: any) => m.MetricStat).length || 1), 0);
  add('CloudWatch alarm metric', alarmMetrics, alarmMetrics * PRICES.alarmMetricMonth);
  const namespaces = ofType('AWS::ServiceDiscovery::PrivateDnsNamespace').length;
  add('Cloud Map private DNS namespace (hosted zone)', namespaces, namespaces * PRICES.hostedZoneMonth);
  const keys = ofType('AWS::KMS::Key').length;
  add('KMS customer managed key', keys, keys * PRICES.kmsKeyMonth);
  return lines;
}

/** The sum of an estimate, in USD a month. */
export function totalMonthlyUsd(lines: CostLine[]): number {
  return lines.reduce((sum, line) => sum + line.monthlyUsd, 0);
}
