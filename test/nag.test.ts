import { Aspects, type Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PrivateEcsHttpApi } from '../src';
import { CONFIGURATIONS, type TestConfiguration, TUTORIAL_DEFAULT } from './integ/configurations';
import { addConfigurationStack, createTestApp, type ConfigurationStack } from './integ/stack';
import { Checker } from './integ/user-acknowledgements';
import { NAG_SCENARIOS } from './nag-scenarios';

// cdk-nag 2.x names every finding after its rule (`AwsSolutions-VPC7: ...`), and a rule that
// cannot evaluate a resource after it (`CdkNagValidationFailure[AwsSolutions-VPC7]: ...`).
const AWS_SOLUTIONS_FINDING = Match.stringLikeRegexp('AwsSolutions-.*');
const SUPPRESSED_FINDING = Match.stringLikeRegexp('^CdkNagSuppression.*was triggered but suppressed');

/** A configuration's stack with the AwsSolutions pack applied, as a user's `cdk synth` would. */
function checkedStack(configuration: TestConfiguration, change: (configured: ConfigurationStack) => void = () => {}): Stack {
  const configured = addConfigurationStack(createTestApp(), configuration);
  change(configured);
  Aspects.of(configured.stack).add(new AwsSolutionsChecks({ logIgnores: true, reports: false }));
  return configured.stack;
}

/** One line per finding, `<rule>: <message> at <resource path>`, so that a failure lists them all. */
function lines(messages: ReturnType<Annotations['findError']>): string[] {
  return messages.map(message => `${String(message.entry.data).trim()} at ${message.id}`);
}

function errorsOf(stack: Stack): string[] {
  return lines(Annotations.fromStack(stack).findError('*', AWS_SOLUTIONS_FINDING));
}

function warningsOf(stack: Stack): string[] {
  return lines(Annotations.fromStack(stack).findWarning('*', AWS_SOLUTIONS_FINDING));
}

function suppressedOf(stack: Stack): string[] {
  return lines(Annotations.fromStack(stack).findInfo('*', SUPPRESSED_FINDING));
}

// With the dashboard's, which are not integ configurations: their snapshots stay as they are.
describe.each([...CONFIGURATIONS, ...NAG_SCENARIOS])('cdk-nag AwsSolutions on $name', configuration => {
  let stack: Stack;
  beforeAll(() => {
    stack = checkedStack(configuration);
  });

  test('reports no unacknowledged error', () => {
    expect(errorsOf(stack)).toEqual([]);
  });

  test('reports no unacknowledged warning', () => {
    expect(warningsOf(stack)).toEqual([]);
  });

  // An acknowledgement that no longer matches a finding hides the next one with that id.
  test("every cdk-nag acknowledgement of the user's still matches a finding", () => {
    const acknowledged = configuration.userAcknowledgements.filter(({ checker }) => checker === Checker.CDK_NAG).map(({ id }) => id);
    const suppressed = suppressedOf(stack);
    expect(acknowledged.filter(ruleId => !suppressed.some(line => line.includes(ruleId)))).toEqual([]);
  });
});

// The checks above pass on silence; these show that a finding would break that silence.
describe('cdk-nag is live', () => {
  test('reports a load balancer opened to the internet', () => {
    const stack = checkedStack(TUTORIAL_DEFAULT, ({ api }) => (api as PrivateEcsHttpApi).loadBalancer.connections.allowFromAnyIpv4(ec2.Port.tcp(80)));
    expect(errorsOf(stack).join('\n')).toMatch(/AwsSolutions-EC23/);
  });

  test("reports the routes once the user's acknowledgement is gone", () => {
    const stack = checkedStack({ ...TUTORIAL_DEFAULT, userAcknowledgements: [] });
    expect(errorsOf(stack).join('\n')).toMatch(/AwsSolutions-APIG4/);
  });
});

// Not an integ configuration (nothing would be in the repository to deploy), but what most
// users run: pulling from ECR needs ecr:GetAuthorizationToken, which has no resource but `*`.
describe('cdk-nag on an image from a private ECR repository', () => {
  test('reports nothing on the task execution role', () => {
    const stack = checkedStack({
      ...TUTORIAL_DEFAULT,
      build: scope => new PrivateEcsHttpApi(scope, 'Api', {
        image: ecs.ContainerImage.fromEcrRepository(ecr.Repository.fromRepositoryName(scope, 'Repository', 'app')),
      }),
    });
    expect(errorsOf(stack).filter(line => line.includes('/ExecutionRole/'))).toEqual([]);
  });
});
