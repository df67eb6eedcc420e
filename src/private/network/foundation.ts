import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type { Construct } from 'constructs';
import { addFlowLogToBucket, LogDestination } from './log-bucket';
import type { NetworkPlan } from './network-plan';
import { chooseVpc, createVpc, planNetwork } from './network-plan';
import { TaskVpcEndpoints } from './vpc-endpoints';
import { TaskEgress } from '../../task-egress';
import type { ResolvedBaseProps } from '../props/resolved-options';
import type { FargateServicePlacement } from '../service/fargate-service';

/** What the services of either backend run in: the VPC and its subnets, the cluster, and the log bucket. */
export interface Foundation {
  readonly vpc: ec2.IVpc;
  readonly network: NetworkPlan;
  readonly cluster: ecs.ICluster;
  /** The bucket of the flow logs and the load balancer's access logs, made when the first is sent to it. */
  readonly logs: LogDestination;
  /** The VPC endpoints of `TaskEgress.VPC_ENDPOINTS`. */
  readonly endpoints?: TaskVpcEndpoints;
  /** Where every service's tasks run: the cluster, the task subnets, and the key of their logs. */
  readonly placement: FargateServicePlacement;
}

/**
 * Creates (or takes) the network and the cluster: the VPC laid out for the tasks' egress, its flow
 * logs, the VPC endpoints, and the ECS cluster. The log bucket is made when something sends logs to it.
 */
export function createFoundation(scope: Construct, resolved: ResolvedBaseProps): Foundation {
  const userVpc = chooseVpc(scope, resolved.vpc, resolved.cluster);
  const createdVpc = userVpc ? undefined : createVpc(scope, 'Vpc', resolved.taskEgress, resolved.natGateways, resolved.natGatewayProvider);
  const vpc = userVpc ?? createdVpc!;
  const network = planNetwork(vpc, resolved.taskEgress, resolved.vpcSubnets);
  const logs = new LogDestination(scope, resolved.logBucket,
    createdVpc ? 'vpcFlowLogs is false' : 'the VPC is yours, so the construct adds no flow logs to it');
  if (createdVpc && resolved.vpcFlowLogs) {
    addFlowLogToBucket(createdVpc, logs.forFlowLogs());
  }
  const endpoints = resolved.taskEgress === TaskEgress.VPC_ENDPOINTS
    ? new TaskVpcEndpoints(scope, vpc, network.taskSubnets)
    : undefined;
  const cluster = resolved.cluster ?? new ecs.Cluster(scope, 'Cluster', {
    vpc,
    containerInsightsV2: resolved.containerInsights ? ecs.ContainerInsights.ENABLED : ecs.ContainerInsights.DISABLED,
    enableFargateCapacityProviders: true,
  });
  const placement = {
    cluster,
    fargateCapacityProviders: withFargateCapacityProviders(cluster),
    vpc,
    subnets: network.taskSubnets,
    assignPublicIp: network.assignPublicIp,
    logEncryptionKey: resolved.logEncryptionKey,
  };
  return { vpc, network, cluster, logs, endpoints, placement };
}

/**
 * Associates FARGATE and FARGATE_SPOT with a cluster of this app (the construct's own, or the user's
 * `ecs.Cluster`), so that every service can name its capacity in a capacity provider strategy from the
 * first deploy: "A capacity provider must be associated with the cluster to be used in a capacity
 * provider strategy", and "The Fargate capacity providers are available to all accounts and only need to
 * be associated with a cluster to be used" (the association is one resource per cluster, shared with the
 * user's own providers). An imported cluster cannot be changed, so its services keep the FARGATE launch type.
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PutClusterCapacityProviders.html
 */
function withFargateCapacityProviders(cluster: ecs.ICluster): boolean {
  if (!(cluster instanceof ecs.Cluster)) {
    return false;
  }
  cluster.enableFargateCapacityProviders();
  return true;
}
