import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import fc from 'fast-check';
import type { AddServiceOptions, ContainerServiceOptions, IApiService, IRestApiService, PrivateEcsHttpApiProps } from '../src';
import { PrivateEcsHttpApi, PrivateEcsRestApi, RestAuthorization, TaskEgress } from '../src';
import { ingressRulesOf } from './security-group-rules';
import { getAtt, logicalId, newStack, ref } from './util';

/**
 * Random combinations of props and added services, built as a user would. Whatever the
 * combination, the construct either refuses it with an error of its own or makes a template in
 * which the security-group chain holds, no address range is admitted, auto scaling keeps its
 * count, and every added service is reached by its own prefix. A failure prints fast-check's seed
 * and path; FC_SEED=<seed> reruns that case.
 */
const RUNS = 200;

/** Images the tasks can pull through VPC endpoints (ECR of the stack's Region), and ones they cannot. */
const IMAGES = [
  'public.ecr.aws/ecs-sample-image/amazon-ecs-sample:latest',
  'nginxinc/nginx-unprivileged:1.27-alpine',
  '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1',
  '123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:1',
  '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1',
];
const PREFIXES = ['/orders', '/orders/v1', '/payments', '/a.b', '/c', '/d', 'bad'];
const PATH_REWRITES = ['$request.path', '/v2$request.path', '$request.path.proxy', '/orders/legacy', '/payments/x$request.path'];

/** Mostly values the construct accepts, now and then one it must refuse, and often none at all. */
function sometimes<T>(valid: fc.Arbitrary<T>, invalid?: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof(
    { weight: 20, arbitrary: fc.constant(undefined) },
    { weight: 20, arbitrary: valid },
    ...(invalid ? [{ weight: 1, arbitrary: invalid }] : []),
  );
}

function asSeconds(seconds: number | undefined): Duration | undefined {
  return seconds === undefined ? undefined : Duration.seconds(seconds);
}

const serviceOptions: fc.Arbitrary<ContainerServiceOptions> = fc.record({
  image: fc.constantFrom(...IMAGES).map(name => ecs.ContainerImage.fromRegistry(name)),
  cpu: sometimes(fc.constantFrom(256, 512, 1024), fc.constant(300)),
  memoryLimitMiB: sometimes(fc.constantFrom(1024, 2048), fc.constant(700)),
  desiredCount: sometimes(fc.integer({ min: 0, max: 4 }), fc.constant(-1)),
  containerPort: sometimes(fc.constantFrom(80, 8080), fc.constantFrom(0, 70000)),
  healthCheckPath: sometimes(fc.constantFrom('/', '/health'), fc.constant('health')),
  cpuArchitecture: sometimes(fc.constantFrom(ecs.CpuArchitecture.X86_64, ecs.CpuArchitecture.ARM64)),
  fargateSpot: sometimes(fc.boolean()),
  minHealthyPercent: sometimes(fc.constantFrom(0, 50, 100)),
  maxHealthyPercent: sometimes(fc.constantFrom(100, 150, 200)),
  autoScaling: sometimes(fc.record({ minCapacity: fc.integer({ min: 0, max: 3 }), maxCapacity: fc.integer({ min: 3, max: 6 }) }),
    fc.record({ minCapacity: fc.constant(4), maxCapacity: fc.constant(2) })),
  integrationTimeout: sometimes(fc.integer({ min: 50, max: 30_000 }), fc.constantFrom(49, 30_001))
    .map(ms => ms === undefined ? undefined : Duration.millis(ms)),
  deploymentStrategy: sometimes(fc.constantFrom(
    ecs.DeploymentStrategy.ROLLING, ecs.DeploymentStrategy.BLUE_GREEN, ecs.DeploymentStrategy.CANARY, ecs.DeploymentStrategy.LINEAR)),
  parameterMapping: sometimes(fc.constantFrom(...PATH_REWRITES))
    .map(path => path === undefined ? undefined : new apigwv2.ParameterMapping().overwritePath(apigwv2.MappingValue.custom(path))),
  onDemandBaseTaskCount: sometimes(fc.integer({ min: 0, max: 3 })),
  onDemandPercent: sometimes(fc.constantFrom(0, 25, 50, 100), fc.constant(101)),
  healthCheckInterval: sometimes(fc.constantFrom(10, 15, 30), fc.constant(4)).map(asSeconds),
  healthCheckTimeout: sometimes(fc.constantFrom(2, 5)).map(asSeconds),
  healthyThresholdCount: sometimes(fc.integer({ min: 2, max: 10 })),
  unhealthyThresholdCount: sometimes(fc.integer({ min: 2, max: 10 })),
  healthyHttpCodes: sometimes(fc.constantFrom('200-399', '200,204', '200-299')),
  deregistrationDelay: sometimes(fc.constantFrom(0, 30, 300)).map(asSeconds),
}, { requiredKeys: ['image'] })
  // The on-demand share is refused without Spot (test/capacity.test.ts): given with Spot, mostly.
  .map(options => options.fargateSpot ? options : { ...options, onDemandBaseTaskCount: undefined, onDemandPercent: undefined });

