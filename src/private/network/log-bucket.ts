import { Annotations, Aws, Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { acknowledgeCheckovFinding, acknowledgeNagFinding } from '../compliance/acknowledge';

/** How long the log bucket keeps access logs and flow logs, and a deleted or overwritten one. */
const LOG_EXPIRATION = Duration.days(365);
const NONCURRENT_EXPIRATION = Duration.days(30);

const SELF_LOGGING_REASON = 'This bucket is itself the destination of access logs; logging the access to it would need another bucket, and that one another.';

/** Where in the log bucket the VPC flow logs and the load balancer's access logs go. */
const FLOW_LOG_PREFIX = 'vpc-flow-logs';
const ACCESS_LOG_PREFIX = 'load-balancer';

/**
 * The principal that writes load balancer access logs in every Region: Elastic Load Balancing's
 * current bucket policy. The older one, an ELB account per Region, is what aws-cdk-lib writes for
 * a stack with a concrete Region; "this legacy policy is still supported".
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html
 */
const ACCESS_LOG_WRITER = 'logdelivery.elasticloadbalancing.amazonaws.com';

/**
 * A bucket for the load balancer's access logs and the VPC flow logs. Load balancers write
 * only to buckets encrypted with S3-managed keys, so that is the encryption it gets.
 */
export function createLogBucket(scope: Construct, id: string): s3.Bucket {
  const bucket = new s3.Bucket(scope, id, {
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    // Versioned, so that a deleted log can be recovered for a while.
    versioned: true,
    lifecycleRules: [{ expiration: LOG_EXPIRATION, noncurrentVersionExpiration: NONCURRENT_EXPIRATION }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  acknowledgeNagFinding(bucket, 'AwsSolutions-S1', SELF_LOGGING_REASON);
  acknowledgeCheckovFinding(bucket, 'CKV_AWS_18', SELF_LOGGING_REASON);
  return bucket;
}

/**
 * Sends the VPC's flow logs to the bucket. CDK leaves the bucket policy to the log delivery
 * service, which would add it outside CloudFormation; we write it here, limited to this account.
 */
export function addFlowLogToBucket(vpc: ec2.Vpc, bucket: s3.IBucket): void {
  const delivery = new iam.ServicePrincipal('delivery.logs.amazonaws.com');
  const fromThisAccount = {
    StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
    ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:*` },
  };
  bucket.addToResourcePolicy(new iam.PolicyStatement({
    principals: [delivery],
    actions: ['s3:PutObject'],
    resources: [bucket.arnForObjects(`${FLOW_LOG_PREFIX}/AWSLogs/${Aws.ACCOUNT_ID}/*`)],
    conditions: {
      ...fromThisAccount,
      StringEquals: { ...fromThisAccount.StringEquals, 's3:x-amz-acl': 'bucket-owner-full-control' },
    },
  }));
  bucket.addToResourcePolicy(new iam.PolicyStatement({
    principals: [delivery],
    actions: ['s3:GetBucketAcl', 's3:ListBucket'],
    resources: [bucket.bucketArn],
    conditions: fromThisAccount,
  }));
  vpc.addFlowLog('FlowLog', {
    destination: ec2.FlowLogDestination.toS3(bucket, FLOW_LOG_PREFIX),
    trafficType: ec2.FlowLogTrafficType.ALL,
  });
}

/**
 * Turns on the load balancer's access logs to the bucket. In a stack with a concrete Region,
 * aws-cdk-lib writes the bucket policy; in an environment-agnostic one it cannot (its policy names
 * the Region's ELB account), so we write ELB's current one, which holds in every Region.
 */
export function logAccessLogsToBucket(loadBalancer: elbv2.ApplicationLoadBalancer, bucket: s3.IBucket): void {
  if (!Token.isUnresolved(Stack.of(loadBalancer).region)) {
    loadBalancer.logAccessLogs(bucket, ACCESS_LOG_PREFIX);
    return;
  }
  loadBalancer.setAttribute('access_logs.s3.enabled', 'true');
  loadBalancer.setAttribute('access_logs.s3.bucket', bucket.bucketName);
  loadBalancer.setAttribute('access_logs.s3.prefix', ACCESS_LOG_PREFIX);
  bucket.addToResourcePolicy(accessLogStatement(bucket));
  // ELB checks that it may write to the bucket when access logs are turned on.
  if (bucket.policy) {
    loadBalancer.node.addDependency(bucket.policy);
  }
}

function accessLogStatement(bucket: s3.IBucket): iam.PolicyStatement {
  return new iam.PolicyStatement({
    principals: [new iam.ServicePrincipal(ACCESS_LOG_WRITER)],
    actions: ['s3:PutObject'],
    resources: [bucket.arnForObjects(`${ACCESS_LOG_PREFIX}/AWSLogs/${Aws.ACCOUNT_ID}/*`)],
  });
}

/**
 * Warns when the log bucket is imported: the construct cannot add to its policy, and without the
 * statements the services need, the first deploy fails (ELB checks its access) or logs are lost.
 */
export function warnIfBucketPolicyIsNotOurs(scope: Construct, bucket: s3.IBucket, uses: { accessLogs: boolean; flowLogs: boolean }): void {
  if (bucket.node.defaultChild instanceof s3.CfnBucket || (!uses.accessLogs && !uses.flowLogs)) {
    return;
  }
  const needs = [
    uses.accessLogs && `s3:PutObject for the service principal ${ACCESS_LOG_WRITER} on ${ACCESS_LOG_PREFIX}/AWSLogs/<account>/* (load balancer access logs)`,
    uses.flowLogs && `s3:PutObject for delivery.logs.amazonaws.com on ${FLOW_LOG_PREFIX}/AWSLogs/<account>/* with s3:x-amz-acl bucket-owner-full-control, `
      + 'and s3:GetBucketAcl and s3:ListBucket on the bucket (VPC flow logs)',
  ].filter(Boolean);
  Annotations.of(scope).addWarningV2('cdk-private-ecs-http-api:importedLogBucket',
    `logBucket is imported, so its bucket policy is not this stack's to change. Make sure it allows ${needs.join('; and ')}. `
    + 'See https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html. '
    + 'Acknowledge this warning once it does.');
}

/**
 * The bucket of the VPC flow logs and the load balancer's access logs: the user's `logBucket`, or
 * one the construct makes when the first of them is sent to it. Whatever writes to it says so, the
 * network and the backend alike, so that the construct knows once both are built whether anything does.
 */
export class LogDestination {
  private made?: s3.IBucket;
  private readonly uses = { accessLogs: false, flowLogs: false };

  /**
   * @param scope where the construct's own bucket goes
   * @param given the user's `logBucket`, if any
   * @param noFlowLogs why no flow logs are sent to it, when none are
   */
  constructor(private readonly scope: Construct, private readonly given: s3.IBucket | undefined, private readonly noFlowLogs: string) {}

  /** The bucket, if anything writes to it. */
  public get bucket(): s3.IBucket | undefined {
    return this.given && (this.uses.accessLogs || this.uses.flowLogs) ? this.given : this.made;
  }

  /** The bucket the VPC's flow logs go to. */
  public forFlowLogs(): s3.IBucket {
    this.uses.flowLogs = true;
    return this.take();
  }

  /** The bucket the load balancer's access logs go to. */
  public forAccessLogs(): s3.IBucket {
    this.uses.accessLogs = true;
    return this.take();
  }

  /** Once everything that may write to it is built: refuses a `logBucket` nothing writes to, and warns when its policy is not ours. */
  public check(): void {
    if (!this.given) {
      return;
    }
    if (!this.uses.accessLogs && !this.uses.flowLogs) {
      throw new Error(`logBucket has no effect: nothing would write to it (${this.noFlowLogs}, and no load balancer writes access logs to it): remove it`);
    }
    warnIfBucketPolicyIsNotOurs(this.scope, this.given, this.uses);
  }

  private take(): s3.IBucket {
    this.made ??= this.given ? undefined : createLogBucket(this.scope, 'LogBucket');
    return this.given ?? this.made!;
  }
}
