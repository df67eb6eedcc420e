import { Stack, Token, TokenComparison } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Construct } from 'constructs';
import { TaskEgress } from '../../task-egress';
import { API_DEFAULTS } from '../props/defaults';

/** Where the load balancer, the VPC link and the tasks go. */
export interface NetworkPlan {
  /** The subnets of the VPC link and (with `PrivateEcsHttpApi`) the load balancer: private, or isolated ones. */
  readonly linkSubnets: ec2.SubnetSelection;
  /** The subnets of the tasks. */
  readonly taskSubnets: ec2.SubnetSelection;
  /** Whether the tasks get a public IP address. */
  readonly assignPublicIp: boolean;
}

/**
 * Picks the VPC from `vpc` or `cluster`, and throws when both are given and are not the same VPC.
 * Returns undefined when neither is given: the caller creates one.
 */
export function chooseVpc(scope: Construct, vpc?: ec2.IVpc, cluster?: ecs.ICluster): ec2.IVpc | undefined {
  if (vpc && cluster && isDifferentVpc(scope, vpc, cluster.vpc)) {
    throw new Error(
      `vpc and cluster must be in the same VPC: vpc is ${describeVpc(vpc)} but cluster is in ${describeVpc(cluster.vpc)}. `
      + 'Pass only cluster (its VPC is used), or a cluster in vpc.',
    );
  }
  return vpc ?? cluster?.vpc;
}

/**
 * A VPC in two Availability Zones laid out for the tasks' egress: the tutorial's public and
 * private subnets with NAT gateways; public and isolated subnets when the tasks have public
 * IPs; isolated subnets alone when they use VPC endpoints.
 */
