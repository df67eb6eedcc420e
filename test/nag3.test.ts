import { existsSync } from 'fs';
import { type App, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PrivateEcsHttpApi } from '../src';
import { CONFIGURATIONS, type TestConfiguration, TUTORIAL_DEFAULT } from './integ/configurations';
import { addConfigurationStack, createTestApp, type ConfigurationStack } from './integ/stack';
import { Checker } from './integ/user-acknowledgements';
import { NAG_SCENARIOS } from './nag-scenarios';
import { AWS_SOLUTIONS, type Finding, readFindings, validationReportPath } from '../scripts/validation-report';

// cdk-nag 3 is a policy validation plugin: it needs aws-cdk-lib 2.258.0 or newer, so this test runs
// only in `npx projen test:newest` (and `validate:nag3`), on the newest aws-cdk-lib, pinned in test/newest.
// test/nag.test.ts checks the same with cdk-nag 2, on our minimum aws-cdk-lib.

/**
 * Synthesizes a configuration's stack as a user's `cdk synth` would with cdk-nag 3 registered, and
 * returns what the pack reported. Synthesis fails on any finding, error or warning, and writes the
 * findings to `validation-report.json` in the cloud assembly; that file is what is read here.
 */
function synthesizeChecked(configuration: TestConfiguration, change: (configured: ConfigurationStack) => void = () => {}): Finding[] {
  const app = createTestApp();
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  change(addConfigurationStack(app, configuration));
  return findingsOf(app);
}

function findingsOf(app: App): Finding[] {
  try {
    app.synth();
  } catch (error) {
    // Without a report, synthesis failed for another reason than a validation: show that one.
    if (!existsSync(validationReportPath(app.outdir))) {
      throw error;
    }
  }
  return readFindings(app.outdir).filter(finding => finding.plugin === AWS_SOLUTIONS);
}

/** One line per finding, `<rule> (<severity>): <description> at <resource path>`, so that a failure lists them all. */
function lines(findings: readonly Finding[], severity: string): string[] {
  return findings
    .filter(finding => finding.severity === severity)
    .map(({ ruleName, description, constructPath }) => `${ruleName} (${severity}): ${description} at ${constructPath}`);
}

// With the dashboard's, which are not integ configurations: their snapshots stay as they are.
describe.each([...CONFIGURATIONS, ...NAG_SCENARIOS])('cdk-nag 3 AwsSolutions on $name', configuration => {
  let findings: Finding[];
  beforeAll(() => {
    findings = synthesizeChecked(configuration);
  });

  test('reports no unacknowledged error', () => {
    expect(lines(findings, 'error')).toEqual([]);
  });

  test('reports no unacknowledged warning', () => {
    expect(lines(findings, 'warning')).toEqual([]);
  });

  // An acknowledgement that no longer matches a finding hides the next one with that id.
  test("every cdk-nag acknowledgement of the user's still matches a finding", () => {
    const nagAcknowledgements = configuration.userAcknowledgements.filter(({ checker }) => checker === Checker.CDK_NAG);
    const unacknowledged = synthesizeChecked({
      ...configuration,
      userAcknowledgements: configuration.userAcknowledgements.filter(acknowledgement => !nagAcknowledgements.includes(acknowledgement)),
    });
    const reported = unacknowledged.map(({ ruleName }) => ruleName);
    expect(nagAcknowledgements.map(({ id }) => id).filter(id => !reported.some(name => name === id || name.startsWith(`${id}[`)))).toEqual([]);
  });
});

// The checks above pass on silence; these show that a finding would break that silence.
describe('cdk-nag 3 is live', () => {
  test('reports a load balancer opened to the internet', () => {
    // The tutorial's configuration has a load balancer.
    const findings = synthesizeChecked(TUTORIAL_DEFAULT,
      ({ api }) => (api as PrivateEcsHttpApi).loadBalancer.connections.allowFromAnyIpv4(ec2.Port.tcp(80)));
    expect(lines(findings, 'error').join('\n')).toMatch(/AwsSolutions-EC23/);
  });

  test("reports the routes once the user's acknowledgement is gone", () => {
    const findings = synthesizeChecked({ ...TUTORIAL_DEFAULT, userAcknowledgements: [] });
    expect(lines(findings, 'error').join('\n')).toMatch(/AwsSolutions-APIG4/);
  });
});

// As in test/nag.test.ts: what most users run, an image from a private ECR repository, whose pull
// needs ecr:GetAuthorizationToken, which has no resource but `*`.
describe('cdk-nag 3 on an image from a private ECR repository', () => {
  test('reports nothing on the task execution role', () => {
    const findings = synthesizeChecked({
      ...TUTORIAL_DEFAULT,
      build: scope => new PrivateEcsHttpApi(scope, 'Api', {
        image: ecs.ContainerImage.fromEcrRepository(ecr.Repository.fromRepositoryName(scope, 'Repository', 'app')),
      }),
    });
    expect([...lines(findings, 'error'), ...lines(findings, 'warning')].filter(line => line.includes('/ExecutionRole/'))).toEqual([]);
  });
});
