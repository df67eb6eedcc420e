import { Annotations, Names } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpServiceDiscoveryIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import type { Construct } from 'constructs';
import { validateCloudMapAddedService, validateCloudMapService } from './validate-cloud-map';
import type { ServicePathOptions } from '../../../api-service';
import type { PrivateEcsCloudMapHttpApiProps } from '../../../private-ecs-cloud-map-http-api';
import type { ServiceOptions } from '../../../service-options';
import type { Foundation } from '../../network/foundation';
import { zonesOf } from '../../network/network-plan';
import type { ResolvedServiceOptions } from '../../props/resolved-options';
import { createFargateService } from '../../service/fargate-service';
import type { ServiceSurroundings } from '../../service/service-completion';
import { completeService, surroundingsOf } from '../../service/service-completion';
import type { ServiceBackend, ServiceRoute, WiredService } from '../service-backend';

/** A Fargate service registered in Cloud Map. */
export interface CloudMapWiring extends WiredService {
  readonly cloudMapService: servicediscovery.IService;
}

/**
 * The Cloud Map backend of `PrivateEcsCloudMapHttpApi`: a private DNS namespace in which every service
 * registers its tasks, and one integration per service that discovers them there, over the VPC link.
 */
export class CloudMapBackend implements ServiceBackend<CloudMapWiring> {
  public readonly vpcLinkDescription = 'API Gateway VPC link: may reach only the tasks, on the container port';
  public readonly routesByPath = false;
  public readonly defaultIntegrationId = 'CloudMapIntegration';
  public readonly namespace: servicediscovery.IPrivateDnsNamespace;
  private readonly surroundings: ServiceSurroundings;
  private vpcLinkSecurityGroup?: ec2.ISecurityGroup;

  constructor(scope: Construct, foundation: Foundation, props: PrivateEcsCloudMapHttpApiProps, recommendedAlarms: boolean) {
    if (zonesOf(foundation.vpc, foundation.network) < 2) {
      // Neither the VPC link nor Cloud Map needs two zones; a service that runs in one has no second to fail over to.
      Annotations.of(scope).addWarningV2('cdk-private-ecs-http-api:singleAvailabilityZone',
        'vpcSubnets are in one Availability Zone: the VPC link and the tasks fail with it. Select subnets in two, or acknowledge this warning.');
    }
    // Cloud Map namespace, where the tasks register: the load balancer's place. Its name is unique to
    // this construct: Route 53 refuses a private hosted zone whose name another zone of the VPC has
    // (ConflictingDomainExists). https://docs.aws.amazon.com/Route53/latest/APIReference/API_CreateHostedZone.html
    this.namespace = props.cloudMapNamespace ?? new servicediscovery.PrivateDnsNamespace(scope, 'Namespace', {
      vpc: foundation.vpc,
      name: props.cloudMapNamespaceName ?? `${Names.uniqueResourceName(scope, { maxLength: 54 }).toLowerCase()}.internal`,
      description: `Tasks of the ECS services of ${scope.node.path}`,
    });
    this.surroundings = surroundingsOf(foundation, recommendedAlarms);
  }

  public validateService(serviceId: string, given: ServiceOptions & ServicePathOptions): void {
    validateCloudMapService(serviceId, given);
    validateCloudMapAddedService(serviceId, given);
  }

  public backendGraphs(): cloudwatch.IWidget[] {
    // The namespace is DNS: no hop a request takes, and no metrics of one.
    return [];
  }

  public admitVpcLink(securityGroup: ec2.ISecurityGroup): void {
    // Each service opens its container port to it, as it is wired.
    this.vpcLinkSecurityGroup = securityGroup;
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
  public wireService(scope: Construct, options: ResolvedServiceOptions, _route?: ServiceRoute): CloudMapWiring {
    const resources = createFargateService(scope, this.surroundings.placement, options, 'Fargate tasks: admit only the API Gateway VPC link, on the container port');
    const cloudMapService = resources.service.enableCloudMap({
      cloudMapNamespace: this.namespace,
      dnsRecordType: servicediscovery.DnsRecordType.SRV,
      container: resources.taskDefinition.defaultContainer,
      containerPort: options.containerPort,
    });
    resources.service.connections.allowFrom(this.vpcLinkSecurityGroup!, ec2.Port.tcp(options.containerPort), 'From the API Gateway VPC link');
    if (!options.containerHealthCheck) {
      Annotations.of(scope).addWarningV2('cdk-private-ecs-http-api:noContainerHealthCheck',
        'The service has no containerHealthCheck: without a load balancer it is the only health check, so ECS reports every running task '
        + 'healthy to Cloud Map and API Gateway sends requests to tasks that may not answer. Set containerHealthCheck, or acknowledge this warning.');
    }
    // Without a load balancer there are no target metrics to roll a deployment back on: the circuit
    // breaker (with the container health check) and the user's deploymentAlarms do it.
    const completed = completeService(scope, this.surroundings, resources, options, { releaseAlarms: () => [] });
    // API Gateway calls the tasks themselves: nothing between them to graph.
    return { ...resources, cloudMapService, ...completed, routeGraphs: [] };
  }

  public integrationOf(wired: CloudMapWiring, id: string, vpcLink: apigwv2.IVpcLink, options: ResolvedServiceOptions): apigwv2.HttpRouteIntegration {
    // Each service's integration discovers its own tasks: a path never decides which service answers.
    return new HttpServiceDiscoveryIntegration(id, wired.cloudMapService, {
      vpcLink,
      method: apigwv2.HttpMethod.ANY,
      parameterMapping: options.parameterMapping,
    });
  }

  public placeService(_serviceId: string, given: ServicePathOptions): ServiceRoute {
    return { pathPrefix: given.pathPrefix, stripPathPrefix: given.stripPathPrefix ?? false };
  }
}
