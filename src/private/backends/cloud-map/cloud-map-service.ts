import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import type { Construct } from 'constructs';
import type { CloudMapBackend, CloudMapWiring } from './cloud-map-backend';
import type { ICloudMapApiService } from '../../../cloud-map-api-service';
import { AddedService } from '../added-service';
import type { AddedServiceRequest } from '../service-backend';

/** A service added with `PrivateEcsCloudMapHttpApi.addService`: its Cloud Map service besides what every added service has. */
export class CloudMapService extends AddedService<CloudMapWiring, apigwv2.HttpRouteIntegration> implements ICloudMapApiService {
  public readonly cloudMapService: servicediscovery.IService;

  constructor(scope: Construct, backend: CloudMapBackend, request: AddedServiceRequest<apigwv2.HttpRouteIntegration>) {
    super(scope, backend, request);
    this.cloudMapService = this.wired.cloudMapService;
  }

  public get integration(): apigwv2.HttpRouteIntegration {
    return this.routed;
  }
}
