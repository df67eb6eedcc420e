import type * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import type { Construct } from 'constructs';
import type { AddServiceOptions } from './api-service';
import type { PrivateEcsHttpApiBaseProps } from './base-props';
import type { ICloudMapApiService } from './cloud-map-api-service';
import { CloudMapBackend } from './private/backends/cloud-map/cloud-map-backend';
import { CloudMapService } from './private/backends/cloud-map/cloud-map-service';
import { validateCloudMapProps } from './private/backends/cloud-map/validate-cloud-map';
import { PrivateEcsHttpApiBase } from './private-ecs-http-api-base';

/**
 * Properties for a `PrivateEcsCloudMapHttpApi`: the default service, the network and the API
 * (`PrivateEcsHttpApiBaseProps`, as for `PrivateEcsHttpApi`), and the Cloud Map namespace that
 * takes the load balancer's place.
 */
export interface PrivateEcsCloudMapHttpApiProps extends PrivateEcsHttpApiBaseProps {
  /**
   * The private DNS namespace in which every service registers its tasks. It must be in the same VPC.
   *
   * @default - a new private DNS namespace in the VPC, named `cloudMapNamespaceName`
   */
  readonly cloudMapNamespace?: servicediscovery.IPrivateDnsNamespace;

  /**
   * The name of the private DNS namespace the construct creates, such as `orders.internal`: a
   * Route 53 private hosted zone of the VPC, where each task also gets an SRV record. No other
   * private hosted zone of the VPC may have the same name. Only without `cloudMapNamespace`.
   *
   * @default - a name unique to this construct in the app, ending in `.internal`
   */
  readonly cloudMapNamespaceName?: string;
}

/**
 * An ECS Fargate service that only an API Gateway HTTP API can reach, without a load balancer:
 * the API's private integration discovers the tasks in AWS Cloud Map and calls one of the healthy
 * ones, through the VPC link, on the container port.
 *
 * It costs less than `PrivateEcsHttpApi` (no load balancer: about $16 a month less) and takes one
 * hop fewer. In exchange the container health check is the only health check, deployments are
 * rolling only, and auto scaling tracks CPU rather than requests. Security groups chain the hops:
 * the VPC link may reach only the tasks, on the container port.
 *
 * @example
 * const api = new PrivateEcsCloudMapHttpApi(this, 'Api', {
 *   image: ecs.ContainerImage.fromRegistry('public.ecr.aws/ecs-sample-image/amazon-ecs-sample:latest'),
 *   containerHealthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] },
 * });
 * new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
 */
export class PrivateEcsCloudMapHttpApi extends PrivateEcsHttpApiBase {
  /** The private DNS namespace every service registers its tasks in. */
  public readonly cloudMapNamespace: servicediscovery.IPrivateDnsNamespace;

  /** The Cloud Map service the default service's tasks are registered in, with SRV records. */
  public readonly cloudMapService: servicediscovery.IService;

  private readonly backend: CloudMapBackend;
  private readonly added: CloudMapService[] = [];

  /**
   * @param scope the construct to create it in, usually a stack
   * @param id its construct id, unique within `scope`; also the API's name unless `apiName` is set
   * @param props the default service's image and options, and the network, namespace and API around it
   */
  constructor(scope: Construct, id: string, props: PrivateEcsCloudMapHttpApiProps) {
    // What Cloud Map cannot do is refused before anything is built; the base checks the rest.
    validateCloudMapProps(props);
    super(scope, id, props);

    // Cloud Map namespace, where the tasks register: the load balancer's place.
    this.backend = new CloudMapBackend(this, this._foundation, props, this._resolved.recommendedAlarms);
    this.cloudMapNamespace = this.backend.namespace;

    // VPC link, default service and integration: every path, the root included, goes to its tasks.
    this.cloudMapService = this._serveHttp(this.backend).cloudMapService;
  }

  /**
   * Puts another Fargate service behind the same API, for one path prefix: the API routes the
   * prefix and everything under it to the service's own Cloud Map service. Its security group
   * admits only the VPC link, like the default service's.
   *
   * @param id the construct id of the service's resources, unique among this construct's children
   * @param options the service's path prefix, image and options
   */
  public addService(id: string, options: AddServiceOptions): ICloudMapApiService {
    const added = this._addHttpService(id, options, request => new CloudMapService(this, this.backend, request));
    this.added.push(added);
    return added;
  }

  /** The services added with `addService`, in the order they were added. */
  public get services(): ICloudMapApiService[] {
    return [...this.added];
  }
}
