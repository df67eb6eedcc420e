import type * as acm from 'aws-cdk-lib/aws-certificatemanager';

/**
 * The internal Application Load Balancer between the API and the services, of `PrivateEcsHttpApi` and `PrivateEcsRestApi`:
 * its access logs, TLS from API Gateway, and a test listener.
 */
export interface LoadBalancerOptions {
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
   * The construct never turns verification off (HTTP API private integrations always verify; REST
   * APIs could skip it): API Gateway checks the certificate against the authorities it trusts, so use a public
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
   * A port for a test listener on the load balancer, through which a blue/green, canary or linear
   * deployment's lifecycle hooks reach the new tasks before production traffic shifts to them
   * (ECS shifts its rules for each such service). It speaks what the production listener speaks,
   * and admits nobody until you call `allowTestTraffic`: only from inside the VPC.
   *
   * @default - no test listener
   */
  readonly testListenerPort?: number;
}