const combination = fc.record({
  props: fc.tuple(serviceOptions, fc.record({
    taskEgress: sometimes(fc.constantFrom(TaskEgress.NAT_GATEWAY, TaskEgress.PUBLIC_IP, TaskEgress.VPC_ENDPOINTS)),
    natGateways: sometimes(fc.integer({ min: 1, max: 2 }), fc.constant(0)),
    dashboard: sometimes(fc.boolean()),
    dashboardName: sometimes(fc.constant('orders-api'), fc.constant('orders api')),
  }, { requiredKeys: [] })).map(([service, network]): PrivateEcsHttpApiProps => ({ ...service, ...network })),
  added: fc.array(fc.tuple(serviceOptions, fc.constantFrom(...PREFIXES), sometimes(fc.boolean()))
    .map(([options, pathPrefix, stripPathPrefix]): AddServiceOptions => ({ ...options, pathPrefix, stripPathPrefix })), { maxLength: 2 }),
});

interface Built {
  readonly api: PrivateEcsHttpApi;
  readonly added: IApiService[];
  readonly template: Template;
}

/** Builds the combination; returns undefined when the construct refused it, and fails on any other error. */
function buildOrRefuse(props: PrivateEcsHttpApiProps, addedOptions: AddServiceOptions[]): Built | undefined {
  try {
    const stack = newStack();
    const api = new PrivateEcsHttpApi(stack, 'Api', props);
    const added = addedOptions.map((options, index) => api.addService(`Service${index}`, options));
    return { api, added, template: Template.fromStack(stack) };
  } catch (error) {
    // aws-cdk-lib throws its own ValidationError types; the construct throws a plain Error that names the prop.
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('Error');
    expect((error as Error).message).toMatch(/^[a-zA-Z.]+ |^image '|^vpc|^taskEgress|^pathPrefix/);
    return undefined;
  }
}

function checkNoCidrIngress(template: Template): void {
  const groups = Object.values(template.findResources('AWS::EC2::SecurityGroup'));
  const rules = [
    ...groups.flatMap(group => group.Properties.SecurityGroupIngress ?? []),
    ...Object.values(template.findResources('AWS::EC2::SecurityGroupIngress')).map(rule => rule.Properties),
  ];
  expect(rules.filter(rule => rule.CidrIp !== undefined || rule.CidrIpv6 !== undefined)).toEqual([]);
}

/** The VPC link may reach only the listener; each service's tasks admit only the load balancer, on their port. */
function checkSecurityGroupChain({ api, added, template }: Built, props: PrivateEcsHttpApiProps, addedOptions: AddServiceOptions[]): void {
  const loadBalancerGroup = api.loadBalancer.connections.securityGroups[0];
  const vpcLinkGroup = api.node.findChild('VpcLinkSecurityGroup');
  expect(ingressRulesOf(template, logicalId(loadBalancerGroup))).toEqual([
    expect.objectContaining({ FromPort: api.listener.port, ToPort: api.listener.port, SourceSecurityGroupId: getAtt(vpcLinkGroup, 'GroupId') }),
  ]);
  const services = [{ service: api.service, port: props.containerPort ?? 80 }, ...added.map((item, index) => ({
    service: item.service, port: addedOptions[index].containerPort ?? 80,
  }))];
  for (const { service, port } of services) {
    expect(ingressRulesOf(template, logicalId(service.connections.securityGroups[0]))).toEqual([
      expect.objectContaining({ IpProtocol: 'tcp', FromPort: port, ToPort: port, SourceSecurityGroupId: getAtt(loadBalancerGroup, 'GroupId') }),
    ]);
  }
}

/** With a dashboard, every service has its rows on it, whenever it was added; without, there is none. */
function checkDashboard({ api, added, template }: Built): void {
  const dashboards = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
  if (!api.dashboard) {
    expect(dashboards).toEqual([]);
    return;
  }
  const body = JSON.stringify(dashboards.map(dashboard => dashboard.Properties.DashboardBody));
  for (const service of [api.service, ...added.map(item => item.service)]) {
    expect(body).toContain(JSON.stringify(getAtt(service, 'Name')));
  }
}

/** An autoscaled service carries a DesiredCount only when the user set one: a template value would reset it on each deploy. */
function checkDesiredCounts({ api, added, template }: Built, props: PrivateEcsHttpApiProps, addedOptions: AddServiceOptions[]): void {
  const services = [{ service: api.service, options: props as ContainerServiceOptions }, ...added.map((item, index) => ({
    service: item.service, options: addedOptions[index] as ContainerServiceOptions,
  }))];
  for (const { service, options } of services) {
    const desiredCount = template.toJSON().Resources[logicalId(service)].Properties.DesiredCount;
    if (options.autoScaling) {
      expect(desiredCount).toBe(options.desiredCount);
    } else {
      expect(desiredCount).toBe(options.desiredCount ?? 2);
    }
  }
}

/**
 * Each added service's routes go to its own integration, whose rewritten path (if any) stays under
 * its prefix, and a listener rule forwards that prefix to its target group; the default service's
 * rewritten path lands under no added prefix.
 */
function checkNoMisroute({ api, added, template }: Built, addedOptions: AddServiceOptions[]): void {
  const resources = template.toJSON().Resources;
  const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(route => route.Properties);
  const targetOf = (routeKey: string) => routes.find(route => route.RouteKey === routeKey)!.Target['Fn::Join'][1][1].Ref as string;
  const pathOf = (integrationId: string): string | undefined => resources[integrationId].Properties.RequestParameters?.['overwrite:path'];
  const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  for (const [index, service] of added.entries()) {
    const integration = targetOf(`ANY ${service.pathPrefix}`);
    expect(targetOf(`ANY ${service.pathPrefix}/{proxy+}`)).toBe(integration);
    expect(integration).not.toBe(targetOf('ANY /'));
    const path = pathOf(integration);
    if (path !== undefined) {
      expect(under(path.split('$')[0], service.pathPrefix)).toBe(true);
    }
    // Forwarding to the service's target group, alone (rolling) or weighted beside its second (blue/green, canary, linear).
    const rules = Object.values(template.findResources('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Properties: { ListenerArn: ref(api.listener), Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: [service.pathPrefix, `${service.pathPrefix}/*`] } }] },
    }));
    expect(rules).toHaveLength(1);
    expect(JSON.stringify(rules[0].Properties.Actions)).toContain(JSON.stringify(ref(service.targetGroup)));
    // A service that strips its prefix is called with the original path, which its rule rewrites.
    if (addedOptions[index].stripPathPrefix) {
      expect(path).toBeUndefined();
      expect(rules[0].Properties.Transforms).toEqual([{
        Type: 'url-rewrite',
        UrlRewriteConfig: { Rewrites: [{ Regex: `^${service.pathPrefix.replace(/\./g, '\\.')}/?`, Replace: '/' }] },
      }]);
    } else {
      expect(rules[0].Properties.Transforms).toBeUndefined();
    }
  }
  const defaultPath = pathOf(targetOf('ANY /'));
  if (defaultPath !== undefined) {
    expect(added.filter(service => under(defaultPath.split('$')[0], service.pathPrefix))).toEqual([]);
  }
  expect(api.services).toEqual(added);
}