export function createVpc(scope: Construct, id: string, taskEgress: TaskEgress, natGateways: number, natGatewayProvider?: ec2.NatProvider): ec2.Vpc {
  const subnets: Record<TaskEgress, ec2.SubnetConfiguration[]> = {
    [TaskEgress.NAT_GATEWAY]: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
      { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    ],
    [TaskEgress.PUBLIC_IP]: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
      { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    ],
    [TaskEgress.VPC_ENDPOINTS]: [
      { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    ],
  };
  const vpc = new ec2.Vpc(scope, id, {
    maxAzs: API_DEFAULTS.maxAzs,
    natGateways,
    natGatewayProvider,
    subnetConfiguration: subnets[taskEgress],
  });
  if (isConnectable(natGatewayProvider)) {
    admitOnlyTheVpc(vpc, natGatewayProvider);
  }
  return vpc;
}

function isConnectable(provider?: ec2.NatProvider): provider is ec2.NatProvider & ec2.IConnectable {
  return provider !== undefined && 'connections' in provider;
}

/**
 * A NAT instance forwards the private subnets' traffic: its security group admits the VPC's own
 * address range, and nothing else (aws-cdk-lib's default for instanceV2 admits the whole internet).
 */
function admitOnlyTheVpc(vpc: ec2.Vpc, provider: ec2.IConnectable): void {
  const groups = provider.connections.securityGroups;
  for (const group of groups) {
    const resource = group.node.defaultChild as ec2.CfnSecurityGroup | undefined;
    const rules = (resource ? Stack.of(vpc).resolve(resource.securityGroupIngress) ?? [] : []) as { cidrIp?: string; cidrIpv6?: string }[];
    const open = rules.find(rule => rule.cidrIp !== undefined || rule.cidrIpv6 !== undefined);
    if (open) {
      throw new Error(
        `natGatewayProvider's security group admits ${open.cidrIp ?? open.cidrIpv6}: create the NAT instances with `
        + 'defaultAllowedTraffic: ec2.NatTrafficDirection.OUTBOUND_ONLY, and the construct lets in the VPC\'s own range only',
      );
    }
  }
  provider.connections.allowFrom(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.allTraffic(), 'From the VPC: the NAT instance forwards its traffic');
}

/**
 * Plans the subnets: the load balancer and VPC link in `vpcSubnets` or the VPC's private
 * subnets, and the tasks beside them or, for `PUBLIC_IP`, in the public subnets.
 * Throws when the VPC has no subnets that fit; how many zones they must span is the backend's rule.
 */
export function planNetwork(vpc: ec2.IVpc, taskEgress: TaskEgress, vpcSubnets?: ec2.SubnetSelection): NetworkPlan {
  const linkSubnets = vpcSubnets ?? defaultPrivateSubnets(vpc, taskEgress);
  if (taskEgress !== TaskEgress.PUBLIC_IP) {
    if (taskEgress === TaskEgress.NAT_GATEWAY && vpcSubnets && selectsPublicSubnets(vpc, vpcSubnets)) {
      throw new Error(
        'vpcSubnets selects public subnets (SubnetType.PUBLIC) for the tasks, with taskEgress NAT_GATEWAY: tasks there get no public IP, '
        + 'and a public subnet routes to the internet gateway, not a NAT gateway, so they have no way out (not even to pull the image). '
        + 'Select private subnets (SubnetType.PRIVATE_WITH_EGRESS), or set taskEgress to PUBLIC_IP.',
      );
    }
    return { linkSubnets, taskSubnets: linkSubnets, assignPublicIp: false };
  }
  if (vpc.publicSubnets.length === 0) {
    throw new Error('taskEgress PUBLIC_IP needs public subnets for the tasks, but vpc has none (SubnetType.PUBLIC)');
  }
  return { linkSubnets, taskSubnets: { subnetType: ec2.SubnetType.PUBLIC }, assignPublicIp: true };
}

/**
 * Whether `selection` picks any of the VPC's public subnets, as far as synth can tell: by subnet type,
 * or by the subnets it resolves to. Subnets the VPC does not list (`ec2.Subnet.fromSubnetId`) are unknown and pass.
 * A task without a public IP in a public subnet has no way out: the subnet's route goes to the internet
 * gateway, which serves only resources with a public IP address, and ECS gives Fargate tasks one only
 * with assignPublicIp (here taskEgress PUBLIC_IP).
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html
 */
function selectsPublicSubnets(vpc: ec2.IVpc, selection: ec2.SubnetSelection): boolean {
  if (selection.subnetType === ec2.SubnetType.PUBLIC) {
    return true;
  }
  if (vpc.publicSubnets.length === 0) {
    return false;
  }
  const publicIds = new Set(vpc.publicSubnets.map(subnet => subnet.subnetId));
  return vpc.selectSubnets(selection).subnets.some(subnet => publicIds.has(subnet.subnetId));
}

function defaultPrivateSubnets(vpc: ec2.IVpc, taskEgress: TaskEgress): ec2.SubnetSelection {
  if (vpc.privateSubnets.length > 0) {
    return { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
  }
  if (taskEgress !== TaskEgress.NAT_GATEWAY && vpc.isolatedSubnets.length > 0) {
    return { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
  }
  throw new Error(
    'vpc has no private subnets with egress (SubnetType.PRIVATE_WITH_EGRESS) for the VPC link and the tasks (and a load balancer). '
    + 'Pass vpcSubnets to choose the subnets explicitly.',
  );
}

/** The number of Availability Zones of the subnets `plan` puts the VPC link (and a load balancer) in. */
export function zonesOf(vpc: ec2.IVpc, plan: NetworkPlan): number {
  return new Set(vpc.selectSubnets(plan.linkSubnets).availabilityZones).size;
}

/**
 * True only when the two VPCs are certainly different: two different VPC ids, or references to
 * two different VPC resources. Tokens whose values are only known at deploy time pass.
 */
function isDifferentVpc(scope: Construct, a: ec2.IVpc, b: ec2.IVpc): boolean {
  if (a === b) {
    return false;
  }
  const comparison = Token.compareStrings(a.vpcId, b.vpcId);
  if (comparison === TokenComparison.DIFFERENT) {
    return true;
  }
  if (comparison !== TokenComparison.BOTH_UNRESOLVED) {
    return false;
  }
  const refA = Stack.of(scope).resolve(a.vpcId);
  const refB = Stack.of(scope).resolve(b.vpcId);
  return isRef(refA) && isRef(refB) && refA.Ref !== refB.Ref;
}

function isRef(value: unknown): value is { Ref: string } {
  return typeof value === 'object' && value !== null && typeof (value as { Ref?: unknown }).Ref === 'string';
}

function describeVpc(vpc: ec2.IVpc): string {
  return Token.isUnresolved(vpc.vpcId) ? `'${vpc.node.path}'` : `'${vpc.vpcId}'`;
}
