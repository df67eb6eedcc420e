import { Duration } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { PrivateEcsCloudMapHttpApi } from '../src';
import type { Scenario } from './util';
import { build, newStack, SAMPLE_IMAGE, synthesize } from './util';

const TUNED = {
  healthCheckInterval: Duration.seconds(30),
  healthCheckTimeout: Duration.seconds(10),
  healthyThresholdCount: 3,
  unhealthyThresholdCount: 5,
  healthyHttpCodes: '200,204',
  deregistrationDelay: Duration.seconds(120),
};

const TUNED_TARGET_GROUP = {
  HealthCheckIntervalSeconds: 30,
  HealthCheckTimeoutSeconds: 10,
  HealthyThresholdCount: 3,
  UnhealthyThresholdCount: 5,
  Matcher: { HttpCode: '200,204' },
  TargetGroupAttributes: Match.arrayWith([{ Key: 'deregistration_delay.timeout_seconds', Value: '120' }]),
};

describe('the load balancer\'s health check, by default', () => {
  test('checks every 15 seconds, healthy after 2 and unhealthy after 3, on 200-399, and drains for 30 seconds', () => {
    synthesize().template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      HealthCheckIntervalSeconds: 15,
      HealthCheckTimeoutSeconds: Match.absent(),
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 3,
      Matcher: { HttpCode: '200-399' },
      TargetGroupAttributes: Match.arrayWith([{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }]),
    });
  });
});

describe('a tuned health check', () => {
  let scenario: Scenario;
  beforeAll(() => {
    scenario = synthesize({ ...TUNED, deploymentStrategy: ecs.DeploymentStrategy.BLUE_GREEN }, api => {
      api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', healthCheckInterval: Duration.seconds(10), healthyHttpCodes: '200-299' });
    });
  });

  test('sets the default service\'s target group', () => {
    scenario.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', TUNED_TARGET_GROUP);
  });

  test('gives both target groups of a blue/green service the same settings', () => {
    const groups = scenario.template.findResources('AWS::ElasticLoadBalancingV2::TargetGroup', { Properties: { HealthCheckIntervalSeconds: 30 } });
    expect(Object.keys(groups)).toHaveLength(2);
    const [primary, alternate] = Object.values(groups).map(group => group.Properties);
    expect(alternate).toEqual(primary);
  });

  test('sets an added service\'s own, with the defaults it does not set', () => {
    scenario.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      HealthCheckIntervalSeconds: 10,
      HealthCheckTimeoutSeconds: Match.absent(),
      HealthyThresholdCount: 2,
      Matcher: { HttpCode: '200-299' },
      TargetGroupAttributes: Match.arrayWith([{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }]),
    });
  });

  test('allows a deregistration delay of 0', () => {
    synthesize({ deregistrationDelay: Duration.seconds(0) }).template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      TargetGroupAttributes: Match.arrayWith([{ Key: 'deregistration_delay.timeout_seconds', Value: '0' }]),
    });
  });
});

describe('a bad health check', () => {
  test('fails when healthCheckInterval is below 5 seconds', () => {
    expect(() => build({ healthCheckInterval: Duration.seconds(4) })).toThrow(/healthCheckInterval must be whole seconds between 5 and 300 \(the load balancer's limit\), got 4 seconds/);
  });

  test('fails when healthCheckInterval is above 300 seconds', () => {
    expect(() => build({ healthCheckInterval: Duration.minutes(6) })).toThrow(/healthCheckInterval must be whole seconds between 5 and 300/);
  });

  test('fails when healthCheckInterval is not whole seconds', () => {
    expect(() => build({ healthCheckInterval: Duration.millis(7500) })).toThrow(/healthCheckInterval must be whole seconds/);
  });

  test('fails when healthCheckTimeout is below 2 seconds', () => {
    expect(() => build({ healthCheckTimeout: Duration.seconds(1) })).toThrow(/healthCheckTimeout must be whole seconds between 2 and 120/);
  });

  test('fails when healthCheckTimeout is above 120 seconds', () => {
    expect(() => build({ healthCheckInterval: Duration.seconds(300), healthCheckTimeout: Duration.seconds(121) })).toThrow(/healthCheckTimeout must be whole seconds between 2 and 120/);
  });

  test('fails when healthCheckTimeout is not shorter than healthCheckInterval', () => {
    expect(() => build({ healthCheckInterval: Duration.seconds(10), healthCheckTimeout: Duration.seconds(10) }))
      .toThrow(/healthCheckInterval must be longer than the health check's timeout, got 10 seconds and healthCheckTimeout 10 seconds/);
  });

  test('fails when healthCheckInterval is not longer than the default timeout of 5 seconds', () => {
    expect(() => build({ healthCheckInterval: Duration.seconds(5) })).toThrow(/the load balancer's default healthCheckTimeout of 5 seconds/);
  });

  test('fails when healthyThresholdCount is below 2', () => {
    expect(() => build({ healthyThresholdCount: 1 })).toThrow(/healthyThresholdCount must be an integer between 2 and 10, got 1/);
  });

  test('fails when unhealthyThresholdCount is above 10', () => {
    expect(() => build({ unhealthyThresholdCount: 11 })).toThrow(/unhealthyThresholdCount must be an integer between 2 and 10, got 11/);
  });

  test('fails when healthyHttpCodes has a code below 200', () => {
    expect(() => build({ healthyHttpCodes: '100-299' })).toThrow(/healthyHttpCodes must be HTTP codes from 200 to 499.*got '100-299'/);
  });

  test('fails when healthyHttpCodes has a code above 499', () => {
    expect(() => build({ healthyHttpCodes: '200,500' })).toThrow(/healthyHttpCodes must be HTTP codes from 200 to 499/);
  });

  test('fails when healthyHttpCodes is not codes', () => {
    expect(() => build({ healthyHttpCodes: '2xx' })).toThrow(/healthyHttpCodes must be HTTP codes/);
  });

  test('fails when a healthyHttpCodes range is backwards', () => {
    expect(() => build({ healthyHttpCodes: '299-200' })).toThrow(/healthyHttpCodes must be HTTP codes/);
  });

  test('fails when deregistrationDelay is above 3600 seconds', () => {
    expect(() => build({ deregistrationDelay: Duration.hours(2) })).toThrow(/deregistrationDelay must be whole seconds between 0 and 3600 \(the load balancer's limit\), got 2 hours/);
  });

  test('fails for an added service too', () => {
    const api = build({});
    expect(() => api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', healthyThresholdCount: 20 })).toThrow(/healthyThresholdCount must be an integer between 2 and 10/);
  });
});

describe('the health check options with Cloud Map, which has no load balancer', () => {
  const HEALTH_CHECK: ecs.HealthCheck = { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] };
  const cloudMap = (options: object) => new PrivateEcsCloudMapHttpApi(newStack(), 'Api', { image: SAMPLE_IMAGE, containerHealthCheck: HEALTH_CHECK, ...options });

  test.each(Object.entries(TUNED))('refuses %s', (prop, value) => {
    expect(() => cloudMap({ [prop]: value })).toThrow(new RegExp(`${prop} tunes the load balancer's target group, and PrivateEcsCloudMapHttpApi has no load balancer`));
  });

  test('refuses them on an added service, naming it', () => {
    const api = cloudMap({});
    expect(() => api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', containerHealthCheck: HEALTH_CHECK, deregistrationDelay: Duration.seconds(5) }))
      .toThrow(/deregistrationDelay of service 'Orders' tunes the load balancer's target group.*got 5 seconds/);
  });
});
