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
 * One service's alarms: a target that fails its health checks, 5xx answers from the targets,
 * and CPU or memory at 80% or more.
 */
export function createServiceAlarms(
  scope: Construct,
  service: ecs.FargateService,
  targetGroup: elbv2.ApplicationTargetGroup,
): cloudwatch.Alarm[] {
  const metrics = targetGroup.metrics;
  return [
    alarm(scope, 'UnhealthyTargetsAlarm', metrics.unhealthyHostCount({ period: PERIOD, statistic: cloudwatch.Stats.MAXIMUM }), 1,
      'A task is failing its load balancer health checks'),
    alarm(scope, 'TargetServerErrorsAlarm',
      metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period: PERIOD, statistic: cloudwatch.Stats.SUM }), 10,
      'The service answered 10 or more requests with a 5xx in five minutes'),
    alarm(scope, 'CpuAlarm', service.metricCpuUtilization({ period: PERIOD }), 80, 'Service CPU utilization at 80% or more'),
    alarm(scope, 'MemoryAlarm', service.metricMemoryUtilization({ period: PERIOD }), 80, 'Service memory utilization at 80% or more'),
  ];
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
