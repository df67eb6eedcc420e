import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { TaskEgress } from '../src';
import { build, newStack, SAMPLE_IMAGE, synthesize } from './util';

describe('vpcSubnets of public subnets with NAT egress', () => {
  function ownVpc() {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
    return { stack, vpc };
  }

  test('fails when vpcSubnets selects public subnets by type', () => {
    const { stack, vpc } = ownVpc();
    expect(() => build({ vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } }, stack))
      .toThrow(/vpcSubnets selects public subnets \(SubnetType.PUBLIC\) for the tasks, with taskEgress NAT_GATEWAY.*set taskEgress to PUBLIC_IP/);
  });

  test('fails when vpcSubnets lists the VPC\'s public subnets', () => {
    const { stack, vpc } = ownVpc();
    expect(() => build({ vpc, vpcSubnets: { subnets: vpc.publicSubnets } }, stack)).toThrow(/vpcSubnets selects public subnets/);
  });

  test('fails when vpcSubnets names the public subnet group', () => {
    const { stack, vpc } = ownVpc();
    expect(() => build({ vpc, vpcSubnets: { subnetGroupName: 'Public' } }, stack)).toThrow(/vpcSubnets selects public subnets/);
  });

  test('fails for the public subnets of an imported VPC, given by id', () => {
    const stack = newStack();
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
      vpcId: 'vpc-12345678',
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      publicSubnetIds: ['subnet-pub1', 'subnet-pub2'],
      privateSubnetIds: ['subnet-priv1', 'subnet-priv2'],
    });
    const subnets = ['subnet-pub1', 'subnet-pub2'].map((id, i) => ec2.Subnet.fromSubnetAttributes(stack, `Subnet${i}`, {
      subnetId: id, availabilityZone: vpc.availabilityZones[i],
    }));
    expect(() => build({ vpc, vpcSubnets: { subnets } }, stack)).toThrow(/vpcSubnets selects public subnets/);
  });

  test('passes with private subnets', () => {
    const { stack, vpc } = ownVpc();
    expect(() => build({ vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } }, stack)).not.toThrow();
  });

  test('passes with subnets the VPC does not list, whose type synth cannot know', () => {
    const { stack, vpc } = ownVpc();
    const subnets = ['subnet-a', 'subnet-b'].map((id, i) => ec2.Subnet.fromSubnetAttributes(stack, `Subnet${i}`, {
      subnetId: id, availabilityZone: vpc.availabilityZones[i],
    }));
    expect(() => build({ vpc, vpcSubnets: { subnets } }, stack)).not.toThrow();
  });

  test('passes with taskEgress PUBLIC_IP, which puts the tasks in public subnets with public IPs', () => {
    const { stack, vpc } = ownVpc();
    expect(() => build({ vpc, taskEgress: TaskEgress.PUBLIC_IP }, stack)).not.toThrow();
  });
});

describe('desiredCount 0 without auto scaling', () => {
  test('warns that the service runs no task', () => {
    const { stack } = synthesize({ desiredCount: 0 });
    Annotations.fromStack(stack).hasWarning('/TestStack/Api',
      Match.stringLikeRegexp('desiredCount is 0 and the service has no autoScaling: it runs no task, and the API answers its requests with 503.*\\[ack: cdk-private-ecs-http-api:noTasks\\]'));
  });

  test('warns for an added service, on its construct', () => {
    const { stack } = synthesize({}, api => api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', desiredCount: 0 }));
    Annotations.fromStack(stack).hasWarning('/TestStack/Api/Orders', Match.stringLikeRegexp('noTasks'));
    Annotations.fromStack(stack).hasNoWarning('/TestStack/Api', Match.stringLikeRegexp('noTasks'));
  });

  test('does not warn with auto scaling, which starts the tasks', () => {
    const { stack } = synthesize({ desiredCount: 0, autoScaling: { minCapacity: 0, maxCapacity: 4 } });
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('noTasks'));
  });

  test('does not warn by default', () => {
    const { stack } = synthesize();
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('noTasks'));
  });
});
