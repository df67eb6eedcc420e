import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import { Construct } from 'constructs';
import type { CloudMapApiWiring, CloudMapWiring } from './cloud-map-backend';
import { createCloudMapBackend, integrateCloudMapService } from './cloud-map-backend';
import type { ICloudMapApiService } from '../../../cloud-map-api-service';
import type { ResolvedServiceOptions } from '../../props/defaults';

/** A service added with `PrivateEcsCloudMapHttpApi.addService`: a construct that holds its resources. */
export class CloudMapApiService extends Construct implements ICloudMapApiService {
  public readonly pathPrefix: string;
  public readonly service: ecs.FargateService;
  public readonly taskDefinition: ecs.FargateTaskDefinition;
  public readonly cloudMapService: servicediscovery.IService;
  public readonly integration: apigwv2.HttpRouteIntegration;
  public readonly alarms: cloudwatch.Alarm[];

  constructor(
    scope: Construct,
    id: string,
    wiring: { readonly backend: CloudMapWiring; readonly api: CloudMapApiWiring },
    options: ResolvedServiceOptions,
    pathPrefix: string,
  ) {
    super(scope, id);
    const backend = createCloudMapBackend(this, wiring.backend, options);
    this.pathPrefix = pathPrefix;
    this.service = backend.service;
    this.taskDefinition = backend.taskDefinition;
    this.cloudMapService = backend.cloudMapService;
    this.alarms = backend.alarms;
    this.integration = integrateCloudMapService(wiring.api, backend.cloudMapService, `${id}Integration`, options, pathPrefix);
  }
}
