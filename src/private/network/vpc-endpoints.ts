import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';

/** What every task needs: its image from ECR, whose layers live in S3 (a gateway endpoint), and its logs. */
const ALWAYS: Record<string, ec2.InterfaceVpcEndpointAwsService> = {
  EcrEndpoint: ec2.InterfaceVpcEndpointAwsService.ECR,
  EcrDockerEndpoint: ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER,
  LogsEndpoint: ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
};

/** What tasks with `secrets` need too: an `ecs.Secret` may come from either service. */
const FOR_SECRETS: Record<string, ec2.InterfaceVpcEndpointAwsService> = {
  SecretsManagerEndpoint: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
  SsmEndpoint: ec2.InterfaceVpcEndpointAwsService.SSM,
};

/**
 * What tasks reached with ECS Exec need too: the SSM agent in the container opens its session
 * channels through Session Manager's ssmmessages endpoint.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html
 */
const FOR_EXECUTE_COMMAND: Record<string, ec2.InterfaceVpcEndpointAwsService> = {
  SsmMessagesEndpoint: ec2.InterfaceVpcEndpointAwsService.SSM_MESSAGES,
};

/**
 * The VPC endpoints that let tasks in isolated subnets start. Each interface endpoint admits only
 * the task security groups given to `allowTasks`; the secrets endpoints are made when the first
 * service with secrets needs them.
 */
export class TaskVpcEndpoints {
  private readonly endpoints: ec2.InterfaceVpcEndpoint[] = [];
  private readonly secretsEndpoints: ec2.InterfaceVpcEndpoint[] = [];
  private readonly allowed: ec2.ISecurityGroup[] = [];
  private readonly executeCommandEndpoints: ec2.InterfaceVpcEndpoint[] = [];

  constructor(private readonly scope: Construct, private readonly vpc: ec2.IVpc, private readonly subnets: ec2.SubnetSelection) {
    vpc.addGatewayEndpoint('S3Endpoint', { service: ec2.GatewayVpcEndpointAwsService.S3, subnets: [subnets] });
    this.endpoints.push(...this.createEndpoints(ALWAYS));
  }

  /** Lets the tasks of one service reach every interface endpoint, on HTTPS. */
  public allowTasks(taskSecurityGroup: ec2.ISecurityGroup, needsSecrets: boolean): void {
    if (needsSecrets && this.secretsEndpoints.length === 0) {
      this.secretsEndpoints.push(...this.createEndpoints(FOR_SECRETS));
      this.allowed.forEach(group => this.admit(this.secretsEndpoints, group));
    }
    this.allowed.push(taskSecurityGroup);
    this.admit([...this.endpoints, ...this.secretsEndpoints], taskSecurityGroup);
  }

  /**
   * Lets the tasks of a service with `enableExecuteCommand` reach the ssmmessages endpoint, made
   * when the first such service needs it; only those services' tasks are admitted to it.
   */
  public allowExecuteCommand(taskSecurityGroup: ec2.ISecurityGroup): void {
    if (this.executeCommandEndpoints.length === 0) {
      this.executeCommandEndpoints.push(...this.createEndpoints(FOR_EXECUTE_COMMAND));
    }
    this.admit(this.executeCommandEndpoints, taskSecurityGroup);
  }

  private createEndpoints(services: Record<string, ec2.InterfaceVpcEndpointAwsService>): ec2.InterfaceVpcEndpoint[] {
    return Object.entries(services).map(([id, service]) =>
      new ec2.InterfaceVpcEndpoint(this.scope, id, { vpc: this.vpc, service, subnets: this.subnets, open: false }));
  }

  private admit(endpoints: ec2.InterfaceVpcEndpoint[], group: ec2.ISecurityGroup): void {
    endpoints.forEach(endpoint => endpoint.connections.allowDefaultPortFrom(group, 'From the Fargate tasks'));
  }
}
