import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { IApiService, ICloudMapApiService, PrivateEcsHttpApi } from '../src';
import { PrivateEcsCloudMapHttpApi } from '../src';
import { build, logicalId, newStack, SAMPLE_IMAGE, synthesize } from './util';

const HEALTH_CHECK: ecs.HealthCheck = { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] };

interface Widget {
  readonly type: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly properties: { readonly markdown?: string; readonly metrics?: unknown[][]; readonly alarms?: string[]; readonly title?: string };
}

/**
 * The widgets of the stack's one dashboard: its DashboardBody, a Fn::Join, with each reference
 * written as `Ref:<logical id>` or `GetAtt:<logical id>.<attribute>` (any other function as
 * `<token>`), parsed.
 */
function widgetsOf(template: Template): Widget[] {
  const dashboards = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
  expect(dashboards).toHaveLength(1);
  const body = dashboards[0].Properties.DashboardBody;
  const parts: unknown[] = typeof body === 'string' ? [body] : body['Fn::Join'][1];
  const text = parts.map(part => {
    if (typeof part === 'string') {
      return part;
    }
    const token = part as { 'Ref'?: string; 'Fn::GetAtt'?: [string, string] };
    if (token.Ref !== undefined) {
      return `Ref:${token.Ref}`;
    }
    return token['Fn::GetAtt'] ? `GetAtt:${token['Fn::GetAtt'][0]}.${token['Fn::GetAtt'][1]}` : '<token>';
  }).join('');
  return JSON.parse(text).widgets;
}

/** Every metric of every graph, as CloudWatch's `[namespace, name, dimension, value, ...]` arrays. */
function metricsOf(widgets: Widget[]): unknown[][] {
  return widgets.flatMap(widget => widget.properties.metrics ?? []);
}

/** The metric `[namespace, name, ...dimensions]` is graphed (its rendering options aside). */
function expectMetric(widgets: Widget[], ...metric: unknown[]): void {
  expect(metricsOf(widgets).map(m => m.slice(0, metric.length))).toContainEqual(metric);
}

function headerOf(widgets: Widget[], text: string): Widget {
  const header = widgets.find(widget => widget.type === 'text' && widget.properties.markdown!.includes(text));
  expect(header).toBeDefined();
  return header!;
}

