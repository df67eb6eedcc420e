import { Annotations } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53targets from 'aws-cdk-lib/aws-route53-targets';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import type { AddServiceOptions, IApiService } from './api-service';
import { ACCESS_LOG_FORMAT } from './private/access-log-format';
import { createApiAlarms } from './private/alarms';
import { ApiService } from './private/api-service';
import type { BackendWiring } from './private/backend';
import { createBackend } from './private/backend';
import { resolveProps, resolveServiceOptions } from './private/defaults';
import type { ApiWiring } from './private/integration';
import { integrateService } from './private/integration';
import { createListener } from './private/listener';
import { addFlowLogToBucket, createLogBucket, logAccessLogsToBucket, warnIfBucketPolicyIsNotOurs } from './private/log-bucket';
import { createLogGroup } from './private/log-groups';
import { chooseVpc, createVpc, planNetwork } from './private/network';
import { validatePathPrefix, validatePathRewrite } from './private/path-prefix';
import { validateServiceOptions } from './private/validate';
import { validateProps } from './private/validate-props';
import { TaskVpcEndpoints } from './private/vpc-endpoints';
import type { ContainerServiceOptions } from './service-options';
import { TaskEgress } from './task-egress';

/**
 * Properties for a `PrivateEcsHttpApi`: the default service (`ContainerServiceOptions`), then the
 * network, the load balancer and the API in front of it.
 */
export interface PrivateEcsHttpApiProps extends ContainerServiceOptions {
  // ---- Network -------------------------------------------------------------------------------

  /**
   * The VPC to run in.
   *
   * @default - the cluster's VPC when `cluster` is given; otherwise a new VPC in two
   * Availability Zones, laid out for `taskEgress`
   */
  readonly vpc?: ec2.IVpc;

  /**
   * The ECS cluster to run the services in. It must be in `vpc` when both are given.
   *
   * @default - a new cluster in the VPC, with Container Insights and the Fargate Spot capacity provider
   */
  readonly cluster?: ecs.ICluster;

  /**
   * Turn on CloudWatch Container Insights for the cluster the construct creates: task- and
   * service-level CPU, memory, network and storage metrics, billed as custom metrics.
   *
   * @default true
   */
  readonly containerInsights?: boolean;

  /**
   * The subnets for the load balancer and the VPC link, and for the tasks unless `taskEgress` is
   * `PUBLIC_IP`. They must span at least two Availability Zones.
   *
   * @default - the VPC's private subnets with egress; for a `taskEgress` other than `NAT_GATEWAY`,
   * its isolated subnets when it has no private subnets with egress
   */
  readonly vpcSubnets?: ec2.SubnetSelection;

  /**
   * How the tasks reach the image registry and CloudWatch Logs.
   *
   * @default TaskEgress.NAT_GATEWAY
   */
  readonly taskEgress?: TaskEgress;

  /**
   * What gives the tasks of a VPC the construct creates their way out with `taskEgress` NAT_GATEWAY,
   * such as a NAT instance for a few dollars a month:
   * `ec2.NatProvider.instanceV2({ instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.NANO),
   * machineImage: ec2.MachineImage.latestAmazonLinux2023({ cpuType: ec2.AmazonLinuxCpuType.ARM_64 }),
   * defaultAllowedTraffic: ec2.NatTrafficDirection.OUTBOUND_ONLY })`. A NAT instance's security group
   * must admit nothing (OUTBOUND_ONLY); the construct lets in the VPC's own address range only.
   *
   * @default - AWS-managed NAT gateways (ec2.NatProvider.gateway())
   */
  readonly natGatewayProvider?: ec2.NatProvider;

  /**
   * The number of NAT gateways of the VPC the construct creates: 2 puts one in each Availability
   * Zone; 1 saves about $33 a month, but the tasks of both zones then depend on one zone's gateway.
   * Only with `taskEgress` `NAT_GATEWAY`, and only for a VPC the construct creates.
   *
   * @default 2
   */
  readonly natGateways?: number;

