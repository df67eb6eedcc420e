import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { acknowledgeCheckovFinding, acknowledgeNagFinding } from './acknowledge';

/** How long the log bucket keeps access logs and flow logs, and a deleted or overwritten one. */
const LOG_EXPIRATION = Duration.days(365);
const NONCURRENT_EXPIRATION = Duration.days(30);

const SELF_LOGGING_REASON = 'This bucket is itself the destination of access logs; logging the access to it would need another bucket, and that one another.';

/** Where in the log bucket the VPC flow logs go. */
const FLOW_LOG_PREFIX = 'vpc-flow-logs';

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
