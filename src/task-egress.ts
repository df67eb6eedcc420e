/**
 * How the tasks reach what they need outside the VPC: the image registry, CloudWatch Logs,
 * and Secrets Manager or SSM for `secrets`. Whichever you choose, only what calls the tasks may
 * connect to them: the load balancer (`PrivateEcsHttpApi`) or the API's VPC link (`PrivateEcsCloudMapHttpApi`).
 */
export enum TaskEgress {
  /**
   * The tasks run in private subnets and reach out through the VPC's NAT gateways.
   * The tutorial's choice, and the most flexible: any registry, any outbound call.
   */
  NAT_GATEWAY = 'NAT_GATEWAY',

  /**
   * The tasks run in isolated subnets with no route out, and reach AWS through VPC endpoints
   * the construct creates (ECR, S3, CloudWatch Logs, and Secrets Manager and SSM when there are
   * secrets). The image must be in Amazon ECR in the same Region: public registries, Amazon ECR
   * Public included, are out of reach. Only for a VPC the construct creates.
   */
  VPC_ENDPOINTS = 'VPC_ENDPOINTS',

  /**
   * The tasks run in public subnets with a public IP address, and reach out through the internet
   * gateway: no NAT gateway to pay for. Their security group still admits only the load balancer
   * (or, without one, the VPC link).
   */
  PUBLIC_IP = 'PUBLIC_IP',
}
