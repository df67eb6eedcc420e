import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { Construct } from 'constructs';
import type { LoadBalancedWiring, LoadBalancerBackend } from './load-balancer-backend';
import type { IApiService } from '../../../api-service';
import type { ServiceRoutes } from '../../api/routes';
import type { ResolvedServiceOptions } from '../../props/resolved-options';
import { AddedService } from '../added-service';
import type { ServiceRoute } from '../service-backend';

/** A service added with `PrivateEcsHttpApi.addService`: its target groups besides what every added service has. */
export class LoadBalancedService extends AddedService<LoadBalancedWiring> implements IApiService {
  public readonly targetGroup: elbv2.ApplicationTargetGroup;
  public readonly alternateTargetGroup?: elbv2.ApplicationTargetGroup;
  /** The priority of its listener rules. */
  public readonly listenerRulePriority: number;

  constructor(
    scope: Construct,
    id: string,
    backend: LoadBalancerBackend,
    routes: ServiceRoutes,
    options: ResolvedServiceOptions,
    route: ServiceRoute,
  ) {
    super(scope, id, backend, routes, options, route);
    this.targetGroup = this.wired.targetGroup;
    this.alternateTargetGroup = this.wired.alternateTargetGroup;
    this.listenerRulePriority = route.listenerRulePriority!;
  }
}
