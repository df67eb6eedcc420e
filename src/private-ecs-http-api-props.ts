import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type { PrivateEcsHttpApiBaseProps } from './base-props';

/**
 * Properties for a `PrivateEcsHttpApi`: the default service, the network and the API
 * (`PrivateEcsHttpApiBaseProps`), and the load balancer between them.
 */
export interface PrivateEcsHttpApiProps extends PrivateEcsHttpApiBaseProps {
  // ---- Load balancer -------------------------------------------------------------------------

  /**
   * Write the load balancer's access logs to the log bucket, in a stack with a concrete Region and
   * in an environment-agnostic one alike.
   *
   * @default true
   */
  readonly loadBalancerAccessLogs?: boolean;

  /**
   * A certificate for the load balancer. With it, the listener speaks HTTPS on port 443 with a
   * current TLS policy, and API Gateway calls it over TLS, checking `loadBalancerServerName`.
   *
   * HTTP API private integrations always verify the certificate (skipping verification is a
   * REST API feature only), against the certificate authorities API Gateway trusts: use a public
   * ACM certificate that covers `loadBalancerServerName`, such as one for `*.example.com`. No DNS
   * record of that name is needed: API Gateway connects through the VPC link and only checks the
   * name. A private CA's certificate fails every request.
   *
   * @default - an HTTP listener on port 80, as in the tutorial; the VPC link traffic stays inside the VPC
   */
  readonly loadBalancerCertificate?: acm.ICertificate;

  /**
   * The host name API Gateway expects in the load balancer's certificate, such as
   * `internal.example.com`: one host name (no wildcard), which the certificate must cover.
   * Required with `loadBalancerCertificate`.
   *
   * @default - no TLS to the load balancer
   */
  readonly loadBalancerServerName?: string;

  /**
   * The ARN of an AWS WAF web ACL (scope REGIONAL, in the stack's Region) to inspect every request
   * at the load balancer. HTTP APIs take no web ACL themselves (REST APIs do), so the load balancer
   * behind the API is where WAF can see the requests; it sees them after API Gateway's authorizer
   * and throttling.
   *
   * @default - no web ACL
   */
  readonly webAclArn?: string;

  /**
   * A port for a test listener on the load balancer, through which a blue/green, canary or linear
   * deployment's lifecycle hooks reach the new tasks before production traffic shifts to them
   * (ECS shifts its rules for each such service). It speaks what the production listener speaks,
   * and admits nobody until you call `allowTestTraffic`: only from inside the VPC.
   *
   * @default - no test listener
   */
  readonly testListenerPort?: number;
}
