import { CfnResource } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Records on a resource that a cdk-nag rule's finding is inherent to this design, with the reason,
 * in the `cdk_nag` metadata that cdk-nag reads (what `NagSuppressions.addResourceSuppressions`
 * writes). We write it ourselves so that the library does not depend on cdk-nag at runtime.
 */
export function acknowledgeNagFinding(construct: IConstruct, ruleId: string, reason: string, appliesTo?: string[]): void {
  const resource = CfnResource.isCfnResource(construct) ? construct : construct.node.defaultChild;
  if (!CfnResource.isCfnResource(resource)) {
    throw new Error(`cannot acknowledge ${ruleId} on ${construct.node.path}: it has no CloudFormation resource`);
  }
  const existing = resource.getMetadata('cdk_nag')?.rules_to_suppress ?? [];
  const rule = appliesTo ? { id: ruleId, reason, applies_to: appliesTo } : { id: ruleId, reason };
  resource.addMetadata('cdk_nag', { rules_to_suppress: [...existing, rule] });
}
