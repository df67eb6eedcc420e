import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { IApiService } from '../src';
import { PrivateEcsCloudMapHttpApi } from '../src';
import type { Scenario } from './util';
import { newStack, SAMPLE_IMAGE, synthesize } from './util';

const SCALING = { minCapacity: 2, maxCapacity: 10 };

describe('the scalable task count of a service with autoScaling', () => {
  let scenario: Scenario;
  let orders: IApiService;
  beforeAll(() => {
    scenario = synthesize({ autoScaling: SCALING }, api => {
      api.scalableTaskCount!.scaleOnSchedule('Nightly', {
        schedule: appscaling.Schedule.cron({ hour: '22', minute: '0' }),
        minCapacity: 1,
        maxCapacity: 2,
      });
      api.scalableTaskCount!.scaleOnMetric('QueueDepth', {
        metric: api.service.metricMemoryUtilization({ period: Duration.minutes(1) }),
        scalingSteps: [{ upper: 30, change: -1 }, { lower: 80, change: +2 }],
        adjustmentType: appscaling.AdjustmentType.CHANGE_IN_CAPACITY,
      });
      orders = api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', autoScaling: SCALING });
      orders.scalableTaskCount!.scaleOnSchedule('Weekend', {
        schedule: appscaling.Schedule.cron({ weekDay: 'SAT', hour: '0', minute: '0' }),
        minCapacity: 0,
      });
    });
  });

  test('is the one target auto scaling already registered, with its range', () => {
    scenario.template.resourceCountIs('AWS::ApplicationAutoScaling::ScalableTarget', 2);
    scenario.template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 2, MaxCapacity: 10 });
  });

  test('takes a scheduled action', () => {
    scenario.template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      ScheduledActions: [Match.objectLike({ Schedule: 'cron(0 22 * * ? *)', ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 2 } })],
    });
  });

  test('takes a step scaling policy beside the CPU target tracking', () => {
    scenario.template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', { PolicyType: 'StepScaling' });
    scenario.template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', { PolicyType: 'TargetTrackingScaling' });
  });

  test('is an added service\'s own', () => {
    expect(orders.scalableTaskCount).toBeDefined();
    expect(orders.scalableTaskCount).not.toBe(scenario.api.scalableTaskCount);
    scenario.template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      ScheduledActions: [Match.objectLike({ Schedule: 'cron(0 0 ? * SAT *)', ScalableTargetAction: { MinCapacity: 0 } })],
    });
  });
});

describe('the scalable task count of a service without autoScaling', () => {
  test('is undefined, for the default service and an added one', () => {
    let orders: IApiService | undefined;
    const { api } = synthesize({}, construct => {
      orders = construct.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders' });
    });
    expect(api.scalableTaskCount).toBeUndefined();
    expect(orders!.scalableTaskCount).toBeUndefined();
  });
});

describe('the scalable task count with Cloud Map', () => {
  test('is there too', () => {
    const stack = newStack();
    const healthCheck: ecs.HealthCheck = { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] };
    const api = new PrivateEcsCloudMapHttpApi(stack, 'Api', { image: SAMPLE_IMAGE, containerHealthCheck: healthCheck, autoScaling: SCALING });
    const orders = api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', containerHealthCheck: healthCheck, autoScaling: SCALING });
    api.scalableTaskCount!.scaleOnSchedule('Nightly', { schedule: appscaling.Schedule.cron({ hour: '22', minute: '0' }), maxCapacity: 2 });
    expect(orders.scalableTaskCount).toBeDefined();
    Template.fromStack(stack).hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      ScheduledActions: [Match.objectLike({ ScalableTargetAction: { MaxCapacity: 2 } })],
    });
  });
});
