import { CfnResource, CustomResourceProviderBase } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { CONFIGURATIONS } from './integ/configurations';
import { addConfigurationStack, createTestApp } from './integ/stack';

// .checkov.yaml skips the Lambda checks (CKV_AWS_115/116/117) for every template, because the
// only functions in them are CDK's deploy-time custom resource handlers. This keeps it so.
function isInCdkCustomResourceProvider(construct: IConstruct): boolean {
  return construct.node.scopes.some(scope => scope instanceof CustomResourceProviderBase);
}

test.each(CONFIGURATIONS)('$name has no Lambda function other than CDK custom resource handlers', configuration => {
  const { stack } = addConfigurationStack(createTestApp(), configuration);
  const functions = stack.node.findAll()
    .filter(construct => CfnResource.isCfnResource(construct) && construct.cfnResourceType === 'AWS::Lambda::Function');
  expect(functions.filter(fn => !isInCdkCustomResourceProvider(fn)).map(fn => fn.node.path)).toEqual([]);
  // With no function left, the skip has no reason to stay: remove it from .checkov.yaml.
  expect(functions.length).toBeGreaterThan(0);
});