  /**
   * Record the VPC's traffic (accepted and rejected) as flow logs in the log bucket.
   * Only for a VPC the construct creates; a VPC you bring keeps its own flow log settings.
   *
   * @default true
   */
  readonly vpcFlowLogs?: boolean;

  /**
   * The S3 bucket for the load balancer's access logs and the VPC flow logs. It must be
   * encrypted with S3-managed keys (SSE-S3): load balancers cannot write to a bucket encrypted
   * with KMS (`KMS`, `KMS_MANAGED` or `DSSE`), and the construct refuses one. A bucket of this app
   * gets the policy statements the logs need; for an imported bucket, whose policy is not this
   * stack's, the construct warns (`cdk-private-ecs-http-api:importedLogBucket`) with the statements
   * to add yourself.
   *
   * @default - a new bucket: SSE-S3, TLS only, no public access, objects expire after a year,
   * retained when the stack is deleted
   */
  readonly logBucket?: s3.IBucket;

  // ---- Load balancer -------------------------------------------------------------------------

  /**
   * Write the load balancer's access logs to the log bucket, in a stack with a concrete Region and
   * in an environment-agnostic one alike.
   *
   * @default true
   */
  readonly loadBalancerAccessLogs?: boolean;

  /**
   * A certificate for the load balancer. With it, the listener speaks HTTPS on port 443 with a
   * current TLS policy, and API Gateway calls it over TLS, checking `loadBalancerServerName`.
   *
   * HTTP API private integrations always verify the certificate (skipping verification is a
   * REST API feature only), against the certificate authorities API Gateway trusts: use a public
   * ACM certificate that covers `loadBalancerServerName`, such as one for `*.example.com`. No DNS
   * record of that name is needed: API Gateway connects through the VPC link and only checks the
   * name. A private CA's certificate fails every request.
   *
   * @default - an HTTP listener on port 80, as in the tutorial; the VPC link traffic stays inside the VPC
   */
  readonly loadBalancerCertificate?: acm.ICertificate;

  /**
   * The host name API Gateway expects in the load balancer's certificate, such as
   * `internal.example.com`: one host name (no wildcard), which the certificate must cover.
   * Required with `loadBalancerCertificate`.
   *
   * @default - no TLS to the load balancer
   */
  readonly loadBalancerServerName?: string;

  /**
   * The ARN of an AWS WAF web ACL (scope REGIONAL, in the stack's Region) to inspect every request
   * at the load balancer. HTTP APIs take no web ACL themselves (REST APIs do), so the load balancer
   * behind the API is where WAF can see the requests; it sees them after API Gateway's authorizer
   * and throttling.
   *
   * @default - no web ACL
   */
  readonly webAclArn?: string;

  /**
   * A port for a test listener on the load balancer, through which a blue/green, canary or linear
   * deployment's lifecycle hooks reach the new tasks before production traffic shifts to them
   * (ECS shifts its rules for each such service). It speaks what the production listener speaks,
   * and admits nobody until you call `allowTestTraffic`: only from inside the VPC.
   *
   * @default - no test listener
   */
  readonly testListenerPort?: number;

  // ---- API -----------------------------------------------------------------------------------

  /**
   * The name of the HTTP API.
   *
   * @default - the construct's id, such as `Api`
   */
  readonly apiName?: string;

  /**
   * The authorizer for every route of the API, such as an `HttpJwtAuthorizer`, an
   * `HttpLambdaAuthorizer` or an `HttpIamAuthorizer` from `aws-cdk-lib/aws-apigatewayv2-authorizers`.
   *
   * @default - no authorizer: anyone who has the URL can call the API, and the construct
   * warns about it (`cdk-private-ecs-http-api:publicApi`)
   */
  readonly defaultAuthorizer?: apigwv2.IHttpRouteAuthorizer;

  /**
   * The OAuth scopes a caller's token must have one of, for every route. Only with a JWT
   * `defaultAuthorizer`.
   *
   * @default - no scopes required
   */
  readonly defaultAuthorizationScopes?: string[];

  /**
   * The CORS preflight (`OPTIONS`) answer of the API, for browsers on other origins.
   *
   * @default - no CORS: browsers on other origins may not call the API
   */
  readonly corsPreflight?: apigwv2.CorsPreflightOptions;

