import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { acknowledgeCheckovFinding } from '../../compliance/acknowledge';
import { LISTENER_PORTS } from '../../props/defaults';

const PLAIN_HTTP_REASON = 'Only API Gateway reaches this internal load balancer, through the VPC link, inside the VPC; '
  + "clients' TLS ends at API Gateway. Set loadBalancerCertificate for TLS on this hop too.";

/**
 * The listener the API's integration calls, open to nothing until the VPC link is let in: the
 * tutorial's HTTP on 80, or with a certificate HTTPS on 443 with a TLS 1.3/1.2 post-quantum policy.
 * A test listener (`id` TestListener) speaks the same on its own `port`, open to nothing.
 */
export function createListener(
  loadBalancer: elbv2.ApplicationLoadBalancer,
  certificate?: acm.ICertificate,
  id = 'Listener',
  port?: number,
): elbv2.ApplicationListener {
  if (certificate) {
    return loadBalancer.addListener(id, {
      protocol: elbv2.ApplicationProtocol.HTTPS,
      port: port ?? LISTENER_PORTS.https,
      certificates: [certificate],
      sslPolicy: elbv2.SslPolicy.TLS13_12_RES_PQ,
      open: false,
    });
  }
  const listener = loadBalancer.addListener(id, {
    protocol: elbv2.ApplicationProtocol.HTTP,
    port: port ?? LISTENER_PORTS.http,
    open: false,
  });
  acknowledgeCheckovFinding(listener, 'CKV_AWS_2', PLAIN_HTTP_REASON);
  acknowledgeCheckovFinding(listener, 'CKV_AWS_103', PLAIN_HTTP_REASON);
  return listener;
}
