// The consumer stack's REST API, checked in its template as every language's app checks it in its own test.
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ConsumerStack } from './consumer-stack';

const WEB_ACL_ARN = 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/a1b2c3d4';

describe('the consumer stack\'s REST API', () => {
  let template: Template;
  beforeAll(() => {
    template = Template.fromStack(new ConsumerStack(new App(), 'ConsumerStack', { env: { region: 'us-east-1' } }));
  });

  test('is one REST API whose every method signs with IAM and goes over the VPC link to the load balancer', () => {
    template.resourceCountIs('AWS::ApiGateway::RestApi', 1);
    // ANY on /, /{proxy+}, /invoices and /invoices/{proxy+}.
    template.resourceCountIs('AWS::ApiGateway::Method', 4);
    template.allResourcesProperties('AWS::ApiGateway::Method', {
      AuthorizationType: 'AWS_IAM',
      Integration: Match.objectLike({
        Type: 'HTTP_PROXY',
        ConnectionType: 'VPC_LINK',
        IntegrationTarget: { Ref: Match.stringLikeRegexp('^RestApiLoadBalancer') },
      }),
    });
  });

  test('gives the added service its prefix, whose methods need an API key', () => {
    template.hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: 'invoices' });
    expect(Object.keys(template.findResources('AWS::ApiGateway::Method', { Properties: { ApiKeyRequired: true } }))).toHaveLength(2);
  });

  test('meters the partners\' key with a usage plan\'s throttling and quota', () => {
    template.resourceCountIs('AWS::ApiGateway::UsagePlan', 1);
    template.hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      Throttle: { RateLimit: 10, BurstLimit: 20 },
      Quota: { Limit: 10000, Period: 'MONTH' },
    });
    template.resourceCountIs('AWS::ApiGateway::UsagePlanKey', 1);
  });

  test('puts the web ACL on the stage', () => {
    template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
    template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', { WebACLArn: WEB_ACL_ARN });
  });
});
