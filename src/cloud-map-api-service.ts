import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import type { IConstruct } from 'constructs';

/**
 * A Fargate service of a `PrivateEcsCloudMapHttpApi`, for one path prefix: its tasks registered
 * in Cloud Map, which the API's integration discovers.
 */
export interface ICloudMapApiService extends IConstruct {
  /** The path prefix that leads to this service. */
  readonly pathPrefix: string;

  /** The Fargate service. */
  readonly service: ecs.FargateService;

  /** Its task definition. */
  readonly taskDefinition: ecs.FargateTaskDefinition;

  /** The Cloud Map service its tasks are registered in, with SRV records. */
  readonly cloudMapService: servicediscovery.IService;

  /** Its private integration, with its own timeout and parameter mapping, which its routes use. */
  readonly integration: apigwv2.HttpRouteIntegration;
}
