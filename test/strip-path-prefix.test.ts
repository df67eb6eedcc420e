import { Match, Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { AddServiceOptions, PrivateEcsHttpApiProps } from '../src';
import { PrivateEcsCloudMapHttpApi } from '../src';
import { build, newStack, SAMPLE_IMAGE, synthesize } from './util';

// stripPathPrefix: an added service receives the path below its prefix. The load balancer rewrites the
// URL in the service's listener rules (a url-rewrite transform); with Cloud Map, the service's two
// integrations overwrite the path. Nothing is deployed here, so the rewrites are also played out on
// sample requests, with the regex and the path mappings the templates carry.

const HEALTH_CHECK = { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] };
const ORDERS: AddServiceOptions = { image: SAMPLE_IMAGE, pathPrefix: '/orders', stripPathPrefix: true };
const REQUEST_ID = () => new apigwv2.ParameterMapping().appendHeader('x-request-id', apigwv2.MappingValue.contextVariable('requestId'));

type Resource = { Properties: Record<string, any> };

/** A template's listener rules whose path patterns are `patterns`, in no particular order. */
function rulesFor(template: Template, patterns: string[]): Resource[] {
  return Object.values(template.findResources('AWS::ElasticLoadBalancingV2::ListenerRule') as Record<string, Resource>)
    .filter(rule => JSON.stringify(rule.Properties.Conditions) === JSON.stringify([{ Field: 'path-pattern', PathPatternConfig: { Values: patterns } }]));
}

/** An ALB path pattern (`*` any characters, `?` one) as a regex over the path alone, as conditions see it. */
const pathPattern = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);

/**
 * What a listener rule does with a request URL (path and query string): `undefined` when its
 * conditions do not match the path, else the URL its url-rewrite transform sends on. The load balancer
 * replaces the part of the URL the regex matches and keeps the rest, or sends the URL unchanged when
 * the regex does not match; `$1`-style groups are the only special replacement syntax, and the
 * construct's replacement has none (so JavaScript's `$&`-style patterns cannot differ from ELB's here).
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-transforms.html
 */
function forward(rule: Resource, url: string): string | undefined {
  const path = url.split('?')[0];
  const patterns: string[] = rule.Properties.Conditions[0].PathPatternConfig.Values;
  if (!patterns.some(pattern => pathPattern(pattern).test(path))) {
    return undefined;
  }
  const rewrites: Array<{ Regex: string; Replace: string }> = (rule.Properties.Transforms ?? [])
    .filter((transform: any) => transform.Type === 'url-rewrite')
    .flatMap((transform: any) => transform.UrlRewriteConfig.Rewrites);
  expect(rewrites.every(rewrite => !rewrite.Replace.includes('$'))).toBe(true);
  return rewrites.reduce((sent, rewrite) => sent.replace(new RegExp(rewrite.Regex), rewrite.Replace), url);
}

