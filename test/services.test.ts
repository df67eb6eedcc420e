import { Duration } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { IApiService } from '../src';
import { ingressRulesOf } from './security-group-rules';
import type { Scenario } from './util';
import { build, getAtt, logicalId, ref, synthesize } from './util';
import { defaultListenerRulePriority } from '../src/private/backends/load-balancer/listener-rule-priority';

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

  test('one load balancer, listener and VPC link for all of them', () => {
    const { template } = scenario;
    for (const type of ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancingV2::Listener', 'AWS::ApiGatewayV2::VpcLink']) {
      template.resourceCountIs(type, 1);
    }
  });

  test('an integration of its own for each service, over the one VPC link to the one listener', () => {
    const { template, api } = scenario;
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', 3);
    for (const integration of Object.values(template.findResources('AWS::ApiGatewayV2::Integration'))) {
      expect(integration.Properties).toMatchObject({ ConnectionId: ref(api.vpcLink), IntegrationUri: ref(api.listener), IntegrationType: 'HTTP_PROXY' });
    }
  });

  test('a listener rule per prefix, for the prefix and everything under it, at a priority derived from the service id', () => {
    const { template, api } = scenario;
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      ListenerArn: ref(api.listener),
      Priority: defaultListenerRulePriority('Orders'),
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/orders', '/orders/*'] } }],
      Actions: [{ Type: 'forward', TargetGroupArn: ref(orders.targetGroup) }],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Priority: defaultListenerRulePriority('Payments'),
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/payments/v1', '/payments/v1/*'] } }],
      Actions: [{ Type: 'forward', TargetGroupArn: ref(payments.targetGroup) }],
    });
  });

  test('the default service still takes every other path', () => {
    scenario.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      DefaultActions: [{ Type: 'forward', TargetGroupArn: ref(scenario.api.targetGroup) }],
    });
  });

  test('API routes for each prefix and its sub-paths, each to its service\'s integration', () => {
    const { template } = scenario;
    const targets = Object.fromEntries(Object.values(template.findResources('AWS::ApiGatewayV2::Route'))
      .map(route => [route.Properties.RouteKey, route.Properties.Target['Fn::Join'][1][1].Ref]));
    expect(Object.keys(targets).sort()).toEqual([
      'ANY /', 'ANY /orders', 'ANY /orders/{proxy+}', 'ANY /payments/v1', 'ANY /payments/v1/{proxy+}', 'ANY /{proxy+}',
    ]);
    expect(targets['ANY /']).toMatch(/LoadBalancerIntegration/);
    expect(targets['ANY /{proxy+}']).toBe(targets['ANY /']);
    expect(targets['ANY /orders']).toMatch(/OrdersIntegration/);
    expect(targets['ANY /orders/{proxy+}']).toBe(targets['ANY /orders']);
    expect(targets['ANY /payments/v1/{proxy+}']).toMatch(/PaymentsIntegration/);
  });

  test('each service with its own options', () => {
    const { template } = scenario;
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Port: 80, HealthCheckPath: '/orders/health' });
    template.hasResourceProperties('AWS::ECS::Service', { LoadBalancers: [Match.objectLike({ ContainerPort: 8080, TargetGroupArn: ref(orders.targetGroup) })] });
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

/**
 * The load balancer routes added services by path, so a rewritten path decides which service a
 * request reaches: each service's mapping is its own, and one that would send requests to another
 * service is refused.
 */
describe('parameter mappings and timeouts per service', () => {
  const ordersImage = ecs.ContainerImage.fromRegistry('example/orders:1.0');
  const requestId = () => new apigwv2.ParameterMapping().appendHeader('x-request-id', apigwv2.MappingValue.contextVariable('requestId'));

  test("the default service's mapping and timeout stay on its own integration", () => {
    const { template } = synthesize({ parameterMapping: requestId(), integrationTimeout: Duration.seconds(5) }, (api) => {
      api.addService('Orders', { image: ordersImage, pathPrefix: '/orders', integrationTimeout: Duration.seconds(30) });
    });
    const integrations = Object.entries(template.findResources('AWS::ApiGatewayV2::Integration'));
    const byId = (pattern: RegExp) => integrations.find(([id]) => pattern.test(id))![1].Properties;
    expect(byId(/LoadBalancerIntegration/)).toMatchObject({ TimeoutInMillis: 5000, RequestParameters: { 'append:header.x-request-id': '$context.requestId' } });
    expect(byId(/OrdersIntegration/).TimeoutInMillis).toBe(30000);
    expect(byId(/OrdersIntegration/).RequestParameters).toBeUndefined();
  });

  test('an added service may rewrite its path within its prefix', () => {
    const parameterMapping = new apigwv2.ParameterMapping().overwritePath(apigwv2.MappingValue.custom('/orders/v2$request.path'));
    expect(() => build({}).addService('Orders', { image: ordersImage, pathPrefix: '/orders', parameterMapping })).not.toThrow();
  });

  test("fails when an added service's mapping strips its prefix: the default service would get its requests", () => {
    const parameterMapping = new apigwv2.ParameterMapping().overwritePath(apigwv2.MappingValue.custom('/v2/orders'));
    expect(() => build({}).addService('Orders', { image: ordersImage, pathPrefix: '/orders', parameterMapping })).toThrow(
      "parameterMapping of service 'Orders' overwrites the path with '/v2/orders', but the load balancer routes this service by its pathPrefix "
      + "'/orders': the requests would reach another service. Keep the new path under '/orders/', or set stripPathPrefix to send the service the path below its prefix.");
  });

  test("fails when an added service's mapping uses $request.path.proxy, which its route 'ANY /orders' does not have", () => {
    const parameterMapping = new apigwv2.ParameterMapping().overwritePath(apigwv2.MappingValue.custom('/orders/$request.path.proxy'));
    expect(() => build({}).addService('Orders', { image: ordersImage, pathPrefix: '/orders', parameterMapping }))
      .toThrow(/\$request.path.proxy is undefined on the routes without \{proxy\+\} \('ANY \/orders'\)/);
  });

  test("fails when the default service's mapping rewrites paths into an added service's prefix", () => {
    const parameterMapping = new apigwv2.ParameterMapping().overwritePath(apigwv2.MappingValue.custom('/orders/legacy$request.path'));
    const api = build({ parameterMapping });
    expect(() => api.addService('Orders', { image: ordersImage, pathPrefix: '/orders' })).toThrow(
      "parameterMapping overwrites the path with '/orders/legacy$request.path', which is under pathPrefix '/orders' of an added service");
  });
});

