import { Match } from 'aws-cdk-lib/assertions';
import { egressRulesOf, ingressRulesOf } from './security-group-rules';
import type { Scenario } from './util';
import { getAtt, logicalId, synthesize } from './util';

/**
 * Least privilege by construction: each hop admits only the hop before it, on one port, and
 * nothing anywhere admits a CIDR range.
 */
describe('security groups', () => {
  let scenario: Scenario;
  let groupId: { loadBalancer: object; service: object; vpcLink: object };
  beforeAll(() => {
    scenario = synthesize();
    const { api } = scenario;
    const vpcLinkGroup = api.node.findChild('VpcLinkSecurityGroup');
    groupId = {
      loadBalancer: getAtt(api.loadBalancer.connections.securityGroups[0], 'GroupId'),
      service: getAtt(api.service.connections.securityGroups[0], 'GroupId'),
      vpcLink: getAtt(vpcLinkGroup, 'GroupId'),
    };
  });

  test('three security groups: load balancer, tasks and VPC link', () => {
    scenario.template.resourceCountIs('AWS::EC2::SecurityGroup', 3);
  });

  test('the load balancer admits only the VPC link, on the listener port', () => {
    const ingress = ingressRulesOf(scenario.template, logicalId(scenario.api.loadBalancer.connections.securityGroups[0]));
    expect(ingress).toEqual([
      expect.objectContaining({ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, SourceSecurityGroupId: groupId.vpcLink }),
    ]);
  });

  test('the load balancer may reach only the tasks, on the container port', () => {
    const egress = egressRulesOf(scenario.template, logicalId(scenario.api.loadBalancer.connections.securityGroups[0]));
    expect(egress).toEqual([
      expect.objectContaining({ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, DestinationSecurityGroupId: groupId.service }),
    ]);
  });

  test('the tasks admit only the load balancer, on the container port', () => {
    const ingress = ingressRulesOf(scenario.template, logicalId(scenario.api.service.connections.securityGroups[0]));
    expect(ingress).toEqual([
      expect.objectContaining({ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, SourceSecurityGroupId: groupId.loadBalancer }),
    ]);
  });

  test('the VPC link admits nothing and may reach only the load balancer, on the listener port', () => {
    const vpcLinkGroup = logicalId(scenario.api.node.findChild('VpcLinkSecurityGroup'));
    expect(ingressRulesOf(scenario.template, vpcLinkGroup)).toEqual([]);
    expect(egressRulesOf(scenario.template, vpcLinkGroup)).toEqual([
      expect.objectContaining({ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, DestinationSecurityGroupId: groupId.loadBalancer }),
    ]);
  });

  test('no ingress rule from a CIDR range, anywhere', () => {
    const { template } = scenario;
    expect(template.findResources('AWS::EC2::SecurityGroupIngress', { Properties: { CidrIp: Match.anyValue() } })).toEqual({});
    expect(template.findResources('AWS::EC2::SecurityGroupIngress', { Properties: { CidrIpv6: Match.anyValue() } })).toEqual({});
    for (const group of Object.values(template.findResources('AWS::EC2::SecurityGroup'))) {
      expect(group.Properties.SecurityGroupIngress ?? []).toEqual([]);
    }
  });
});
