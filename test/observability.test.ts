import { Duration } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { Scenario } from './util';
import { logicalId, SAMPLE_IMAGE, synthesize } from './util';

describe('metrics', () => {
  let scenario: Scenario;
  beforeAll(() => {
    scenario = synthesize();
  });

  test.each([
    ['metricRequests', 'Count', 'SampleCount'],
    ['metricClientErrors', '4xx', 'Sum'],
    ['metricServerErrors', '5xx', 'Sum'],
    ['metricLatency', 'Latency', 'Average'],
    ['metricIntegrationLatency', 'IntegrationLatency', 'Average'],
  ] as const)('%s is the API stage\'s %s', (method, metricName, statistic) => {
    const { stack, api } = scenario;
    const metric = api[method]();
    expect(metric.namespace).toBe('AWS/ApiGateway');
    expect(metric.metricName).toBe(metricName);
    expect(metric.statistic).toBe(statistic);
    expect(stack.resolve(metric.dimensions)).toEqual({ ApiId: { Ref: logicalId(api.httpApi) }, Stage: '$default' });
  });

  test.each([
    ['metricCpuUtilization', 'AWS/ECS', 'CPUUtilization'],
    ['metricMemoryUtilization', 'AWS/ECS', 'MemoryUtilization'],
    ['metricTargetServerErrors', 'AWS/ApplicationELB', 'HTTPCode_Target_5XX_Count'],
    ['metricTargetResponseTime', 'AWS/ApplicationELB', 'TargetResponseTime'],
    ['metricUnhealthyTargets', 'AWS/ApplicationELB', 'UnHealthyHostCount'],
  ] as const)('%s is the service\'s %s %s', (method, namespace, metricName) => {
    const metric = scenario.api[method]();
    expect(metric.namespace).toBe(namespace);
    expect(metric.metricName).toBe(metricName);
  });

  test('metric options pass through', () => {
    const metric = scenario.api.metricLatency({ period: Duration.minutes(1), statistic: 'p99' });
    expect(metric.period.toMinutes()).toBe(1);
    expect(metric.statistic).toBe('p99');
  });
});

describe('recommended alarms', () => {
  let scenario: Scenario;
  beforeAll(() => {
    scenario = synthesize({ recommendedAlarms: true }, (api) => {
      api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders' });
    });
  });

  test('two for the API and four for each service', () => {
    scenario.template.resourceCountIs('AWS::CloudWatch::Alarm', 2 + 4 * 2);
    expect(scenario.api.alarms).toHaveLength(10);
  });

  test('the API 5xx rate, as a share of the requests', () => {
    scenario.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 5,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 3,
      TreatMissingData: 'notBreaching',
      Metrics: Match.arrayWith([Match.objectLike({ Expression: 'IF(requests > 0, 100 * errors / requests, 0)' })]),
    });
  });

  test('the API p99 latency', () => {
    scenario.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/ApiGateway', MetricName: 'Latency', ExtendedStatistic: 'p99', Threshold: 5000,
    });
  });

  test.each([
    ['UnHealthyHostCount', 1, 60],
    ['HTTPCode_Target_5XX_Count', 2, 60],
    ['CPUUtilization', 80, 300],
    ['MemoryUtilization', 80, 300],
  ])('%s of each service, from %p, over periods of %p seconds', (metricName, threshold, period) => {
    const alarms = scenario.template.findResources('AWS::CloudWatch::Alarm', { Properties: { MetricName: metricName, Threshold: threshold, Period: period } });
    expect(Object.keys(alarms)).toHaveLength(2);
  });

  test('the target alarms, which roll deployments back, go off after three minutes: inside the shortest bake time allowed', () => {
    for (const metricName of ['UnHealthyHostCount', 'HTTPCode_Target_5XX_Count']) {
      const alarms = Object.values(scenario.template.findResources('AWS::CloudWatch::Alarm', { Properties: { MetricName: metricName } }));
      for (const alarm of alarms) {
        expect(alarm.Properties.Period * alarm.Properties.EvaluationPeriods).toBeLessThanOrEqual(180);
      }
    }
  });

  test('no actions: they are for you to add', () => {
    for (const alarm of Object.values(scenario.template.findResources('AWS::CloudWatch::Alarm'))) {
      expect(alarm.Properties.AlarmActions).toBeUndefined();
    }
  });
});
