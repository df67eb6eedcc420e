import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpAlbIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { createListener } from './listener';
import { resolveListenerRulePriority } from './listener-rule-priority';
import type { TakenPriority } from './listener-rule-priority';
import { ROLLING_ROUTING } from './rolling-routing';
import { SHIFTING_ROUTING } from './shifting-routing';
import type { ListenerRouting, ServiceListeners } from './traffic-routing';
import type { ServicePathOptions } from '../../../api-service';
import type { LoadBalancerOptions } from '../../../load-balancer-options';
import type { Foundation } from '../../network/foundation';
import { logAccessLogsToBucket } from '../../network/log-bucket';
import { zonesOf } from '../../network/network-plan';
import { loadBalancerGraphs, targetGroupGraphs } from '../../observability/load-balancer-graphs';
import { isShifting, resolveLoadBalancerProps } from '../../props/defaults';
import type { ResolvedServiceOptions } from '../../props/resolved-options';
import { createTargetAlarms } from '../../service/alarms';
import { createFargateService, createTargetGroup } from '../../service/fargate-service';
import type { ServiceSurroundings } from '../../service/service-completion';
import { completeService, surroundingsOf } from '../../service/service-completion';
import type { ServiceBackend, ServiceRoute, WiredService } from '../service-backend';

/** A Fargate service behind the listener: its target group, and the second one of a shifting strategy. */
export interface LoadBalancedWiring extends WiredService {
  readonly targetGroup: elbv2.ApplicationTargetGroup;
  /** The second target group of a blue/green, canary or linear service. */
  readonly alternateTargetGroup?: elbv2.ApplicationTargetGroup;
}

/**
 * The internal Application Load Balancer of `PrivateEcsHttpApi`: open to nothing until the VPC link is
 * let in, with its listener (and test listener). Each service gets an IP target group that health-checks
 * it; the listener forwards to it by default (the default service) or for its prefix, in the way its
 * deployment strategy needs, which opens the service's security group to the load balancer's, on the
 * container port only. The API's integrations call the listener.
 */
export class LoadBalancerBackend implements ServiceBackend<LoadBalancedWiring> {
  public readonly vpcLinkDescription = 'API Gateway VPC link: may reach only the load balancer listener';
  public readonly routesByPath = true;
  public readonly defaultIntegrationId = 'LoadBalancerIntegration';
  public readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  public readonly listeners: ServiceListeners;
  private readonly surroundings: ServiceSurroundings;
  private readonly secureServerName?: string;
  private readonly priorities: TakenPriority[] = [];

  /**
   * @param webAclArn a web ACL for the load balancer itself (`PrivateEcsHttpApi`'s `webAclArn`); a REST
   * API takes its web ACL on its stage instead
   */
  constructor(scope: Construct, foundation: Foundation, props: LoadBalancerOptions, recommendedAlarms: boolean, webAclArn?: string) {
    // "[Application Load Balancers] You must specify subnets from at least two Availability Zones."
    // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html
    const zones = zonesOf(foundation.vpc, foundation.network);
    if (zones < 2) {
      throw new Error(`vpcSubnets must select subnets in at least two Availability Zones (an Application Load Balancer needs two), got ${zones}`);
    }
    const resolved = resolveLoadBalancerProps(props);
    const securityGroup = new ec2.SecurityGroup(scope, 'LoadBalancerSecurityGroup', {
      vpc: foundation.vpc,
      description: 'Load balancer: admits only the VPC link, on the listener port',
      allowAllOutbound: false,
    });
    this.loadBalancer = new elbv2.ApplicationLoadBalancer(scope, 'LoadBalancer', {
      vpc: foundation.vpc,
      vpcSubnets: foundation.network.linkSubnets,
      internetFacing: false,
      securityGroup,
      dropInvalidHeaderFields: true,
    });
    if (resolved.loadBalancerAccessLogs) {
      logAccessLogsToBucket(this.loadBalancer, foundation.logs.forAccessLogs());
    }
    if (webAclArn) {
      new wafv2.CfnWebACLAssociation(scope, 'WebAclAssociation', { resourceArn: this.loadBalancer.loadBalancerArn, webAclArn });
    }
    this.listeners = {
      listener: createListener(this.loadBalancer, props.loadBalancerCertificate),
      testListener: props.testListenerPort === undefined
        ? undefined
        : createListener(this.loadBalancer, props.loadBalancerCertificate, 'TestListener', props.testListenerPort),
    };
    this.secureServerName = props.loadBalancerServerName;
    this.surroundings = surroundingsOf(foundation, recommendedAlarms);
  }

