import { Duration } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { Construct } from 'constructs';

/** Sustained for three five-minute periods, so one slow deploy or one bad minute does not page anyone. */
const PERIOD = Duration.minutes(5);
const EVALUATION_PERIODS = 3;

/**
 * The API's alarms: 5% or more of the requests answered with a 5xx, and a p99 latency of
 * 5 seconds or more. Periods without requests are not breaching.
 */
export function createApiAlarms(scope: Construct, stage: apigwv2.IHttpStage): cloudwatch.Alarm[] {
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
    group => group.metrics.unhealthyHostCount({ period: PERIOD, statistic: cloudwatch.Stats.MAXIMUM }));
  const serverErrors = acrossTargetGroups(targetGroups, 'errors',
    group => group.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period: PERIOD, statistic: cloudwatch.Stats.SUM }));
  return [
    alarm(scope, 'UnhealthyTargetsAlarm', unhealthy, 1, 'A task is failing its load balancer health checks'),
    alarm(scope, 'TargetServerErrorsAlarm', serverErrors, 10, 'The service answered 10 or more requests with a 5xx in five minutes'),
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
    period: PERIOD,
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
