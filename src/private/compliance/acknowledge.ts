import { CfnResource, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Records on a resource that a cdk-nag rule's finding is inherent to this design, with the reason,
 * where each cdk-nag major reads it: cdk-nag 2 the `cdk_nag` template metadata (what its
 * `NagSuppressions.addResourceSuppressions` writes), cdk-nag 3 aws-cdk-lib's acknowledged rules
 * (`Validations.of(x).acknowledge`), which name a finding of a rule as `<rule>[<finding>]`. We
 * write both ourselves so that the library does not depend on cdk-nag at runtime.
 */
export function acknowledgeNagFinding(construct: IConstruct, ruleId: string, reason: string, finding?: string): void {
  const rule = finding ? { id: ruleId, reason, applies_to: [finding] } : { id: ruleId, reason };
  appendMetadata(construct, ruleId, 'cdk_nag', 'rules_to_suppress', rule);
  Validations.of(construct).acknowledge({ id: finding ? `${ruleId}[${finding}]` : ruleId, reason });
}

/**
 * Records on a resource that a checkov check's finding is inherent to this design, with the
 * reason, in the template metadata checkov reads (`Metadata.checkov.skip`), so that a user's own
 * checkov run sees it too.
 */
export function acknowledgeCheckovFinding(construct: IConstruct, checkId: string, reason: string): void {
  appendMetadata(construct, checkId, 'checkov', 'skip', { id: checkId, comment: reason });
}

function appendMetadata(construct: IConstruct, id: string, key: string, list: string, entry: object): void {
  const resource = CfnResource.isCfnResource(construct) ? construct : construct.node.defaultChild;
  if (!CfnResource.isCfnResource(resource)) {
    throw new Error(`cannot acknowledge ${id} on ${construct.node.path}: it has no CloudFormation resource`);
  }
  const existing = resource.getMetadata(key)?.[list] ?? [];
  resource.addMetadata(key, { [list]: [...existing, entry] });
}
