import { Token } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import type { PrivateEcsCloudMapHttpApiProps } from '../src';
import { PrivateEcsCloudMapHttpApi } from '../src';
import { build, newStack, SAMPLE_IMAGE } from './util';

// Rules that belong to one backend: each applies under the backend it is about, and not under the other.

const HEALTH_CHECK = { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] };
const cloudMap = (props: Partial<PrivateEcsCloudMapHttpApiProps> = {}, stack = newStack()) =>
  new PrivateEcsCloudMapHttpApi(stack, 'Api', { image: SAMPLE_IMAGE, containerHealthCheck: HEALTH_CHECK, ...props });
const rewriteTo = (path: string) => new apigwv2.ParameterMapping().overwritePath(apigwv2.MappingValue.custom(path));

describe('path rewrites', () => {
  test('with Cloud Map, an added service may rewrite its path to anything: its integration calls its own tasks', () => {
    const api = cloudMap();
    expect(() => api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', containerHealthCheck: HEALTH_CHECK, parameterMapping: rewriteTo('/v2/orders') }))
      .not.toThrow();
  });

  test('with Cloud Map, the default service may rewrite into an added service\'s prefix', () => {
    const api = cloudMap({ parameterMapping: rewriteTo('/orders/legacy') });
    expect(() => api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', containerHealthCheck: HEALTH_CHECK })).not.toThrow();
  });

  test('with the load balancer, which routes by path, an added service\'s rewrite must stay under its prefix', () => {
    expect(() => build({}).addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', parameterMapping: rewriteTo('/v2/orders') }))
      .toThrow(/but the load balancer routes this service by its pathPrefix '\/orders'/);
  });

  test('with either backend, a rewrite to $request.path.proxy is refused: the routes without {proxy+} have none', () => {
    const proxy = rewriteTo('/$request.path.proxy');
    expect(() => cloudMap().addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', containerHealthCheck: HEALTH_CHECK, parameterMapping: proxy }))
      .toThrow(/\$request.path.proxy is undefined on the routes without \{proxy\+\}/);
    expect(() => build({}).addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', parameterMapping: proxy }))
      .toThrow(/\$request.path.proxy is undefined on the routes without \{proxy\+\}/);
  });
});

describe('the Cloud Map namespace', () => {
  test('fails when cloudMapNamespaceName, even a token, is given with cloudMapNamespace', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'UserVpc');
    const namespace = new servicediscovery.PrivateDnsNamespace(stack, 'Namespace', { vpc, name: 'shared.internal' });
    expect(() => cloudMap({ vpc, cloudMapNamespace: namespace, cloudMapNamespaceName: Token.asString({ Ref: 'NamespaceName' }) }, stack))
      .toThrow(/cloudMapNamespaceName names the namespace the construct creates, but cloudMapNamespace was given/);
  });
});

describe('a log bucket nothing writes to', () => {
  const withOwnVpc = () => {
    const stack = newStack();
    return { stack, vpc: new ec2.Vpc(stack, 'UserVpc'), logBucket: new s3.Bucket(stack, 'Logs', { encryption: s3.BucketEncryption.S3_MANAGED }) };
  };

  test('fails with Cloud Map and the user\'s VPC: no flow logs, no load balancer', () => {
    const { stack, vpc, logBucket } = withOwnVpc();
    expect(() => cloudMap({ vpc, logBucket }, stack))
      .toThrow(/logBucket has no effect: nothing would write to it \(the VPC is yours, so the construct adds no flow logs to it, and no load balancer/);
  });

  test('fails with the load balancer\'s access logs off and the user\'s VPC', () => {
    const { stack, vpc, logBucket } = withOwnVpc();
    expect(() => build({ vpc, logBucket, loadBalancerAccessLogs: false }, stack)).toThrow(/logBucket has no effect/);
  });

  test('fails with Cloud Map and the flow logs off', () => {
    const stack = newStack();
    const logBucket = s3.Bucket.fromBucketName(stack, 'Imported', 'logs');
    expect(() => cloudMap({ logBucket, vpcFlowLogs: false }, stack))
      .toThrow(/logBucket has no effect: nothing would write to it \(vpcFlowLogs is false/);
  });

  test('is accepted where something writes to it: the load balancer\'s access logs', () => {
    const { stack, vpc, logBucket } = withOwnVpc();
    expect(() => build({ vpc, logBucket }, stack)).not.toThrow();
  });
});

describe('Availability Zones', () => {
  test('with Cloud Map, which needs no second zone, subnets in one zone are accepted with a warning', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'UserVpc');
    cloudMap({ vpc, vpcSubnets: { subnets: [vpc.privateSubnets[0]] } }, stack);
    Annotations.fromStack(stack).hasWarning('/TestStack/Api', Match.stringLikeRegexp('vpcSubnets are in one Availability Zone'));
  });

  test('with the load balancer, which needs two, they are refused', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'UserVpc');
    expect(() => build({ vpc, vpcSubnets: { subnets: [vpc.privateSubnets[0]] } }, stack)).toThrow(/an Application Load Balancer needs two/);
  });
});
