import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { type App, Duration, Stack } from 'aws-cdk-lib';
import type { TestConfiguration } from './configurations';
import { addConfigurationStack, createTestApp, stackNameOf, TEST_ENV } from './stack';
import type { PrivateEcsRestApi } from '../../src';

/** An integ test's app, and the stack that holds its assertion. */
export interface IntegTestApp {
  readonly app: App;
  readonly assertionStack: Stack;
}

/**
 * The integ test of one configuration: its stack, and an assertion that a deployment would
 * check, that `GET /` through the API answers 200 with the sample app's page (sending the
 * configuration's credentials, and then checking that without them the answer is 401, or the
 * configuration's `unauthenticatedStatus`). A PRIVATE API, which answers only inside a VPC, gets no
 * call: the assertion asks API Gateway that the deployed API is PRIVATE.
 *
 * Only `integ-runner` with an AWS account deploys it; without one, the runner compares the
 * synthesized templates with the committed snapshot.
 */
export function defineIntegTest(configuration: TestConfiguration): IntegTestApp {
  const app = createTestApp();
  const { stack, api } = addConfigurationStack(app, configuration);
  // The assertion imports the API's URL from the configuration's stack, and imports work only within one region.
  const assertionStack = new Stack(app, `${stackNameOf(configuration)}-assertions`, { env: TEST_ENV });
  const integ = new IntegTest(app, `${stackNameOf(configuration)}-integ`, {
    testCases: [stack],
    assertionStack,
    // The stacks are pinned to TEST_ENV's region, so a deployment can only happen there.
    regions: [TEST_ENV.region],
    // Any change to a container makes a new task definition revision: ECS deploys by replacing it.
    allowDestroy: ['AWS::ECS::TaskDefinition'],
  });
  if (configuration.reachableOnlyFromVpc) {
    // The assertion's function runs outside any VPC, where a PRIVATE API does not answer: it asks API
    // Gateway instead that the deployed API is PRIVATE, reachable only through VPC endpoints.
    integ.assertions
      .awsApiCall('APIGateway', 'getRestApi', { restApiId: (api as PrivateEcsRestApi).restApi.restApiId })
      .expect(ExpectedResult.objectLike({ endpointConfiguration: { types: ['PRIVATE'] } }));
    return { app, assertionStack };
  }
  const credentials = configuration.requestHeaders && { headers: { ...configuration.requestHeaders } };
  integ.assertions
    .httpApiCall(`${api.apiEndpoint}${configuration.publicPath ?? ''}`, credentials)
    .expect(ExpectedResult.objectLike({
      status: 200,
      body: Match.stringLikeRegexp(configuration.expectedBodyPattern),
    }))
    // New tasks take a few minutes to pass the load balancer's health checks.
    .waitForAssertions({ totalTimeout: Duration.minutes(10), interval: Duration.seconds(15) });
  if (credentials || configuration.publicPath !== undefined) {
    // And without them, the authorizer (or the API key check) turns the caller away before the service sees the request.
    integ.assertions
      .httpApiCall(api.apiEndpoint)
      .expect(ExpectedResult.objectLike({ status: configuration.unauthenticatedStatus ?? 401 }));
  }
  return { app, assertionStack };
}
