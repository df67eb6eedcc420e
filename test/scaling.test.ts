import { Match } from 'aws-cdk-lib/assertions';
import { getAtt, SAMPLE_IMAGE, synthesize } from './util';

describe('auto scaling', () => {
  test('scales between min and max on 50% CPU when no target is given', () => {
    const { template } = synthesize({ desiredCount: 2, autoScaling: { minCapacity: 2, maxCapacity: 6 } });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      MinCapacity: 2, MaxCapacity: 6, ScalableDimension: 'ecs:service:DesiredCount',
    });
    template.resourceCountIs('AWS::ApplicationAutoScaling::ScalingPolicy', 1);
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
        TargetValue: 50,
      }),
    });
  });

  test('tracks requests per task on the load balancer, and CPU, when both are given', () => {
    const { template, api } = synthesize({
      desiredCount: 3,
      autoScaling: { minCapacity: 1, maxCapacity: 10, targetCpuUtilizationPercent: 70, targetRequestsPerTarget: 500 },
    });
    template.resourceCountIs('AWS::ApplicationAutoScaling::ScalingPolicy', 2);
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' }, TargetValue: 70,
      }),
    });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        PredefinedMetricSpecification: {
          PredefinedMetricType: 'ALBRequestCountPerTarget',
          ResourceLabel: {
            'Fn::Join': ['', [
              { 'Fn::Select': [1, { 'Fn::Split': ['/', { Ref: Match.stringLikeRegexp('^ApiLoadBalancerListener') }] }] }, '/',
              { 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: Match.stringLikeRegexp('^ApiLoadBalancerListener') }] }] }, '/',
              { 'Fn::Select': [3, { 'Fn::Split': ['/', { Ref: Match.stringLikeRegexp('^ApiLoadBalancerListener') }] }] }, '/',
              getAtt(api.targetGroup, 'TargetGroupFullName'),
            ]],
          },
        },
        TargetValue: 500,
      }),
    });
  });

  test('tracks only requests when only a request target is given', () => {
    const { template } = synthesize({ desiredCount: 1, autoScaling: { minCapacity: 1, maxCapacity: 3, targetRequestsPerTarget: 100 } });
    template.resourceCountIs('AWS::ApplicationAutoScaling::ScalingPolicy', 1);
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        PredefinedMetricSpecification: Match.objectLike({ PredefinedMetricType: 'ALBRequestCountPerTarget' }),
      }),
    });
  });

  // CloudFormation sends DesiredCount with every update of the service: a value in the template
  // would reset the count auto scaling has reached on each deploy (aws/aws-cdk#3919).
  test('leaves DesiredCount out of the template, so that a deploy keeps the count auto scaling reached', () => {
    const { template } = synthesize({ autoScaling: { minCapacity: 2, maxCapacity: 10 } });
    template.hasResourceProperties('AWS::ECS::Service', { DesiredCount: Match.absent() });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 2, MaxCapacity: 10 });
  });

  test('keeps a DesiredCount the user set with autoScaling', () => {
    synthesize({ desiredCount: 4, autoScaling: { minCapacity: 2, maxCapacity: 10 } })
      .template.hasResourceProperties('AWS::ECS::Service', { DesiredCount: 4 });
  });

  test('leaves DesiredCount out for an autoscaled added service too', () => {
    const { template } = synthesize({}, (api) => {
      api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', autoScaling: { minCapacity: 1, maxCapacity: 5 } });
    });
    const counts = Object.values(template.findResources('AWS::ECS::Service')).map(service => service.Properties.DesiredCount);
    expect(counts.sort()).toEqual([2, undefined]);
  });

  test('has no scaling without autoScaling', () => {
    synthesize().template.resourceCountIs('AWS::ApplicationAutoScaling::ScalableTarget', 0);
  });
});
