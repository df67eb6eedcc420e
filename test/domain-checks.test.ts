import { App, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import type { PrivateEcsHttpApiProps } from '../src';
import { build, newStack, synthesize } from './util';

const CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

/** A custom domain with a certificate and a hosted zone of `zoneName`, made in `stack`. */
function domain(stack: Stack, domainName: string, zoneName = 'example.com', certificateArn = CERTIFICATE_ARN): Partial<PrivateEcsHttpApiProps> {
  return {
    domainName,
    domainCertificate: acm.Certificate.fromCertificateArn(stack, 'Certificate', certificateArn),
    domainHostedZone: route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z23ABC4XYZL05B', zoneName }),
  };
}

describe('domainName', () => {
  test.each([
    'https://api.example.com',
    'api.example.com/v1',
    'api.example.com:443',
    'api.example.com.',
    'api_example.com',
    'localhost',
    '-api.example.com',
  ])('refuses %s, which is not a DNS host name', (domainName) => {
    const stack = newStack();
    expect(() => build(domain(stack, domainName), stack))
      .toThrow(new RegExp(`domainName must be a DNS host name such as api.example.com, without a scheme, path, port or trailing dot, got '${escape(domainName)}'`));
  });

  test.each(['api.example.com', 'API.Example.com', '*.example.com', 'example.com'])('accepts %s', (domainName) => {
    const stack = newStack();
    expect(() => build(domain(stack, domainName), stack)).not.toThrow();
  });

  test('refuses a name outside domainHostedZone, naming the record Route 53 would make', () => {
    const stack = newStack();
    expect(() => build(domain(stack, 'api.other.org'), stack))
      .toThrow(/domainName must be inside domainHostedZone \(example.com\), got 'api.other.org', for which Route 53 would create the record 'api.other.org.example.com.'/);
  });

  test('refuses a name that only ends like the zone', () => {
    const stack = newStack();
    expect(() => build(domain(stack, 'api.notexample.com'), stack)).toThrow(/domainName must be inside domainHostedZone/);
  });

  test('accepts a zone name with a trailing dot', () => {
    const stack = newStack();
    expect(() => build(domain(stack, 'api.example.com', 'example.com.'), stack)).not.toThrow();
  });

  test('skips the zone check when the zone\'s name is unknown (imported by id)', () => {
    const stack = newStack();
    expect(() => build({
      ...domain(stack, 'api.other.org'),
      domainHostedZone: route53.HostedZone.fromHostedZoneId(stack, 'ById', 'Z23ABC4XYZL05B'),
    }, stack)).not.toThrow(/domainHostedZone/);
  });

  test('skips both checks for a token', () => {
    const stack = newStack();
    expect(() => build(domain(stack, Token.asString({ Ref: 'DomainParameter' })), stack)).not.toThrow();
  });
});

describe('domainCertificate', () => {
  test('refuses a certificate from another Region than the stack\'s', () => {
    const stack = newStack();
    expect(() => build(domain(stack, 'api.example.com', 'example.com', CERTIFICATE_ARN.replace('us-east-1', 'eu-west-1')), stack))
      .toThrow(/domainCertificate must be in the stack's Region \(us-east-1\), as a Regional custom domain needs, got one in eu-west-1 .*request or import the certificate in us-east-1/);
  });

  test('skips the check when the stack\'s Region is unknown', () => {
    const stack = new Stack(new App(), 'Agnostic');
    expect(() => build(domain(stack, 'api.example.com', 'example.com', CERTIFICATE_ARN.replace('us-east-1', 'eu-west-1')), stack)).not.toThrow();
  });

  test('skips the check for a placeholder Region, such as integ-runner\'s', () => {
    const stack = newStack();
    expect(() => build(domain(stack, 'api.example.com', 'example.com', CERTIFICATE_ARN.replace('us-east-1', 'test-region')), stack)).not.toThrow();
  });

  test('skips the check for a certificate the stack creates', () => {
    const stack = newStack();
    expect(() => build({
      ...domain(stack, 'api.example.com'),
      domainCertificate: new acm.Certificate(stack, 'New', { domainName: 'api.example.com' }),
    }, stack)).not.toThrow();
  });
});

describe('throttlingBurstLimit below throttlingRateLimit', () => {
  test('warns, naming both limits and the way out', () => {
    const { stack } = synthesize({ throttlingRateLimit: 1000, throttlingBurstLimit: 100 });
    Annotations.fromStack(stack).hasWarning('/TestStack/Api', Match.stringLikeRegexp(
      'throttlingBurstLimit \\(100\\) is below throttlingRateLimit \\(1000\\).*Set throttlingBurstLimit to 1000 or more.*\\[ack: cdk-private-ecs-http-api:burstBelowRate\\]'));
  });

  test('does not warn with the defaults, nor with a burst equal to the rate', () => {
    for (const props of [{}, { throttlingRateLimit: 500, throttlingBurstLimit: 500 }]) {
      const { stack } = synthesize(props);
      Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('burstBelowRate'));
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
