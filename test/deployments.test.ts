import { Duration } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { IApiService } from '../src';
import { ingressRulesOf } from './security-group-rules';
import type { Scenario } from './util';
import { build, getAtt, logicalId, newStack, ref, SAMPLE_IMAGE, synthesize } from './util';
import { defaultListenerRulePriority } from '../src/private/backends/load-balancer/listener-rule-priority';

const weightedForward = (primary: object, alternate: object) => [{
  Type: 'forward',
  ForwardConfig: { TargetGroups: [{ TargetGroupArn: primary, Weight: 100 }, { TargetGroupArn: alternate, Weight: 0 }] },
}];

/**
 * The default service deploys blue/green and an added one canary, with a test listener and the
 * recommended alarms: ECS shifts each service's listener rules between two target groups.
 */
describe('blue/green and canary deployments', () => {
  let scenario: Scenario;
  let orders: IApiService;
  beforeAll(() => {
    scenario = synthesize({ deploymentStrategy: ecs.DeploymentStrategy.BLUE_GREEN, testListenerPort: 8443, recommendedAlarms: true }, (api) => {
      orders = api.addService('Orders', {
        image: SAMPLE_IMAGE,
        pathPrefix: '/orders',
        containerPort: 8080,
        deploymentStrategy: ecs.DeploymentStrategy.CANARY,
        canaryConfiguration: { stepPercent: 10, stepBakeTime: Duration.minutes(5) },
        bakeTime: Duration.minutes(20),
      });
    });
  });

  test('a second target group per service, like the first: IP targets, the same health check', () => {
    const { template, api } = scenario;
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::TargetGroup', 4);
    template.allResourcesProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      TargetType: 'ip', Port: 80, HealthCheckPath: '/', VpcId: ref(api.vpc),
    });
    template.hasResourceProperties('AWS::ECS::Service', {
      LoadBalancers: [Match.objectLike({ ContainerPort: 8080, TargetGroupArn: ref(orders.targetGroup) })],
    });
    expect(api.alternateTargetGroup).toBeDefined();
    expect(logicalId(orders.alternateTargetGroup!)).toMatch(/OrdersAlternateTargetGroup/);
  });

  test('the default service moves to a catch-all rule at the last priority; the listener default action stays', () => {
    const { template, api } = scenario;
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      ListenerArn: ref(api.listener),
      Priority: 50000,
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/*'] } }],
      Actions: weightedForward(ref(api.targetGroup), ref(api.alternateTargetGroup!)),
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: ref(api.targetGroup) }],
    });
  });

  test("an added service's prefix rule forwards to both its target groups, weighted 100 and 0", () => {
    scenario.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      ListenerArn: ref(scenario.api.listener),
      Priority: defaultListenerRulePriority('Orders'),
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/orders', '/orders/*'] } }],
      Actions: weightedForward(ref(orders.targetGroup), ref(orders.alternateTargetGroup!)),
    });
  });

  test('the test listener has the same rules, for ECS to shift test traffic first', () => {
    const { template, api } = scenario;
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 8443, Protocol: 'HTTP' });
    const services = [
      [50000, api.targetGroup, api.alternateTargetGroup!],
      [defaultListenerRulePriority('Orders'), orders.targetGroup, orders.alternateTargetGroup!],
    ] as const;
    for (const [priority, primary, alternate] of services) {
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
        ListenerArn: ref(api.testListener!), Priority: priority, Actions: weightedForward(ref(primary), ref(alternate)),
      });
    }
  });

  test('each service names its alternate target group, production and test rules and the role ECS shifts with', () => {
    const { template, api } = scenario;
    template.hasResourceProperties('AWS::ECS::Service', {
      LoadBalancers: [{
        ContainerName: 'web',
        ContainerPort: 80,
        TargetGroupArn: ref(api.targetGroup),
        AdvancedConfiguration: {
          AlternateTargetGroupArn: ref(api.alternateTargetGroup!),
          ProductionListenerRule: { Ref: Match.stringLikeRegexp('^ApiLoadBalancerListenerDefaultRule') },
          TestListenerRule: { Ref: Match.stringLikeRegexp('^ApiLoadBalancerTestListenerDefaultRule') },
          RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiTrafficShiftRole'), 'Arn'] },
        },
      }],
    });
  });

  test('the strategy and bake time; the circuit breaker with BLUE_GREEN, which ECS supports it for, not with CANARY', () => {
    const { template } = scenario;
    template.hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({
        Strategy: 'BLUE_GREEN', BakeTimeInMinutes: 10, DeploymentCircuitBreaker: { Enable: true, Rollback: true },
      }),
    });
    template.hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({
        Strategy: 'CANARY',
        BakeTimeInMinutes: 20,
        CanaryConfiguration: { CanaryPercent: 10, CanaryBakeTimeInMinutes: 5 },
        DeploymentCircuitBreaker: Match.absent(),
      }),
    });
  });

  test('each shifting service depends on the role ECS shifts with and its policy, so they outlive it', () => {
    const { template } = scenario;
    for (const service of [scenario.api.service, orders.service]) {
      const dependsOn: string[] = template.toJSON().Resources[logicalId(service)].DependsOn;
      expect(dependsOn).toEqual(expect.arrayContaining([
        expect.stringMatching(/TrafficShiftRole[0-9A-F]{8}$/), expect.stringMatching(/TrafficShiftRoleDefaultPolicy/),
      ]));
    }
  });

  test('rolls back when the unhealthy-target or target-5xx alarm goes off, which watch both target groups', () => {
    const { template } = scenario;
    template.hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({
        Alarms: {
          AlarmNames: [{ Ref: Match.stringLikeRegexp('^ApiUnhealthyTargetsAlarm') }, { Ref: Match.stringLikeRegexp('^ApiTargetServerErrorsAlarm') }],
          Enable: true,
          Rollback: true,
        },
      }),
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: 'A task failed its load balancer health checks for three minutes',
      Period: Match.absent(),
      Metrics: Match.arrayWith([Match.objectLike({ Expression: 'FILL(unhealthy0, 0) + FILL(unhealthy1, 0)' })]),
    });
  });

  test("ECS's role may change only this service's rules, listeners and target groups", () => {
    const { template, api } = scenario;
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'ecs.amazonaws.com' } })] },
      ManagedPolicyArns: Match.absent(),
    });
    // Each action with the resources it is allowed on, however the statements are grouped
    // (@aws-cdk/aws-iam:minimizePolicies, which `cdk init` sets, merges them).
    const policy = Object.values(template.findResources('AWS::IAM::Policy'))
      .find(resource => /^ApiOrdersTrafficShiftRole/.test(resource.Properties.Roles[0].Ref))!;
    const allowed: Record<string, unknown[]> = {};
    for (const statement of policy.Properties.PolicyDocument.Statement) {
      for (const action of [statement.Action].flat()) {
        allowed[action] = [...(allowed[action] ?? []), ...[statement.Resource].flat()];
      }
    }
    const rules = [api.listener, api.testListener!].map(listener => ref(listener.node.findChild('OrdersRule')));
    expect(allowed).toEqual({
      'elasticloadbalancing:ModifyRule': expect.arrayContaining(rules),
      'elasticloadbalancing:ModifyListener': expect.arrayContaining([ref(api.listener), ref(api.testListener!)]),
      'elasticloadbalancing:RegisterTargets': expect.arrayContaining([ref(orders.targetGroup), ref(orders.alternateTargetGroup!)]),
      'elasticloadbalancing:DeregisterTargets': expect.arrayContaining([ref(orders.targetGroup), ref(orders.alternateTargetGroup!)]),
      'elasticloadbalancing:DescribeListeners': ['*'],
      'elasticloadbalancing:DescribeRules': ['*'],
      'elasticloadbalancing:DescribeTargetGroups': ['*'],
      'elasticloadbalancing:DescribeTargetHealth': ['*'],
    });
    for (const [action, resources] of Object.entries(allowed)) {
      expect(resources).toHaveLength(action.includes(':Describe') ? 1 : 2);
    }
  });

  test('the tasks of both target groups admit only the load balancer, and nothing reaches the test listener unasked', () => {
    const { template, api } = scenario;
    const loadBalancerGroup = api.loadBalancer.connections.securityGroups[0];
    expect(ingressRulesOf(template, logicalId(orders.service.connections.securityGroups[0]))).toEqual([
      expect.objectContaining({ FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: getAtt(loadBalancerGroup, 'GroupId') }),
    ]);
    expect(ingressRulesOf(template, logicalId(loadBalancerGroup))).toEqual([
      expect.objectContaining({ FromPort: 80, ToPort: 80, SourceSecurityGroupId: getAtt(api.node.findChild('VpcLinkSecurityGroup'), 'GroupId') }),
    ]);
  });
});

describe('deployment alarms and lifecycle hooks', () => {
  test('a rolling service rolls back on the alarms the user passes, and keeps its circuit breaker', () => {
    const stack = newStack();
    const alarm = cloudwatch.Alarm.fromAlarmName(stack, 'Errors', 'orders-errors');
    synthesize({ deploymentAlarms: [alarm] }, undefined, stack).template.hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({
        Strategy: Match.absent(),
        DeploymentCircuitBreaker: { Enable: true, Rollback: true },
        Alarms: { AlarmNames: ['orders-errors'], Enable: true, Rollback: true },
      }),
    });
  });

  test('lifecycle hooks reach ECS, and the hook may be let in to the test listener', () => {
    const stack = newStack();
    const hook = new lambda.Function(stack, 'SmokeTest', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ hookStatus: "SUCCEEDED" });'),
      vpc: new ec2.Vpc(stack, 'HookVpc', { natGateways: 0 }),
    });
    const { template, api } = synthesize({
      deploymentStrategy: ecs.DeploymentStrategy.LINEAR,
      linearConfiguration: { stepPercent: 25 },
      testListenerPort: 8443,
      lifecycleHooks: [new ecs.DeploymentLifecycleLambdaTarget(hook, 'SmokeTestHook', {
        lifecycleStages: [ecs.DeploymentLifecycleStage.POST_TEST_TRAFFIC_SHIFT],
      })],
    }, (built) => built.allowTestTraffic(hook), stack);
    template.hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({
        Strategy: 'LINEAR',
        LinearConfiguration: { StepPercent: 25 },
        LifecycleHooks: [Match.objectLike({ HookTargetArn: getAtt(hook, 'Arn'), LifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] })],
      }),
    });
    expect(ingressRulesOf(template, logicalId(api.loadBalancer.connections.securityGroups[0]))).toEqual(expect.arrayContaining([
      expect.objectContaining({ FromPort: 8443, ToPort: 8443, SourceSecurityGroupId: getAtt(hook.connections.securityGroups[0], 'GroupId') }),
    ]));
  });
});

describe('deployment validation', () => {
  test.each([
    ['bakeTime', { bakeTime: Duration.minutes(5) }],
    ['lifecycleHooks', { lifecycleHooks: [{ bind: () => ({ targetArn: 'arn', lifecycleStages: [] }) } as unknown as ecs.IDeploymentLifecycleHookTarget] }],
  ])('fails when %s comes with ROLLING', (prop, props) => {
    expect(() => build(props)).toThrow(
      `${prop} applies only to a deploymentStrategy that shifts traffic (BLUE_GREEN, CANARY or LINEAR), got ROLLING`);
  });

  test('fails when canaryConfiguration comes with another strategy', () => {
    expect(() => build({ deploymentStrategy: ecs.DeploymentStrategy.BLUE_GREEN, canaryConfiguration: { stepPercent: 5 } }))
      .toThrow('canaryConfiguration applies only to deploymentStrategy CANARY, got BLUE_GREEN');
  });

  test('fails when linearConfiguration comes with another strategy', () => {
    expect(() => build({ deploymentStrategy: ecs.DeploymentStrategy.CANARY, linearConfiguration: { stepPercent: 5 } }))
      .toThrow('linearConfiguration applies only to deploymentStrategy LINEAR, got CANARY');
  });

  test.each([
    [ecs.DeploymentStrategy.LINEAR, 'linearConfiguration', 2.5, 3],
    [ecs.DeploymentStrategy.LINEAR, 'linearConfiguration', 10.05, 3],
    [ecs.DeploymentStrategy.CANARY, 'canaryConfiguration', 0.05, 0.1],
    [ecs.DeploymentStrategy.CANARY, 'canaryConfiguration', 101, 0.1],
  ])('fails when %s has %s.stepPercent %p', (deploymentStrategy, prop, stepPercent, min) => {
    expect(() => build({ deploymentStrategy, [prop]: { stepPercent } }))
      .toThrow(`${prop}.stepPercent must be a multiple of 0.1 from ${min} to 100, got ${stepPercent}`);
  });

  test.each([['90 seconds', Duration.seconds(90)], ['1441 minutes', Duration.minutes(1441)]])('fails when bakeTime is %s', (_, bakeTime) => {
    expect(() => build({ deploymentStrategy: ecs.DeploymentStrategy.BLUE_GREEN, bakeTime }))
      .toThrow(/^bakeTime must be whole minutes from 0 to 1440 \(24 hours\), got/);
  });

  test('fails when a linear deployment would outlast what CloudFormation accepts', () => {
    const linearConfiguration = { stepPercent: 10, stepBakeTime: Duration.minutes(240) };
    expect(() => build({ deploymentStrategy: ecs.DeploymentStrategy.LINEAR, linearConfiguration }))
      .toThrow('bakeTime + 9 steps of linearConfiguration.stepBakeTime must not exceed 33 hours (CloudFormation refuses longer deployments), got 2170 minutes');
  });

  test('fails when a canary deployment would outlast what CloudFormation accepts', () => {
    expect(() => build({
      deploymentStrategy: ecs.DeploymentStrategy.CANARY,
      bakeTime: Duration.minutes(1440),
      canaryConfiguration: { stepBakeTime: Duration.minutes(600) },
    })).toThrow('bakeTime + canaryConfiguration.stepBakeTime must not exceed 33 hours (CloudFormation refuses longer deployments), got 2040 minutes');
  });

  test('fails when a shifting service scales on requests per target, which names one of its two target groups', () => {
    expect(() => build({
      deploymentStrategy: ecs.DeploymentStrategy.BLUE_GREEN,
      autoScaling: { minCapacity: 2, maxCapacity: 4, targetRequestsPerTarget: 100 },
    })).toThrow(/^autoScaling.targetRequestsPerTarget cannot be used with deploymentStrategy BLUE_GREEN/);
  });

  test.each([80, 0, 70000])('fails when testListenerPort is %p', (testListenerPort) => {
    expect(() => build({ testListenerPort, deploymentStrategy: ecs.DeploymentStrategy.BLUE_GREEN })).toThrow(/^testListenerPort must/);
  });

  test('fails at synth when there is a test listener but no service that shifts traffic', () => {
    expect(() => synthesize({ testListenerPort: 8443 }))
      .toThrow(/testListenerPort is set, but no service has a deploymentStrategy that shifts traffic/);
  });

  test('fails when test traffic is allowed without a test listener', () => {
    expect(() => build({}).allowTestTraffic(ec2.Peer.ipv4('10.0.0.0/16') as unknown as ec2.IConnectable))
      .toThrow('allowTestTraffic needs a test listener: set testListenerPort');
  });
});