test(`any combination of props and added services is refused by the construct or holds its guarantees (${RUNS} runs)`, () => {
  let synthesized = 0;
  fc.assert(fc.property(combination, ({ props, added: addedOptions }) => {
    const built = buildOrRefuse(props, addedOptions);
    if (!built) {
      return;
    }
    synthesized++;
    checkNoCidrIngress(built.template);
    checkSecurityGroupChain(built, props, addedOptions);
    checkDesiredCounts(built, props, addedOptions);
    checkNoMisroute(built, addedOptions);
    checkDashboard(built);
  }), { numRuns: RUNS, seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined });
  // The properties say nothing if every combination is refused.
  expect(synthesized).toBeGreaterThan(RUNS / 10);
});

/**
 * The REST API front: whatever services are added, with distinct prefixes (nested ones are refused,
 * test/rest-api.test.ts) and in whatever order, every method calls the load balancer over the VPC
 * link, the API's resources are exactly the prefixes, their parents and each one's {proxy+}, each
 * service's methods carry its own authorization and API key, and nothing but the deployment depends
 * on the order of the addService calls.
 */
const REST_RUNS = 20;

/** No prefix under another; two share the parent /payments, one is three segments deep. */
const REST_PREFIXES = ['/orders', '/payments/v1', '/payments/v2', '/a.b', '/reports/daily/summary'];

