import { Stack, Token, TokenComparison } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Construct } from 'constructs';
import { NETWORK_DEFAULTS } from './defaults';

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

/** The tutorial's network: two Availability Zones, each with a public subnet and a private one behind a NAT gateway. */
export function createVpc(scope: Construct, id: string): ec2.Vpc {
  return new ec2.Vpc(scope, id, {
    maxAzs: NETWORK_DEFAULTS.maxAzs,
    natGateways: NETWORK_DEFAULTS.maxAzs,
    subnetConfiguration: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
      { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    ],
  });
}

/**
 * The subnets for the load balancer, the VPC link and the tasks: the ones the user chose,
 * or the VPC's private subnets with egress. Throws when a given VPC has none to offer.
 */
export function choosePrivateSubnets(vpc: ec2.IVpc, vpcSubnets?: ec2.SubnetSelection): ec2.SubnetSelection {
  const selection = vpcSubnets ?? defaultPrivateSubnets(vpc);
  const zones = new Set(vpc.selectSubnets(selection).availabilityZones);
  if (zones.size < 2) {
    throw new Error(
      `vpcSubnets must select subnets in at least two Availability Zones (an Application Load Balancer needs two), got ${zones.size}`,
    );
  }
  return selection;
}

function defaultPrivateSubnets(vpc: ec2.IVpc): ec2.SubnetSelection {
  if (vpc.privateSubnets.length === 0) {
    throw new Error(
      'vpc has no private subnets with egress (SubnetType.PRIVATE_WITH_EGRESS) for the load balancer, the VPC link and the tasks. '
      + 'Pass vpcSubnets to choose the subnets explicitly.',
    );
  }
  return { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
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