  /**
   * Write an access log line, in JSON, for every request the API receives.
   *
   * @default true
   */
  readonly apiAccessLogs?: boolean;

  /**
   * The log group for the API's access logs.
   *
   * @default - a new log group, kept for `apiAccessLogRetention`
   */
  readonly apiAccessLogGroup?: logs.ILogGroup;

  /**
   * How long the API's access logs are kept, in the log group the construct creates.
   *
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly apiAccessLogRetention?: logs.RetentionDays;

  /**
   * The steady-state number of requests per second each route accepts before it answers 429.
   *
   * It is the `$default` stage's default route throttling, which API Gateway applies to every
   * route of the stage, each on its own: the API as a whole (`ANY /`, `ANY /{proxy+}`, and two
   * routes for each added service) may accept more, up to the account's limit for the Region
   * (10,000 requests per second across all its APIs, by default).
   *
   * @default 1000
   */
  readonly throttlingRateLimit?: number;

  /**
   * The number of requests each route accepts in a burst above `throttlingRateLimit`.
   *
   * @default 2000
   */
  readonly throttlingBurstLimit?: number;

  /**
   * A custom domain for the API, such as `api.example.com`, mapped to its `$default` stage.
   *
   * @default - no custom domain: the API answers on its `execute-api` URL
   */
  readonly domainName?: string;

  /**
   * The ACM certificate for `domainName`, in the stack's Region. Required with `domainName`.
   *
   * @default - no custom domain
   */
  readonly domainCertificate?: acm.ICertificate;

  /**
   * Mutual TLS on `domainName`: the truststore of the certificate authorities whose client
   * certificates the API accepts (a PEM bundle in S3, and optionally its object version). Clients
   * could skip it through the `execute-api` URL, so the construct warns
   * (`cdk-private-ecs-http-api:mutualTlsBypass`) unless `disableExecuteApiEndpoint` is set too.
   *
   * @default - no mutual TLS: any client may connect
   */
  readonly domainMutualTls?: apigwv2.MTLSConfig;

  /**
   * The Route 53 hosted zone in which to create an alias record for `domainName`.
   *
   * @default - no DNS record: point your DNS at `customDomain.regionalDomainName` yourself
   */
  readonly domainHostedZone?: route53.IHostedZone;

  /**
   * Turn off the API's default `execute-api` URL, so that clients can call it only through
   * `domainName`. Only with `domainName`.
   *
   * @default false
   */
  readonly disableExecuteApiEndpoint?: boolean;

  // ---- Operations ----------------------------------------------------------------------------

  /**
   * A KMS key to encrypt the log groups the construct creates: the containers' logs and the API's
   * access logs. The construct lets CloudWatch Logs use it, in the key policy of a key of this stack.
   *
   * @default - CloudWatch Logs' own encryption at rest
   */
  readonly logEncryptionKey?: kms.IKey;

  /**
   * Create CloudWatch alarms we recommend for the API, the load balancer and each service:
   * API 5xx rate, API latency, unhealthy targets, target 5xx, CPU and memory. They have no
   * actions: add yours to `alarms`.
   *
   * @default false
   */
  readonly recommendedAlarms?: boolean;
}

/**
 * An ECS Fargate service that only an API Gateway HTTP API can reach: the AWS tutorial
 * "Building an HTTP API with a private integration to an Amazon ECS service", as one construct.
 *
 * The service runs behind an internal Application Load Balancer. An HTTP API routes every request
 * (`ANY /` and `ANY /{proxy+}`) through a VPC link to the load balancer's listener. Security groups
 * chain the hops: the VPC link may reach only the listener, the load balancer only the container port.
 *
 * @example
 * const api = new PrivateEcsHttpApi(this, 'Api', {
 *   image: ecs.ContainerImage.fromRegistry('public.ecr.aws/ecs-sample-image/amazon-ecs-sample:latest'),
 * });
 * new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
 */
export class PrivateEcsHttpApi extends Construct {
  /** The VPC everything runs in. */
  public readonly vpc: ec2.IVpc;

