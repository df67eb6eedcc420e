import { Stack, Token } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { LoadBalancerOptions } from '../../../load-balancer-options';
import { LISTENER_PORTS } from '../../props/defaults';
import { requireTogether } from '../../props/validate-base';
import { requireIntegerInRange } from '../../props/validate-service';

/** The props a load balancer's checks read: its own, the log bucket it writes to, and a web ACL. */
export interface LoadBalancerCheckedProps extends LoadBalancerOptions {
  readonly logBucket?: s3.IBucket;
  readonly webAclArn?: string;
}

/**
 * Checks the load balancer's props of `PrivateEcsHttpApi` and `PrivateEcsRestApi`; `webAclArn` is for
 * the load balancer (`PrivateEcsHttpApi`) or the REST API's stage, `aclTarget` says which.
 */
export function validateLoadBalancerProps(props: LoadBalancerCheckedProps, aclTarget = 'a load balancer'): void {
  validateLogBucketEncryption(props.logBucket);
  validateWebAcl(props.webAclArn, aclTarget);
  if (props.testListenerPort !== undefined) {
    requireIntegerInRange('testListenerPort', props.testListenerPort, 1, 65535);
    const production = props.loadBalancerCertificate ? LISTENER_PORTS.https : LISTENER_PORTS.http;
    if (props.testListenerPort === production) {
      throw new Error(`testListenerPort must differ from the production listener's port, ${production}, got ${props.testListenerPort}`);
    }
  }
  requireTogether('loadBalancerCertificate', props.loadBalancerCertificate, 'loadBalancerServerName', props.loadBalancerServerName);
  // API Gateway checks this name against the load balancer's certificate, so it is one host name,
  // never a wildcard: the certificate may be *.example.com, the name is internal.example.com.
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-extensions-integration-tls-config.html
  if (props.loadBalancerServerName !== undefined && !Token.isUnresolved(props.loadBalancerServerName)
    && (props.loadBalancerServerName.length > 253 || !HOST_NAME.test(props.loadBalancerServerName))) {
    throw new Error(
      'loadBalancerServerName must be one DNS host name that the load balancer\'s certificate covers, such as internal.example.com '
      + `(no wildcard, no scheme or port), got '${props.loadBalancerServerName}'`,
    );
  }
}

/** A WAFv2 web ACL's ARN: `arn:<partition>:wafv2:<region>:<account>:<scope>/webacl/<name>/<id>`. */
const WEB_ACL_ARN = /^arn:aws[a-z-]*:wafv2:[a-z0-9-]*:\d{12}:(regional|global)\/webacl\/[^/]+\/[^/]+$/;

/**
 * Only a web ACL of scope REGIONAL can be associated with an Application Load Balancer or an API
 * Gateway REST API stage; a CLOUDFRONT one (`global/webacl/...`) is for CloudFront distributions.
 * @see https://docs.aws.amazon.com/waf/latest/APIReference/API_AssociateWebACL.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html
 */
function validateWebAcl(arn: string | undefined, target: string): void {
  if (arn === undefined || Token.isUnresolved(arn)) {
    return;
  }
  const match = WEB_ACL_ARN.exec(arn);
  if (!match) {
    throw new Error(`webAclArn must be the ARN of a WAFv2 web ACL, such as arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/1a2b, got '${arn}'`);
  }
  if (match[1] === 'global') {
    throw new Error(`webAclArn must be a web ACL of scope REGIONAL: one of scope CLOUDFRONT cannot protect ${target}, got '${arn}'`);
  }
}

/** A DNS host name of two or more labels: letters, digits and inner hyphens, 63 characters each at most. */
const HOST_NAME = /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/i;

/**
 * Load balancers write access logs only to a bucket with SSE-S3: "The only server-side encryption
 * option that's supported is Amazon S3-managed keys (SSE-S3)."
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html
 */
function validateLogBucketEncryption(bucket?: s3.IBucket): void {
  if (bucket === undefined) {
    return;
  }
  const algorithms = bucketEncryptionAlgorithms(bucket);
  const kms = algorithms.find(algorithm => algorithm.startsWith('aws:kms'));
  if (bucket.encryptionKey || kms) {
    throw new Error(
      `logBucket must be encrypted with S3-managed keys (SSE-S3), got ${kms ?? 'a KMS key'}: `
      + 'load balancers cannot write access logs to a bucket encrypted with KMS (BucketEncryption.KMS, KMS_MANAGED or DSSE)',
    );
  }
}

/** The default encryption algorithms of a bucket of this app, as its template will say; none for an imported one. */
function bucketEncryptionAlgorithms(bucket: s3.IBucket): string[] {
  const resource = bucket.node.defaultChild;
  if (!(resource instanceof s3.CfnBucket)) {
    return [];
  }
  const encryption = Stack.of(bucket).resolve(resource.bucketEncryption) as s3.CfnBucket.BucketEncryptionProperty | undefined;
  const rules = (encryption?.serverSideEncryptionConfiguration ?? []) as s3.CfnBucket.ServerSideEncryptionRuleProperty[];
  return rules.map(rule => (rule.serverSideEncryptionByDefault as s3.CfnBucket.ServerSideEncryptionByDefaultProperty | undefined)?.sseAlgorithm)
    .filter((algorithm): algorithm is string => typeof algorithm === 'string');
}