  public validateService(): void {
    // Every added service's option has a meaning behind a load balancer.
  }

  public backendGraphs(): cloudwatch.IWidget[] {
    return loadBalancerGraphs(this.loadBalancer);
  }

  public admitVpcLink(securityGroup: ec2.ISecurityGroup): void {
    this.loadBalancer.connections.allowFrom(securityGroup, ec2.Port.tcp(this.listeners.listener.port), 'From the API Gateway VPC link');
  }

  public wireService(scope: Construct, options: ResolvedServiceOptions, route?: ServiceRoute): LoadBalancedWiring {
    const service = createFargateService(scope, this.surroundings.placement, options, 'Fargate tasks: admits only the load balancer, on the container port');
    const resources = { ...service, targetGroup: createTargetGroup(scope, 'TargetGroup', this.surroundings.placement.vpc, options) };
    const trafficRouting = isShifting(options.deploymentStrategy) ? SHIFTING_ROUTING : ROLLING_ROUTING;
    const routing: ListenerRouting | undefined = route && {
      pathPrefix: route.pathPrefix,
      priority: route.listenerRulePriority!,
      stripPathPrefix: route.stripPathPrefix,
    };
    const targetGroups = trafficRouting.route(scope, resources, options, this.listeners, routing);
    if (!route) {
      // Both listeners' default action goes to the default service, whatever its strategy: a shifting
      // one's catch-all rule answers every path in front of it.
      for (const listener of [this.listeners.listener, this.listeners.testListener]) {
        listener?.addTargetGroups('Default', { targetGroups: [resources.targetGroup] });
      }
    }
    const completed = completeService(scope, this.surroundings, resources, options, {
      scalingTargetGroup: resources.targetGroup,
      releaseAlarms: alarmScope => createTargetAlarms(alarmScope, targetGroups),
    });
    return { ...resources, alternateTargetGroup: targetGroups[1], ...completed, routeGraphs: targetGroupGraphs(targetGroups) };
  }

  public integrationOf(
    _wired: LoadBalancedWiring,
    id: string,
    vpcLink: apigwv2.IVpcLink,
    options: ResolvedServiceOptions,
  ): apigwv2.HttpRouteIntegration {
    // Every service's integration calls the one listener; its listener rule picks the service by path.
    return new HttpAlbIntegration(id, this.listeners.listener, {
      vpcLink,
      method: apigwv2.HttpMethod.ANY,
      secureServerName: this.secureServerName,
      parameterMapping: options.parameterMapping,
    });
  }

  /**
   * What a REST API's private integration names: the load balancer's ARN as its target, and the origin
   * of its uri, whose scheme and port pick the listener: `http://<load balancer DNS name>:80`, or with
   * TLS `https://<loadBalancerServerName>:443`, the name API Gateway checks the certificate against.
   * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-private-integration.html
   */
  public restTarget(): { readonly loadBalancerArn: string; readonly origin: string } {
    const port = this.listeners.listener.port;
    const origin = this.secureServerName ? `https://${this.secureServerName}:${port}` : `http://${this.loadBalancer.loadBalancerDnsName}:${port}`;
    return { loadBalancerArn: this.loadBalancer.loadBalancerArn, origin };
  }

  /** Lets `peer` reach the test listener, on its port only. */
  public allowTestTraffic(peer: ec2.IConnectable): void {
    const testListener = this.listeners.testListener;
    if (!testListener) {
      throw new Error('allowTestTraffic needs a test listener: set testListenerPort');
    }
    this.loadBalancer.connections.allowFrom(peer, ec2.Port.tcp(testListener.port), 'Test traffic to the test listener');
  }

  /**
   * Refuses a test listener that no service shifts traffic through, read at synthesis since services
   * can be added after construction.
   */
  public validateTestListener(services: readonly { readonly alternateTargetGroup?: elbv2.ApplicationTargetGroup }[]): string[] {
    const shifting = services.some(service => service.alternateTargetGroup !== undefined);
    return this.listeners.testListener && !shifting
      ? ['testListenerPort is set, but no service has a deploymentStrategy that shifts traffic (BLUE_GREEN, CANARY or LINEAR): the test listener would reach nothing new']
      : [];
  }

  public placeService(serviceId: string, given: ServicePathOptions): ServiceRoute {
    const priority = resolveListenerRulePriority(serviceId, given.listenerRulePriority, this.priorities);
    this.priorities.push({ serviceId, priority });
    return { pathPrefix: given.pathPrefix, stripPathPrefix: given.stripPathPrefix ?? false, listenerRulePriority: priority };
  }
}