  /** The ECS cluster the services run in. */
  public readonly cluster: ecs.ICluster;

  /** The task definition of the default service. */
  public readonly taskDefinition: ecs.FargateTaskDefinition;

  /** The default service: the one that answers every path no added service claims. */
  public readonly service: ecs.FargateService;

  /** The internal Application Load Balancer in front of the services. */
  public readonly loadBalancer: elbv2.ApplicationLoadBalancer;

  /** The load balancer's listener that the API's integration calls: HTTP on 80, or HTTPS on 443. */
  public readonly listener: elbv2.ApplicationListener;

  /**
   * The default service's target group. With a `deploymentStrategy` other than ROLLING, each
   * deployment moves the traffic between it and `alternateTargetGroup`; the `metricTarget...` and
   * `metricUnhealthyTargets` methods read this one only (the recommended alarms read both).
   */
  public readonly targetGroup: elbv2.ApplicationTargetGroup;

  /** The default service's second target group, with a `deploymentStrategy` other than ROLLING. */
  public readonly alternateTargetGroup?: elbv2.ApplicationTargetGroup;

  /** The test listener, if `testListenerPort` is set. */
  public readonly testListener?: elbv2.ApplicationListener;

  /** The VPC link through which the API reaches the load balancer. */
  public readonly vpcLink: apigwv2.VpcLink;

  /** The HTTP API: the only way in from outside the VPC. */
  public readonly httpApi: apigwv2.HttpApi;

  /** The API's `$default` stage, which deploys every change automatically. */
  public readonly stage: apigwv2.HttpStage;

  /**
   * The default service's private integration (HTTP_PROXY over the VPC link to the listener), for
   * routes you add yourself. Each added service has its own: `IApiService.integration`.
   */
  public readonly integration: apigwv2.HttpRouteIntegration;

  /**
   * The URL clients call: the `$default` stage's `execute-api` URL, such as
   * `https://abc123.execute-api.us-east-1.amazonaws.com/`, or `https://<domainName>/` when
   * `disableExecuteApiEndpoint` is set.
   */
  public readonly apiEndpoint: string;

  /** The bucket of the load balancer's access logs and the VPC flow logs, if either is on. */
  public readonly logBucket?: s3.IBucket;

  /** The log group of the API's access logs, if they are on. */
  public readonly apiAccessLogGroup?: logs.ILogGroup;

  /** The API's custom domain, if `domainName` is set. */
  public readonly customDomain?: apigwv2.DomainName;

  private readonly backendWiring: BackendWiring;
  private readonly apiWiring: ApiWiring;
  private readonly defaultParameterMapping?: apigwv2.ParameterMapping;
  private readonly addedServices: ApiService[] = [];
  private readonly defaultAlarms: cloudwatch.Alarm[];