type RestAuthorizationName = 'none' | 'iam' | undefined;

interface RestServiceChoice {
  readonly pathPrefix: string;
  readonly stripPathPrefix?: boolean;
  readonly authorization: RestAuthorizationName;
  readonly apiKeyRequired?: boolean;
}

const restAuthorization = (name: RestAuthorizationName) =>
  name === undefined ? undefined : name === 'iam' ? RestAuthorization.iam() : RestAuthorization.none();
/** The CloudFormation AuthorizationType of each choice. */
const AUTHORIZATION_TYPES = { none: 'NONE', iam: 'AWS_IAM' } as const;

const restServices = fc.uniqueArray(fc.record({
  pathPrefix: fc.constantFrom(...REST_PREFIXES),
  stripPathPrefix: sometimes(fc.boolean()),
  authorization: fc.constantFrom<RestAuthorizationName>(undefined, 'none', 'iam'),
  apiKeyRequired: sometimes(fc.boolean()),
}, { requiredKeys: ['pathPrefix', 'authorization'] }), { selector: service => service.pathPrefix, maxLength: 3 })
  // The same services, each under the same construct id, added in another order.
  .chain(services => fc.tuple(fc.constant(services), fc.shuffledSubarray(services.map((_, index) => index),
    { minLength: services.length, maxLength: services.length })));

const restCombination = fc.record({
  defaultAuthorization: fc.constantFrom<RestAuthorizationName>('none', 'iam'),
  services: restServices,
});

interface RestBuilt {
  readonly api: PrivateEcsRestApi;
  readonly added: IRestApiService[];
  readonly template: Template;
}

function buildRest(defaultAuthorization: RestAuthorizationName, services: RestServiceChoice[], order: number[]): RestBuilt {
  const stack = newStack();
  const api = new PrivateEcsRestApi(stack, 'Api', {
    image: ecs.ContainerImage.fromRegistry(IMAGES[0]), defaultAuthorization: restAuthorization(defaultAuthorization),
  });
  const added: IRestApiService[] = [];
  for (const index of order) {
    const { pathPrefix, stripPathPrefix, authorization, apiKeyRequired } = services[index];
    added[index] = api.addService(`Service${index}`, {
      image: ecs.ContainerImage.fromRegistry(IMAGES[1]), pathPrefix, stripPathPrefix, apiKeyRequired, authorization: restAuthorization(authorization),
    });
  }
  return { api, added, template: Template.fromStack(stack) };
}

/** Whether a ParentId or ResourceId is the API's root resource; otherwise it must be a Ref of a resource. */
function isRoot(id: any, restApiId: string): boolean {
  if (id['Fn::GetAtt']) {
    expect(id['Fn::GetAtt']).toEqual([restApiId, 'RootResourceId']);
    return true;
  }
  expect(Object.keys(id)).toEqual(['Ref']);
  return false;
}

/** The full path of each REST resource, by its logical id. */
function restPaths(template: Template, restApiId: string): Map<string, string> {
  const resources = template.findResources('AWS::ApiGateway::Resource');
  const paths = new Map<string, string>();
  const pathOf = (id: string): string => {
    if (!paths.has(id)) {
      const { ParentId: parent, PathPart: part } = resources[id].Properties;
      paths.set(id, `${isRoot(parent, restApiId) ? '' : pathOf(parent.Ref)}/${part}`);
    }
    return paths.get(id)!;
  };
  Object.keys(resources).forEach(pathOf);
  return paths;
}

/** The prefixes, each of their parents, and the {proxy+} under each of them and under the root. */
function expectedRestPaths(prefixes: string[]): string[] {
  const paths = new Set(['/{proxy+}']);
  for (const prefix of prefixes) {
    const segments = prefix.split('/').slice(1);
    segments.forEach((_, index) => {
      const path = `/${segments.slice(0, index + 1).join('/')}`;
      paths.add(path).add(`${path}/{proxy+}`);
    });
  }
  return [...paths].sort();
}

