import type * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import type { Construct } from 'constructs';
import type { CloudMapBackend, CloudMapWiring } from './cloud-map-backend';
import type { ICloudMapApiService } from '../../../cloud-map-api-service';
import type { ServiceRoutes } from '../../api/routes';
import type { ResolvedServiceOptions } from '../../props/resolved-options';
import { AddedService } from '../added-service';
import type { ServiceRoute } from '../service-backend';

/** A service added with `PrivateEcsCloudMapHttpApi.addService`: its Cloud Map service besides what every added service has. */
export class CloudMapService extends AddedService<CloudMapWiring> implements ICloudMapApiService {
  public readonly cloudMapService: servicediscovery.IService;

  constructor(scope: Construct, id: string, backend: CloudMapBackend, routes: ServiceRoutes, options: ResolvedServiceOptions, route: ServiceRoute) {
    super(scope, id, backend, routes, options, route);
    this.cloudMapService = this.wired.cloudMapService;
  }
}
