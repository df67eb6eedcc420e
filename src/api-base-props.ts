import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as route53 from 'aws-cdk-lib/aws-route53';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { ServiceOptions } from './service-options';
import type { TaskEgress } from './task-egress';

/**
 * What every construct shares, whichever API is in front: the default service (`ServiceOptions`),
 * the network it runs in, and the API's name, access logs, throttling and custom domain.
 */
export interface PrivateEcsApiBaseProps extends ServiceOptions {
  // ---- Network -------------------------------------------------------------------------------

  /**
   * The VPC to run in.
   *
   * @default - the cluster's VPC when `cluster` is given; otherwise a new VPC in two
   * Availability Zones, laid out for `taskEgress`
   */
  readonly vpc?: ec2.IVpc;

  /**
   * The ECS cluster to run the services in. It must be in `vpc` when both are given.
   *
   * @default - a new cluster in the VPC, with Container Insights and the Fargate Spot capacity provider
   */
  readonly cluster?: ecs.ICluster;

  /**
   * Turn on CloudWatch Container Insights for the cluster the construct creates: task- and
   * service-level CPU, memory, network and storage metrics, billed as custom metrics.
   *
   * @default true
   */
  readonly containerInsights?: boolean;

  /**
   * The subnets for the load balancer (if any) and the VPC link, and for the tasks unless `taskEgress` is
   * `PUBLIC_IP`. With a load balancer (`PrivateEcsHttpApi`, `PrivateEcsRestApi`) they must span at least two Availability Zones (a load
   * balancer needs two); `PrivateEcsCloudMapHttpApi` warns when they span one.
   *
   * @default - the VPC's private subnets with egress; for a `taskEgress` other than `NAT_GATEWAY`,
   * its isolated subnets when it has no private subnets with egress
   */
  readonly vpcSubnets?: ec2.SubnetSelection;

  /**
   * How the tasks reach the image registry and CloudWatch Logs.
   *
   * @default TaskEgress.NAT_GATEWAY
   */
  readonly taskEgress?: TaskEgress;

  /**
   * What gives the tasks of a VPC the construct creates their way out with `taskEgress` NAT_GATEWAY,
   * such as a NAT instance for a few dollars a month:
   * `ec2.NatProvider.instanceV2({ instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.NANO),
   * machineImage: ec2.MachineImage.latestAmazonLinux2023({ cpuType: ec2.AmazonLinuxCpuType.ARM_64, cachedInContext: true }),
   * defaultAllowedTraffic: ec2.NatTrafficDirection.OUTBOUND_ONLY })`. A NAT instance's security group
   * must admit nothing (OUTBOUND_ONLY); the construct lets in the VPC's own address range only.
   * Pin the image: without `cachedInContext` (which needs a stack with an account and Region) the image
   * is read from SSM at every deploy, and each new Amazon Linux release replaces the NAT instances, cutting
   * the tasks' egress and changing its addresses; in an environment-agnostic stack name the AMI per Region
   * with `ec2.MachineImage.genericLinux({...})`, and move it on purpose.
   *
   * @default - AWS-managed NAT gateways (ec2.NatProvider.gateway())
   */
  readonly natGatewayProvider?: ec2.NatProvider;

  /**
   * The number of NAT gateways of the VPC the construct creates: 2 puts one in each Availability
   * Zone; 1 saves about $33 a month, but the tasks of both zones then depend on one zone's gateway.
   * Only with `taskEgress` `NAT_GATEWAY`, and only for a VPC the construct creates.
   *
   * @default 2
   */
  readonly natGateways?: number;

  /**
   * Record the VPC's traffic (accepted and rejected) as flow logs in the log bucket.
   * Only for a VPC the construct creates; a VPC you bring keeps its own flow log settings.
   *
   * @default true
   */
  readonly vpcFlowLogs?: boolean;

