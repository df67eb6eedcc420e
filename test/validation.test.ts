import { Duration, Lazy } from 'aws-cdk-lib';
import type { Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { PrivateEcsHttpApi, PrivateEcsHttpApiBaseProps } from '../src';
import { PrivateEcsCloudMapHttpApi, TaskEgress } from '../src';
import { build as buildLoadBalanced, newStack, SAMPLE_IMAGE } from './util';

/** Builds either construct with the sample image and `props` in a new stack (or `stack`), without synthesizing. */
type Builder = (props: Partial<PrivateEcsHttpApiBaseProps>, stack?: Stack) => PrivateEcsHttpApi | PrivateEcsCloudMapHttpApi;
const BACKENDS: ReadonlyArray<readonly [string, Builder]> = [
  ['PrivateEcsHttpApi', buildLoadBalanced],
  ['PrivateEcsCloudMapHttpApi', (props, stack = newStack()) => new PrivateEcsCloudMapHttpApi(stack, 'Api', { image: SAMPLE_IMAGE, ...props })],
];

/**
 * Every wrong input is rejected at synth time, with a message naming the prop, the value and what is
 * allowed. The rules of the props both constructs share run against each of them.
 */
describe.each(BACKENDS)('validation of %s', (_construct, build) => {
  describe('task size', () => {
    test('fails when cpu is not a Fargate size', () => {
      expect(() => build({ cpu: 300 })).toThrow(/^cpu must be one of 256, 512, 1024, 2048, 4096, 8192, 16384 \(Fargate task sizes\), got 300$/);
    });

    test('fails when memoryLimitMiB does not pair with cpu', () => {
      expect(() => build({ cpu: 256, memoryLimitMiB: 4096 }))
        .toThrow(/^memoryLimitMiB must be one of 512, 1024, 2048 when cpu is 256 \(Fargate task sizes\), got 4096$/);
      expect(() => build({ cpu: 1024, memoryLimitMiB: 1024 }))
        .toThrow(/memoryLimitMiB must be one of 2048 to 8192 in steps of 1024 when cpu is 1024/);
    });

    test('fails when memoryLimitMiB alone fits no Fargate size', () => {
      expect(() => build({ memoryLimitMiB: 700 })).toThrow(/memoryLimitMiB must be one of 512, 1024, 2048 when cpu is 256.*got 700/);
    });

    test('skips unresolved tokens', () => {
      expect(() => build({ cpu: Lazy.number({ produce: () => 256 }), memoryLimitMiB: 512 })).not.toThrow();
    });
  });

  describe('container', () => {
    test.each([0, 65536, 80.5, -1])('fails when containerPort is %p', (containerPort) => {
      expect(() => build({ containerPort })).toThrow(`containerPort must be an integer between 1 and 65535, got ${containerPort}`);
    });

    test.each([-1, 1.5])('fails when desiredCount is %p', (desiredCount) => {
      expect(() => build({ desiredCount })).toThrow(`desiredCount must be an integer of at least 0, got ${desiredCount}`);
    });

    test.each([-1, 101])('fails when minHealthyPercent is %p', (minHealthyPercent) => {
      expect(() => build({ minHealthyPercent })).toThrow(`minHealthyPercent must be an integer between 0 and 100, got ${minHealthyPercent}`);
    });

    test.each([99, 201])('fails when maxHealthyPercent is %p', (maxHealthyPercent) => {
      expect(() => build({ maxHealthyPercent })).toThrow(`maxHealthyPercent must be an integer between 100 and 200, got ${maxHealthyPercent}`);
    });

    test('fails when minHealthyPercent 100 and maxHealthyPercent 100 leave no room to deploy', () => {
      expect(() => build({ minHealthyPercent: 100, maxHealthyPercent: 100 })).toThrow(
        'minHealthyPercent 100 and maxHealthyPercent 100 leave ECS no room to deploy 2 task(s) (desiredCount): it must keep 2 running '
        + 'and may run at most 2, so it can neither start a new task first nor stop an old one. Lower minHealthyPercent or raise maxHealthyPercent.');
    });

    // ECS rounds the minimum up (ceil 0.5 = 1) and the maximum down (floor 1.5 = 1): one task cannot be replaced.
    test('fails when the percentages round to no room for one task', () => {
      expect(() => build({ desiredCount: 1, minHealthyPercent: 50, maxHealthyPercent: 150 }))
        .toThrow(/minHealthyPercent 50 and maxHealthyPercent 150 leave ECS no room to deploy 1 task\(s\) \(desiredCount\)/);
      expect(() => build({ desiredCount: 2, minHealthyPercent: 50, maxHealthyPercent: 150 })).not.toThrow();
    });

    test('checks the deployment room of an autoscaled service at its smallest count', () => {
      expect(() => build({ minHealthyPercent: 50, maxHealthyPercent: 150, autoScaling: { minCapacity: 1, maxCapacity: 4 } }))
        .toThrow(/no room to deploy 1 task\(s\) \(autoScaling.minCapacity\)/);
    });
  });

  describe('auto scaling', () => {
    test('fails when minCapacity exceeds maxCapacity', () => {
      expect(() => build({ desiredCount: 2, autoScaling: { minCapacity: 5, maxCapacity: 2 } }))
        .toThrow('autoScaling.minCapacity must not exceed autoScaling.maxCapacity, got 5 > 2');
    });

    test('fails when desiredCount is outside the capacity range', () => {
      expect(() => build({ desiredCount: 1, autoScaling: { minCapacity: 2, maxCapacity: 4 } }))
        .toThrow('desiredCount must be within autoScaling.minCapacity and autoScaling.maxCapacity (2 to 4), got 1');
    });

    test('fails when maxCapacity is 0', () => {
      expect(() => build({ desiredCount: 0, autoScaling: { minCapacity: 0, maxCapacity: 0 } }))
        .toThrow('autoScaling.maxCapacity must be an integer of at least 1, got 0');
    });

    test.each([0, 101])('fails when targetCpuUtilizationPercent is %p', (targetCpuUtilizationPercent) => {
      expect(() => build({ autoScaling: { minCapacity: 1, maxCapacity: 4, targetCpuUtilizationPercent } }))
        .toThrow(`autoScaling.targetCpuUtilizationPercent must be a number between 1 and 100, got ${targetCpuUtilizationPercent}`);
    });

  });

  describe('network', () => {
    test('fails when vpc and cluster are in different VPCs', () => {
      const stack = newStack();
      const vpc = new ec2.Vpc(stack, 'Vpc');
      const cluster = new ecs.Cluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'OtherVpc') });
      expect(() => build({ vpc, cluster }, stack)).toThrow(/vpc and cluster must be in the same VPC: vpc is 'TestStack\/Vpc' but cluster is in 'TestStack\/OtherVpc'/);
    });

    test('fails when imported vpc and cluster have different VPC ids', () => {
      const stack = newStack();
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', { vpcId: 'vpc-1', availabilityZones: ['us-east-1a', 'us-east-1b'] });
      const other = ec2.Vpc.fromVpcAttributes(stack, 'Other', { vpcId: 'vpc-2', availabilityZones: ['us-east-1a', 'us-east-1b'] });
      const cluster = ecs.Cluster.fromClusterAttributes(stack, 'Cluster', { clusterName: 'c', vpc: other });
      expect(() => build({ vpc, cluster }, stack)).toThrow(/vpc is 'vpc-1' but cluster is in 'vpc-2'/);
    });

    test('fails when a given VPC has no private subnets with egress', () => {
      const stack = newStack();
      const vpc = new ec2.Vpc(stack, 'Vpc', { subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }] });
      expect(() => build({ vpc }, stack)).toThrow(/vpc has no private subnets with egress.*Pass vpcSubnets/);
    });

    test('fails when natGateways is given with a vpc', () => {
      const stack = newStack();
      expect(() => build({ vpc: new ec2.Vpc(stack, 'Vpc'), natGateways: 1 }, stack))
        .toThrow('natGateways applies only to a VPC the construct creates, but a vpc or cluster was given');
    });

    test('fails when vpcFlowLogs is given with a vpc', () => {
      const stack = newStack();
      expect(() => build({ vpc: new ec2.Vpc(stack, 'Vpc'), vpcFlowLogs: false }, stack)).toThrow(/^vpcFlowLogs applies only to a VPC/);
    });

    test('fails when containerInsights is given with a cluster', () => {
      const stack = newStack();
      const cluster = new ecs.Cluster(stack, 'Cluster');
      expect(() => build({ cluster, containerInsights: false }, stack))
        .toThrow('containerInsights applies only to a cluster the construct creates, but a cluster was given');
    });

    test('fails when natGateways is 3 with NAT egress', () => {
      expect(() => build({ natGateways: 3 })).toThrow('natGateways must be an integer between 1 and 2, got 3');
    });

    test('fails when natGateways is 0 with NAT egress, and points to taskEgress', () => {
      expect(() => build({ natGateways: 0 })).toThrow(
        'natGateways must be 1 or 2 when taskEgress is NAT_GATEWAY (the default), got 0. To run without NAT gateways, '
        + 'set taskEgress to PUBLIC_IP (tasks with public IPs) or VPC_ENDPOINTS (no route out; the image in ECR) instead.');
    });

    test.each([
      ['Docker Hub', 'nginxinc/nginx-unprivileged:1.27-alpine', /it is not in Amazon ECR/],
      ['Amazon ECR Public', 'public.ecr.aws/ecs-sample-image/amazon-ecs-sample:latest', /it is not in Amazon ECR/],
      ['ECR in another Region', '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1', /it is Amazon ECR in eu-west-1, not the stack's Region us-east-1/],
    ])('fails when taskEgress VPC_ENDPOINTS gets an image from %s', (_, name, reason) => {
      expect(() => build({ taskEgress: TaskEgress.VPC_ENDPOINTS, image: ecs.ContainerImage.fromRegistry(name) }))
        .toThrow(new RegExp(`^image '${name.replace(/[.]/g, '\\.')}' cannot be pulled with taskEgress VPC_ENDPOINTS: ${reason.source}.*ECR pull-through cache`));
    });

    test('fails when an added service behind VPC endpoints has an image the tasks cannot pull', () => {
      const api = build({ taskEgress: TaskEgress.VPC_ENDPOINTS, image: ecs.ContainerImage.fromRegistry('123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1') });
      expect(() => api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders' }))
        .toThrow(/^image 'public.ecr.aws\/ecs-sample-image\/amazon-ecs-sample:latest' cannot be pulled with taskEgress VPC_ENDPOINTS/);
    });

    test('accepts ECR images of the stack\'s Region, of any account, behind VPC endpoints', () => {
      expect(() => build({
        taskEgress: TaskEgress.VPC_ENDPOINTS,
        image: ecs.ContainerImage.fromRegistry('210987654321.dkr.ecr.us-east-1.amazonaws.com/shared/web:1'),
      })).not.toThrow();
    });

    test('fails when natGateways is given without NAT egress', () => {
      expect(() => build({ taskEgress: TaskEgress.PUBLIC_IP, natGateways: 1 }))
        .toThrow('natGateways must be 0 when taskEgress is PUBLIC_IP: the tasks do not use NAT, got 1');
    });

    test('fails when VPC endpoints are asked for in a given VPC', () => {
      const stack = newStack();
      expect(() => build({ vpc: new ec2.Vpc(stack, 'Vpc'), taskEgress: TaskEgress.VPC_ENDPOINTS }, stack))
        .toThrow(/taskEgress VPC_ENDPOINTS is only for a VPC the construct creates/);
    });

    test('fails when public IPs are asked for in a VPC without public subnets', () => {
      const stack = newStack();
      const vpc = new ec2.Vpc(stack, 'Vpc', { subnetConfiguration: [{ name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
      expect(() => build({ vpc, taskEgress: TaskEgress.PUBLIC_IP }, stack))
        .toThrow('taskEgress PUBLIC_IP needs public subnets for the tasks, but vpc has none (SubnetType.PUBLIC)');
    });
  });

  describe('API', () => {
    test.each([-1, Infinity])('fails when throttlingRateLimit is %p', (throttlingRateLimit) => {
      expect(() => build({ throttlingRateLimit })).toThrow(`throttlingRateLimit must be a number of at least 0, got ${throttlingRateLimit}`);
    });

    test.each([-1, 2.5])('fails when throttlingBurstLimit is %p', (throttlingBurstLimit) => {
      expect(() => build({ throttlingBurstLimit })).toThrow(`throttlingBurstLimit must be an integer of at least 0, got ${throttlingBurstLimit}`);
    });

    test.each([
      ['49 milliseconds', Duration.millis(49)],
      ['30.001 seconds', Duration.millis(30_001)],
    ])('fails when integrationTimeout is %s', (_, integrationTimeout) => {
      expect(() => build({ integrationTimeout }))
        .toThrow(/^integrationTimeout must be between 50 milliseconds and 30 seconds \(the HTTP API limit\), got/);
    });

    test('fails when an added service\'s integrationTimeout is out of range', () => {
      expect(() => build({}).addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', integrationTimeout: Duration.seconds(31) }))
        .toThrow(/^integrationTimeout must be between 50 milliseconds and 30 seconds/);
    });

    test('fails when defaultAuthorizationScopes come without an authorizer', () => {
      expect(() => build({ defaultAuthorizationScopes: ['read'] })).toThrow(/defaultAuthorizationScopes needs a defaultAuthorizer/);
    });

    test('fails when access log settings come with access logs off', () => {
      expect(() => build({ apiAccessLogs: false, apiAccessLogRetention: logs.RetentionDays.ONE_DAY }))
        .toThrow('apiAccessLogRetention has no effect when apiAccessLogs is false: remove it');
      const stack = newStack();
      expect(() => build({ apiAccessLogs: false, apiAccessLogGroup: new logs.LogGroup(stack, 'Logs') }, stack))
        .toThrow('apiAccessLogGroup has no effect when apiAccessLogs is false: remove it');
    });

    test('fails when a retention comes with a log group of the user', () => {
      const stack = newStack();
      expect(() => build({ apiAccessLogGroup: new logs.LogGroup(stack, 'Logs'), apiAccessLogRetention: logs.RetentionDays.ONE_DAY }, stack))
        .toThrow(/apiAccessLogRetention has no effect when apiAccessLogGroup is given/);
    });

    test('fails when domainName comes without a certificate', () => {
      expect(() => build({ domainName: 'api.example.com' })).toThrow(/domainName was given without domainCertificate/);
    });

    test('fails when disableExecuteApiEndpoint has no custom domain to replace it', () => {
      expect(() => build({ disableExecuteApiEndpoint: true })).toThrow(/^disableExecuteApiEndpoint needs a domainName/);
    });

    test('fails when domainHostedZone comes without a domainName', () => {
      const stack = newStack();
      const zone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z1', zoneName: 'example.com' });
      expect(() => build({ domainHostedZone: zone }, stack)).toThrow('domainHostedZone has no effect when there is no domainName: remove it');
    });

    test('accepts a JWT authorizer with scopes', () => {
      const authorizer = new HttpJwtAuthorizer('Jwt', 'https://issuer.example.com', { jwtAudience: ['api'] });
      expect(() => build({ defaultAuthorizer: authorizer, defaultAuthorizationScopes: ['read'] })).not.toThrow();
    });
  });

  describe('added services', () => {
    test.each(['orders', '/orders/', '/', '/or ders', '/{proxy+}', '/orders/*'])('fails when pathPrefix is %p', (pathPrefix) => {
      const api = build({});
      expect(() => api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix }))
        .toThrow(`pathPrefix must be one or more segments of letters, digits, '-', '_' and '.', each after a '/', such as '/orders', got '${pathPrefix}'`);
    });

    test('fails when a pathPrefix is taken twice', () => {
      const api = build({});
      api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders' });
      expect(() => api.addService('Orders2', { image: SAMPLE_IMAGE, pathPrefix: '/orders' }))
        .toThrow("pathPrefix '/orders' is already taken by another service");
    });

    test.each(['/orders/archive', '/a'])('fails when pathPrefix %p nests with another', (pathPrefix) => {
      const api = build({});
      api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: pathPrefix === '/a' ? '/a/b' : '/orders' });
      expect(() => api.addService('Nested', { image: SAMPLE_IMAGE, pathPrefix }))
        .toThrow(/overlaps .* of another service: nested prefixes are not supported/);
    });

    test('fails when pathPrefix is a token', () => {
      const api = build({});
      expect(() => api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: Lazy.string({ produce: () => '/x' }) }))
        .toThrow(/pathPrefix must be a plain string/);
    });

    test('validates the options of an added service like the default one', () => {
      const api = build({});
      expect(() => api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', cpu: 256, memoryLimitMiB: 8192 }))
        .toThrow(/memoryLimitMiB must be one of 512, 1024, 2048 when cpu is 256/);
    });
  });

  test('the parameter mapping type is accepted as is', () => {
    expect(() => build({ parameterMapping: new apigwv2.ParameterMapping().appendHeader('x-from', apigwv2.MappingValue.custom('api')) })).not.toThrow();
  });
});

