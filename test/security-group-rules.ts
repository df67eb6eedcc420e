import type { Template } from 'aws-cdk-lib/assertions';

type Rule = Record<string, unknown>;

/**
 * Every ingress rule of a security group: inline in the group, and as separate
 * `AWS::EC2::SecurityGroupIngress` resources that point at it.
 */
export function ingressRulesOf(template: Template, groupLogicalId: string): Rule[] {
  return rulesOf(template, groupLogicalId, 'SecurityGroupIngress');
}

/** Every egress rule of a security group, inline and as separate resources. */
export function egressRulesOf(template: Template, groupLogicalId: string): Rule[] {
  return rulesOf(template, groupLogicalId, 'SecurityGroupEgress');
}

function rulesOf(template: Template, groupLogicalId: string, kind: 'SecurityGroupIngress' | 'SecurityGroupEgress'): Rule[] {
  const group = template.toJSON().Resources[groupLogicalId];
  const inline: Rule[] = group.Properties[kind] ?? [];
  const separate = Object.values(template.findResources(`AWS::EC2::${kind}`, {
    Properties: { GroupId: { 'Fn::GetAtt': [groupLogicalId, 'GroupId'] } },
  })).map(resource => resource.Properties as Rule);
  return [...inline, ...separate];
}
