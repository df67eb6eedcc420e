import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import type { BackendWiring } from './load-balancer-backend';
import { createBackend } from './load-balancer-backend';
import type { ListenerRouting } from './traffic-routing';
import type { IApiService } from '../../../api-service';
import type { ApiWiring } from '../../api/routes';
import { integrateService } from '../../api/routes';
import type { ResolvedServiceOptions } from '../../props/defaults';

/** A service added with `PrivateEcsHttpApi.addService`: a construct that holds its resources. */
export class ApiService extends Construct implements IApiService {
  public readonly pathPrefix: string;
  /** The priority of its listener rules. */
  public readonly listenerRulePriority: number;
  public readonly service: ecs.FargateService;
  public readonly taskDefinition: ecs.FargateTaskDefinition;
  public readonly targetGroup: elbv2.ApplicationTargetGroup;
  public readonly alternateTargetGroup?: elbv2.ApplicationTargetGroup;
  public readonly integration: apigwv2.HttpRouteIntegration;
  public readonly alarms: cloudwatch.Alarm[];

  constructor(
    scope: Construct,
    id: string,
    wiring: { readonly backend: BackendWiring; readonly api: ApiWiring },
    options: ResolvedServiceOptions,
    routing: ListenerRouting,
  ) {
    super(scope, id);
    const backend = createBackend(this, wiring.backend, options, routing);
    this.pathPrefix = routing.pathPrefix;
    this.listenerRulePriority = routing.priority;
    this.service = backend.service;
    this.taskDefinition = backend.taskDefinition;
    this.targetGroup = backend.targetGroup;
    this.alternateTargetGroup = backend.alternateTargetGroup;
    this.alarms = backend.alarms;
    this.integration = integrateService(wiring.api, `${id}Integration`, options, routing.pathPrefix);
  }
}
