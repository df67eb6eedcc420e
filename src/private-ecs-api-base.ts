import { Stack } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { PrivateEcsApiBaseProps } from './api-base-props';
import type { ServicePathOptions } from './api-service';
import type { ServiceFront } from './private/api/service-front';
import type { AddedServiceConstruct, AddedServiceRequest, ServiceBackend, WiredService } from './private/backends/service-backend';
import type { Foundation } from './private/network/foundation';
import { createFoundation } from './private/network/foundation';
import { createVpcLink } from './private/network/vpc-link';
import { RequestDashboard } from './private/observability/request-dashboard';
import { resolveBaseProps } from './private/props/defaults';
import type { ResolvedBaseProps } from './private/props/resolved-options';
import { requireCertificateInRegion, validateGivenProps, validateResolvedProps } from './private/props/validate-base';
import { createApiAlarms } from './private/service/alarms';
import type { ServiceOptions } from './service-options';

/**
 * What every construct shares, whichever API is in front (an HTTP API or a REST API) and whichever
 * backend behind it (a load balancer, or Cloud Map): the network and cluster the services run in, the
 * VPC link between, and the one path every service takes, the default one and each added one. Each
 * subclass chooses its front, which routes each service and authorizes its callers, and its backend,
 * which wires each service in.
 */
export abstract class PrivateEcsApiBase extends Construct {
  /** The VPC everything runs in. */
  public readonly vpc: ec2.IVpc;

  /** The ECS cluster the services run in. */
  public readonly cluster: ecs.ICluster;

  /** The URL clients call: the stage's `execute-api` URL, or `https://<domainName>/` when `disableExecuteApiEndpoint` is set. */
  public abstract readonly apiEndpoint: string;

  /** The log group of the API's access logs, if they are on. */
  public abstract readonly apiAccessLogGroup?: logs.ILogGroup;

  /**
   * The URL of the custom domain, `https://<domainName>/`, if `domainName` is set: beside
   * `apiEndpoint`, which stays the `execute-api` URL unless `disableExecuteApiEndpoint` is set.
   */
  public abstract readonly customDomainUrl?: string;

  /**
   * The network, the cluster and the default service's resolved options, for the subclass's backend.
   * @internal
   */
  protected readonly _foundation: Foundation;

  /**
   * Every prop with its default applied; the subclass adds its front's.
   * @internal
   */
  protected _resolved: ResolvedBaseProps;

  private served?: {
    readonly front: ServiceFront<unknown, any>;
    readonly backend: ServiceBackend<WiredService>;
    readonly wired: WiredService;
    readonly vpcLink: apigwv2.VpcLink;
    readonly alarms: cloudwatch.Alarm[];
    readonly dashboard?: RequestDashboard;
    readonly services: AddedServiceConstruct[];
  };

  /**
   * Checks and resolves the props every construct shares, then creates the network and the cluster;
   * the subclass then makes its front and serves its default service through its backend.
   *
   * @param scope the construct to create it in, usually a stack
   * @param id its construct id, unique within `scope`; also the API's name unless `apiName` is set
   * @param props the default service's image and options, and the network and API around it
   */
  protected constructor(scope: Construct, id: string, props: PrivateEcsApiBaseProps) {
    super(scope, id);
    validateGivenProps(props);
    requireCertificateInRegion(props.domainCertificate, Stack.of(this).region);
    this._resolved = resolveBaseProps(props);
    validateResolvedProps(this._resolved);

    // Network and cluster
    this._foundation = createFoundation(this, this._resolved);
    this.vpc = this._foundation.vpc;
    this.cluster = this._foundation.cluster;
  }

  /** The task definition of the default service. */
  public get taskDefinition(): ecs.FargateTaskDefinition {
    return this.serving().wired.taskDefinition;
  }

  /**
   * The log group of the default service's container, which a sidecar may log to as well; none
   * with a `logDriver` of yours.
   */
  public get containerLogGroup(): logs.ILogGroup | undefined {
    return this.serving().wired.containerLogGroup;
  }

  /** The default service: the one that answers every path no added service claims. */
  public get service(): ecs.FargateService {
    return this.serving().wired.service;
  }

  /**
   * The scaling of the default service's task count, when it has `autoScaling`: add scheduled
   * scaling (`scaleOnSchedule`) or step scaling (`scaleOnMetric`) to it. ECS lets a service have
   * one, so `service.autoScaleTaskCount()` throws once `autoScaling` is set.
   */
  public get scalableTaskCount(): ecs.ScalableTaskCount | undefined {
    return this.serving().wired.scalableTaskCount;
  }

  /** The VPC link through which the API reaches the backend. */
  public get vpcLink(): apigwv2.VpcLink {
    return this.serving().vpcLink;
  }

