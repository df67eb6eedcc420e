import { Aspects } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { admitPrivateCallers, createRestApiFront } from './private/api/rest/rest-api-front';
import type { UsagePlans } from './private/api/rest/rest-api-front';
import { warnIfPlansMeterNothing, warnIfPublicRestApi } from './private/api/rest/rest-authorization-warnings';
import { RestFront } from './private/api/rest/rest-front';
import { RestLoadBalancedService } from './private/backends/load-balancer/load-balanced-service';
import { LoadBalancerBackend } from './private/backends/load-balancer/load-balancer-backend';
import { validateLoadBalancerProps } from './private/backends/load-balancer/validate-load-balancer';
import { acknowledgeNagFinding } from './private/compliance/acknowledge';
import { resolveRestProps, resolveRestRouting, validateRestIntegrationTimeout, validateRestProps, warnIfRestTimeoutAboveQuota } from './private/props/rest-props';
import { PrivateEcsApiBase } from './private-ecs-api-base';
import type { PrivateEcsRestApiProps } from './private-ecs-rest-api-props';
import type { AddRestServiceOptions, IRestApiService } from './rest-service-options';

/**
 * An ECS Fargate service that only an API Gateway REST API can reach: the AWS tutorial's private
 * integration, with a REST API in front of the internal Application Load Balancer, over a VPC link V2.
 *
 * It has what `PrivateEcsHttpApi` has (the network, the load balancer, the services, `addService`,
 * deployments, alarms) and what only a REST API has: a web ACL on the stage that sees the client's
 * address, API keys with usage plans, and PRIVATE endpoints reached only from VPCs. Cloud Map is no
 * target of a REST API's private integration: there is no Cloud Map variant.
 *
 * @example
 * const api = new PrivateEcsRestApi(this, 'Api', {
 *   image: ecs.ContainerImage.fromRegistry('public.ecr.aws/ecs-sample-image/amazon-ecs-sample:latest'),
 *   defaultAuthorization: RestAuthorization.iam(),
 * });
 * new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
 */
export class PrivateEcsRestApi extends PrivateEcsApiBase {
  /** The REST API: the only way in from outside the VPC. */
  public readonly restApi: apigw.RestApi;

  /** The API's stage (`stageName`), redeployed whenever a method changes. */
  public readonly stage: apigw.Stage;

  /**
   * The URL clients call: the stage's `execute-api` URL, such as
   * `https://abc123.execute-api.us-east-1.amazonaws.com/prod/`, or `https://<domainName>/` when
   * `disableExecuteApiEndpoint` is set.
   */
  public readonly apiEndpoint: string;

  /** The log group of the API's access logs, if they are on. */
  public readonly apiAccessLogGroup?: logs.ILogGroup;

  /** The API's custom domain, if `domainName` is set. */
  public readonly customDomain?: apigw.DomainName;

  /** The URL of the custom domain, `https://<domainName>/`, if `domainName` is set. */
  public readonly customDomainUrl?: string;

  /** The internal Application Load Balancer in front of the services. */
  public readonly loadBalancer: elbv2.ApplicationLoadBalancer;

  /** The load balancer's listener that the API's integrations call: HTTP on 80, or HTTPS on 443. */
  public readonly listener: elbv2.ApplicationListener;

  /** The default service's target group (see `PrivateEcsHttpApi.targetGroup`). */
  public readonly targetGroup: elbv2.ApplicationTargetGroup;

  /** The default service's second target group, with a `deploymentStrategy` other than ROLLING. */
  public readonly alternateTargetGroup?: elbv2.ApplicationTargetGroup;

  /** The test listener, if `testListenerPort` is set. */
  public readonly testListener?: elbv2.ApplicationListener;

  private readonly backend: LoadBalancerBackend;
  private readonly front: RestFront;
  private readonly plans: UsagePlans;
  private readonly added: RestLoadBalancedService[] = [];
  private completed = false;

