import { Names } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import type { Construct } from 'constructs';
import type { AddServiceOptions } from './api-service';
import type { PrivateEcsHttpApiBaseProps } from './base-props';
import type { ICloudMapApiService } from './cloud-map-api-service';
import type { CloudMapApiWiring, CloudMapWiring } from './private/backends/cloud-map/cloud-map-backend';
import { createCloudMapBackend, integrateCloudMapService } from './private/backends/cloud-map/cloud-map-backend';
import { CloudMapApiService } from './private/backends/cloud-map/cloud-map-service';
import { validateCloudMapAddedService, validateCloudMapService, validateNamespace } from './private/backends/cloud-map/validate-cloud-map';
import { createVpcLink } from './private/network/vpc-link';
import { resolveBaseProps } from './private/props/defaults';
import { resolveAddedService } from './private/props/resolve-added-service';
import { createApiAlarms } from './private/service/alarms';
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

  /** The task definition of the default service. */
  public readonly taskDefinition: ecs.FargateTaskDefinition;

  /** The default service: the one that answers every path no added service claims. */
  public readonly service: ecs.FargateService;

  /** The Cloud Map service the default service's tasks are registered in, with SRV records. */
  public readonly cloudMapService: servicediscovery.IService;

  /** The VPC link through which the API reaches the tasks. */
  public readonly vpcLink: apigwv2.VpcLink;

  /**
   * The default service's private integration (HTTP_PROXY over the VPC link to its Cloud Map
   * service), for routes you add yourself. Each added service has its own: `ICloudMapApiService.integration`.
   */
  public readonly integration: apigwv2.HttpRouteIntegration;

  private readonly backendWiring: CloudMapWiring;
  private readonly apiWiring: CloudMapApiWiring;
  private readonly defaultParameterMapping?: apigwv2.ParameterMapping;
  private readonly addedServices: CloudMapApiService[];
  private readonly defaultAlarms: cloudwatch.Alarm[];

  /**
   * @param scope the construct to create it in, usually a stack
   * @param id its construct id, unique within `scope`; also the API's name unless `apiName` is set
   * @param props the default service's image and options, and the network, namespace and API around it
   */
  constructor(scope: Construct, id: string, props: PrivateEcsCloudMapHttpApiProps) {
    // What needs a load balancer is refused before anything is built; the base checks the rest.
    const resolved = resolveBaseProps(props);
    validateCloudMapService('', props, resolved);
    validateNamespace(props.cloudMapNamespaceName, props.cloudMapNamespace !== undefined);
    // No load balancer writes to the log bucket.
    super(scope, id, props, false);
    this.defaultParameterMapping = props.parameterMapping;
    this.addedServices = [];
    const foundation = this._foundation;

    // Cloud Map namespace, where the tasks register: the load balancer's place. Its name is unique to
    // this construct: Route 53 refuses a private hosted zone whose name another zone of the VPC has
    // (ConflictingDomainExists). https://docs.aws.amazon.com/Route53/latest/APIReference/API_CreateHostedZone.html
    this.cloudMapNamespace = props.cloudMapNamespace ?? new servicediscovery.PrivateDnsNamespace(this, 'Namespace', {
      vpc: this.vpc,
      name: props.cloudMapNamespaceName ?? `${Names.uniqueResourceName(this, { maxLength: 54 }).toLowerCase()}.internal`,
      description: `Tasks of the ECS services of ${this.node.path}`,
    });

    // VPC link, with a security group of its own, which each service lets reach its container port.
    const vpcLink = createVpcLink(this, this.vpc, foundation.network.privateSubnets,
      'API Gateway VPC link: may reach only the tasks, on the container port');
    this.vpcLink = vpcLink.vpcLink;

    // Default service, registered in the namespace.
    this.backendWiring = {
      placement: foundation.placement,
      namespace: this.cloudMapNamespace,
      vpcLinkSecurityGroup: vpcLink.securityGroup,
      endpoints: foundation.endpoints,
      recommendedAlarms: resolved.recommendedAlarms,
    };
    const backend = createCloudMapBackend(this, this.backendWiring, resolved);
    this.taskDefinition = backend.taskDefinition;
    this.service = backend.service;
    this.cloudMapService = backend.cloudMapService;

    // Integration and routes: every path, the root included, goes to the default service's tasks.
    this.apiWiring = { httpApi: this.httpApi, vpcLink: this.vpcLink };
    this.integration = integrateCloudMapService(this.apiWiring, this.cloudMapService, 'CloudMapIntegration', resolved);

    this.defaultAlarms = resolved.recommendedAlarms ? [...createApiAlarms(this, this.stage), ...backend.alarms] : [];
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
    const resolved = resolveAddedService(id, options, {
      taken: this.addedServices.map(added => added.pathPrefix),
      defaultParameterMapping: this.defaultParameterMapping,
      routesByPath: false,
    });
    validateCloudMapService(id, options, resolved);
    validateCloudMapAddedService(id, options);
    const added = new CloudMapApiService(this, id, { backend: this.backendWiring, api: this.apiWiring }, resolved, options.pathPrefix);
    this.addedServices.push(added);
    return added;
  }

  /** The services added with `addService`, in the order they were added. */
  public get services(): ICloudMapApiService[] {
    return [...this.addedServices];
  }

  /** The recommended alarms, when `recommendedAlarms` is set: the API's and every service's. */
  public get alarms(): cloudwatch.Alarm[] {
    return [...this.defaultAlarms, ...this.addedServices.flatMap(added => added.alarms)];
  }
}
