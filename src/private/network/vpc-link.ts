import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';

/** The VPC link and its security group, which may reach nothing until the backend lets it. */
export interface VpcLinkResources {
  readonly vpcLink: apigwv2.VpcLink;
  readonly securityGroup: ec2.SecurityGroup;
}

/**
 * Creates the VPC link in the private subnets, with a security group of its own and no outbound
 * rule: the backend opens the one port it needs (`description` says which).
 */
export function createVpcLink(scope: Construct, vpc: ec2.IVpc, subnets: ec2.SubnetSelection, description: string): VpcLinkResources {
  const securityGroup = new ec2.SecurityGroup(scope, 'VpcLinkSecurityGroup', { vpc, description, allowAllOutbound: false });
  const vpcLink = new apigwv2.VpcLink(scope, 'VpcLink', { vpc, subnets, securityGroups: [securityGroup] });
  return { vpcLink, securityGroup };
}
