import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { AddServiceOptions, IApiService } from './api-service';
import type { ApiWiring } from './private/api/routes';
import { integrateService } from './private/api/routes';
import { createListener } from './private/backends/load-balancer/listener';
import { resolveListenerRulePriority } from './private/backends/load-balancer/listener-rule-priority';
import { ApiService } from './private/backends/load-balancer/load-balanced-service';
import { createBackend } from './private/backends/load-balancer/load-balancer-backend';
import type { BackendWiring } from './private/backends/load-balancer/load-balancer-backend';
import { logAccessLogsToBucket } from './private/network/log-bucket';
import { createVpcLink } from './private/network/vpc-link';
import { resolveProps } from './private/props/defaults';
import { resolveAddedService } from './private/props/resolve-added-service';
import { validateLoadBalancerProps } from './private/props/validate-base';
import { createApiAlarms } from './private/service/alarms';
import { PrivateEcsHttpApiBase } from './private-ecs-http-api-base';
import type { PrivateEcsHttpApiProps } from './private-ecs-http-api-props';

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
export class PrivateEcsHttpApi extends PrivateEcsHttpApiBase {
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

  /**
   * The default service's private integration (HTTP_PROXY over the VPC link to the listener), for
   * routes you add yourself. Each added service has its own: `IApiService.integration`.
   */
  public readonly integration: apigwv2.HttpRouteIntegration;

  private readonly backendWiring: BackendWiring;
  private readonly apiWiring: ApiWiring;
  private readonly defaultParameterMapping?: apigwv2.ParameterMapping;
  private readonly addedServices: ApiService[];
  private readonly defaultAlarms: cloudwatch.Alarm[];

  /**
   * @param scope the construct to create it in, usually a stack
   * @param id its construct id, unique within `scope`; also the API's name unless `apiName` is set
   * @param props the default service's image and options, and the network, load balancer and API around it
   */
  constructor(scope: Construct, id: string, props: PrivateEcsHttpApiProps) {
    // The load balancer's props are checked before anything is built; the base checks the rest.
    const resolved = resolveProps(props);
    validateLoadBalancerProps(props);
    super(scope, id, props, resolved.loadBalancerAccessLogs);
    this.defaultParameterMapping = props.parameterMapping;
    this.addedServices = [];
    const foundation = this._foundation;

    // Load balancer: internal, and open to nothing until the VPC link is let in below.
    const loadBalancerSecurityGroup = new ec2.SecurityGroup(this, 'LoadBalancerSecurityGroup', {
      vpc: this.vpc,
      description: 'Load balancer: admits only the VPC link, on the listener port',
      allowAllOutbound: false,
    });
    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc: this.vpc,
      vpcSubnets: foundation.network.privateSubnets,
      internetFacing: false,
      securityGroup: loadBalancerSecurityGroup,
      dropInvalidHeaderFields: true,
    });
    if (resolved.loadBalancerAccessLogs) {
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
      placement: foundation.placement,
      listeners: { listener: this.listener, testListener: this.testListener },
      endpoints: foundation.endpoints,
      recommendedAlarms: resolved.recommendedAlarms,
    };
    const backend = createBackend(this, this.backendWiring, resolved);
    this.taskDefinition = backend.taskDefinition;
    this.service = backend.service;
    this.targetGroup = backend.targetGroup;
    this.alternateTargetGroup = backend.alternateTargetGroup;

    // VPC link, with a security group of its own that may reach only the listener.
    const vpcLink = createVpcLink(this, this.vpc, foundation.network.privateSubnets,
      'API Gateway VPC link: may reach only the load balancer listener');
    this.loadBalancer.connections.allowFrom(vpcLink.securityGroup, ec2.Port.tcp(this.listener.port), 'From the API Gateway VPC link');
    this.vpcLink = vpcLink.vpcLink;

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
    const resolved = resolveAddedService(id, options, {
      taken: this.addedServices.map(added => added.pathPrefix),
      defaultParameterMapping: this.defaultParameterMapping,
      routesByPath: true,
    });
    const taken = this.addedServices.map(other => ({ serviceId: other.node.id, priority: other.listenerRulePriority }));
    const priority = resolveListenerRulePriority(id, options.listenerRulePriority, taken);
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
}