describe('a dashboard with a load balancer, an added service and the recommended alarms', () => {
  let api: PrivateEcsHttpApi;
  let orders: IApiService;
  let stack: Stack;
  let widgets: Widget[];
  beforeAll(() => {
    const scenario = synthesize({ dashboard: true, recommendedAlarms: true }, added => {
      orders = added.addService('Orders', { pathPrefix: '/orders', image: SAMPLE_IMAGE });
    });
    api = scenario.api;
    stack = scenario.stack;
    widgets = widgetsOf(scenario.template);
  });

  test('is the construct\'s dashboard, with a name CloudFormation generates', () => {
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    expect(template.findResources('AWS::CloudWatch::Dashboard')[logicalId(api.dashboard!)].Properties.DashboardName).toBeUndefined();
  });

  test('opens with a header that names the construct and what the rows are', () => {
    expect(widgets[0]).toMatchObject({ type: 'text', x: 0, y: 0, width: 24 });
    expect(widgets[0].properties.markdown).toMatch(/^# TestStack\/Api\n.*hop by hop/);
  });

  test('graphs the API: requests, 4xx, 5xx, latency and integration latency of its $default stage', () => {
    const apiId = `Ref:${logicalId(api.httpApi)}`;
    for (const metricName of ['Count', '4xx', '5xx', 'Latency', 'IntegrationLatency']) {
      expectMetric(widgets, 'AWS/ApiGateway', metricName, 'ApiId', apiId, 'Stage', '$default');
    }
  });

  test('graphs the load balancer: its own 5xx, its targets\' and their response time', () => {
    const loadBalancer = `GetAtt:${logicalId(api.loadBalancer)}.LoadBalancerFullName`;
    for (const metricName of ['HTTPCode_ELB_5XX_Count', 'HTTPCode_Target_5XX_Count', 'TargetResponseTime']) {
      expectMetric(widgets, 'AWS/ApplicationELB', metricName, 'LoadBalancer', loadBalancer);
    }
  });

  test('graphs each target group: 5xx, response time, healthy and unhealthy targets', () => {
    for (const targetGroup of [api.targetGroup, orders.targetGroup]) {
      const group = `GetAtt:${logicalId(targetGroup)}.TargetGroupFullName`;
      for (const metricName of ['HTTPCode_Target_5XX_Count', 'TargetResponseTime', 'HealthyHostCount', 'UnHealthyHostCount']) {
        const ofGroup = metricsOf(widgets).filter(metric => metric[0] === 'AWS/ApplicationELB' && metric[1] === metricName && metric.includes(group));
        expect(ofGroup).not.toHaveLength(0);
      }
    }
  });

  test('graphs each service\'s CPU, memory and running tasks, the added one included', () => {
    const cluster = `Ref:${logicalId(api.cluster)}`;
    for (const service of [api.service, orders.service]) {
      const name = `GetAtt:${logicalId(service)}.Name`;
      expectMetric(widgets, 'AWS/ECS', 'CPUUtilization', 'ClusterName', cluster, 'ServiceName', name);
      expectMetric(widgets, 'AWS/ECS', 'MemoryUtilization', 'ClusterName', cluster, 'ServiceName', name);
      expectMetric(widgets, 'ECS/ContainerInsights', 'RunningTaskCount', 'ClusterName', cluster, 'ServiceName', name);
    }
  });

  test('follows a request down: API, load balancer, the default service, the added one', () => {
    const rows = ['### HTTP API', '### Application Load Balancer', '### ECS service **default**', '### ECS service **Orders** · /orders'];
    const ys = rows.map(text => headerOf(widgets, text).y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
  });

  test('shows the state of every recommended alarm, the added service\'s included, last', () => {
    const alarmWidgets = widgets.filter(widget => widget.type === 'alarm');
    expect(alarmWidgets).toHaveLength(1);
    const [states] = alarmWidgets;
    expect(states.properties.alarms).toEqual(api.alarms.map(alarm => `GetAtt:${logicalId(alarm)}.Arn`));
    expect(states.properties.alarms).toEqual(expect.arrayContaining(orders.alarms.map(alarm => `GetAtt:${logicalId(alarm)}.Arn`)));
    expect(states.y).toBe(Math.max(...widgets.map(widget => widget.y)));
  });

  test('lays every widget out inside the 24-unit grid, none over another', () => {
    const cells = new Set<string>();
    for (const widget of widgets) {
      expect(widget.x + widget.width).toBeLessThanOrEqual(24);
      for (let x = widget.x; x < widget.x + widget.width; x++) {
        for (let y = widget.y; y < widget.y + widget.height; y++) {
          expect(cells.has(`${x},${y}`)).toBe(false);
          cells.add(`${x},${y}`);
        }
      }
    }
  });
});

describe('a dashboard with Cloud Map', () => {
  let api: PrivateEcsCloudMapHttpApi;
  let orders: ICloudMapApiService;
  let template: Template;
  let widgets: Widget[];
  beforeAll(() => {
    const stack = newStack();
    api = new PrivateEcsCloudMapHttpApi(stack, 'Api', { image: SAMPLE_IMAGE, containerHealthCheck: HEALTH_CHECK, dashboard: true, dashboardName: 'orders-api' });
    orders = api.addService('Orders', { pathPrefix: '/orders', image: SAMPLE_IMAGE, containerHealthCheck: HEALTH_CHECK });
    template = Template.fromStack(stack);
    widgets = widgetsOf(template);
  });

  test('has the name given', () => {
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'orders-api' });
  });

  test('graphs the API, then each service\'s tasks, with no load balancer between', () => {
    expectMetric(widgets, 'AWS/ApiGateway', '5xx', 'ApiId', `Ref:${logicalId(api.httpApi)}`, 'Stage', '$default');
    expect(metricsOf(widgets).filter(metric => metric[0] === 'AWS/ApplicationELB')).toEqual([]);
    for (const service of [api.service, orders.service]) {
      expectMetric(widgets, 'AWS/ECS', 'CPUUtilization', 'ClusterName', `Ref:${logicalId(api.cluster)}`, 'ServiceName', `GetAtt:${logicalId(service)}.Name`);
    }
    expect(headerOf(widgets, '**Orders**').y).toBeGreaterThan(headerOf(widgets, '**default**').y);
  });

  test('shows no alarm states without the recommended alarms', () => {
    expect(widgets.filter(widget => widget.type === 'alarm')).toEqual([]);
  });
});

describe('without dashboard', () => {
  test('there is none', () => {
    const { api, template } = synthesize({ recommendedAlarms: true });
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 0);
    expect(api.dashboard).toBeUndefined();
  });

});

describe('a dashboard of other clusters and strategies', () => {
  test('a cluster without Container Insights gets no task-count graph, which only Container Insights has', () => {
    const widgets = widgetsOf(synthesize({ dashboard: true, containerInsights: false }).template);
    expect(metricsOf(widgets).filter(metric => metric[0] === 'ECS/ContainerInsights')).toEqual([]);
    expectMetric(widgets, 'AWS/ECS', 'CPUUtilization');
  });

  test('a blue/green service has both its target groups graphed', () => {
    const { api, template } = synthesize({ dashboard: true, deploymentStrategy: ecs.DeploymentStrategy.BLUE_GREEN, recommendedAlarms: true });
    const metrics = metricsOf(widgetsOf(template));
    for (const targetGroup of [api.targetGroup, api.alternateTargetGroup!]) {
      expect(metrics.filter(metric => metric[1] === 'HealthyHostCount' && metric.includes(`GetAtt:${logicalId(targetGroup)}.TargetGroupFullName`))).toHaveLength(1);
    }
  });
});

describe('dashboard props that are refused', () => {
  test('fails when dashboardName is given without dashboard', () => {
    expect(() => build({ dashboardName: 'orders' })).toThrow(/dashboardName has no effect when dashboard is not true/);
  });

  test('fails when dashboardName has a character CloudWatch refuses', () => {
    expect(() => build({ dashboard: true, dashboardName: 'orders api' })).toThrow(/dashboardName must be 1 to 255 letters, digits, "-" and "_", got 'orders api'/);
  });

  test('fails when dashboardName is longer than 255 characters', () => {
    expect(() => build({ dashboard: true, dashboardName: 'a'.repeat(256) })).toThrow(/dashboardName must be 1 to 255/);
  });

  test('fails when dashboardName is empty', () => {
    expect(() => build({ dashboard: true, dashboardName: '' })).toThrow(/dashboardName must be 1 to 255/);
  });
});
