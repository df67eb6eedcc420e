import type * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import type { IPrivateApiService } from './api-service';

/**
 * A Fargate service of a `PrivateEcsCloudMapHttpApi`, for one path prefix: its tasks registered
 * in Cloud Map, which the API's integration discovers.
 */
export interface ICloudMapApiService extends IPrivateApiService {
  /** The Cloud Map service its tasks are registered in, with SRV records. */
  readonly cloudMapService: servicediscovery.IService;
}
