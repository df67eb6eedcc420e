import { App, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { ECS_DISABLE_EXPLICIT_DEPLOYMENT_CONTROLLER_FOR_CIRCUIT_BREAKER } from 'aws-cdk-lib/cx-api';
import { PrivateEcsCloudMapHttpApi, PrivateEcsHttpApi } from '../src';
import { build, logicalId, newStack, SAMPLE_IMAGE, synthesize, withOwnContext } from './util';
import { defaultListenerRulePriority } from '../src/private/backends/load-balancer/listener-rule-priority';

// What keeps a deployed stack's next update in place; test/updates computes the updates themselves.

const priorities = (template: Template) => Object.values(template.findResources('AWS::ElasticLoadBalancingV2::ListenerRule'))
  .map(rule => rule.Properties.Priority as number);

describe('listener rule priorities of added services', () => {
  const withServices = (...ids: string[]) => synthesize({}, api => {
    for (const id of ids) {
      api.addService(id, { image: SAMPLE_IMAGE, pathPrefix: `/${id.toLowerCase()}` });
    }
  }).template;

  test('follow each service, not the order of the addService calls', () => {
    expect(priorities(withServices('Orders', 'Reports', 'Billing')).sort())
      .toEqual(priorities(withServices('Billing', 'Orders', 'Reports')).sort());
    expect(priorities(withServices('Reports', 'Billing'))).toEqual(
      expect.arrayContaining([defaultListenerRulePriority('Reports'), defaultListenerRulePriority('Billing')]));
  });

  test('are derived from 1000 to 49999, leaving 1 to 999 to the user\'s own rules and 50000 to the catch-all rule', () => {
    for (const id of ['Orders', 'Reports', 'A', 'a-very-long-service-id-with-many-characters', 'Ünïcode']) {
      expect(defaultListenerRulePriority(id)).toBeGreaterThanOrEqual(1000);
      expect(defaultListenerRulePriority(id)).toBeLessThanOrEqual(49999);
    }
  });

  test('can be set, and then apply to the production and the test listener', () => {
    const { template } = synthesize({ deploymentStrategy: ecs.DeploymentStrategy.BLUE_GREEN, testListenerPort: 8080 }, api => {
      api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', deploymentStrategy: ecs.DeploymentStrategy.BLUE_GREEN, listenerRulePriority: 7 });
    });
    expect(priorities(template).filter(priority => priority === 7)).toHaveLength(2);
  });

  test('fails when listenerRulePriority is already another service\'s', () => {
    const api = build({});
    api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', listenerRulePriority: 20 });
    expect(() => api.addService('Reports', { image: SAMPLE_IMAGE, pathPrefix: '/reports', listenerRulePriority: 20 }))
      .toThrow(/listenerRulePriority 20 of service 'Reports' is already that of service 'Orders'/);
  });

  test('fails when a set listenerRulePriority takes the derived priority of another service', () => {
    const api = build({});
    api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders' });
    expect(() => api.addService('Reports', { image: SAMPLE_IMAGE, pathPrefix: '/reports', listenerRulePriority: defaultListenerRulePriority('Orders') }))
      .toThrow(/is already that of service 'Orders': set listenerRulePriority on 'Reports', the service you are adding, to a free priority/);
  });

  test.each([0, 50000, 1.5, -3])('fails when listenerRulePriority is %p', priority => {
    expect(() => build({}).addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', listenerRulePriority: priority }))
      .toThrow(new RegExp(`listenerRulePriority of service 'Orders' must be an integer from 1 to 49999 \\(50000 is the default service's\\), got ${priority}`));
  });

  test('fails on the Cloud Map construct, which has no listener', () => {
    const api = new PrivateEcsCloudMapHttpApi(newStack(), 'Api', { image: SAMPLE_IMAGE });
    expect(() => api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', listenerRulePriority: 10 }))
      .toThrow(/listenerRulePriority of service 'Orders' orders a load balancer's listener rules, and PrivateEcsCloudMapHttpApi has no load balancer/);
  });
});

describe('capacity: a capacity provider strategy from the first deploy, so Spot turns on in place', () => {
  test('the construct\'s cluster gets the Fargate capacity providers, which every service depends on', () => {
    const { template, api } = synthesize({});
    template.hasResourceProperties('AWS::ECS::ClusterCapacityProviderAssociations', {
      CapacityProviders: Match.arrayWith(['FARGATE', 'FARGATE_SPOT']),
    });
    const association = Object.keys(template.findResources('AWS::ECS::ClusterCapacityProviderAssociations'))[0];
    expect(template.toJSON().Resources[logicalId(api.service)].DependsOn).toEqual(expect.arrayContaining([association]));
  });

  test('the user\'s ecs.Cluster gets them too', () => {
    const stack = newStack();
    const cluster = new ecs.Cluster(stack, 'UserCluster', { vpc: new ec2.Vpc(stack, 'UserVpc') });
    const { template } = synthesize({ cluster }, undefined, stack);
    template.hasResourceProperties('AWS::ECS::ClusterCapacityProviderAssociations', { CapacityProviders: Match.arrayWith(['FARGATE']) });
    template.hasResourceProperties('AWS::ECS::Service', { CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }] });
  });

  test('an imported cluster, which cannot be given them, keeps the FARGATE launch type', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'UserVpc');
    const cluster = ecs.Cluster.fromClusterAttributes(stack, 'Imported', { clusterName: 'shared', vpc });
    const { template } = synthesize({ cluster }, undefined, stack);
    template.hasResourceProperties('AWS::ECS::Service', { LaunchType: 'FARGATE', CapacityProviderStrategy: Match.absent() });
  });
});

