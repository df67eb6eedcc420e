import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { Construct } from 'constructs';
import type { StageMetrics } from '../api/service-front';
import { RELEASE_ALARMS } from '../props/defaults';

/** Sustained for three five-minute periods, so one slow deploy or one bad minute does not page anyone. */
const PERIOD = Duration.minutes(5);
// Every alarm goes off after three bad periods: the target alarms' count is what a bake time must fit.
const EVALUATION_PERIODS = RELEASE_ALARMS.evaluationPeriods;

/** The target alarms' period: they must go off within a deployment's bake time (`RELEASE_ALARMS`). */
const RELEASE_PERIOD = RELEASE_ALARMS.period;

/**
 * The API's alarms: 5% or more of the requests answered with a 5xx, and a p99 latency of
 * 5 seconds or more. Periods without requests are not breaching.
 */
export function createApiAlarms(scope: Construct, stage: StageMetrics): cloudwatch.Alarm[] {
  const serverErrorRate = new cloudwatch.MathExpression({
    expression: 'IF(requests > 0, 100 * errors / requests, 0)',
    usingMetrics: {
      errors: stage.metricServerError({ period: PERIOD, statistic: cloudwatch.Stats.SUM }),
      requests: stage.metricCount({ period: PERIOD, statistic: cloudwatch.Stats.SAMPLE_COUNT }),
    },
    period: PERIOD,
    label: 'API 5xx rate (%)',
  });
  return [
    alarm(scope, 'ApiServerErrorRateAlarm', serverErrorRate, 5, '5% or more of the API requests answered with a 5xx'),
    alarm(scope, 'ApiLatencyAlarm', stage.metricLatency({ period: PERIOD, statistic: cloudwatch.Stats.p(99) }), 5000,
      'API p99 latency of 5 seconds or more'),
  ];
}

/**
 * A load-balanced service's target alarms, signs of a bad release that roll its deployments back: a
 * target that fails its health checks, and 5xx answers from the targets. They watch every target
 * group the service's tasks serve from: with blue/green, canary or linear deployments the new tasks
 * are in the second.
 */
export function createTargetAlarms(scope: Construct, targetGroups: elbv2.ApplicationTargetGroup[]): cloudwatch.Alarm[] {
  const unhealthy = acrossTargetGroups(targetGroups, 'unhealthy',
    group => group.metrics.unhealthyHostCount({ period: RELEASE_PERIOD, statistic: cloudwatch.Stats.MAXIMUM }));
  const serverErrors = acrossTargetGroups(targetGroups, 'errors',
    group => group.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period: RELEASE_PERIOD, statistic: cloudwatch.Stats.SUM }));
  return [
    alarm(scope, 'UnhealthyTargetsAlarm', unhealthy, 1, 'A task failed its load balancer health checks for three minutes'),
    // Two a minute: the rate of the ten in five minutes a slower alarm would wait for.
    alarm(scope, 'TargetServerErrorsAlarm', serverErrors, 2, 'The service answered 2 or more requests a minute with a 5xx for three minutes'),
  ];
}

/** A service's load alarms, signs of load rather than of a bad release: CPU or memory at 80% or more. */
export function createLoadAlarms(scope: Construct, service: ecs.FargateService): cloudwatch.Alarm[] {
  return [
    alarm(scope, 'CpuAlarm', service.metricCpuUtilization({ period: PERIOD }), 80, 'Service CPU utilization at 80% or more'),
    alarm(scope, 'MemoryAlarm', service.metricMemoryUtilization({ period: PERIOD }), 80, 'Service memory utilization at 80% or more'),
  ];
}

/** The metric of one target group, or the sum of it over several (a group without data counting 0). */
function acrossTargetGroups(
  targetGroups: elbv2.ApplicationTargetGroup[],
  name: string,
  metric: (group: elbv2.ApplicationTargetGroup) => cloudwatch.IMetric,
): cloudwatch.IMetric {
  if (targetGroups.length === 1) {
    return metric(targetGroups[0]);
  }
  const usingMetrics = Object.fromEntries(targetGroups.map((group, index) => [`${name}${index}`, metric(group)]));
  return new cloudwatch.MathExpression({
    expression: Object.keys(usingMetrics).map(id => `FILL(${id}, 0)`).join(' + '),
    usingMetrics,
    period: RELEASE_PERIOD,
  });
}

function alarm(scope: Construct, id: string, metric: cloudwatch.IMetric, threshold: number, description: string): cloudwatch.Alarm {
  return new cloudwatch.Alarm(scope, id, {
    metric,
    threshold,
    evaluationPeriods: EVALUATION_PERIODS,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    alarmDescription: description,
  });
}