  /**
   * The S3 bucket for the load balancer's access logs (if there is a load balancer) and the VPC flow logs.
   * For a load balancer's logs it must be encrypted with S3-managed keys (SSE-S3): load balancers cannot
   * write to a bucket encrypted with KMS (`KMS`, `KMS_MANAGED` or `DSSE`), and the constructs with a load balancer refuse one. A bucket of this app
   * gets the policy statements the logs need; for an imported bucket, whose policy is not this
   * stack's, the construct warns (`cdk-private-ecs-http-api:importedLogBucket`) with the statements
   * to add yourself.
   *
   * @default - a new bucket: SSE-S3, TLS only, no public access, objects expire after a year,
   * retained when the stack is deleted
   */
  readonly logBucket?: s3.IBucket;

  // ---- API -----------------------------------------------------------------------------------

  /**
   * The name of the API.
   *
   * @default - the construct's id, such as `Api`
   */
  readonly apiName?: string;

  /**
   * Write an access log line, in JSON, for every request the API receives.
   *
   * @default true
   */
  readonly apiAccessLogs?: boolean;

  /**
   * The log group for the API's access logs.
   *
   * @default - a new log group, kept for `apiAccessLogRetention`
   */
  readonly apiAccessLogGroup?: logs.ILogGroup;

  /**
   * How long the API's access logs are kept, in the log group the construct creates.
   *
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly apiAccessLogRetention?: logs.RetentionDays;

  /**
   * The steady-state number of requests per second each route accepts before it answers 429.
   *
   * It is the stage's default throttling, which API Gateway applies to every route (HTTP API) or
   * method (REST API) of the stage, each on its own: the API as a whole (`ANY /`, `ANY /{proxy+}`,
   * and two for each added service) may accept more, up to the account's limit for the Region
   * (10,000 requests per second across all its APIs, by default).
   *
   * @default 1000
   */
  readonly throttlingRateLimit?: number;

  /**
   * The number of requests each route accepts in a burst above `throttlingRateLimit`.
   *
   * @default 2000
   */
  readonly throttlingBurstLimit?: number;

  /**
   * A custom domain for the API, such as `api.example.com`, mapped to its stage.
   *
   * @default - no custom domain: the API answers on its `execute-api` URL
   */
  readonly domainName?: string;

  /**
   * The ACM certificate for `domainName`, in the stack's Region. Required with `domainName`.
   *
   * @default - no custom domain
   */
  readonly domainCertificate?: acm.ICertificate;

  /**
   * The Route 53 hosted zone in which to create an alias record for `domainName`.
   *
   * @default - no DNS record: point your DNS at `customDomain.regionalDomainName` yourself
   */
  readonly domainHostedZone?: route53.IHostedZone;

  /**
   * Turn off the API's default `execute-api` URL, so that clients can call it only through
   * `domainName`. Only with `domainName`.
   *
   * @default false
   */
  readonly disableExecuteApiEndpoint?: boolean;

  // ---- Operations ----------------------------------------------------------------------------

  /**
   * A KMS key to encrypt the log groups the construct creates: the containers' logs and the API's
   * access logs. The construct lets CloudWatch Logs use it, in the key policy of a key of this stack.
   *
   * @default - CloudWatch Logs' own encryption at rest
   */
  readonly logEncryptionKey?: kms.IKey;

  /**
   * Create CloudWatch alarms we recommend for the API, the load balancer (if any) and each service:
   * API 5xx rate, API latency, unhealthy targets and target 5xx (with a load balancer), CPU and
   * memory. They have no actions: add yours to `alarms`.
   *
   * @default false
   */
  readonly recommendedAlarms?: boolean;

  /**
   * Create a CloudWatch dashboard that follows a request hop by hop: the API, the load balancer and
   * each service's target group (with a load balancer), each service's tasks, and the recommended
   * alarms' states. It grows with every service added. Beyond the account's first three, a dashboard
   * costs a monthly fee.
   *
   * @default false
   */
  readonly dashboard?: boolean;

  /**
   * The name of the dashboard, only with `dashboard`: 1 to 255 letters, digits, `-` and `_`, unique
   * in the account (dashboards are global). A change of it replaces the dashboard.
   *
   * @default - a name CloudFormation generates
   */
  readonly dashboardName?: string;
}
