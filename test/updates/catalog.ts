import { Duration, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer, HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as route53 from 'aws-cdk-lib/aws-route53';
import type {
  AddRestServiceOptions, AddServiceOptions, LoadBalancerOptions, PrivateEcsApiBaseProps, PrivateEcsCloudMapHttpApiProps,
  PrivateEcsHttpApiProps, PrivateEcsRestApiProps,
} from '../../src';
import { PrivateEcsCloudMapHttpApi, PrivateEcsHttpApi, PrivateEcsRestApi, RestAuthorization, TaskEgress } from '../../src';

/** The backend of an HTTP API configuration. */
export type HttpBackend = 'load balancer' | 'Cloud Map';

/** The construct a configuration uses: an HTTP API on either backend, or the REST API (`PrivateEcsRestApi`) on the load balancer. */
export type Backend = HttpBackend | 'REST API';

/** Props of every construct that need resources of the user's (a certificate, a hosted zone, roles), made in the stack. */
export type UserResource = 'custom domain' | 'custom domain only' | 'TLS to the load balancer' | 'task and execution roles';

/** The user resources of an HTTP API configuration: the common ones, and a JWT authorizer (which binds to one HTTP API). */
export type HttpUserResource = UserResource | 'JWT default authorizer';

/** The user resources of a REST API configuration: the common ones, and an `execute-api` interface endpoint of the user's VPC, imported. */
export type RestUserResource = UserResource | 'execute-api VPC endpoint';

/** One configuration of a deployed stack: an HTTP API's props and the services added to it. */
export interface HttpStackConfiguration {
  readonly backend: HttpBackend;
  readonly props?: Partial<PrivateEcsHttpApiProps>;
  readonly services?: readonly AddedService[];
  readonly uses?: readonly HttpUserResource[];
}

/** One configuration of a deployed stack: a `PrivateEcsRestApi`'s props, the services added to it, and its plans' API keys. */
export interface RestStackConfiguration {
  readonly backend: 'REST API';
  readonly props?: Partial<PrivateEcsRestApiProps>;
  readonly services?: readonly AddedRestService[];
  readonly uses?: readonly RestUserResource[];
  /** The API keys added with `api.addApiKey(plan, new apigw.ApiKey(stack, id))`: construct ids, by the plan's `name`. */
  readonly apiKeys?: { readonly [planName: string]: readonly string[] };
}

/** One configuration of a deployed stack. */
export type StackConfiguration = HttpStackConfiguration | RestStackConfiguration;

/** A service added with `addService`, by construct id. */
export interface AddedService {
  readonly id: string;
  readonly options?: Partial<AddServiceOptions>;
}

/** A service added to a `PrivateEcsRestApi` with `addService`, by construct id. */
export interface AddedRestService {
  readonly id: string;
  readonly options?: Partial<AddRestServiceOptions>;
}

/**
 * A change a user makes to a deployed stack: the configuration before and after. `forced` lists the
 * replacements of kept resources that AWS makes unavoidable, by resource type, with the AWS reason;
 * `touchesShiftedRule`, why the change must rewrite the listener rule whose weights ECS manages.
 * Both are said in the README's "Updating a deployed stack" table.
 */
export interface UpdateCase {
  readonly change: string;
  readonly before: StackConfiguration;
  readonly after: StackConfiguration;
  readonly forced?: { readonly [resourceType: string]: string };
  readonly touchesShiftedRule?: string;
  /** A brief gap in service that the change brings, though it replaces nothing: why, and how to avoid it. */
  readonly gap?: string;
  /** Why the change fails the update with PriorityInUse, when the user's own priorities make it so, and how to make it. */
  readonly clashes?: string;
}

const image = (tag: string) => ecs.ContainerImage.fromRegistry(`public.ecr.aws/ecs-sample-image/amazon-ecs-sample:${tag}`);
const IMAGE = image('1.0');
/** An image the tasks can pull through the VPC's ECR endpoints: Amazon ECR of the stack's Region. */
const REGIONAL_IMAGE = ecs.ContainerImage.fromRegistry('123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1');
const HEALTH_CHECK: ecs.HealthCheck = { command: ['CMD-SHELL', 'curl -fs http://localhost/ || exit 1'] };

const ALB: HttpStackConfiguration = { backend: 'load balancer' };
const CLOUD_MAP: HttpStackConfiguration = { backend: 'Cloud Map' };
const REST: RestStackConfiguration = { backend: 'REST API' };
const alb = (props: Partial<PrivateEcsHttpApiProps>, services?: readonly AddedService[]): HttpStackConfiguration =>
  ({ backend: 'load balancer', props, services });
const cloudMap = (props: Partial<PrivateEcsCloudMapHttpApiProps>, services?: readonly AddedService[]): HttpStackConfiguration =>
  ({ backend: 'Cloud Map', props, services });
const rest = (props: Partial<PrivateEcsRestApiProps>, services?: readonly AddedRestService[]): RestStackConfiguration =>
  ({ backend: 'REST API', props, services });
const service = (id: string, options: Partial<AddServiceOptions> = {}): AddedService =>
  ({ id, options: { pathPrefix: `/${id.toLowerCase()}`, ...options } });
const restService = (id: string, options: Partial<AddRestServiceOptions> = {}): AddedRestService =>
  ({ id, options: { pathPrefix: `/${id.toLowerCase()}`, ...options } });

const BLUE_GREEN = { deploymentStrategy: ecs.DeploymentStrategy.BLUE_GREEN };
const LINEAR = { deploymentStrategy: ecs.DeploymentStrategy.LINEAR };
const SCALING = { autoScaling: { minCapacity: 2, maxCapacity: 10 } };
const STRIP = { stripPathPrefix: true };
const SPOT = { fargateSpot: true };
const SPOT_MIX = { fargateSpot: true, onDemandBaseTaskCount: 2, onDemandPercent: 25 };
const TUNED_HEALTH_CHECK = {
  healthCheckInterval: Duration.seconds(30),
  healthCheckTimeout: Duration.seconds(10),
  healthyThresholdCount: 3,
  unhealthyThresholdCount: 5,
  healthyHttpCodes: '200-299',
  deregistrationDelay: Duration.seconds(120),
};

const using = (backend: HttpBackend, ...uses: HttpUserResource[]): HttpStackConfiguration => ({ backend, uses });
const restUsing = (props: Partial<PrivateEcsRestApiProps>, ...uses: RestUserResource[]): RestStackConfiguration => ({ backend: 'REST API', props, uses });

/** Stateless authorizers, safe to share between the stacks of every case (a JWT authorizer binds to one API). */
const IAM_AUTH = { authorizer: new HttpIamAuthorizer() };
const DUAL_STACK = { ipAddressType: apigwv2.IpAddressType.DUAL_STACK };

const WEB_ACL = (name: string) => `arn:aws:wafv2:us-east-1:123456789012:regional/webacl/${name}/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111`;

/**
 * The changes users make to deployed stacks, of each construct. Each runs without and with the
 * feature flags `cdk init` writes (test/updates/updates.test.ts).
 */
export const UPDATE_CASES: readonly UpdateCase[] = [
  { change: 'a new image tag', before: ALB, after: alb({ image: image('2.0') }) },
  { change: 'cpu and memory', before: ALB, after: alb({ cpu: 512, memoryLimitMiB: 1024 }) },
  { change: 'desiredCount', before: ALB, after: alb({ desiredCount: 4 }) },
  { change: 'auto scaling turned on', before: ALB, after: alb(SCALING) },
  { change: 'auto scaling turned off', before: alb(SCALING), after: ALB },
  { change: 'Fargate Spot turned on', before: ALB, after: alb({ fargateSpot: true }) },
  { change: 'Fargate Spot turned off', before: alb({ fargateSpot: true }), after: ALB },
  { change: 'ARM64 (Graviton)', before: ALB, after: alb({ cpuArchitecture: ecs.CpuArchitecture.ARM64 }) },
  { change: 'containerPort', before: ALB, after: alb({ containerPort: 8080 }) },
  { change: 'recommended alarms turned on', before: ALB, after: alb({ recommendedAlarms: true }) },
  { change: 'throttling limits', before: ALB, after: alb({ throttlingRateLimit: 500, throttlingBurstLimit: 1000 }) },
  { change: 'ROLLING to BLUE_GREEN (default service)', before: ALB, after: alb(BLUE_GREEN) },
  {
    change: 'BLUE_GREEN back to ROLLING (default service)',
    before: alb(BLUE_GREEN),
    after: ALB,
    touchesShiftedRule: 'the catch-all rule ECS shifts is deleted, and requests go to the primary target group: '
      + 'deploy the switch while the primary target group serves (see below), or requests answer 503 until the rolling deployment\'s tasks are healthy',
  },
  { change: 'ROLLING to LINEAR (added service)', before: alb({}, [service('Orders')]), after: alb({}, [service('Orders', LINEAR)]) },
  {
    change: 'LINEAR back to ROLLING (added service)',
    before: alb({}, [service('Orders', LINEAR)]),
    after: alb({}, [service('Orders')]),
    touchesShiftedRule: 'the rule becomes a plain forward to the primary target group: as for the default service, deploy the switch while the primary serves',
  },
  { change: 'a service added', before: ALB, after: alb({}, [service('Orders')]) },
  { change: 'a service added before the others', before: alb({}, [service('Orders')]), after: alb({}, [service('Reports'), service('Orders')]) },
  {
    change: 'the first of three services removed',
    before: alb({}, [service('Orders'), service('Reports'), service('Billing')]),
    after: alb({}, [service('Reports'), service('Billing')]),
  },
  { change: 'two services reordered', before: alb({}, [service('Orders'), service('Reports')]), after: alb({}, [service('Reports'), service('Orders')]) },
  {
    change: 'shifting services reordered',
    before: alb(BLUE_GREEN, [service('Orders', BLUE_GREEN), service('Reports', LINEAR)]),
    after: alb(BLUE_GREEN, [service('Reports', LINEAR), service('Orders', BLUE_GREEN)]),
  },
  {
    change: 'a shifting service added before the others',
    before: alb(BLUE_GREEN, [service('Orders', LINEAR)]),
    after: alb(BLUE_GREEN, [service('Reports', BLUE_GREEN), service('Orders', LINEAR)]),
  },
  { change: 'recommended alarms turned on for shifting services', before: alb(BLUE_GREEN, [service('Orders', LINEAR)]), after: alb({ ...BLUE_GREEN, recommendedAlarms: true }, [service('Orders', LINEAR)]) },
  {
    change: 'the first of two shifting services removed',
    before: alb(BLUE_GREEN, [service('Orders', BLUE_GREEN), service('Reports', BLUE_GREEN)]),
    after: alb(BLUE_GREEN, [service('Reports', BLUE_GREEN)]),
  },
  {
    change: 'a shifting service\'s pathPrefix changed',
    before: alb({}, [service('Orders', BLUE_GREEN)]),
    after: alb({}, [service('Orders', { ...BLUE_GREEN, pathPrefix: '/purchases' })]),
    touchesShiftedRule: 'CloudFormation updates the rule whole, and writes the template\'s 100/0 weights over those ECS set (aws/aws-cdk#36649): deploy it while the primary target group serves',
  },
  {
    change: 'a shifting service\'s listenerRulePriority set',
    before: alb({}, [service('Orders', BLUE_GREEN)]),
    after: alb({}, [service('Orders', { ...BLUE_GREEN, listenerRulePriority: 20 })]),
    touchesShiftedRule: 'a new priority is an update of the rule, which writes the template\'s 100/0 weights back: deploy it while the primary target group serves',
  },
  {
    change: 'two services\' listenerRulePriority swapped',
    before: alb({}, [service('Orders', { listenerRulePriority: 10 }), service('Reports', { listenerRulePriority: 20 })]),
    after: alb({}, [service('Orders', { listenerRulePriority: 20 }), service('Reports', { listenerRulePriority: 10 })]),
    clashes: 'each rule moves onto the priority the other still holds, and the load balancer refuses either update: move one to a free priority in one deploy, then swap',
  },
  { change: 'a service\'s listenerRulePriority set', before: alb({}, [service('Orders')]), after: alb({}, [service('Orders', { listenerRulePriority: 20 })]) },
  { change: 'a test listener added', before: alb(BLUE_GREEN), after: alb({ ...BLUE_GREEN, testListenerPort: 8080 }) },
  { change: 'a custom domain added', before: ALB, after: using('load balancer', 'custom domain') },
  { change: 'the execute-api endpoint turned off', before: using('load balancer', 'custom domain'), after: using('load balancer', 'custom domain only') },
  { change: 'an added service gets its own authorizer', before: alb({}, [service('Reports')]), after: alb({}, [service('Reports', IAM_AUTH)]) },
  {
    change: 'an added service gets scopes of its own under a JWT default',
    before: { ...alb({ defaultAuthorizationScopes: ['shop/read'] }, [service('Orders')]), uses: ['JWT default authorizer'] },
    after: { ...alb({ defaultAuthorizationScopes: ['shop/read'] }, [service('Orders', { authorizationScopes: ['shop/orders'] })]), uses: ['JWT default authorizer'] },
  },
  { change: 'the default service gets its own authorizer', before: ALB, after: alb(IAM_AUTH) },
  { change: 'dual-stack turned on', before: using('load balancer', 'custom domain'), after: { ...using('load balancer', 'custom domain'), props: DUAL_STACK } },
  { change: 'dual-stack turned off', before: { ...using('load balancer', 'custom domain'), props: DUAL_STACK }, after: using('load balancer', 'custom domain') },
  {
    change: 'TLS to the load balancer',
    before: ALB,
    after: using('load balancer', 'TLS to the load balancer'),
    gap: 'the listener moves from HTTP on 80 to HTTPS on 443 in place, and the integration and security group rules follow it in the same update: requests in the seconds between fail',
  },
  { change: 'a web ACL added', before: ALB, after: alb({ webAclArn: WEB_ACL('first') }) },
  {
    change: 'the web ACL changed',
    before: alb({ webAclArn: WEB_ACL('first') }),
    after: alb({ webAclArn: WEB_ACL('second') }),
    forced: {
      'AWS::WAFv2::WebACLAssociation': 'both its properties are create-only: CloudFormation associates the new web ACL, which takes the old one\'s place, '
        + 'then deletes the old association. WAF\'s DisassociateWebACL takes only the load balancer\'s ARN; CloudFormation\'s public handler calls it only '
        + 'while its own web ACL is attached, so the new one stays (AWS documents neither): after the deploy, check the load balancer\'s web ACL',
    },
  },
  { change: 'an on-demand base and share added to Spot', before: alb(SPOT), after: alb(SPOT_MIX) },
  { change: 'the on-demand base and share changed', before: alb(SPOT_MIX), after: alb({ ...SPOT, onDemandBaseTaskCount: 4, onDemandPercent: 50 }) },
  { change: 'Fargate Spot with an on-demand base turned on', before: ALB, after: alb(SPOT_MIX) },
  { change: 'Fargate Spot with an on-demand base turned off', before: alb(SPOT_MIX), after: ALB },
  { change: 'an added service\'s on-demand base added', before: alb({}, [service('Orders', SPOT)]), after: alb({}, [service('Orders', SPOT_MIX)]) },
  { change: 'the load balancer\'s health check tuned', before: ALB, after: alb(TUNED_HEALTH_CHECK) },
  { change: 'the load balancer\'s health check back to the defaults', before: alb(TUNED_HEALTH_CHECK), after: ALB },
  { change: 'a blue/green service\'s health check tuned', before: alb(BLUE_GREEN), after: alb({ ...BLUE_GREEN, ...TUNED_HEALTH_CHECK }) },
  { change: 'an added service\'s health check tuned', before: alb({}, [service('Orders')]), after: alb({}, [service('Orders', TUNED_HEALTH_CHECK)]) },
  { change: 'a new image tag', before: CLOUD_MAP, after: cloudMap({ image: image('2.0') }) },
  { change: 'cpu and memory', before: CLOUD_MAP, after: cloudMap({ cpu: 512, memoryLimitMiB: 1024 }) },
  { change: 'desiredCount', before: CLOUD_MAP, after: cloudMap({ desiredCount: 4 }) },
  { change: 'auto scaling turned on', before: CLOUD_MAP, after: cloudMap(SCALING) },
  { change: 'auto scaling turned off', before: cloudMap(SCALING), after: CLOUD_MAP },
  { change: 'Fargate Spot turned on', before: CLOUD_MAP, after: cloudMap({ fargateSpot: true }) },
  { change: 'Fargate Spot turned off', before: cloudMap({ fargateSpot: true }), after: CLOUD_MAP },
  { change: 'ARM64 (Graviton)', before: CLOUD_MAP, after: cloudMap({ cpuArchitecture: ecs.CpuArchitecture.ARM64 }) },
  { change: 'containerPort', before: CLOUD_MAP, after: cloudMap({ containerPort: 8080 }) },
  { change: 'recommended alarms turned on', before: CLOUD_MAP, after: cloudMap({ recommendedAlarms: true }) },
  { change: 'a service added', before: CLOUD_MAP, after: cloudMap({}, [service('Orders')]) },
  {
    change: 'the first of three services removed',
    before: cloudMap({}, [service('Orders'), service('Reports'), service('Billing')]),
    after: cloudMap({}, [service('Reports'), service('Billing')]),
  },
  { change: 'throttling limits', before: CLOUD_MAP, after: cloudMap({ throttlingRateLimit: 500, throttlingBurstLimit: 1000 }) },
  { change: 'two services reordered', before: cloudMap({}, [service('Orders'), service('Reports')]), after: cloudMap({}, [service('Reports'), service('Orders')]) },
  { change: 'a custom domain added', before: CLOUD_MAP, after: using('Cloud Map', 'custom domain') },
  { change: 'the execute-api endpoint turned off', before: using('Cloud Map', 'custom domain'), after: using('Cloud Map', 'custom domain only') },
  { change: 'stripPathPrefix turned on (added service)', before: alb({}, [service('Orders')]), after: alb({}, [service('Orders', STRIP)]) },
  { change: 'stripPathPrefix turned off (added service)', before: alb({}, [service('Orders', STRIP)]), after: alb({}, [service('Orders')]) },
  {
    change: 'stripPathPrefix turned on (shifting added service)',
    before: alb({}, [service('Orders', BLUE_GREEN)]),
    after: alb({}, [service('Orders', { ...BLUE_GREEN, ...STRIP })]),
    touchesShiftedRule: 'the transform is an update of the rules ECS shifts, which writes the template\'s 100/0 weights back: deploy it while the primary target group serves',
  },
  {
    change: 'stripPathPrefix turned off (shifting added service)',
    before: alb({}, [service('Orders', { ...BLUE_GREEN, ...STRIP })]),
    after: alb({}, [service('Orders', BLUE_GREEN)]),
    touchesShiftedRule: 'removing the transform is an update of the rules ECS shifts, which writes the template\'s 100/0 weights back: deploy it while the primary target group serves',
  },
  { change: 'stripPathPrefix turned on (added service)', before: cloudMap({}, [service('Orders')]), after: cloudMap({}, [service('Orders', STRIP)]) },
  { change: 'stripPathPrefix turned off (added service)', before: cloudMap({}, [service('Orders', STRIP)]), after: cloudMap({}, [service('Orders')]) },
  ...containerOptionCases('load balancer', alb),
  ...containerOptionCases('Cloud Map', cloudMap),
  // The dashboard: its body (a service's rows) updates in place. (A new DashboardName replaces it,
  // which loses nothing: it holds no data.) https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudwatch-dashboard.html
  { change: 'the dashboard turned on', before: alb({ recommendedAlarms: true }), after: alb({ recommendedAlarms: true, dashboard: true }) },
  { change: 'the dashboard turned off', before: alb({ recommendedAlarms: true, dashboard: true }), after: alb({ recommendedAlarms: true }) },
  { change: 'a service added to a stack with a dashboard', before: alb({ dashboard: true }), after: alb({ dashboard: true }, [service('Orders')]) },
  { change: 'the dashboard turned on', before: CLOUD_MAP, after: cloudMap({ dashboard: true }) },
  { change: 'the dashboard turned off', before: cloudMap({ dashboard: true }), after: CLOUD_MAP },
  { change: 'a service added to a stack with a dashboard', before: cloudMap({ dashboard: true }), after: cloudMap({ dashboard: true }, [service('Orders')]) },
  { change: 'an on-demand base and share added to Spot', before: cloudMap(SPOT), after: cloudMap(SPOT_MIX) },
  { change: 'Fargate Spot with an on-demand base turned off', before: cloudMap(SPOT_MIX), after: CLOUD_MAP },
  { change: 'an added service gets its own authorizer', before: cloudMap({}, [service('Reports')]), after: cloudMap({}, [service('Reports', IAM_AUTH)]) },
  {
    change: 'an added service gets scopes of its own under a JWT default',
    before: { ...cloudMap({ defaultAuthorizationScopes: ['shop/read'] }, [service('Orders')]), uses: ['JWT default authorizer'] },
    after: { ...cloudMap({ defaultAuthorizationScopes: ['shop/read'] }, [service('Orders', { authorizationScopes: ['shop/orders'] })]), uses: ['JWT default authorizer'] },
  },
  { change: 'the default service gets its own authorizer', before: CLOUD_MAP, after: cloudMap(IAM_AUTH) },
  { change: 'dual-stack turned on', before: using('Cloud Map', 'custom domain'), after: { ...using('Cloud Map', 'custom domain'), props: DUAL_STACK } },
  { change: 'dual-stack turned off', before: { ...using('Cloud Map', 'custom domain'), props: DUAL_STACK }, after: using('Cloud Map', 'custom domain') },
  ...restApiCases(),
];

/**
 * The container and task options, changed on either backend. Each but `enableExecuteCommand` is a new
 * task definition revision, which ECS deploys like a new image; `containerName` also changes the
 * container the service's LoadBalancers or ServiceRegistries name, which ECS updates in place: "When
 * you add, update, or remove a load balancer configuration, Amazon ECS starts new tasks with the
 * updated Elastic Load Balancing configuration", and a new registry configuration likewise.
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-serviceregistry.html
 */
function containerOptionCases(backend: HttpBackend, configure: (props: Partial<PrivateEcsHttpApiProps>) => HttpStackConfiguration): UpdateCase[] {
  const base: HttpStackConfiguration = { backend };
  return [
    { change: 'containerName', before: base, after: configure({ containerName: 'app' }) },
    { change: 'command and entryPoint', before: base, after: configure({ command: ['node', 'server.js'], entryPoint: ['/bin/sh', '-c'] }) },
    { change: 'dockerLabels', before: base, after: configure({ dockerLabels: { team: 'orders' } }) },
    { change: 'a logDriver of the user\'s', before: base, after: configure({ logDriver: ecs.LogDrivers.awsLogs({ streamPrefix: 'app' }) }) },
    { change: 'readonlyRootFilesystem turned on', before: base, after: configure({ readonlyRootFilesystem: true }) },
    { change: 'stopTimeout', before: base, after: configure({ stopTimeout: Duration.seconds(90) }) },
    { change: 'ephemeralStorageGiB', before: base, after: configure({ ephemeralStorageGiB: 50 }) },
    { change: 'a taskRole and executionRole of the user\'s', before: base, after: { backend, uses: ['task and execution roles'] } },
    { change: 'ECS Exec turned on (enableExecuteCommand)', before: base, after: configure({ enableExecuteCommand: true }) },
    {
      change: 'ECS Exec turned on with VPC endpoints',
      before: configure({ taskEgress: TaskEgress.VPC_ENDPOINTS, image: REGIONAL_IMAGE }),
      after: configure({ taskEgress: TaskEgress.VPC_ENDPOINTS, image: REGIONAL_IMAGE, enableExecuteCommand: true }),
    },
  ];
}

/**
 * The changes users make to a deployed `PrivateEcsRestApi`. Its backend is the load balancer's, so
 * the service, load balancer and listener changes are those of `PrivateEcsHttpApi`; what differs is
 * the front: every method change is a new AWS::ApiGateway::Deployment, by design (the kept types in
 * change-set.ts say why), and the stage moves to it in place.
 */
function restApiCases(): UpdateCase[] {
  const PLAN = { usagePlans: [{ name: 'partners', throttlingRateLimit: 10, throttlingBurstLimit: 20 }] };
  const withKeys = (...keys: string[]): RestStackConfiguration => ({ ...rest(PLAN), apiKeys: { partners: keys } });
  return [
    { change: 'a new image tag', before: REST, after: rest({ image: image('2.0') }) },
    { change: 'a service added', before: REST, after: rest({}, [restService('Orders')]) },
    { change: 'the first of two services removed', before: rest({}, [restService('Orders'), restService('Reports')]), after: rest({}, [restService('Reports')]) },
    {
      change: 'a service\'s pathPrefix changed',
      before: rest({}, [restService('Orders')]),
      after: rest({}, [restService('Orders', { pathPrefix: '/purchases' })]),
      forced: {
        'AWS::ApiGateway::Resource': 'a REST API\'s paths are its resources, whose PathPart and ParentId are create-only: CloudFormation creates '
          + '`/purchases` and `/purchases/{proxy+}`, the stage moves to a deployment that has them, and `/orders` goes to the default service '
          + '(`/{proxy+}`) from then on, as the listener rule, updated in place, does',
        'AWS::ApiGateway::Method': 'a method\'s ResourceId is create-only: the new resources\' methods are new, in the same deployment',
      },
    },
    { change: 'a web ACL added', before: REST, after: rest({ webAclArn: WEB_ACL('first') }) },
    {
      change: 'the web ACL changed',
      before: rest({ webAclArn: WEB_ACL('first') }),
      after: rest({ webAclArn: WEB_ACL('second') }),
      forced: {
        'AWS::WAFv2::WebACLAssociation': 'both its properties are create-only: CloudFormation associates the new web ACL with the stage, which '
          + 'takes the old one\'s place, then deletes the old association. WAF\'s DisassociateWebACL takes only the stage\'s ARN; '
          + 'CloudFormation\'s public handler calls it only while its own web ACL is attached, so the new one stays (AWS documents neither): '
          + 'after the deploy, check the stage\'s web ACL',
      },
    },
    { change: 'a usage plan added, with a key', before: REST, after: withKeys('PartnerKey') },
    { change: 'an API key removed from a plan of two keys', before: withKeys('FirstKey', 'SecondKey'), after: withKeys('SecondKey') },
    { change: 'apiKeyRequired turned on (default service, with a plan)', before: rest(PLAN), after: rest({ ...PLAN, apiKeyRequired: true }) },
    {
      change: 'endpointType REGIONAL to PRIVATE',
      before: REST,
      after: restUsing({ endpointType: apigw.EndpointType.PRIVATE }, 'execute-api VPC endpoint'),
      gap: 'callers outside the VPCs lose the API at once, by design; the resource policy that admits the endpoints takes effect only with a '
        + 'deployment (a new one, in the same update), so callers through them may be refused until the stage is on it',
    },
    { change: 'defaultAuthorization NONE to IAM', before: rest({ defaultAuthorization: RestAuthorization.none() }), after: rest({ defaultAuthorization: RestAuthorization.iam() }) },
    { change: 'tracingEnabled turned on', before: REST, after: rest({ tracingEnabled: true }) },
    { change: 'executionLogLevel set (with the account\'s CloudWatch role)', before: REST, after: rest({ executionLogLevel: apigw.MethodLoggingLevel.ERROR }) },
    {
      change: 'stageName changed',
      before: REST,
      after: rest({ stageName: 'v2' }),
      forced: {
        'AWS::ApiGateway::Stage': 'StageName is create-only '
          + '(https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-stage.html): CloudFormation '
          + 'creates the new stage on the same deployment and deletes the old one, and the URL changes, from `.../prod/` to `.../v2/`: '
          + 'clients of the old URL fail from then on',
      },
    },
    {
      change: 'stageName changed, under a web ACL',
      before: rest({ webAclArn: WEB_ACL('first') }),
      after: rest({ webAclArn: WEB_ACL('first'), stageName: 'v2' }),
      forced: {
        'AWS::ApiGateway::Stage': 'StageName is create-only, as above: the URL changes',
        'AWS::WAFv2::WebACLAssociation': 'its ResourceArn, the stage\'s, is create-only: the new stage gets an association of its own when it is '
          + 'created, and the old one is deleted before the old stage',
      },
    },
    {
      change: 'stageName changed, under a custom domain',
      before: restUsing({}, 'custom domain'),
      after: restUsing({ stageName: 'v2' }, 'custom domain'),
      forced: {
        'AWS::ApiGateway::Stage': 'StageName is create-only, as above: the `execute-api` URL changes; the custom domain\'s stays, as its base path '
          + 'mapping moves to the new stage in place',
      },
    },
    { change: 'ROLLING to BLUE_GREEN (default service)', before: REST, after: rest(BLUE_GREEN) },
    {
      change: 'TLS to the load balancer',
      before: REST,
      after: restUsing({}, 'TLS to the load balancer'),
      gap: 'the listener moves from HTTP on 80 to HTTPS on 443 in place, and the stage moves to the deployment whose methods call it in the same update: '
        + 'requests in the seconds between fail',
    },
    { change: 'a custom domain added', before: REST, after: restUsing({}, 'custom domain') },
    { change: 'the execute-api endpoint turned off', before: restUsing({}, 'custom domain'), after: restUsing({}, 'custom domain only') },
  ];
}

/** Builds a configuration in `stack`. */
export function buildConfiguration(stack: Stack, configuration: StackConfiguration): void {
  if (configuration.backend === 'REST API') {
    buildRestConfiguration(stack, configuration);
    return;
  }
  const uses = new Set(configuration.uses);
  let given: Partial<PrivateEcsHttpApiProps> = { ...configuration.props, ...userProps(stack, uses) };
  if (uses.has('JWT default authorizer')) {
    // An authorizer binds to one API: each stack's own.
    given = { ...given, defaultAuthorizer: new HttpJwtAuthorizer('Jwt', 'https://auth.example.com', { jwtAudience: ['shop-api'] }) };
  }
  if (configuration.backend === 'load balancer') {
    const api = new PrivateEcsHttpApi(stack, 'Api', { image: IMAGE, ...given });
    for (const added of configuration.services ?? []) {
      api.addService(added.id, { image: IMAGE, pathPrefix: `/${added.id.toLowerCase()}`, ...added.options });
    }
  } else {
    const api = new PrivateEcsCloudMapHttpApi(stack, 'Api', { image: IMAGE, containerHealthCheck: HEALTH_CHECK, ...given });
    for (const added of configuration.services ?? []) {
      api.addService(added.id, { image: IMAGE, pathPrefix: `/${added.id.toLowerCase()}`, containerHealthCheck: HEALTH_CHECK, ...added.options });
    }
  }
}

/** Builds a `PrivateEcsRestApi` configuration in `stack`, with its services and its plans' API keys. */
function buildRestConfiguration(stack: Stack, configuration: RestStackConfiguration): void {
  const uses = new Set(configuration.uses);
  let given: Partial<PrivateEcsRestApiProps> = { ...configuration.props, ...userProps(stack, uses) };
  if (uses.has('execute-api VPC endpoint')) {
    // The user's own endpoint, in a VPC of theirs, imported as a user would: the API's policy admits its id.
    given = {
      ...given,
      vpcEndpoints: [ec2.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes(stack, 'ExecuteApiEndpoint', { vpcEndpointId: 'vpce-0123456789abcdef0', port: 443 })],
    };
  }
  const api = new PrivateEcsRestApi(stack, 'Api', { image: IMAGE, ...given });
  for (const added of configuration.services ?? []) {
    api.addService(added.id, { image: IMAGE, pathPrefix: `/${added.id.toLowerCase()}`, ...added.options });
  }
  for (const [plan, keys] of Object.entries(configuration.apiKeys ?? {})) {
    for (const key of keys) {
      api.addApiKey(plan, new apigw.ApiKey(stack, key));
    }
  }
}

/** The props of the user resources that every construct takes. */
type UserProps = Partial<PrivateEcsApiBaseProps & LoadBalancerOptions>;

/** The props of the user resources every construct takes, made in `stack`. */
function userProps(stack: Stack, uses: ReadonlySet<HttpUserResource | RestUserResource>): UserProps {
  let given: UserProps = {};
  if (uses.has('custom domain') || uses.has('custom domain only')) {
    given = {
      ...given,
      domainName: 'api.example.com',
      domainCertificate: acm.Certificate.fromCertificateArn(stack, 'Certificate',
        'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555'),
      domainHostedZone: route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z23ABC4XYZL05B', zoneName: 'example.com' }),
      disableExecuteApiEndpoint: uses.has('custom domain only') ? true : undefined,
    };
  }
  if (uses.has('TLS to the load balancer')) {
    given = {
      ...given,
      loadBalancerCertificate: acm.Certificate.fromCertificateArn(stack, 'LoadBalancerCertificate',
        'arn:aws:acm:us-east-1:123456789012:certificate/66666666-7777-8888-9999-000000000000'),
      loadBalancerServerName: 'internal.example.com',
    };
  }
  if (uses.has('task and execution roles')) {
    // Roles of the user's own account, imported into the stack as a user would.
    const userRole = (id: string, name: string) => iam.Role.fromRoleArn(stack, id, `arn:aws:iam::123456789012:role/${name}`, { mutable: false });
    given = { ...given, taskRole: userRole('TaskRole', 'task'), executionRole: userRole('ExecutionRole', 'execution') };
  }
  return given;
}
