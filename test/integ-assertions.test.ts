import * as fs from 'fs';
import * as path from 'path';
import { Template } from 'aws-cdk-lib/assertions';
import { CONFIGURATIONS } from './integ/configurations';
import { defineIntegTest } from './integ/integ-test';
import { stackNameOf } from './integ/stack';

// The integ tests' assertions only run where integ-runner deploys; this checks, offline, that
// each one asks the deployed API for its page and waits for the answer.
describe.each(CONFIGURATIONS)('the integ test of $name', configuration => {
  let httpCall: { [property: string]: unknown };
  beforeAll(() => {
    const { assertionStack } = defineIntegTest(configuration);
    const calls = Template.fromStack(assertionStack).findResources('Custom::DeployAssert@HttpCall');
    expect(Object.keys(calls)).toHaveLength(1);
    httpCall = Object.values(calls)[0].Properties;
  });

  test('has an integ test file, which integ-runner finds by its name', () => {
    expect(fs.existsSync(path.join(__dirname, `integ.${configuration.name}.ts`))).toBe(true);
  });

  test('calls the URL of the API in the configuration stack', () => {
    const url = JSON.stringify(httpCall.parameters);
    expect(url).toContain('"Fn::ImportValue"');
    expect(url).toContain(`${stackNameOf(configuration)}:ExportsOutputRefApiHttpApi`);
  });

  test("expects status 200 and the service's page", () => {
    expect(JSON.parse(httpCall.expected as string)).toEqual({
      $ObjectLike: { status: 200, body: { $StringLike: configuration.expectedBodyPattern } },
    });
  });

  test('waits for the answer instead of asking once', () => {
    expect(httpCall.stateMachineArn).toBeDefined();
  });
});
