import type { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import type { PrivateEcsHttpApiProps } from '../src';
import { PrivateEcsCloudMapHttpApi } from '../src';
import { build, newStack, SAMPLE_IMAGE, synthesize } from './util';

const CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
const HEALTH_CHECK: ecs.HealthCheck = { command: ['CMD-SHELL', 'curl -fs http://localhost/ || exit 1'] };

/** A custom domain with a certificate and a hosted zone of `zoneName`, made in `stack`. */
function domain(stack: Stack, domainName: string, zoneName = 'example.com', certificateArn = CERTIFICATE_ARN): Partial<PrivateEcsHttpApiProps> {
  return {
    domainName,
    domainCertificate: acm.Certificate.fromCertificateArn(stack, 'Certificate', certificateArn),
    domainHostedZone: route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z23ABC4XYZL05B', zoneName }),
  };
}

describe('the custom domain\'s URL', () => {
  test('is customDomainUrl, beside the execute-api URL that apiEndpoint stays', () => {
    const stack = newStack();
    const { api } = synthesize(domain(stack, 'api.example.com'), undefined, stack);
    expect(api.customDomainUrl).toBe('https://api.example.com/');
    expect(stack.resolve(api.apiEndpoint)).not.toEqual('https://api.example.com/');
  });

  test('is apiEndpoint too when the execute-api endpoint is off', () => {
    const stack = newStack();
    const { api } = synthesize({ ...domain(stack, 'api.example.com'), disableExecuteApiEndpoint: true }, undefined, stack);
    expect(api.apiEndpoint).toBe(api.customDomainUrl);
  });

  test('is undefined without a domainName', () => {
    expect(synthesize().api.customDomainUrl).toBeUndefined();
  });
});

describe.each([
  ['PrivateEcsHttpApi', (stack: Stack, props: Partial<PrivateEcsHttpApiProps>) => build(props, stack)],
  ['PrivateEcsCloudMapHttpApi', (stack: Stack, props: Partial<PrivateEcsHttpApiProps>) =>
    new PrivateEcsCloudMapHttpApi(stack, 'Api', { image: SAMPLE_IMAGE, containerHealthCheck: HEALTH_CHECK, ...props })],
])('dual-stack with %s', (_name, construct) => {
  let template: Template;
  beforeAll(() => {
    const stack = newStack();
    construct(stack, { ...domain(stack, 'api.example.com'), ipAddressType: apigwv2.IpAddressType.DUAL_STACK });
    template = Template.fromStack(stack);
  });

  test('makes the API dual-stack', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { IpAddressType: 'dualstack' });
  });

  test('makes the custom domain dual-stack', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainNameConfigurations: [Match.objectLike({ IpAddressType: 'dualstack' })],
    });
  });

  test('adds an AAAA alias record beside the A record, to the same domain', () => {
    for (const type of ['A', 'AAAA']) {
      template.hasResourceProperties('AWS::Route53::RecordSet', {
        Name: 'api.example.com.',
        Type: type,
        AliasTarget: Match.objectLike({ DNSName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiDomainName'), 'RegionalDomainName'] } }),
      });
    }
  });
});

describe('IPv4, as before', () => {
  test('leaves IpAddressType out of the API and the domain, and adds no AAAA record', () => {
    const stack = newStack();
    const { template } = synthesize(domain(stack, 'api.example.com'), undefined, stack);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { IpAddressType: Match.absent() });
    template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainNameConfigurations: [Match.objectLike({ IpAddressType: Match.absent() })],
    });
    template.resourcePropertiesCountIs('AWS::Route53::RecordSet', { Type: 'AAAA' }, 0);
  });

  test('writes ipv4 when asked for it, with no AAAA record', () => {
    const stack = newStack();
    const { template } = synthesize({ ...domain(stack, 'api.example.com'), ipAddressType: apigwv2.IpAddressType.IPV4 }, undefined, stack);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { IpAddressType: 'ipv4' });
    template.resourcePropertiesCountIs('AWS::Route53::RecordSet', { Type: 'AAAA' }, 0);
  });
});

