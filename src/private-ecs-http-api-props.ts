import type { PrivateEcsHttpApiBaseProps } from './base-props';
import type { LoadBalancerOptions } from './load-balancer-options';

/**
 * Properties for a `PrivateEcsHttpApi`: the default service, the network and the API
 * (`PrivateEcsHttpApiBaseProps`), and the load balancer between them (`LoadBalancerOptions`).
 */
export interface PrivateEcsHttpApiProps extends PrivateEcsHttpApiBaseProps, LoadBalancerOptions {
  // ---- Load balancer -------------------------------------------------------------------------

  /**
   * The ARN of an AWS WAF web ACL (scope REGIONAL, in the stack's Region) to inspect every request
   * at the load balancer. HTTP APIs take no web ACL themselves (REST APIs do), so the load balancer
   * behind the API is where WAF can see the requests; it sees them after API Gateway's authorizer
   * and throttling.
   *
   * @default - no web ACL
   */
  readonly webAclArn?: string;
}