  /** The bucket of the VPC flow logs and the load balancer's access logs, if either is on. */
  public get logBucket(): s3.IBucket | undefined {
    return this._foundation.logs.bucket;
  }

  /** The recommended alarms, when `recommendedAlarms` is set: the API's and every service's. */
  public get alarms(): cloudwatch.Alarm[] {
    const served = this.serving();
    return [...served.alarms, ...served.services.flatMap(added => added.alarms)];
  }

  /**
   * The dashboard, when `dashboard` is set: the API, the load balancer and each target group (with
   * a load balancer), each service's tasks and the recommended alarms' states, one hop of a request
   * below the other. Each service added with `addService` adds its rows.
   */
  public get dashboard(): cloudwatch.Dashboard | undefined {
    return this.serving().dashboard?.dashboard;
  }

  /**
   * The number of requests the API received.
   *
   * @param props the period, statistic and label, if not the defaults
   * @default - sample count over 5 minutes
   */
  public metricRequests(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.serving().front.stage.metricCount(props);
  }

  /**
   * The number of requests the API answered with a 4xx.
   *
   * @param props the period, statistic and label, if not the defaults
   * @default - sum over 5 minutes
   */
  public metricClientErrors(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.serving().front.stage.metricClientError(props);
  }

  /**
   * The number of requests the API answered with a 5xx.
   *
   * @param props the period, statistic and label, if not the defaults
   * @default - sum over 5 minutes
   */
  public metricServerErrors(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.serving().front.stage.metricServerError(props);
  }

  /**
   * The time from the API receiving a request to it answering, in milliseconds.
   *
   * @param props the period, statistic and label, if not the defaults
   * @default - average over 5 minutes
   */
  public metricLatency(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.serving().front.stage.metricLatency(props);
  }

  /**
   * The time the service took to answer the API, in milliseconds.
   *
   * @param props the period, statistic and label, if not the defaults
   * @default - average over 5 minutes
   */
  public metricIntegrationLatency(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.serving().front.stage.metricIntegrationLatency(props);
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
   * The one path of the default service, with any front and backend: the VPC link and what it may
   * reach, the service wired in, its routes (every path, the root included), and the alarms. Called
   * once, by the subclass's constructor, with the front and backend it chose; returns what the backend
   * made of the default service and what the front made of its routing.
   * @internal
   */
  protected _serve<W extends WiredService, R>(backend: ServiceBackend<W>, front: ServiceFront<R, any>): { readonly wired: W; readonly routed: R } {
    const { vpcLink, securityGroup } = createVpcLink(this, this.vpc, this._foundation.network.linkSubnets, backend.vpcLinkDescription);
    backend.admitVpcLink(securityGroup);
    const wired = backend.wireService(this, this._resolved);
    const routed = front.route({ scope: this, backend, wired, vpcLink, integrationId: backend.defaultIntegrationId, options: this._resolved });
    const alarms = this._resolved.recommendedAlarms ? [...createApiAlarms(this, front.stage), ...wired.alarms] : [];
    const dashboard = this._resolved.dashboard ? new RequestDashboard(this, this._resolved, {
      apiTitle: front.title,
      apiId: front.apiId,
      stage: front.stage,
      backendGraphs: backend.backendGraphs(),
      // Read at synthesis, when every added service has brought its own.
      alarms: this._resolved.recommendedAlarms ? () => this.alarms : undefined,
    }, wired) : undefined;
    this.served = { front, backend, wired, vpcLink, alarms, dashboard, services: [] };
    // Everything that writes to the log bucket is built.
    this._foundation.logs.check();
    return { wired, routed };
  }

  /**
   * The one path of an added service, with any front and backend: its options checked by the backend
   * and resolved by the front against the services already there, its place among them, then its
   * construct (`create`), which the backend wires in and the front routes to.
   * @internal
   */
  protected _addService<R, O extends ServiceOptions & ServicePathOptions, S extends AddedServiceConstruct>(
    id: string,
    options: O,
    front: ServiceFront<R, O>,
    create: (request: AddedServiceRequest<R>) => S,
  ): S {
    const served = this.serving();
    served.backend.validateService(id, options);
    const resolved = front.resolveService(id, options, {
      taken: served.services.map(added => added.pathPrefix),
      routesByPath: served.backend.routesByPath,
      recommendedAlarms: this._resolved.recommendedAlarms,
    });
    const route = served.backend.placeService(id, options);
    const added = create({ id, resolved, route, front, vpcLink: served.vpcLink });
    front.checkService(added, id, resolved);
    served.services.push(added);
    served.dashboard?.showService(id, added.pathPrefix, added.wired);
    return added;
  }

  private serving(): NonNullable<PrivateEcsApiBase['served']> {
    if (!this.served) {
      throw new Error(`${this.node.path} has no backend yet: its constructor has not finished`);
    }
    return this.served;
  }
}
