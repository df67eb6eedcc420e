import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { AddedServiceConstruct, AddedServiceRequest, ServiceBackend, WiredService } from './service-backend';

/**
 * A service added with `addService`, with any front and backend: a construct (the service's id) that
 * holds its resources, wired by the backend and routed by the front like the default service. Each
 * backend's subclass adds what is its own (target groups, a Cloud Map service), and what the front
 * made of its routing (`R`: an HTTP integration, a REST resource).
 */
export abstract class AddedService<W extends WiredService, R> extends Construct implements AddedServiceConstruct {
  public readonly pathPrefix: string;
  public readonly service: ecs.FargateService;
  public readonly taskDefinition: ecs.FargateTaskDefinition;
  public readonly containerLogGroup?: logs.ILogGroup;
  public readonly alarms: cloudwatch.Alarm[];
  public readonly scalableTaskCount?: ecs.ScalableTaskCount;
  public readonly wired: W;
  /** What the front made of its routing. */
  protected readonly routed: R;

  protected constructor(scope: Construct, backend: ServiceBackend<W>, request: AddedServiceRequest<R>) {
    super(scope, request.id);
    const { id, route, resolved } = request;
    this.wired = backend.wireService(this, resolved, route);
    this.pathPrefix = route.pathPrefix;
    this.service = this.wired.service;
    this.taskDefinition = this.wired.taskDefinition;
    this.containerLogGroup = this.wired.containerLogGroup;
    this.alarms = this.wired.alarms;
    this.scalableTaskCount = this.wired.scalableTaskCount;
    this.routed = request.front.route({
      scope: this, backend, wired: this.wired, vpcLink: request.vpcLink, integrationId: `${id}Integration`, options: resolved, route,
    });
  }
}
