import { CfnResource, CustomResourceProviderBase } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { CONFIGURATIONS } from './integ/configurations';
import { addConfigurationStack, createTestApp } from './integ/stack';

// .checkov.yaml skips the Lambda checks (CKV_AWS_115/116/117) for every template, because CDK's
// deploy-time custom resource handlers are functions we cannot configure. Any other function must
// answer those checks itself, or acknowledge them on its own resource. This keeps it so.
const SKIPPED_LAMBDA_CHECKS = ['CKV_AWS_115', 'CKV_AWS_116', 'CKV_AWS_117'];

function isInCdkCustomResourceProvider(construct: IConstruct): boolean {
  return construct.node.scopes.some(scope => scope instanceof CustomResourceProviderBase);
}

function acknowledgesLambdaChecks(resource: CfnResource): boolean {
  const skipped = (resource.getMetadata('checkov')?.skip ?? []).map((skip: { id: string }) => skip.id);
  return SKIPPED_LAMBDA_CHECKS.every(id => skipped.includes(id));
}

test.each(CONFIGURATIONS)('$name has no Lambda function but CDK handlers and functions that acknowledge the checks', configuration => {
  const { stack } = addConfigurationStack(createTestApp(), configuration);
  const functions = stack.node.findAll()
    .filter((construct): construct is CfnResource => CfnResource.isCfnResource(construct) && construct.cfnResourceType === 'AWS::Lambda::Function');
  expect(functions.filter(fn => !isInCdkCustomResourceProvider(fn) && !acknowledgesLambdaChecks(fn)).map(fn => fn.node.path)).toEqual([]);
  // With no function left, the skip has no reason to stay: remove it from .checkov.yaml.
  expect(functions.length).toBeGreaterThan(0);
});