describe('with the load balancer, a rolling service that strips its prefix', () => {
  let template: Template;
  beforeAll(() => {
    ({ template } = synthesize({}, api => {
      api.addService('Orders', { ...ORDERS, parameterMapping: REQUEST_ID() });
      api.addService('Reports', { image: SAMPLE_IMAGE, pathPrefix: '/reports' });
    }));
  });

  test('has a listener rule that matches the prefix, then rewrites the URL', () => {
    const [rule] = rulesFor(template, ['/orders', '/orders/*']);
    expect(rule.Properties.Transforms).toEqual([{
      Type: 'url-rewrite',
      UrlRewriteConfig: { Rewrites: [{ Regex: '^/orders/?', Replace: '/' }] },
    }]);
  });

  test('receives the path below its prefix, with the query string', () => {
    const [rule] = rulesFor(template, ['/orders', '/orders/*']);
    expect(forward(rule, '/orders')).toBe('/');
    expect(forward(rule, '/orders/')).toBe('/');
    expect(forward(rule, '/orders?page=2')).toBe('/?page=2');
    expect(forward(rule, '/orders/items')).toBe('/items');
    expect(forward(rule, '/orders/a/b?x=1')).toBe('/a/b?x=1');
    expect(forward(rule, '/orders/a/orders/b')).toBe('/a/orders/b');
  });

  test('never sees a path that only starts like its prefix', () => {
    const [rule] = rulesFor(template, ['/orders', '/orders/*']);
    expect(forward(rule, '/ordersX')).toBeUndefined();
    expect(forward(rule, '/ordersX/items')).toBeUndefined();
    expect(forward(rule, '/reports/orders')).toBeUndefined();
  });

  test('is called with the original path: its integration overwrites nothing, and keeps the other mappings', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      RequestParameters: { 'append:header.x-request-id': '$context.requestId' },
    });
    for (const integration of Object.values(template.findResources('AWS::ApiGatewayV2::Integration'))) {
      expect(Object.keys(integration.Properties.RequestParameters ?? {})).not.toContain('overwrite:path');
    }
  });

  test('leaves the other services\' rules alone', () => {
    const [reports] = rulesFor(template, ['/reports', '/reports/*']);
    expect(reports.Properties.Transforms).toBeUndefined();
    expect(forward(reports, '/reports/daily')).toBe('/reports/daily');
  });
});

describe('with the load balancer, a blue/green service that strips its prefix', () => {
  let template: Template;
  beforeAll(() => {
    const props: Partial<PrivateEcsHttpApiProps> = { deploymentStrategy: ecs.DeploymentStrategy.BLUE_GREEN, testListenerPort: 8080 };
    ({ template } = synthesize(props, api => api.addService('Orders', { ...ORDERS, deploymentStrategy: ecs.DeploymentStrategy.BLUE_GREEN })));
  });

  test('rewrites the URL in the production rule and the test listener\'s rule that ECS shifts', () => {
    const rules = rulesFor(template, ['/orders', '/orders/*']);
    expect(rules).toHaveLength(2);
    for (const rule of rules) {
      expect(rule.Properties.Transforms).toEqual([{
        Type: 'url-rewrite',
        UrlRewriteConfig: { Rewrites: [{ Regex: '^/orders/?', Replace: '/' }] },
      }]);
      expect(rule.Properties.Actions[0].Type).toBe('forward');
      expect(forward(rule, '/orders/a/b?x=1')).toBe('/a/b?x=1');
      expect(forward(rule, '/orders')).toBe('/');
      expect(forward(rule, '/ordersX')).toBeUndefined();
    }
  });

  test('leaves the default service\'s catch-all rules without a transform', () => {
    for (const rule of rulesFor(template, ['/*'])) {
      expect(rule.Properties.Transforms).toBeUndefined();
    }
  });
});

describe('with the load balancer, the transform escapes the prefix', () => {
  test('a dot in the prefix matches only a dot', () => {
    const { template } = synthesize({}, api => api.addService('Legacy', { ...ORDERS, pathPrefix: '/v1.2' }));
    const [rule] = rulesFor(template, ['/v1.2', '/v1.2/*']);
    expect(rule.Properties.Transforms[0].UrlRewriteConfig.Rewrites).toEqual([{ Regex: '^/v1\\.2/?', Replace: '/' }]);
    expect(forward(rule, '/v1.2/items')).toBe('/items');
    expect(new RegExp(rule.Properties.Transforms[0].UrlRewriteConfig.Rewrites[0].Regex).test('/v1x2/items')).toBe(false);
  });
});

