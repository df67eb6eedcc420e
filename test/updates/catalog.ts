import { Duration, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer, HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as route53 from 'aws-cdk-lib/aws-route53';
import type { AddServiceOptions, PrivateEcsCloudMapHttpApiProps, PrivateEcsHttpApiProps } from '../../src';
import { PrivateEcsCloudMapHttpApi, PrivateEcsHttpApi, TaskEgress } from '../../src';

/** The backend a configuration uses. */
export type Backend = 'load balancer' | 'Cloud Map';

/** Props that need resources of the user's (a certificate, a hosted zone), made in the stack. */
export type UserResource = 'custom domain' | 'custom domain only' | 'TLS to the load balancer' | 'task and execution roles' | 'JWT default authorizer';

/** One configuration of a deployed stack: the construct's props and the services added to it. */
export interface StackConfiguration {
  readonly backend: Backend;
  readonly props?: Partial<PrivateEcsHttpApiProps>;
  readonly services?: readonly AddedService[];
  readonly uses?: readonly UserResource[];
}

/** A service added with `addService`, by construct id. */
export interface AddedService {
  readonly id: string;
  readonly options?: Partial<AddServiceOptions>;
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

const ALB: StackConfiguration = { backend: 'load balancer' };
const CLOUD_MAP: StackConfiguration = { backend: 'Cloud Map' };
const alb = (props: Partial<PrivateEcsHttpApiProps>, services?: readonly AddedService[]): StackConfiguration =>
  ({ backend: 'load balancer', props, services });
const cloudMap = (props: Partial<PrivateEcsCloudMapHttpApiProps>, services?: readonly AddedService[]): StackConfiguration =>
  ({ backend: 'Cloud Map', props, services });
const service = (id: string, options: Partial<AddServiceOptions> = {}): AddedService =>
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

const using = (backend: Backend, ...uses: UserResource[]): StackConfiguration => ({ backend, uses });

/** Stateless authorizers, safe to share between the stacks of every case (a JWT authorizer binds to one API). */
const IAM_AUTH = { authorizer: new HttpIamAuthorizer() };
const DUAL_STACK = { ipAddressType: apigwv2.IpAddressType.DUAL_STACK };

const WEB_ACL = (name: string) => `arn:aws:wafv2:us-east-1:123456789012:regional/webacl/${name}/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111`;

/**
 * The changes users make to deployed stacks, on both backends. Each runs without and with the
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
function containerOptionCases(backend: Backend, configure: (props: Partial<PrivateEcsHttpApiProps>) => StackConfiguration): UpdateCase[] {
  const base: StackConfiguration = { backend };
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

/** Builds a configuration in `stack`. */
export function buildConfiguration(stack: Stack, configuration: StackConfiguration): void {
  const uses = new Set(configuration.uses);
  let given = configuration.props ?? {};
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
  if (uses.has('JWT default authorizer')) {
    // An authorizer binds to one API: each stack's own.
    given = { ...given, defaultAuthorizer: new HttpJwtAuthorizer('Jwt', 'https://auth.example.com', { jwtAudience: ['shop-api'] }) };
  }
  if (uses.has('task and execution roles')) {
    // Roles of the user's own account, imported into the stack as a user would.
    const userRole = (id: string, name: string) => iam.Role.fromRoleArn(stack, id, `arn:aws:iam::123456789012:role/${name}`, { mutable: false });
    given = { ...given, taskRole: userRole('TaskRole', 'task'), executionRole: userRole('ExecutionRole', 'execution') };
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
