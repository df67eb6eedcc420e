/**
 * On-demand prices in US East (N. Virginia), in USD, of what a template of ours makes that costs
 * money while idle. Taken from the AWS pricing pages below as published in 2025 (the latest we could
 * read; this machine has no internet to check them again): re-check them before you quote a figure.
 */
export const PRICES = {
  asOf: '2025-06',
  region: 'us-east-1',
  hoursPerMonth: 730,
  /** https://aws.amazon.com/vpc/pricing/ : NAT gateway, per hour (data processing extra) */
  natGatewayHour: 0.045,
  /** https://aws.amazon.com/ec2/pricing/on-demand/ : Linux instances, per hour (NAT instances) */
  ec2InstanceHour: { 't4g.nano': 0.0042 } as Record<string, number>,
  /** https://aws.amazon.com/ebs/pricing/ : gp3 (and gp2 NAT AMIs' root volumes, priced alike), per GB-month; 8 GB a NAT instance */
  ebsGbMonth: 0.08,
  natInstanceRootVolumeGb: 8,
  /** https://aws.amazon.com/vpc/pricing/ : public IPv4 address, in use or idle, per hour */
  publicIpv4Hour: 0.005,
  /** https://aws.amazon.com/privatelink/pricing/ : interface VPC endpoint, per Availability Zone per hour */
  interfaceEndpointAzHour: 0.01,
  /** https://aws.amazon.com/elasticloadbalancing/pricing/ : Application Load Balancer, per hour (LCUs extra) */
  applicationLoadBalancerHour: 0.0225,
  /** https://aws.amazon.com/fargate/pricing/ : Linux, per vCPU-hour and per GB-hour */
  fargate: {
    X86_64: { vcpuHour: 0.04048, gbHour: 0.004445 },
    ARM64: { vcpuHour: 0.03238, gbHour: 0.00356 },
    /** Fargate Spot varies; this is its usual level in us-east-1, about 70% off X86_64 */
    SPOT: { vcpuHour: 0.01214, gbHour: 0.00133 },
    /** Fargate Spot on ARM64: an estimate, the same 70% off ARM64's on-demand price */
    SPOT_ARM64: { vcpuHour: 0.009714, gbHour: 0.001068 },
  },
  /** https://aws.amazon.com/cloudwatch/pricing/ : standard alarm, per metric per month */
  alarmMetricMonth: 0.10,
  /** https://aws.amazon.com/kms/pricing/ : customer managed key, per month (requests extra) */
  kmsKeyMonth: 1.00,
  /**
   * https://aws.amazon.com/route53/pricing/ : hosted zone, per month (the first 25); a Cloud Map private
   * DNS namespace is one. Not in the stored AWS pages here: the figure of price lists mirrored elsewhere.
   */
  hostedZoneMonth: 0.50,
  /**
   * https://aws.amazon.com/cloud-map/pricing/ : registered resource (each task), per month (discovery
   * calls extra, $1.00 per million). Not in the stored AWS pages here: the figure of price lists mirrored elsewhere.
   */
  cloudMapInstanceMonth: 0.10,
  /**
   * https://aws.amazon.com/api-gateway/pricing/ : API requests, per million, the first tier (the first
   * 300 million a month for an HTTP API, 333 million for a REST API). Usage-based, so never in the idle
   * estimate (NOT_ESTIMATED): here to weigh the two fronts by traffic. Not in the stored AWS pages here
   * (the stored pricing page has no figures): the figures of price lists mirrored elsewhere, which the
   * cost table of AWS's whitepaper on API Gateway private integrations gives too.
   */
  apiRequestsPerMillion: { HTTP: 1.00, REST: 3.50 },
} as const;

/**
 * What costs nothing while idle and so is left out of the estimate: API Gateway requests ($1.00 per
 * million for an HTTP API, $3.50 for a REST API: `apiRequestsPerMillion`), VPC links for HTTP APIs
 * (the REST API's VPC link V2 is taken to bill alike: no figure for it here), usage plans and API keys,
 * web ACL associations (the web ACL is the user's), load balancer capacity units, NAT and endpoint data processing,
 * CloudWatch Logs ingestion and storage, S3 storage, and Container Insights metrics (billed as custom
 * metrics per task and service, which grow with use).
 */
export const NOT_ESTIMATED = 'requests, data, logs and metrics (usage-based, zero at idle); Container Insights custom metrics';
