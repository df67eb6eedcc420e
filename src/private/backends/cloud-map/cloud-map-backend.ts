import { Annotations } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpServiceDiscoveryIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import type { Construct } from 'constructs';
import type { IntegrationOptions } from '../../api/routes';
import { routeToIntegration } from '../../api/routes';
import type { ResolvedServiceOptions } from '../../props/defaults';
import type { FargateServiceResources } from '../../service/fargate-service';
import { createFargateService } from '../../service/fargate-service';
import type { ServicePlacement } from '../../service/service-completion';
import { completeService } from '../../service/service-completion';

/** What every service of a Cloud Map backend plugs into: the namespace, and the VPC link that calls the tasks. */
export interface CloudMapWiring extends ServicePlacement {
  readonly namespace: servicediscovery.IPrivateDnsNamespace;
  readonly vpcLinkSecurityGroup: ec2.ISecurityGroup;
}

/** What every service's integration goes through: the API and the VPC link. */
export interface CloudMapApiWiring {
  readonly httpApi: apigwv2.HttpApi;
  readonly vpcLink: apigwv2.IVpcLink;
}

/** A Fargate service registered in Cloud Map, and its alarms. */
export interface CloudMapBackend extends FargateServiceResources {
  readonly cloudMapService: servicediscovery.IService;
  readonly alarms: cloudwatch.Alarm[];
}

/**
 * Creates a Fargate service that registers each task in Cloud Map with an SRV record (its address
 * and the container port), which API Gateway needs: "If you use Amazon ECS to populate entries in
 * AWS Cloud Map, you must configure your Amazon ECS task to use SRV records".
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-private.html
 *
 * ECS reports each task's health to Cloud Map (a custom health check: "Amazon ECS uses information
 * from container and health checks, as well as your task state"), and API Gateway "distributes
 * requests across healthy resources": the container health check is what replaces the load
 * balancer's, and without one every running task counts as healthy, so the construct warns.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-discovery.html
 * The service's healthCheckGracePeriod applies to the container health check too: ECS "ignores
 * unhealthy Elastic Load Balancing, VPC Lattice, and container health checks after a task has first started".
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html
 *
 * The tasks admit only the VPC link, on the container port. A change of the registration (such as a
 * new containerPort) updates the ECS service without interruption: "Amazon ECS starts a new
 * deployment. New tasks are registered and deregistered to the updated service registry configuration."
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ecs-service-serviceregistry.html
 */
export function createCloudMapBackend(scope: Construct, wiring: CloudMapWiring, options: ResolvedServiceOptions): CloudMapBackend {
  const resources = createFargateService(scope, wiring.placement, options, 'Fargate tasks: admit only the API Gateway VPC link, on the container port');
  const cloudMapService = resources.service.enableCloudMap({
    cloudMapNamespace: wiring.namespace,
    dnsRecordType: servicediscovery.DnsRecordType.SRV,
    container: resources.taskDefinition.defaultContainer,
    containerPort: options.containerPort,
  });
  resources.service.connections.allowFrom(wiring.vpcLinkSecurityGroup, ec2.Port.tcp(options.containerPort), 'From the API Gateway VPC link');
  if (!options.containerHealthCheck) {
    Annotations.of(scope).addWarningV2('cdk-private-ecs-http-api:noContainerHealthCheck',
      'The service has no containerHealthCheck: without a load balancer it is the only health check, so ECS reports every running task '
      + 'healthy to Cloud Map and API Gateway sends requests to tasks that may not answer. Set containerHealthCheck, or acknowledge this warning.');
  }
  // Without a load balancer there are no target metrics to roll a deployment back on: the circuit
  // breaker (with the container health check) and the user's deploymentAlarms do it.
  const alarms = completeService(scope, wiring, resources, options, { releaseAlarms: () => [] });
  return { ...resources, cloudMapService, alarms };
}

/**
 * Gives one service a private integration of its own (HTTP_PROXY over the VPC link to its Cloud
 * Map service, with its timeout and parameter mapping) and routes its paths to it.
 */
export function integrateCloudMapService(
  wiring: CloudMapApiWiring,
  cloudMapService: servicediscovery.IService,
  id: string,
  options: IntegrationOptions,
  pathPrefix?: string,
): apigwv2.HttpRouteIntegration {
  const integration = new HttpServiceDiscoveryIntegration(id, cloudMapService, {
    vpcLink: wiring.vpcLink,
    method: apigwv2.HttpMethod.ANY,
    parameterMapping: options.parameterMapping,
  });
  return routeToIntegration(wiring.httpApi, integration, id, options, pathPrefix);
}
