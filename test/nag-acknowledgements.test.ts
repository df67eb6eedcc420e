import { Validations } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { IConstruct } from 'constructs';
import type { Scenario } from './util';
import { synthesize } from './util';

/** The ids a construct acknowledges for cdk-nag 3, with the `annotation::` prefix aws-cdk-lib may add taken off. */
function acknowledgedRules(construct: IConstruct): string[] {
  return construct.node.metadata
    .filter(entry => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap(entry => Object.keys(entry.data as object))
    .map(id => id.replace(/^annotation::/i, ''));
}

/** The rules a resource suppresses for cdk-nag 2, in its template metadata. */
function cdkNagSuppressions(scenario: Scenario, construct: IConstruct): unknown[] {
  const resource = construct.node.defaultChild as IConstruct;
  const id = scenario.stack.getLogicalId(resource as never);
  return scenario.template.toJSON().Resources[id].Metadata.cdk_nag.rules_to_suppress;
}

/**
 * What the design makes inherent, the construct acknowledges itself, where both cdk-nag majors
 * read it: cdk-nag 2 in the template's `cdk_nag` metadata, cdk-nag 3 in aws-cdk-lib's
 * acknowledged rules (`Validations.of(x).acknowledge`).
 */
describe("the construct's own cdk-nag acknowledgements", () => {
  let scenario: Scenario;
  beforeAll(() => {
    scenario = synthesize({}, (api, stack) => {
      api.addService('Orders', {
        image: ecs.ContainerImage.fromEcrRepository(ecr.Repository.fromRepositoryName(stack, 'Repository', 'orders')),
        pathPrefix: '/orders',
      });
    });
  });

  test('the log bucket acknowledges AwsSolutions-S1 for cdk-nag 2 and 3', () => {
    const bucket = scenario.api.logBucket!;
    expect(cdkNagSuppressions(scenario, bucket)).toEqual([expect.objectContaining({ id: 'AwsSolutions-S1' })]);
    expect(acknowledgedRules(bucket)).toEqual(['AwsSolutions-S1']);
  });

  test.each(['default', 'added'])("the %s service's execution role policy acknowledges IAM5 for Resource::* only, for cdk-nag 2 and 3", (which) => {
    const taskDefinition = which === 'default' ? scenario.api.taskDefinition : scenario.api.services[0].taskDefinition;
    const policy = taskDefinition.executionRole!.node.findChild('DefaultPolicy');
    expect(cdkNagSuppressions(scenario, policy)).toEqual([expect.objectContaining({ id: 'AwsSolutions-IAM5', applies_to: ['Resource::*'] })]);
    expect(acknowledgedRules(policy)).toEqual(['AwsSolutions-IAM5[Resource::*]']);
  });
});