describe('with Cloud Map, a service that strips its prefix', () => {
  let template: Template;
  beforeAll(() => {
    const stack = newStack();
    const api = new PrivateEcsCloudMapHttpApi(stack, 'Api', { image: SAMPLE_IMAGE, containerHealthCheck: HEALTH_CHECK });
    api.addService('Orders', { ...ORDERS, containerHealthCheck: HEALTH_CHECK, parameterMapping: REQUEST_ID() });
    template = Template.fromStack(stack);
  });

  /** The RequestParameters of the integration the route `routeKey` targets. */
  const mappingOf = (routeKey: string): Record<string, string> => {
    const [route] = Object.values(template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: routeKey } }));
    const integrationId = route.Properties.Target['Fn::Join'][1][1].Ref;
    return template.toJSON().Resources[integrationId].Properties.RequestParameters;
  };

  /**
   * The path API Gateway sends for a request's path: the route's mapped path, with `$request.path.proxy`
   * the greedy parameter's value (the path below `/orders/`). The query string is not part of the path
   * and passes on unchanged.
   * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html
   */
  const sentPath = (path: string): string => {
    const proxy = path.match(/^\/orders\/(.+)$/);
    const mapped = proxy ? mappingOf('ANY /orders/{proxy+}')['overwrite:path'] : mappingOf('ANY /orders')['overwrite:path'];
    return mapped.replace('$request.path.proxy', proxy?.[1] ?? '');
  };

  test('gives each of its routes an integration that overwrites the path, and keeps its other mappings', () => {
    expect(mappingOf('ANY /orders')).toEqual({ 'overwrite:path': '/', 'append:header.x-request-id': '$context.requestId' });
    expect(mappingOf('ANY /orders/{proxy+}')).toEqual({ 'overwrite:path': '/$request.path.proxy', 'append:header.x-request-id': '$context.requestId' });
  });

  test('has two integrations that call its own tasks', () => {
    const stripping = Object.values(template.findResources('AWS::ApiGatewayV2::Integration', {
      Properties: { RequestParameters: Match.objectLike({ 'overwrite:path': Match.anyValue() }) },
    }));
    expect(stripping).toHaveLength(2);
    expect(stripping[0].Properties.IntegrationUri).toEqual(stripping[1].Properties.IntegrationUri);
    expect(JSON.stringify(stripping[0].Properties.IntegrationUri)).toMatch(/ApiOrdersServiceCloudmapService/);
  });

  test('receives the path below its prefix', () => {
    expect(sentPath('/orders')).toBe('/');
    expect(sentPath('/orders/items')).toBe('/items');
    expect(sentPath('/orders/a/b')).toBe('/a/b');
  });
});

describe('stripPathPrefix and a parameterMapping that overwrites the path', () => {
  const overwrite = () => new apigwv2.ParameterMapping().overwritePath(apigwv2.MappingValue.custom('/orders/v2$request.path'));

  test('fails with the load balancer: both would set the path the service receives', () => {
    expect(() => build({}).addService('Orders', { ...ORDERS, parameterMapping: overwrite() })).toThrow(
      "parameterMapping of service 'Orders' overwrites the path with '/orders/v2$request.path', but stripPathPrefix already sets the path the service receives");
  });

  test('fails with Cloud Map', () => {
    const api = new PrivateEcsCloudMapHttpApi(newStack(), 'Api', { image: SAMPLE_IMAGE, containerHealthCheck: HEALTH_CHECK });
    expect(() => api.addService('Orders', { ...ORDERS, containerHealthCheck: HEALTH_CHECK, parameterMapping: overwrite() }))
      .toThrow(/but stripPathPrefix already sets the path the service receives/);
  });

  test('the refusal of $request.path.proxy points to stripPathPrefix', () => {
    const proxy = new apigwv2.ParameterMapping().overwritePath(apigwv2.MappingValue.custom('/$request.path.proxy'));
    expect(() => build({}).addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', parameterMapping: proxy }))
      .toThrow(/or set stripPathPrefix to send the service the path below its prefix/);
  });
});

test('stripPathPrefix false is the default: the template of a service without it', () => {
  const plain = synthesize({}, api => api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders' })).template.toJSON();
  const off = synthesize({}, api => api.addService('Orders', { ...ORDERS, stripPathPrefix: false })).template.toJSON();
  expect(off).toEqual(plain);
});
