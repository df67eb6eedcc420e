import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { Construct } from 'constructs';
import type { AddServiceOptions, IApiService } from './api-service';
import { HttpLoadBalancedService } from './private/backends/load-balancer/load-balanced-service';
import { LoadBalancerBackend } from './private/backends/load-balancer/load-balancer-backend';
import { validateLoadBalancerProps } from './private/backends/load-balancer/validate-load-balancer';
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

  private readonly backend: LoadBalancerBackend;
  private readonly added: HttpLoadBalancedService[] = [];

  /**
   * @param scope the construct to create it in, usually a stack
   * @param id its construct id, unique within `scope`; also the API's name unless `apiName` is set
   * @param props the default service's image and options, and the network, load balancer and API around it
   */
  constructor(scope: Construct, id: string, props: PrivateEcsHttpApiProps) {
    // The load balancer's props are checked before anything is built; the base checks the rest.
    validateLoadBalancerProps(props);
    super(scope, id, props);

    // Load balancer: internal, and open to nothing until the VPC link is let in.
    this.backend = new LoadBalancerBackend(this, this._foundation, props, this._resolved.recommendedAlarms, props.webAclArn);
    this.loadBalancer = this.backend.loadBalancer;
    this.listener = this.backend.listeners.listener;
    this.testListener = this.backend.listeners.testListener;

    // VPC link, default service and integration: every path, the root included, goes to the listener.
    const defaultService = this._serveHttp(this.backend);
    this.targetGroup = defaultService.targetGroup;
    this.alternateTargetGroup = defaultService.alternateTargetGroup;

    // Services can be added after construction: whether any shifts traffic is known only at synth.
    this.node.addValidation({ validate: () => this.backend.validateTestListener([this, ...this.added]) });
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
    const added = this._addHttpService(id, options, request => new HttpLoadBalancedService(this, this.backend, request));
    this.added.push(added);
    return added;
  }

  /** The services added with `addService`, in the order they were added. */
  public get services(): IApiService[] {
    return [...this.added];
  }

  /**
   * Lets `peer` (a lifecycle hook's function in the VPC, say) reach the test listener, on its port only.
   *
   * @param peer what may send test traffic, such as a `lambda.Function` in the VPC or a security group
   */
  public allowTestTraffic(peer: ec2.IConnectable): void {
    this.backend.allowTestTraffic(peer);
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

}