/** The rules of what only a load balancer has: its health check, request counts, zones and props. */
describe('validation of PrivateEcsHttpApi\'s load balancer', () => {
  const build = buildLoadBalanced;

  test('fails when healthCheckPath does not start with /', () => {
    expect(() => build({ healthCheckPath: 'health' })).toThrow("healthCheckPath must start with '/', got 'health'");
  });

  test('fails when targetRequestsPerTarget is not positive', () => {
    expect(() => build({ autoScaling: { minCapacity: 1, maxCapacity: 4, targetRequestsPerTarget: 0 } }))
      .toThrow('autoScaling.targetRequestsPerTarget must be an integer of at least 1, got 0');
  });

  test('fails when vpcSubnets cover one Availability Zone', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc');
    expect(() => build({ vpc, vpcSubnets: { subnets: [vpc.privateSubnets[0]] } }, stack))
      .toThrow('vpcSubnets must select subnets in at least two Availability Zones (an Application Load Balancer needs two), got 1');
  });

  describe('its props', () => {
    test('fails when loadBalancerCertificate comes without loadBalancerServerName', () => {
      const stack = newStack();
      const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:us-east-1:123456789012:certificate/abc');
      expect(() => build({ loadBalancerCertificate: certificate }, stack))
        .toThrow('loadBalancerCertificate and loadBalancerServerName go together: loadBalancerCertificate was given without loadBalancerServerName');
    });

    test('fails when loadBalancerServerName comes without loadBalancerCertificate', () => {
      expect(() => build({ loadBalancerServerName: 'internal.example.com' }))
        .toThrow(/loadBalancerServerName was given without loadBalancerCertificate/);
    });

    test('fails when the log bucket has a KMS key', () => {
      const stack = newStack();
      const logBucket = new s3.Bucket(stack, 'Logs', { encryption: s3.BucketEncryption.KMS });
      expect(() => build({ logBucket }, stack)).toThrow(/^logBucket must be encrypted with S3-managed keys \(SSE-S3\)/);
    });

    test.each(['https://internal', '*.example.com', 'internal', 'internal.example.com:443', '-a.example.com'])(
      'fails when loadBalancerServerName is %p, not one host name', (loadBalancerServerName) => {
        const stack = newStack();
        const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:us-east-1:123456789012:certificate/abc');
        expect(() => build({ loadBalancerCertificate: certificate, loadBalancerServerName }, stack)).toThrow(
          'loadBalancerServerName must be one DNS host name that the load balancer\'s certificate covers, such as internal.example.com '
          + `(no wildcard, no scheme or port), got '${loadBalancerServerName}'`);
      });

    test.each([s3.BucketEncryption.KMS_MANAGED, s3.BucketEncryption.DSSE_MANAGED])('fails when logBucket is encrypted with %s', (encryption) => {
      const stack = newStack();
      const logBucket = new s3.Bucket(stack, 'Logs', { encryption });
      expect(() => build({ logBucket }, stack)).toThrow(/^logBucket must be encrypted with S3-managed keys \(SSE-S3\), got aws:kms/);
    });
  });

});
