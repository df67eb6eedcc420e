import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpAlbIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { HTTP_LISTENER_PORT, resolveServiceOptions } from './private/defaults';
import { createFargateService } from './private/fargate-service';
import { choosePrivateSubnets, chooseVpc, createVpc } from './private/network';
import { validateServiceOptions } from './private/validate';
import type { ContainerServiceOptions } from './service-options';

/**
 * Properties for a `PrivateEcsHttpApi`.
 */
export interface PrivateEcsHttpApiProps extends ContainerServiceOptions {
  /**
   * The VPC to run in.
   *
   * @default - the cluster's VPC when `cluster` is given; otherwise a new VPC in two
   * Availability Zones, each with a public subnet and a private one behind its own NAT gateway
   */
  readonly vpc?: ec2.IVpc;

  /**
   * The ECS cluster to run the service in. It must be in `vpc` when both are given.
   *
   * @default - a new cluster in the VPC
   */
  readonly cluster?: ecs.ICluster;

  /**
   * The subnets for the load balancer, the VPC link and the tasks; they must span at least
   * two Availability Zones.
   *
   * @default - the VPC's private subnets with egress
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
}

/**
 * An ECS Fargate service that only an API Gateway HTTP API can reach.
 *
 * The service runs in private subnets behind an internal Application Load Balancer. An HTTP API
 * routes every request (`ANY /` and `ANY /{proxy+}`) through a VPC link to the load balancer's
 * listener. Security groups chain the hops: the VPC link may reach only the listener, and the
 * load balancer only the container port.
 *
 * @example
 * const api = new PrivateEcsHttpApi(this, 'Api', {
 *   image: ecs.ContainerImage.fromRegistry('public.ecr.aws/ecs-sample-image/amazon-ecs-sample:latest'),
 * });
 * new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
 */
export class PrivateEcsHttpApi extends Construct {
  /** The VPC everything runs in. */
  public readonly vpc: ec2.IVpc;

  /** The ECS cluster the service runs in. */
  public readonly cluster: ecs.ICluster;

  /** The task definition of the service. */
  public readonly taskDefinition: ecs.FargateTaskDefinition;

  /** The Fargate service. */
  public readonly service: ecs.FargateService;

  /** The internal Application Load Balancer in front of the service. */
  public readonly loadBalancer: elbv2.ApplicationLoadBalancer;

  /** The load balancer's listener that the API's integration calls. */
  public readonly listener: elbv2.ApplicationListener;

  /** The target group the listener forwards to. */
  public readonly targetGroup: elbv2.ApplicationTargetGroup;

  /** The VPC link through which the API reaches the load balancer. */
  public readonly vpcLink: apigwv2.VpcLink;

  /** The HTTP API: the only way in from outside the VPC. */
  public readonly httpApi: apigwv2.HttpApi;

  /** The invoke URL of the API's `$default` stage, such as `https://abc123.execute-api.us-east-1.amazonaws.com/`. */
  public readonly apiEndpoint: string;

  constructor(scope: Construct, id: string, props: PrivateEcsHttpApiProps) {
    super(scope, id);
    const serviceOptions = resolveServiceOptions(props);
    validateServiceOptions(serviceOptions);

    // Network
    this.vpc = chooseVpc(this, props.vpc, props.cluster) ?? createVpc(this, 'Vpc');
    const privateSubnets = choosePrivateSubnets(this.vpc, props.vpcSubnets);

    // Cluster
    this.cluster = props.cluster ?? new ecs.Cluster(this, 'Cluster', { vpc: this.vpc });

    // Load balancer: internal, and open to nothing until the VPC link is let in below.
    const loadBalancerSecurityGroup = new ec2.SecurityGroup(this, 'LoadBalancerSecurityGroup', {
      vpc: this.vpc,
      description: 'Load balancer: admits only the VPC link, on the listener port',
      allowAllOutbound: false,
    });
    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc: this.vpc,
      vpcSubnets: privateSubnets,
      internetFacing: false,
      securityGroup: loadBalancerSecurityGroup,
    });
    this.listener = this.loadBalancer.addListener('Listener', {
      protocol: elbv2.ApplicationProtocol.HTTP,
      port: HTTP_LISTENER_PORT,
      open: false,
    });

    // Service: attaching its target group lets the load balancer reach the container port.
    const backend = createFargateService(this, { cluster: this.cluster, vpc: this.vpc, subnets: privateSubnets }, serviceOptions);
    this.taskDefinition = backend.taskDefinition;
    this.service = backend.service;
    this.targetGroup = backend.targetGroup;
    this.listener.addTargetGroups('Default', { targetGroups: [this.targetGroup] });

    // VPC link, with a security group of its own that may reach only the listener.
    const vpcLinkSecurityGroup = new ec2.SecurityGroup(this, 'VpcLinkSecurityGroup', {
      vpc: this.vpc,
      description: 'API Gateway VPC link: may reach only the load balancer listener',
      allowAllOutbound: false,
    });
    this.loadBalancer.connections.allowFrom(vpcLinkSecurityGroup, ec2.Port.tcp(HTTP_LISTENER_PORT), 'From the API Gateway VPC link');
    this.vpcLink = new apigwv2.VpcLink(this, 'VpcLink', {
      vpc: this.vpc,
      subnets: privateSubnets,
      securityGroups: [vpcLinkSecurityGroup],
    });

    // API, with the `$default` stage deploying every change.
    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      description: `Private integration to the ECS service ${this.node.path}`,
    });
    this.apiEndpoint = this.httpApi.defaultStage!.url;

    // Integration and routes: everything, including the root path, goes to the listener.
    const integration = new HttpAlbIntegration('LoadBalancerIntegration', this.listener, {
      vpcLink: this.vpcLink,
      method: apigwv2.HttpMethod.ANY,
    });
    for (const path of ['/', '/{proxy+}']) {
      this.httpApi.addRoutes({ path, methods: [apigwv2.HttpMethod.ANY], integration });
    }
  }
}