  /**
   * @param scope the construct to create it in, usually a stack
   * @param id its construct id, unique within `scope`; also the API's name unless `apiName` is set
   * @param props the default service's image and options, and the network, load balancer and API around it
   */
  constructor(scope: Construct, id: string, props: PrivateEcsHttpApiProps) {
    super(scope, id);
    const resolved = resolveProps(props);
    validateProps(props, resolved);
    this.defaultParameterMapping = props.parameterMapping;

    // Network
    const ownVpc = chooseVpc(this, props.vpc, props.cluster);
    const createdVpc = ownVpc ? undefined : createVpc(this, 'Vpc', resolved.taskEgress, resolved.natGateways, props.natGatewayProvider);
    this.vpc = ownVpc ?? createdVpc!;
    const network = planNetwork(this.vpc, resolved.taskEgress, props.vpcSubnets);
    const logUses = { accessLogs: resolved.loadBalancerAccessLogs, flowLogs: createdVpc !== undefined && resolved.vpcFlowLogs };
    this.logBucket = props.logBucket ?? (logUses.accessLogs || logUses.flowLogs ? createLogBucket(this, 'LogBucket') : undefined);
    if (props.logBucket) {
      warnIfBucketPolicyIsNotOurs(this, props.logBucket, logUses);
    }
    if (createdVpc && resolved.vpcFlowLogs) {
      addFlowLogToBucket(createdVpc, this.logBucket!);
    }
    const endpoints = resolved.taskEgress === TaskEgress.VPC_ENDPOINTS
      ? new TaskVpcEndpoints(this, this.vpc, network.taskSubnets)
      : undefined;

    // Cluster
    this.cluster = props.cluster ?? new ecs.Cluster(this, 'Cluster', {
      vpc: this.vpc,
      containerInsightsV2: resolved.containerInsights ? ecs.ContainerInsights.ENABLED : ecs.ContainerInsights.DISABLED,
      enableFargateCapacityProviders: true,
    });

    // Load balancer: internal, and open to nothing until the VPC link is let in below.
    const loadBalancerSecurityGroup = new ec2.SecurityGroup(this, 'LoadBalancerSecurityGroup', {
      vpc: this.vpc,
      description: 'Load balancer: admits only the VPC link, on the listener port',
      allowAllOutbound: false,
    });
    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc: this.vpc,
      vpcSubnets: network.privateSubnets,
      internetFacing: false,
      securityGroup: loadBalancerSecurityGroup,
      dropInvalidHeaderFields: true,
    });
    if (logUses.accessLogs) {
      logAccessLogsToBucket(this.loadBalancer, this.logBucket!);
    }
    if (props.webAclArn) {
      new wafv2.CfnWebACLAssociation(this, 'WebAclAssociation', { resourceArn: this.loadBalancer.loadBalancerArn, webAclArn: props.webAclArn });
    }
    this.listener = createListener(this.loadBalancer, props.loadBalancerCertificate);
    this.testListener = props.testListenerPort === undefined
      ? undefined
      : createListener(this.loadBalancer, props.loadBalancerCertificate, 'TestListener', props.testListenerPort);

    // Default service: attaching its target group lets the load balancer reach the container port.
    this.backendWiring = {
      placement: {
        cluster: this.cluster,
        vpc: this.vpc,
        subnets: network.taskSubnets,
        assignPublicIp: network.assignPublicIp,
        logEncryptionKey: props.logEncryptionKey,
      },
      listeners: { listener: this.listener, testListener: this.testListener },
      endpoints,
      recommendedAlarms: resolved.recommendedAlarms,
    };
    const backend = createBackend(this, this.backendWiring, resolved);
    this.taskDefinition = backend.taskDefinition;
    this.service = backend.service;
    this.targetGroup = backend.targetGroup;
    this.alternateTargetGroup = backend.alternateTargetGroup;

    // VPC link, with a security group of its own that may reach only the listener.
    const vpcLinkSecurityGroup = new ec2.SecurityGroup(this, 'VpcLinkSecurityGroup', {
      vpc: this.vpc,
      description: 'API Gateway VPC link: may reach only the load balancer listener',
      allowAllOutbound: false,
    });
    this.loadBalancer.connections.allowFrom(vpcLinkSecurityGroup, ec2.Port.tcp(this.listener.port), 'From the API Gateway VPC link');
    this.vpcLink = new apigwv2.VpcLink(this, 'VpcLink', {
      vpc: this.vpc,
      subnets: network.privateSubnets,
      securityGroups: [vpcLinkSecurityGroup],
    });

    // API, with a `$default` stage of our own: the one HttpApi creates takes no logs or throttling.
    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      // A new name is an update without interruption of the API, not a replacement.
      // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigatewayv2-api.html#cfn-apigatewayv2-api-name
      apiName: props.apiName ?? id,
      description: `Private integration to the ECS service ${this.node.path}`,
      createDefaultStage: false,
      disableExecuteApiEndpoint: resolved.disableExecuteApiEndpoint,
      defaultAuthorizer: props.defaultAuthorizer,
      defaultAuthorizationScopes: props.defaultAuthorizationScopes,
      corsPreflight: props.corsPreflight,
    });
    if (!props.defaultAuthorizer) {
      Annotations.of(this).addWarningV2('cdk-private-ecs-http-api:publicApi',
        'The API has no defaultAuthorizer: anyone who has its URL can call every route. '
        + 'Set defaultAuthorizer, or acknowledge this warning if the service is public by design.');
    }
    this.customDomain = props.domainName ? this.createCustomDomain(props) : undefined;
    this.apiAccessLogGroup = resolved.apiAccessLogs
      ? props.apiAccessLogGroup ?? createLogGroup(this, 'ApiAccessLogs', resolved.apiAccessLogRetention, props.logEncryptionKey)
      : undefined;
    this.stage = new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      // The default route throttling: the limits of each route, within the account's limit for the Region.
      // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html
      throttle: { rateLimit: resolved.throttlingRateLimit, burstLimit: resolved.throttlingBurstLimit },
      accessLogSettings: this.apiAccessLogGroup && {
        destination: new apigwv2.LogGroupLogDestination(this.apiAccessLogGroup),
        format: ACCESS_LOG_FORMAT,
      },
      domainMapping: this.customDomain && { domainName: this.customDomain },
    });
    this.apiEndpoint = resolved.disableExecuteApiEndpoint ? `https://${props.domainName}/` : this.stage.url;

    // Integration and routes: every path, the root included, goes to the listener.
    this.apiWiring = {
      httpApi: this.httpApi,
      vpcLink: this.vpcLink,
      listener: this.listener,
      secureServerName: props.loadBalancerServerName,
    };
    this.integration = integrateService(this.apiWiring, 'LoadBalancerIntegration', resolved);

    // Services can be added after construction: whether any shifts traffic is known only at synth.
    this.node.addValidation({ validate: () => this.validateTestListener() });

    this.defaultAlarms = resolved.recommendedAlarms ? [...createApiAlarms(this, this.stage), ...backend.alarms] : [];
  }

  /**
   * Puts another Fargate service behind the same load balancer and API, for one path prefix: the
   * API routes the prefix and everything under it, and a listener rule forwards it to the service.
   * Its security group admits only the load balancer, like the default service's.
   *
   * @param id the construct id of the service's resources, unique among this construct's children
   * @param options the service's path prefix, image and options
   */
  public addService(id: string, options: AddServiceOptions): IApiService {
    validatePathPrefix(options.pathPrefix, this.addedServices.map(added => added.pathPrefix));
    const resolved = resolveServiceOptions(options);
    validateServiceOptions(resolved);
    validatePathRewrite(`parameterMapping of service '${id}'`, resolved.parameterMapping, options.pathPrefix);
    validatePathRewrite('parameterMapping', this.defaultParameterMapping, undefined, [options.pathPrefix]);
    const priority = (this.addedServices.length + 1) * LISTENER_RULE_PRIORITY_STEP;
    const added = new ApiService(this, id, { backend: this.backendWiring, api: this.apiWiring }, resolved,
      { pathPrefix: options.pathPrefix, priority });
    this.addedServices.push(added);
    return added;
  }

  /**
   * Lets `peer` (a lifecycle hook's function in the VPC, say) reach the test listener, on its port only.
   *
   * @param peer what may send test traffic, such as a `lambda.Function` in the VPC or a security group
   */
  public allowTestTraffic(peer: ec2.IConnectable): void {
    if (!this.testListener) {
      throw new Error('allowTestTraffic needs a test listener: set testListenerPort');
    }
    this.loadBalancer.connections.allowFrom(peer, ec2.Port.tcp(this.testListener.port), 'Test traffic to the test listener');
  }

  /** The services added with `addService`, in the order they were added. */
  public get services(): IApiService[] {
    return [...this.addedServices];
  }

  /** The recommended alarms, when `recommendedAlarms` is set: the API's and every service's. */
  public get alarms(): cloudwatch.Alarm[] {
    return [...this.defaultAlarms, ...this.addedServices.flatMap(added => added.alarms)];
  }

  /**
   * The number of requests the API received.
   *
   * @param props the period, statistic and label, if not the defaults
   * @default - sample count over 5 minutes
   */
  public metricRequests(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.stage.metricCount(props);
  }

  /**
   * The number of requests the API answered with a 4xx.
   *
   * @param props the period, statistic and label, if not the defaults
   * @default - sum over 5 minutes
   */
  public metricClientErrors(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.stage.metricClientError(props);
  }

  /**
   * The number of requests the API answered with a 5xx.
   *
   * @param props the period, statistic and label, if not the defaults
   * @default - sum over 5 minutes
   */
  public metricServerErrors(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.stage.metricServerError(props);
  }

  /**
   * The time from the API receiving a request to it answering, in milliseconds.
   *
   * @param props the period, statistic and label, if not the defaults
   * @default - average over 5 minutes
   */
  public metricLatency(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.stage.metricLatency(props);
  }

  /**
   * The time the service took to answer the API, in milliseconds.
   *
   * @param props the period, statistic and label, if not the defaults
   * @default - average over 5 minutes
   */
  public metricIntegrationLatency(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.stage.metricIntegrationLatency(props);
  }

  /**
   * The default service's CPU utilization, in percent.
   *
   * @param props the period, statistic and label, if not the defaults
   * @default - average over 5 minutes
   */
  public metricCpuUtilization(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.service.metricCpuUtilization(props);
  }

  /**
   * The default service's memory utilization, in percent.
   *
   * @param props the period, statistic and label, if not the defaults
   * @default - average over 5 minutes
   */
  public metricMemoryUtilization(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.service.metricMemoryUtilization(props);
  }

  /**
   * The number of requests the default service answered with a 5xx, at the load balancer.
   *
   * @param props the period, statistic and label, if not the defaults
   * @default - sum over 5 minutes
   */
  public metricTargetServerErrors(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.targetGroup.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, props);
  }

  /**
   * The time the default service took to answer the load balancer, in seconds.
   *
   * @param props the period, statistic and label, if not the defaults
   * @default - average over 5 minutes
   */
  public metricTargetResponseTime(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.targetGroup.metrics.targetResponseTime(props);
  }

  /**
   * The number of the default service's tasks that fail their health checks.
   *
   * @param props the period, statistic and label, if not the defaults
   * @default - average over 5 minutes
   */
  public metricUnhealthyTargets(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.targetGroup.metrics.unhealthyHostCount(props);
  }

  private validateTestListener(): string[] {
    const shifting = [this.alternateTargetGroup, ...this.addedServices.map(added => added.alternateTargetGroup)].some(Boolean);
    return this.testListener && !shifting
      ? ['testListenerPort is set, but no service has a deploymentStrategy that shifts traffic (BLUE_GREEN, CANARY or LINEAR): the test listener would reach nothing new']
      : [];
  }

  private createCustomDomain(props: PrivateEcsHttpApiProps): apigwv2.DomainName {
    const domainName = props.domainName!;
    const hostedZone = props.domainHostedZone;
    const customDomain = new apigwv2.DomainName(this, 'DomainName', {
      domainName,
      certificate: props.domainCertificate!,
      securityPolicy: apigwv2.SecurityPolicy.TLS_1_2,
      mtls: props.domainMutualTls,
    });
    if (props.domainMutualTls && !props.disableExecuteApiEndpoint) {
      // "To ensure that clients can access your API only by using a custom domain name with mutual TLS,
      // disable the default execute-api endpoint."
      // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-mutual-tls.html
      Annotations.of(this).addWarningV2('cdk-private-ecs-http-api:mutualTlsBypass',
        'domainMutualTls checks client certificates on domainName only: clients can skip it through the API\'s execute-api URL. '
        + 'Set disableExecuteApiEndpoint, or acknowledge this warning.');
    }
    if (hostedZone) {
      new route53.ARecord(this, 'DomainRecord', {
        zone: hostedZone,
        recordName: domainName,
        target: route53.RecordTarget.fromAlias(
          new route53targets.ApiGatewayv2DomainProperties(customDomain.regionalDomainName, customDomain.regionalHostedZoneId)),
      });
    }
    return customDomain;
  }
}

/** Listener rule priorities of added services leave room for rules users add in between. */
const LISTENER_RULE_PRIORITY_STEP = 10;
