import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { TaskEgress } from '../src';
import { ingressRulesOf } from './security-group-rules';
import type { Scenario } from './util';
import { build, getAtt, newStack, ref, synthesize } from './util';

const WEB_ACL_ARN = 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/a1b2c3d4';

/** A NAT instance instead of NAT gateways, as aws-cdk-lib makes one, with no ingress of its own. */
function natInstance(defaultAllowedTraffic = ec2.NatTrafficDirection.OUTBOUND_ONLY): ec2.NatProvider {
  return ec2.NatProvider.instanceV2({
    instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.NANO),
    machineImage: ec2.MachineImage.latestAmazonLinux2023({ cpuType: ec2.AmazonLinuxCpuType.ARM_64 }),
    defaultAllowedTraffic,
  });
}

describe('a WAF web ACL on the load balancer', () => {
  test('is associated with the internal load balancer', () => {
    const { template, api } = synthesize({ webAclArn: WEB_ACL_ARN });
    template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', { ResourceArn: ref(api.loadBalancer), WebACLArn: WEB_ACL_ARN });
  });

  test('fails when webAclArn is not a web ACL ARN', () => {
    expect(() => build({ webAclArn: 'arn:aws:s3:::bucket' })).toThrow(/^webAclArn must be the ARN of a WAFv2 web ACL/);
  });

  test('fails when the web ACL is of scope CLOUDFRONT', () => {
    expect(() => build({ webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/api/a1b2c3d4' }))
      .toThrow(/^webAclArn must be a web ACL of scope REGIONAL/);
  });
});

describe('mutual TLS on the custom domain', () => {
  function withDomain(disableExecuteApiEndpoint?: boolean): Scenario {
    const stack = newStack();
    const domainCertificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:us-east-1:123456789012:certificate/abc');
    const bucket = s3.Bucket.fromBucketName(stack, 'Truststore', 'my-truststore');
    return synthesize({
      domainName: 'api.example.com',
      domainCertificate,
      domainMutualTls: { bucket, key: 'truststore.pem', version: 'v1' },
      disableExecuteApiEndpoint,
    }, undefined, stack);
  }

  test('maps the truststore to the domain', () => {
    withDomain(true).template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      MutualTlsAuthentication: { TruststoreUri: 's3://my-truststore/truststore.pem', TruststoreVersion: 'v1' },
    });
  });

  test('warns while clients can skip it through the execute-api URL', () => {
    Annotations.fromStack(withDomain().stack).hasWarning('/TestStack/Api',
      Match.stringLikeRegexp('skip it through the API\'s execute-api URL.*\\[ack: cdk-private-ecs-http-api:mutualTlsBypass\\]'));
  });

  test('does not warn with the execute-api endpoint off', () => {
    Annotations.fromStack(withDomain(true).stack).hasNoWarning('*', Match.stringLikeRegexp('execute-api URL'));
  });

  test('fails when domainMutualTls comes without a domainName', () => {
    const stack = newStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'Truststore', 'my-truststore');
    expect(() => build({ domainMutualTls: { bucket, key: 'truststore.pem' } }, stack))
      .toThrow('domainMutualTls has no effect when there is no domainName: remove it');
  });
});

describe('NAT instances instead of NAT gateways', () => {
  let scenario: Scenario;
  beforeAll(() => {
    scenario = synthesize({ natGatewayProvider: natInstance() });
  });

  test('a NAT instance per Availability Zone and no NAT gateway', () => {
    const { template } = scenario;
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    template.resourceCountIs('AWS::EC2::Instance', 2);
    template.hasResourceProperties('AWS::EC2::Instance', { InstanceType: 't4g.nano', SourceDestCheck: false });
  });

  test("the NAT instances' security group admits the VPC's own range only", () => {
    const { template, api } = scenario;
    const instances = Object.values(template.findResources('AWS::EC2::Instance'));
    const groupId = instances[0].Properties.SecurityGroupIds[0]['Fn::GetAtt'][0];
    expect(ingressRulesOf(template, groupId)).toEqual([
      expect.objectContaining({ IpProtocol: '-1', CidrIp: getAtt(api.vpc, 'CidrBlock') }),
    ]);
  });

  test('the tasks stay in the private subnets', () => {
    scenario.template.hasResourceProperties('AWS::ECS::Service', {
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ AssignPublicIp: 'DISABLED' }) },
    });
  });

  test('fails when the NAT instances admit the internet, as aws-cdk-lib does by default', () => {
    expect(() => build({ natGatewayProvider: natInstance(ec2.NatTrafficDirection.INBOUND_AND_OUTBOUND) }))
      .toThrow(/^natGatewayProvider's security group admits 0.0.0.0\/0: create the NAT instances with defaultAllowedTraffic/);
  });

  test('fails when natGatewayProvider comes with a VPC of the user', () => {
    const stack = newStack();
    expect(() => build({ vpc: new ec2.Vpc(stack, 'Vpc'), natGatewayProvider: natInstance() }, stack))
      .toThrow('natGatewayProvider applies only to a VPC the construct creates, but a vpc or cluster was given');
  });

  test('fails when natGatewayProvider comes with tasks that use no NAT', () => {
    expect(() => build({ taskEgress: TaskEgress.PUBLIC_IP, natGatewayProvider: natInstance() }))
      .toThrow('natGatewayProvider applies only to taskEgress NAT_GATEWAY, got PUBLIC_IP: those tasks use no NAT');
  });
});
