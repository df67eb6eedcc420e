import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { acknowledgeCheckovFinding } from '../compliance/acknowledge';

/** The keys whose policy already lets CloudWatch Logs use them. */
const keysOpenedToLogs = new WeakSet<kms.IKey>();

/**
 * A log group of ours, kept for `retention`, and encrypted with `encryptionKey` when one is given
 * (whose key policy then lets CloudWatch Logs use it, for this account's log groups only).
 */
export function createLogGroup(scope: Construct, id: string, retention: logs.RetentionDays, encryptionKey?: kms.IKey): logs.LogGroup {
  if (encryptionKey && !keysOpenedToLogs.has(encryptionKey)) {
    openKeyToLogs(encryptionKey);
  }
  const logGroup = new logs.LogGroup(scope, id, { retention, encryptionKey });
  if (!encryptionKey) {
    acknowledgeCheckovFinding(logGroup, 'CKV_AWS_158',
      'CloudWatch Logs encrypts every log group at rest with keys it manages. '
      + 'Set logEncryptionKey to use a customer managed KMS key instead.');
  }
  return logGroup;
}

function openKeyToLogs(key: kms.IKey): void {
  keysOpenedToLogs.add(key);
  key.addToResourcePolicy(new iam.PolicyStatement({
    principals: [new iam.ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
    actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
    resources: ['*'],
    conditions: {
      ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:*` },
    },
  }));
}