describe('the deployment controller does not change with the strategy', () => {
  const controllers = (flag: boolean) => [ecs.DeploymentStrategy.ROLLING, ecs.DeploymentStrategy.BLUE_GREEN, ecs.DeploymentStrategy.LINEAR]
    .map(deploymentStrategy => withOwnContext(() => {
      const app = new App({ context: { [ECS_DISABLE_EXPLICIT_DEPLOYMENT_CONTROLLER_FOR_CIRCUIT_BREAKER]: flag } });
      const stack = new Stack(app, 'Stack');
      new PrivateEcsHttpApi(stack, 'Api', { image: SAMPLE_IMAGE, deploymentStrategy });
      return Object.values(Template.fromStack(stack).findResources('AWS::ECS::Service'))[0].Properties.DeploymentController;
    }));

  test('without the flag disableExplicitDeploymentControllerForCircuitBreaker, ECS for every strategy', () => {
    expect(controllers(false)).toEqual([{ Type: 'ECS' }, { Type: 'ECS' }, { Type: 'ECS' }]);
  });

  test('with it, as cdk init sets it, none for every strategy', () => {
    expect(controllers(true)).toEqual([undefined, undefined, undefined]);
  });
});

describe('the recommended alarms fit inside the bake time', () => {
  test('fails when bakeTime is shorter than the five minutes the target alarms need to go off', () => {
    expect(() => build({ deploymentStrategy: ecs.DeploymentStrategy.BLUE_GREEN, bakeTime: Duration.minutes(4), recommendedAlarms: true }))
      .toThrow(/^bakeTime must be at least 5 minutes with recommendedAlarms, got 4 minutes: the target alarms .* go off after 3 bad minutes/);
  });

  test('fails for an added service too', () => {
    const api = build({ recommendedAlarms: true });
    expect(() => api.addService('Orders', {
      image: SAMPLE_IMAGE, pathPrefix: '/orders', deploymentStrategy: ecs.DeploymentStrategy.BLUE_GREEN, bakeTime: Duration.minutes(1),
    })).toThrow(/^bakeTime of service 'Orders' must be at least 5 minutes with recommendedAlarms, got 1 minute/);
  });

  test('accepts five minutes, and any bake time without the recommended alarms', () => {
    const blueGreen = ecs.DeploymentStrategy.BLUE_GREEN;
    expect(() => build({ deploymentStrategy: blueGreen, bakeTime: Duration.minutes(5), recommendedAlarms: true })).not.toThrow();
    expect(() => build({ deploymentStrategy: ecs.DeploymentStrategy.BLUE_GREEN, bakeTime: Duration.minutes(1) })).not.toThrow();
  });
});

describe('failure detection on every strategy', () => {
  test('a canary or linear service without alarms or hooks, which the circuit breaker does not cover, warns', () => {
    const { stack } = synthesize({ deploymentStrategy: ecs.DeploymentStrategy.LINEAR });
    Annotations.fromStack(stack).hasWarning('/TestStack/Api', Match.stringLikeRegexp(
      'deploymentStrategy LINEAR has no circuit breaker, and this service has no deploymentAlarms, recommendedAlarms or lifecycleHooks'));
  });

  test('with the recommended alarms it does not', () => {
    const { stack } = synthesize({ deploymentStrategy: ecs.DeploymentStrategy.CANARY, recommendedAlarms: true });
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('has no circuit breaker'));
  });
});
