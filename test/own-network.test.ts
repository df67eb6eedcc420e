import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Scenario } from './util';
import { getAtt, logicalId, newStack, ref, synthesize } from './util';

/** A team that already has a network and a cluster brings them; the construct adds only what is its own. */
describe('with your own VPC and cluster', () => {
  let scenario: Scenario;
  let vpc: ec2.Vpc;
  let cluster: ecs.Cluster;
  beforeAll(() => {
    const stack = newStack();
    vpc = new ec2.Vpc(stack, 'SharedVpc', { maxAzs: 3, natGateways: 1 });
    cluster = new ecs.Cluster(stack, 'SharedCluster', { vpc });
    scenario = synthesize({ vpc, cluster }, undefined, stack);
  });

  test('uses them: no VPC, NAT gateway or cluster of its own', () => {
    const { template, api } = scenario;
    template.resourceCountIs('AWS::EC2::VPC', 1);
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
    template.resourceCountIs('AWS::ECS::Cluster', 1);
    expect(api.vpc).toBe(vpc);
    expect(api.cluster).toBe(cluster);
  });

  test('runs the service in the given cluster, in all of the VPC\'s private subnets', () => {
    scenario.template.hasResourceProperties('AWS::ECS::Service', {
      Cluster: ref(cluster),
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ Subnets: vpc.privateSubnets.map(ref) }) },
    });
  });

  test('puts the load balancer and the VPC link in the same private subnets', () => {
    const { template } = scenario;
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internal', Subnets: vpc.privateSubnets.map(ref) });
    template.hasResourceProperties('AWS::ApiGatewayV2::VpcLink', { SubnetIds: vpc.privateSubnets.map(ref) });
  });

  test('leaves the VPC\'s flow logs to its owner', () => {
    scenario.template.resourceCountIs('AWS::EC2::FlowLog', 0);
  });

  test('still writes load balancer access logs to a bucket of its own', () => {
    const { template, api } = scenario;
    template.resourceCountIs('AWS::S3::Bucket', 1);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'access_logs.s3.bucket', Value: ref(api.logBucket!) }]),
    });
  });

  test('writes the logs to a bucket of yours when you give one', () => {
    const stack = newStack();
    const logBucket = new s3.Bucket(stack, 'MyLogs');
    const { template } = synthesize({ logBucket }, undefined, stack);
    template.resourceCountIs('AWS::S3::Bucket', 1);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'access_logs.s3.bucket', Value: ref(logBucket) }]),
    });
    template.hasResourceProperties('AWS::EC2::FlowLog', { LogDestination: { 'Fn::Join': ['', [getAtt(logBucket, 'Arn'), '/vpc-flow-logs']] } });
  });

  test('takes the VPC from the cluster when only the cluster is given', () => {
    const stack = newStack();
    const onlyCluster = new ecs.Cluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc') });
    const { api } = synthesize({ cluster: onlyCluster }, undefined, stack);
    expect(api.vpc).toBe(onlyCluster.vpc);
  });

  test('uses vpcSubnets when given, such as isolated subnets with endpoints of your own', () => {
    const stack = newStack();
    const isolated = new ec2.Vpc(stack, 'Vpc', {
      subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    });
    const vpcSubnets = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
    const { template } = synthesize({ vpc: isolated, vpcSubnets }, undefined, stack);
    template.hasResourceProperties('AWS::ApiGatewayV2::VpcLink', { SubnetIds: isolated.isolatedSubnets.map(ref) });
    template.hasResourceProperties('AWS::ECS::Service', {
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ Subnets: isolated.isolatedSubnets.map(ref) }) },
    });
  });

  test('accepts an imported VPC and cluster with the same VPC id', () => {
    const stack = newStack();
    const attributes = {
      vpcId: 'vpc-12345',
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      privateSubnetIds: ['subnet-a', 'subnet-b'],
    };
    const imported = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', attributes);
    const sameVpc = ec2.Vpc.fromVpcAttributes(stack, 'SameVpc', attributes);
    const importedCluster = ecs.Cluster.fromClusterAttributes(stack, 'Cluster', { clusterName: 'shared', vpc: sameVpc });
    const { template } = synthesize({ vpc: imported, cluster: importedCluster }, undefined, stack);
    template.hasResourceProperties('AWS::ApiGatewayV2::VpcLink', { SubnetIds: ['subnet-a', 'subnet-b'] });
  });

  test('warns with the statements to add when your log bucket is imported: its policy is not this stack\'s', () => {
    const stack = newStack();
    const logBucket = s3.Bucket.fromBucketName(stack, 'Imported', 'my-logs');
    const { stack: synthesized } = synthesize({ logBucket }, undefined, stack);
    Annotations.fromStack(synthesized).hasWarning('/TestStack/Api', Match.stringLikeRegexp(
      'logBucket is imported.*s3:PutObject for the service principal logdelivery.elasticloadbalancing.amazonaws.com on load-balancer/AWSLogs/<account>/\\*'
      + '.*delivery.logs.amazonaws.com.*\\[ack: cdk-private-ecs-http-api:importedLogBucket\\]'));
  });

  test('does not warn about a log bucket of this app, whose policy it writes', () => {
    const stack = newStack();
    const { stack: synthesized } = synthesize({ logBucket: new s3.Bucket(stack, 'MyLogs') }, undefined, stack);
    Annotations.fromStack(synthesized).hasNoWarning('*', Match.stringLikeRegexp('logBucket is imported'));
  });
});

/** What `cdk init` makes: a stack without an account or Region, whose Region CloudFormation knows only at deploy time. */
describe('in an environment-agnostic stack', () => {
  let scenario: Scenario;
  beforeAll(() => {
    scenario = synthesize({}, undefined, new Stack(new App(), 'Agnostic'));
  });

  test('still writes load balancer access logs, to the log bucket', () => {
    const { template, api } = scenario;
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([
        { Key: 'access_logs.s3.enabled', Value: 'true' },
        { Key: 'access_logs.s3.bucket', Value: ref(api.logBucket!) },
        { Key: 'access_logs.s3.prefix', Value: 'load-balancer' },
      ]),
    });
  });

  // ELB's current bucket policy, for every Region: the log delivery service principal.
  test('lets the ELB log delivery service write them, in any Region', () => {
    const { template, api } = scenario;
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Effect: 'Allow',
          Principal: { Service: 'logdelivery.elasticloadbalancing.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: { 'Fn::Join': ['', [getAtt(api.logBucket!, 'Arn'), '/load-balancer/AWSLogs/', { Ref: 'AWS::AccountId' }, '/*']] },
        })]),
      },
    });
  });

  test('creates the load balancer after the bucket policy, which ELB checks', () => {
    const { template, api } = scenario;
    const loadBalancer = template.findResources('AWS::ElasticLoadBalancingV2::LoadBalancer');
    expect(Object.values(loadBalancer)[0].DependsOn).toContain(logicalId(api.logBucket!.policy!));
  });

  test('does not warn', () => {
    Annotations.fromStack(scenario.stack).hasNoWarning('*', Match.stringLikeRegexp('access logs'));
  });
});
