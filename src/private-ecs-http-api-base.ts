import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { PrivateEcsHttpApiBaseProps } from './base-props';
import { createApiFront } from './private/api/api-front';
import type { Foundation } from './private/network/foundation';
import { createFoundation } from './private/network/foundation';
import { resolveBaseProps } from './private/props/defaults';
import { validateBaseProps } from './private/props/validate-base';

/**
 * What `PrivateEcsHttpApi` and `PrivateEcsCloudMapHttpApi` share: the network and cluster the
 * services run in, and the HTTP API in front of them. Each subclass puts its backend between the
 * two (a load balancer, or Cloud Map) and routes the API to it.
 */
export abstract class PrivateEcsHttpApiBase extends Construct {
  /** The VPC everything runs in. */
  public readonly vpc: ec2.IVpc;

  /** The ECS cluster the services run in. */
  public readonly cluster: ecs.ICluster;

  /** The task definition of the default service. */
  public abstract readonly taskDefinition: ecs.FargateTaskDefinition;

  /** The default service: the one that answers every path no added service claims. */
  public abstract readonly service: ecs.FargateService;

  /** The HTTP API: the only way in from outside the VPC. */
  public readonly httpApi: apigwv2.HttpApi;

  /** The API's `$default` stage, which deploys every change automatically. */
  public readonly stage: apigwv2.HttpStage;

  /**
   * The URL clients call: the `$default` stage's `execute-api` URL, such as
   * `https://abc123.execute-api.us-east-1.amazonaws.com/`, or `https://<domainName>/` when
   * `disableExecuteApiEndpoint` is set.
   */
  public readonly apiEndpoint: string;

  /** The bucket of the VPC flow logs and the load balancer's access logs, if either is on. */
  public readonly logBucket?: s3.IBucket;

  /** The log group of the API's access logs, if they are on. */
  public readonly apiAccessLogGroup?: logs.ILogGroup;

  /** The API's custom domain, if `domainName` is set. */
  public readonly customDomain?: apigwv2.DomainName;

  /**
   * Where the backend goes: the subnets, the VPC endpoints, the cluster.
   * @internal
   */
  protected readonly _foundation: Foundation;

  /**
   * Checks the props both constructs share, then creates the network, the cluster and the API. The
   * API needs nothing of the backend: the subclass builds that next, and routes the API to it last.
   *
   * @param scope the construct to create it in, usually a stack
   * @param id its construct id, unique within `scope`; also the API's name unless `apiName` is set
   * @param props the default service's image and options, and the network and API around it
   * @param loadBalancerAccessLogs whether a load balancer writes its access logs to the log bucket
   */
  protected constructor(scope: Construct, id: string, props: PrivateEcsHttpApiBaseProps, loadBalancerAccessLogs: boolean) {
    super(scope, id);
    const resolved = resolveBaseProps(props);
    validateBaseProps(props, resolved);

    // Network and cluster
    this._foundation = createFoundation(this, props, resolved, loadBalancerAccessLogs);
    this.vpc = this._foundation.vpc;
    this.cluster = this._foundation.cluster;
    this.logBucket = this._foundation.logBucket;

    // API, its stage and its domain
    const front = createApiFront(this, id, props, resolved);
    this.httpApi = front.httpApi;
    this.stage = front.stage;
    this.apiEndpoint = front.apiEndpoint;
    this.apiAccessLogGroup = front.apiAccessLogGroup;
    this.customDomain = front.customDomain;
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
}
