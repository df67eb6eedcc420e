import { Match } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { IApiService } from '../src';
import { ingressRulesOf } from './security-group-rules';
import type { Scenario } from './util';
import { getAtt, logicalId, ref, synthesize } from './util';

/** Three services behind one load balancer and one API: the default one and two by path prefix. */
describe('several services behind one API', () => {
  let scenario: Scenario;
  let orders: IApiService;
  let payments: IApiService;
  beforeAll(() => {
    scenario = synthesize({}, (api) => {
      orders = api.addService('Orders', {
        image: ecs.ContainerImage.fromRegistry('example/orders:1.0'),
        pathPrefix: '/orders',
        containerPort: 8080,
        healthCheckPath: '/orders/health',
      });
      payments = api.addService('Payments', {
        image: ecs.ContainerImage.fromRegistry('example/payments:1.0'),
        pathPrefix: '/payments/v1',
        cpu: 512,
        desiredCount: 3,
      });
    });
  });

  test('three Fargate services in the same cluster, each with its own task definition and target group', () => {
    const { template, api } = scenario;
    template.resourceCountIs('AWS::ECS::Service', 3);
    template.resourceCountIs('AWS::ECS::TaskDefinition', 3);
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::TargetGroup', 3);
    for (const service of Object.values(template.findResources('AWS::ECS::Service'))) {
      expect(service.Properties.Cluster).toEqual(ref(api.cluster));
    }
  });

  test('one load balancer, listener, VPC link and integration for all of them', () => {
    const { template } = scenario;
    for (const type of ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancingV2::Listener',
      'AWS::ApiGatewayV2::VpcLink', 'AWS::ApiGatewayV2::Integration']) {
      template.resourceCountIs(type, 1);
    }
  });

  test('a listener rule per prefix, for the prefix and everything under it', () => {
    const { template, api } = scenario;
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      ListenerArn: ref(api.listener),
      Priority: 10,
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/orders', '/orders/*'] } }],
      Actions: [{ Type: 'forward', TargetGroupArn: ref(orders.targetGroup) }],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Priority: 20,
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/payments/v1', '/payments/v1/*'] } }],
      Actions: [{ Type: 'forward', TargetGroupArn: ref(payments.targetGroup) }],
    });
  });

  test('the default service still takes every other path', () => {
    scenario.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      DefaultActions: [{ Type: 'forward', TargetGroupArn: ref(scenario.api.targetGroup) }],
    });
  });

  test('API routes for each prefix and its sub-paths, all to the one integration', () => {
    const { template } = scenario;
    const routeKeys = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(route => route.Properties.RouteKey);
    expect(routeKeys.sort()).toEqual([
      'ANY /', 'ANY /orders', 'ANY /orders/{proxy+}', 'ANY /payments/v1', 'ANY /payments/v1/{proxy+}', 'ANY /{proxy+}',
    ]);
  });

  test('each service with its own options', () => {
    const { template } = scenario;
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Port: 8080, HealthCheckPath: '/orders/health' });
    template.hasResourceProperties('AWS::ECS::TaskDefinition', { Cpu: '512', Memory: '1024' });
    template.hasResourceProperties('AWS::ECS::Service', { DesiredCount: 3, LoadBalancers: [Match.objectLike({ TargetGroupArn: ref(payments.targetGroup) })] });
  });

  test('each service\'s tasks admit only the load balancer, on their own container port', () => {
    const { template, api } = scenario;
    const loadBalancerGroupId = getAtt(api.loadBalancer.connections.securityGroups[0], 'GroupId');
    expect(ingressRulesOf(template, logicalId(orders.service.connections.securityGroups[0]))).toEqual([
      expect.objectContaining({ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: loadBalancerGroupId }),
    ]);
    expect(ingressRulesOf(template, logicalId(payments.service.connections.securityGroups[0]))).toEqual([
      expect.objectContaining({ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, SourceSecurityGroupId: loadBalancerGroupId }),
    ]);
  });

  test('the added services are listed in order, under their own construct ids', () => {
    expect(scenario.api.services).toEqual([orders, payments]);
    expect(orders.pathPrefix).toBe('/orders');
    expect(orders.node.path).toBe('TestStack/Api/Orders');
  });
});