  /**
   * @param scope the construct to create it in, usually a stack
   * @param id its construct id, unique within `scope`; also the API's name unless `apiName` is set
   * @param props the default service's image and options, and the network, load balancer and REST API around it
   */
  constructor(scope: Construct, id: string, props: PrivateEcsRestApiProps) {
    // The REST API's and the load balancer's props are checked before anything is built; the base checks the rest.
    validateLoadBalancerProps(props, 'a REST API stage');
    const rest = resolveRestProps(props);
    validateRestProps(props, rest);
    validateRestIntegrationTimeout('integrationTimeout', props.integrationTimeout);
    super(scope, id, props);
    this._resolved = { ...this._resolved, ...resolveRestRouting(props) };
    warnIfRestTimeoutAboveQuota(this, 'integrationTimeout', this._resolved.integrationTimeout);
    warnIfPublicRestApi(this, this._resolved, rest.defaultAuthorization);

    // REST API, its stage, its domain and its usage plans
    const front = createRestApiFront(this, id, this._resolved, rest);
    this.restApi = front.restApi;
    this.stage = front.stage;
    this.apiEndpoint = front.apiEndpoint;
    this.apiAccessLogGroup = front.apiAccessLogGroup;
    this.customDomain = front.customDomain;
    this.customDomainUrl = front.customDomainUrl;
    this.plans = front.usagePlans;
    // A proxy passes every request on as it came: the service validates what it receives.
    acknowledgeNagFinding(this.restApi, 'AwsSolutions-APIG2',
      'The API is a proxy for the service behind it, which validates its own requests; a request validator has no model to check them against.');

    // Load balancer: internal, and open to nothing until the VPC link is let in. The web ACL is on the stage.
    this.backend = new LoadBalancerBackend(this, this._foundation, props, this._resolved.recommendedAlarms);
    this.loadBalancer = this.backend.loadBalancer;
    this.listener = this.backend.listeners.listener;
    this.testListener = this.backend.listeners.testListener;
    this.front = new RestFront(front, this.backend, rest);

    // VPC link V2, default service and methods: every path, the root included, goes to the listener.
    const defaultService = this._serve(this.backend, this.front).wired;
    this.targetGroup = defaultService.targetGroup;
    this.alternateTargetGroup = defaultService.alternateTargetGroup;

    this.node.addValidation({ validate: () => this.backend.validateTestListener([this, ...this.added]) });
    // Services and keys can be added after construction: how plans and keys meet is known only at synth.
    Aspects.of(this).add({ visit: node => node === this && this.complete(front.resourcePolicy) });
  }

  /** What can be known only once every service is added: how plans and keys meet, whom a PRIVATE API admits. */
  private complete(resourcePolicy?: iam.PolicyDocument): void {
    if (this.completed) {
      return;
    }
    this.completed = true;
    warnIfPlansMeterNothing(this, this.plans.size, this.front.metered);
    if (resourcePolicy) {
      admitPrivateCallers(this, resourcePolicy, this.front.authorizationTypes);
    }
  }

  /**
   * Puts another Fargate service behind the same load balancer and REST API, for one path prefix: the
   * API's resources `<pathPrefix>` and `<pathPrefix>/{proxy+}` call the listener, and a listener rule
   * forwards the prefix to the service.
   *
   * @param id the construct id of the service's resources, unique among this construct's children
   * @param options the service's path prefix, image and options
   */
  public addService(id: string, options: AddRestServiceOptions): IRestApiService {
    const added = this._addService(id, options, this.front, request => new RestLoadBalancedService(this, this.backend, request));
    this.added.push(added);
    return added;
  }

  /** The services added with `addService`, in the order they were added. */
  public get services(): IRestApiService[] {
    return [...this.added];
  }

  /**
   * The usage plan of `usagePlans` with this name, to add API keys to (`addApiKey`) or read its id.
   *
   * @param name the plan's `name`
   */
  public usagePlan(name: string): apigw.UsagePlan {
    return this.plans.plan(name);
  }

  /**
   * Adds an API key to a usage plan, under an id derived from the key's construct rather than its
   * place, so that removing another key later leaves this one's association as it is. A key belongs to
   * one plan; moving it to another takes two deploys: out of the first plan, then into the second.
   *
   * @param planName the plan's `name`
   * @param apiKey the key, such as `new apigw.ApiKey(this, 'PartnerKey')`
   */
  public addApiKey(planName: string, apiKey: apigw.IApiKey): void {
    this.plans.addKey(planName, apiKey);
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
