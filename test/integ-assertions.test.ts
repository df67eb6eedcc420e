import * as fs from 'fs';
import * as path from 'path';
import { Template } from 'aws-cdk-lib/assertions';
import { CONFIGURATIONS } from './integ/configurations';
import { defineIntegTest } from './integ/integ-test';
import { stackNameOf } from './integ/stack';

// The integ tests' assertions only run where integ-runner deploys; this checks, offline, that
// each one asks the deployed API for its page and waits for the answer.
const CALLED = CONFIGURATIONS.filter(configuration => !configuration.reachableOnlyFromVpc);

test.each(CONFIGURATIONS.filter(configuration => configuration.reachableOnlyFromVpc))(
  'the integ test of $name, a PRIVATE API, makes no call from outside the VPC but checks the API is PRIVATE, and has its file', configuration => {
    const { assertionStack } = defineIntegTest(configuration);
    const template = Template.fromStack(assertionStack);
    expect(template.findResources('Custom::DeployAssert@HttpCall')).toEqual({});
    const sdkCalls = Object.values(template.findResources('Custom::DeployAssert@SdkCallAPIGatewaygetRestApi')).map(call => call.Properties);
    expect(sdkCalls).toHaveLength(1);
    expect(JSON.parse(sdkCalls[0].expected as string)).toEqual({ $ObjectLike: { endpointConfiguration: { types: ['PRIVATE'] } } });
    expect(JSON.stringify(sdkCalls[0].parameters)).toMatch(/(ExportsOutput|PublishOutput)RefApiRestApi/);
    expect(fs.existsSync(path.join(__dirname, `integ.${configuration.name}.ts`))).toBe(true);
  });

describe.each(CALLED)('the integ test of $name', configuration => {
  let httpCall: { [property: string]: unknown };
  let unauthenticatedCall: { [property: string]: unknown } | undefined;
  beforeAll(() => {
    const { assertionStack } = defineIntegTest(configuration);
    const calls = Object.values(Template.fromStack(assertionStack).findResources('Custom::DeployAssert@HttpCall'))
      .map(call => call.Properties);
    expect(calls).toHaveLength(configuration.requestHeaders || configuration.publicPath ? 2 : 1);
    httpCall = calls.find(call => JSON.parse(call.expected as string).$ObjectLike.status === 200)!;
    unauthenticatedCall = calls.find(call => call !== httpCall);
  });

  test('has an integ test file, which integ-runner finds by its name', () => {
    expect(fs.existsSync(path.join(__dirname, `integ.${configuration.name}.ts`))).toBe(true);
  });

  test('calls the URL of the API in the configuration stack', () => {
    const url = JSON.stringify(httpCall.parameters);
    // A strong cross-stack reference imports the stack's export; a weak one, the newer aws-cdk-lib's
    // recommended default (@aws-cdk/core:defaultCrossStackReferences), reads the stack's output.
    const strong = new RegExp(`"Fn::ImportValue":"${stackNameOf(configuration)}:ExportsOutputRefApi(HttpApi|RestApi)`);
    const weak = /"Fn::GetStackOutput":\{[^}]*"OutputName":"PublishOutputRefApi(HttpApi|RestApi)/;
    expect(strong.test(url) || weak.test(url)).toBe(true);
  });

  test("expects status 200 and the service's page", () => {
    expect(JSON.parse(httpCall.expected as string)).toEqual({
      $ObjectLike: { status: 200, body: { $StringLike: configuration.expectedBodyPattern } },
    });
  });

  test('calls the public path, when the other routes need a token no test has', () => {
    const url = JSON.stringify(httpCall.parameters);
    if (configuration.publicPath === undefined) {
      expect(url).toMatch(/"\/"\]\]/);
      return;
    }
    expect(url).toContain(`"/${configuration.publicPath}"`);
    expect(JSON.stringify(unauthenticatedCall!.parameters)).toMatch(/"\/"\]\]/);
    expect(JSON.parse(unauthenticatedCall!.expected as string)).toEqual({ $ObjectLike: { status: 401 } });
  });

  test('sends the configuration\'s credentials, and checks that without them the API turns the caller away', () => {
    if (!configuration.requestHeaders) {
      if (configuration.publicPath !== undefined) {
        return;
      }
      expect(unauthenticatedCall).toBeUndefined();
      return;
    }
    expect(JSON.stringify(httpCall.parameters)).toContain(JSON.stringify(configuration.requestHeaders).slice(1, -1));
    expect(JSON.stringify(unauthenticatedCall!.parameters)).not.toContain('headers');
    expect(JSON.parse(unauthenticatedCall!.expected as string)).toEqual({ $ObjectLike: { status: configuration.unauthenticatedStatus ?? 401 } });
  });

  test('waits for the answer instead of asking once', () => {
    expect(httpCall.stateMachineArn).toBeDefined();
  });
});
