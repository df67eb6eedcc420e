import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type { Construct } from 'constructs';
import type { LoadBalancedWiring, LoadBalancerBackend } from './load-balancer-backend';
import type { IApiService } from '../../../api-service';
import type { IRestApiService } from '../../../rest-service-options';
import { AddedService } from '../added-service';
import type { AddedServiceRequest } from '../service-backend';

/** A service added behind the load balancer: its target groups besides what every added service has. */
abstract class LoadBalancedService<R> extends AddedService<LoadBalancedWiring, R> {
  public readonly targetGroup: elbv2.ApplicationTargetGroup;
  public readonly alternateTargetGroup?: elbv2.ApplicationTargetGroup;
  /** The priority of its listener rules. */
  public readonly listenerRulePriority: number;

  constructor(scope: Construct, backend: LoadBalancerBackend, request: AddedServiceRequest<R>) {
    super(scope, backend, request);
    this.targetGroup = this.wired.targetGroup;
    this.alternateTargetGroup = this.wired.alternateTargetGroup;
    this.listenerRulePriority = request.route.listenerRulePriority!;
  }
}

/** A service added with `PrivateEcsHttpApi.addService`, and the integration its routes use. */
export class HttpLoadBalancedService extends LoadBalancedService<apigwv2.HttpRouteIntegration> implements IApiService {
  public get integration(): apigwv2.HttpRouteIntegration {
    return this.routed;
  }
}

/** A service added with `PrivateEcsRestApi.addService`, and the REST API resource of its prefix. */
export class RestLoadBalancedService extends LoadBalancedService<apigw.IResource> implements IRestApiService {
  public get resource(): apigw.IResource {
    return this.routed;
  }
}