function checkRestRouting({ api, added, template }: RestBuilt, defaultAuthorization: RestAuthorizationName, services: RestServiceChoice[]): void {
  const restApiId = logicalId(api.restApi);
  const paths = restPaths(template, restApiId);
  expect([...paths.values()].sort()).toEqual(expectedRestPaths(services.map(service => service.pathPrefix)));

  // One ANY method on the root and on every resource, each a proxy to the listener over the VPC link.
  const methods = Object.values(template.findResources('AWS::ApiGateway::Method')).map(method => method.Properties);
  const methodPath = (method: any): string => isRoot(method.ResourceId, restApiId) ? '/' : paths.get(method.ResourceId.Ref)!;
  expect(methods.map(methodPath).sort()).toEqual(['/', ...paths.values()].sort());
  const byPath = new Map(methods.map(method => [methodPath(method), method]));
  for (const method of methods) {
    expect(method).toMatchObject({
      HttpMethod: 'ANY',
      RestApiId: { Ref: restApiId },
      Integration: {
        Type: 'HTTP_PROXY',
        IntegrationHttpMethod: 'ANY',
        ConnectionType: 'VPC_LINK',
        ConnectionId: ref(api.vpcLink),
        IntegrationTarget: ref(api.loadBalancer),
      },
    });
  }

  // A service's two methods carry its own authorization (or the API's) and API key; every other the API's.
  const servicePaths = new Set<string>();
  for (const [index, service] of services.entries()) {
    expect(added[index].resource.path).toBe(service.pathPrefix);
    for (const path of [service.pathPrefix, `${service.pathPrefix}/{proxy+}`]) {
      servicePaths.add(path);
      const method = byPath.get(path)!;
      expect(method.AuthorizationType).toBe(AUTHORIZATION_TYPES[service.authorization ?? defaultAuthorization!]);
      expect(method.ApiKeyRequired ?? false).toBe(service.apiKeyRequired ?? false);
      expect(JSON.stringify(method.Integration.Uri)).toContain(`:80${path.replace('{proxy+}', '{proxy}')}`);
    }
    // And a listener rule forwards its prefix to its target group.
    const rules = Object.values(template.findResources('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Properties: { ListenerArn: ref(api.listener), Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: [service.pathPrefix, `${service.pathPrefix}/*`] } }] },
    }));
    expect(rules).toHaveLength(1);
    expect(JSON.stringify(rules[0].Properties.Actions)).toContain(JSON.stringify(ref(added[index].targetGroup)));
  }
  for (const [path, method] of byPath) {
    if (!servicePaths.has(path)) {
      expect(method.AuthorizationType).toBe(AUTHORIZATION_TYPES[defaultAuthorization!]);
    }
  }
  expect(Object.keys(template.findResources('AWS::ElasticLoadBalancingV2::ListenerRule'))).toHaveLength(services.length);
}

/**
 * The template with its deployment's logical id masked: aws-cdk-lib hashes the methods into it in
 * the order they were made, so another order of addService calls makes another deployment of the same
 * methods (the stage is redeployed, nothing else changes).
 */
function withoutDeploymentId(template: Template): unknown {
  const [deployment] = Object.keys(template.findResources('AWS::ApiGateway::Deployment'));
  return JSON.parse(JSON.stringify(template.toJSON()).split(deployment).join('<deployment>'));
}

test(`any REST API services with distinct prefixes, added in any order, are routed over the VPC link, each by its own prefix (${REST_RUNS} runs)`, () => {
  fc.assert(fc.property(restCombination, ({ defaultAuthorization, services: [services, order] }) => {
    const inOrder = buildRest(defaultAuthorization, services, services.map((_, index) => index));
    checkRestRouting(inOrder, defaultAuthorization, services);
    expect(inOrder.api.services).toEqual(inOrder.added);

    const shuffled = buildRest(defaultAuthorization, services, order);
    const priorities = (built: RestBuilt) => Object.fromEntries(Object.values(built.template.findResources('AWS::ElasticLoadBalancingV2::ListenerRule'))
      .map(rule => [rule.Properties.Conditions[0].PathPatternConfig.Values[0], rule.Properties.Priority]));
    expect(priorities(shuffled)).toEqual(priorities(inOrder));
    expect(withoutDeploymentId(shuffled.template)).toEqual(withoutDeploymentId(inOrder.template));
  }), { numRuns: REST_RUNS, seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined });
});
