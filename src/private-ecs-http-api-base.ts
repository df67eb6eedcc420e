import { Stack } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { AddServiceOptions } from './api-service';
import type { PrivateEcsHttpApiBaseProps } from './base-props';
import { createApiFront } from './private/api/api-front';
import { warnIfPublicService } from './private/api/authorization';
import { ServiceRoutes } from './private/api/routes';
import type { AddedServiceConstruct, ServiceBackend, WiredService } from './private/backends/service-backend';
import type { Foundation } from './private/network/foundation';
import { createFoundation } from './private/network/foundation';
import { createVpcLink } from './private/network/vpc-link';
import { RequestDashboard } from './private/observability/request-dashboard';
import { resolveBaseProps } from './private/props/defaults';
import { resolveAddedService } from './private/props/resolve-added-service';
import type { ResolvedBaseProps } from './private/props/resolved-options';
import { requireCertificateInRegion, validateGivenProps, validateResolvedProps } from './private/props/validate-base';
import { createApiAlarms } from './private/service/alarms';

/**
 * What `PrivateEcsHttpApi` and `PrivateEcsCloudMapHttpApi` share: the network and cluster the
 * services run in, the HTTP API in front of them, the VPC link between, and the one path every
 * service takes, the default one and each added one. Each subclass chooses its backend (a load
 * balancer, or Cloud Map), which wires each service in and makes its integration.
 */
export abstract class PrivateEcsHttpApiBase extends Construct {
  /** The VPC everything runs in. */
  public readonly vpc: ec2.IVpc;

  /** The ECS cluster the services run in. */
  public readonly cluster: ecs.ICluster;

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

  /** The log group of the API's access logs, if they are on. */
  public readonly apiAccessLogGroup?: logs.ILogGroup;

  /** The API's custom domain, if `domainName` is set. */
  public readonly customDomain?: apigwv2.DomainName;

  /**
   * The URL of the custom domain, `https://<domainName>/`, if `domainName` is set: beside
   * `apiEndpoint`, which stays the `execute-api` URL unless `disableExecuteApiEndpoint` is set.
   */
  public readonly customDomainUrl?: string;

  /**
   * The network, the cluster and the default service's resolved options, for the subclass's backend.
   * @internal
   */
  protected readonly _foundation: Foundation;

  /** @internal */
  protected readonly _resolved: ResolvedBaseProps;

  private readonly given: PrivateEcsHttpApiBaseProps;
  private served?: {
    readonly backend: ServiceBackend<WiredService, AddedServiceConstruct>;
    readonly wired: WiredService;
    readonly vpcLink: apigwv2.VpcLink;
    readonly integration: apigwv2.HttpRouteIntegration;
    readonly routes: ServiceRoutes;
    readonly alarms: cloudwatch.Alarm[];
    readonly dashboard?: RequestDashboard;
  };

  /**
   * Checks and resolves the props both constructs share, then creates the network, the cluster and
   * the API; the subclass then serves its default service through its backend.
   *
   * @param scope the construct to create it in, usually a stack
   * @param id its construct id, unique within `scope`; also the API's name unless `apiName` is set
   * @param props the default service's image and options, and the network and API around it
   */
  protected constructor(scope: Construct, id: string, props: PrivateEcsHttpApiBaseProps) {
    super(scope, id);
    this.given = props;
    validateGivenProps(props);
    requireCertificateInRegion(props.domainCertificate, Stack.of(this).region);
    this._resolved = resolveBaseProps(props);
    validateResolvedProps(this._resolved);

    // Network and cluster
    this._foundation = createFoundation(this, this._resolved);
    this.vpc = this._foundation.vpc;
    this.cluster = this._foundation.cluster;

    // API, its stage and its domain
    const front = createApiFront(this, id, this._resolved);
    this.httpApi = front.httpApi;
    this.stage = front.stage;
    this.apiEndpoint = front.apiEndpoint;
    this.apiAccessLogGroup = front.apiAccessLogGroup;
    this.customDomain = front.customDomain;
    this.customDomainUrl = front.customDomainUrl;
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

  /**
   * The default service's private integration over the VPC link, for routes you add yourself. Each
   * added service has its own: `IPrivateApiService.integration`.
   */
  public get integration(): apigwv2.HttpRouteIntegration {
    return this.serving().integration;
  }

  /** The bucket of the VPC flow logs and the load balancer's access logs, if either is on. */
  public get logBucket(): s3.IBucket | undefined {
    return this._foundation.logs.bucket;
  }

  /** The recommended alarms, when `recommendedAlarms` is set: the API's and every service's. */
  public get alarms(): cloudwatch.Alarm[] {
    const served = this.serving();
    return [...served.alarms, ...served.backend.services.flatMap(added => added.alarms)];
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
   * The one path of the default service, with any backend: the VPC link and what it may reach, the
   * service wired in, its integration and routes (every path, the root included), and the alarms.
   * Called once, by the subclass's constructor, with the backend it chose; returns what the backend
   * made of the default service.
   * @internal
   */
  protected _serve<W extends WiredService>(backend: ServiceBackend<W, AddedServiceConstruct>): W {
    const { vpcLink, securityGroup } = createVpcLink(this, this.vpc, this._foundation.network.linkSubnets, backend.vpcLinkDescription);
    backend.admitVpcLink(securityGroup);
    const wired = backend.wireService(this, this._resolved);
    const routes = new ServiceRoutes(this.httpApi, vpcLink);
    const integrationId = backend.defaultIntegrationId;
    const integration = routes.route(backend.integrationOf(wired, integrationId, vpcLink, this._resolved), integrationId, this._resolved);
    const alarms = this._resolved.recommendedAlarms ? [...createApiAlarms(this, this.stage), ...wired.alarms] : [];
    const dashboard = this._resolved.dashboard ? new RequestDashboard(this, this._resolved, {
      httpApi: this.httpApi,
      stage: this.stage,
      backendGraphs: backend.backendGraphs(),
      // Read at synthesis, when every added service has brought its own.
      alarms: this._resolved.recommendedAlarms ? () => this.alarms : undefined,
    }, wired) : undefined;
    this.served = { backend, wired, vpcLink, integration, routes, alarms, dashboard };
    // Everything that writes to the log bucket is built.
    this._foundation.logs.check();
    return wired;
  }

  /**
   * The one path of an added service, with any backend: its options checked and resolved against the
   * services already there, then its construct, which the backend wires in and the API routes to.
   * @internal
   */
  protected _addService<S extends AddedServiceConstruct>(id: string, options: AddServiceOptions, backend: ServiceBackend<WiredService, S>): S {
    const served = this.serving();
    backend.validateService(id, options);
    const resolved = resolveAddedService(id, options, {
      taken: backend.services.map(added => added.pathPrefix),
      defaultParameterMapping: this.given.parameterMapping,
      routesByPath: backend.routesByPath,
      recommendedAlarms: this._resolved.recommendedAlarms,
      defaultAuthorizer: this._resolved.defaultAuthorizer,
    });
    const added = backend.createService(this, { id, options, resolved, routes: served.routes });
    warnIfPublicService(added, id, resolved, this._resolved.defaultAuthorizer);
    backend.services.push(added);
    served.dashboard?.showService(id, added.pathPrefix, added.wired);
    return added;
  }

  private serving(): NonNullable<PrivateEcsHttpApiBase['served']> {
    if (!this.served) {
      throw new Error(`${this.node.path} has no backend yet: its constructor has not finished`);
    }
    return this.served;
  }
}
