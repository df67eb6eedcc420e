import { Duration, Lazy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { PrivateEcsRestApiProps } from '../src';
import { PrivateEcsHttpApi, PrivateEcsRestApi, RestAuthorization } from '../src';
import { logicalId, newStack, ref, SAMPLE_IMAGE } from './util';

const WEB_ACL_ARN = 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/a1b2c3d4';

interface RestScenario {
  readonly stack: Stack;
  readonly api: PrivateEcsRestApi;
  readonly template: Template;
}

function synthesizeRest(
  props: Partial<PrivateEcsRestApiProps> = {},
  extend?: (api: PrivateEcsRestApi, stack: Stack) => void,
  stack: Stack = newStack(),
): RestScenario {
  const api = new PrivateEcsRestApi(stack, 'Api', { image: SAMPLE_IMAGE, ...props });
  extend?.(api, stack);
  return { stack, api, template: Template.fromStack(stack) };
}

function buildRest(props: Partial<PrivateEcsRestApiProps>, stack: Stack = newStack()): PrivateEcsRestApi {
  return new PrivateEcsRestApi(stack, 'Api', { image: SAMPLE_IMAGE, ...props });
}

/** The CloudFormation method of `ANY` on the resource at `path`. */
function methodAt(scenario: RestScenario, path: string): { [key: string]: any } {
  const resource = path === '/' ? scenario.api.restApi.root : scenario.api.restApi.root.resourceForPath(path);
  const method = resource.node.findChild('ANY').node.defaultChild as apigw.CfnMethod;
  return scenario.template.toJSON().Resources[logicalId(method)].Properties;
}

describe('a REST API in front of the load balancer, by default', () => {
  let scenario: RestScenario;
  beforeAll(() => {
    scenario = synthesizeRest();
  });

  test('is a REGIONAL REST API that sets no account-wide CloudWatch role', () => {
    scenario.template.hasResourceProperties('AWS::ApiGateway::RestApi', { Name: 'Api', EndpointConfiguration: { Types: ['REGIONAL'] } });
    scenario.template.resourceCountIs('AWS::ApiGateway::Account', 0);
    scenario.template.resourceCountIs('AWS::ApiGatewayV2::Api', 0);
  });

  test('has one stage, prod, with JSON access logs and the default throttling, caching off', () => {
    scenario.template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'prod',
      AccessLogSetting: {
        DestinationArn: Match.anyValue(),
        Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId".*"resourcePath":"\\$context.resourcePath"'),
      },
      MethodSettings: [Match.objectLike({ HttpMethod: '*', ResourcePath: '/*', ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 2000, CachingEnabled: false })],
    });
  });

  test.each(['/', '/{proxy+}'])('sends ANY %s to the load balancer over the VPC link V2', path => {
    expect(methodAt(scenario, path)).toMatchObject({
      HttpMethod: 'ANY',
      AuthorizationType: 'NONE',
      Integration: {
        Type: 'HTTP_PROXY',
        IntegrationHttpMethod: 'ANY',
        ConnectionType: 'VPC_LINK',
        ConnectionId: ref(scenario.api.vpcLink),
        IntegrationTarget: ref(scenario.api.loadBalancer),
      },
    });
  });

  test('passes the greedy path on to the listener, on port 80', () => {
    const proxy = methodAt(scenario, '/{proxy+}');
    expect(proxy.RequestParameters).toEqual({ 'method.request.path.proxy': true });
    expect(proxy.Integration.RequestParameters).toEqual({ 'integration.request.path.proxy': 'method.request.path.proxy' });
    expect(JSON.stringify(proxy.Integration.Uri)).toMatch(/http:\/\/.*DNSName.*:80\/\{proxy\}/);
  });

  test('warns that anyone with the URL may call it', () => {
    Annotations.fromStack(scenario.stack).hasWarning('/TestStack/Api',
      Match.stringLikeRegexp('The API has no defaultAuthorization.*\\[ack: cdk-private-ecs-http-api:publicApi\\]'));
  });

  test('reads its metrics from the stage', () => {
    expect(scenario.stack.resolve(scenario.api.metricServerErrors().dimensions)).toEqual({ ApiName: 'Api', Stage: ref(scenario.api.stage) });
  });
});

describe('services added to a REST API', () => {
  let scenario: RestScenario;
  beforeAll(() => {
    scenario = synthesizeRest({ defaultAuthorization: RestAuthorization.iam() }, api => {
      api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/api/orders', stripPathPrefix: true });
      api.addService('Public', { image: SAMPLE_IMAGE, pathPrefix: '/public', authorization: RestAuthorization.none() });
    });
  });

  test('answer their prefix and everything under it', () => {
    for (const path of ['/api/orders', '/api/orders/{proxy+}']) {
      expect(JSON.stringify(methodAt(scenario, path).Integration.Uri)).toContain(':80/api/orders');
    }
  });

  test('leave the parents of a prefix to the default service', () => {
    expect(methodAt(scenario, '/api').AuthorizationType).toBe('AWS_IAM');
    expect(JSON.stringify(methodAt(scenario, '/api/{proxy+}').Integration.Uri)).toContain(':80/api/{proxy}');
  });

  test('each get a listener rule for their prefix, which strips it where asked', () => {
    scenario.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/orders', '/api/orders/*'] } }],
      Transforms: Match.anyValue(),
    });
  });

  test('take the API\'s authorization unless they have their own, and warn when theirs is none', () => {
    expect(methodAt(scenario, '/api/orders').AuthorizationType).toBe('AWS_IAM');
    expect(methodAt(scenario, '/public/{proxy+}').AuthorizationType).toBe('NONE');
    Annotations.fromStack(scenario.stack).hasWarning('/TestStack/Api/Public',
      Match.stringLikeRegexp("Service 'Public' has RestAuthorization.none\\(\\)"));
  });

  test('are listed with their resources', () => {
    expect(scenario.api.services.map(service => service.resource.path)).toEqual(['/api/orders', '/public']);
  });

  test('refuse a prefix another service holds', () => {
    expect(() => scenario.api.addService('Again', { image: SAMPLE_IMAGE, pathPrefix: '/public' })).toThrow(/pathPrefix/);
  });

  test('refuse the HTTP API\'s options, saying what to use', () => {
    expect(() => scenario.api.addService('Mapped', { image: SAMPLE_IMAGE, pathPrefix: '/mapped', parameterMapping: {} } as any))
      .toThrow(/^parameterMapping is not a prop of a REST API service \('Mapped'\)/);
  });
});

describe('authorization on a REST API', () => {
  test('a Cognito user pool with scopes', () => {
    const stack = newStack();
    const authorizer = new apigw.CognitoUserPoolsAuthorizer(stack, 'Pool', { cognitoUserPools: [new cognito.UserPool(stack, 'Users')] });
    const scenario = synthesizeRest({ defaultAuthorization: RestAuthorization.cognito(authorizer, ['orders/read']) }, undefined, stack);
    expect(methodAt(scenario, '/')).toMatchObject({ AuthorizationType: 'COGNITO_USER_POOLS', AuthorizationScopes: ['orders/read'] });
    Annotations.fromStack(stack).hasNoWarning('/TestStack/Api', Match.stringLikeRegexp('publicApi'));
  });

  test('a Lambda authorizer for one service, beside the API\'s IAM', () => {
    const stack = newStack();
    const handler = new lambda.Function(stack, 'Check', {
      runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({})'),
    });
    const scenario = synthesizeRest({ defaultAuthorization: RestAuthorization.iam() }, api => {
      api.addService('Partners', {
        image: SAMPLE_IMAGE,
        pathPrefix: '/partners',
        authorization: RestAuthorization.lambdaAuthorizer(new apigw.TokenAuthorizer(stack, 'Token', { handler })),
      });
    }, stack);
    expect(methodAt(scenario, '/partners').AuthorizationType).toBe('CUSTOM');
    expect(methodAt(scenario, '/partners').AuthorizerId).toEqual(ref(stack.node.findChild('Token')));
    expect(methodAt(scenario, '/').AuthorizationType).toBe('AWS_IAM');
  });

  test('refuses scopes that are not OAuth scopes', () => {
    const stack = newStack();
    const authorizer = new apigw.CognitoUserPoolsAuthorizer(stack, 'Pool', { cognitoUserPools: [new cognito.UserPool(stack, 'Users')] });
    expect(() => RestAuthorization.cognito(authorizer, ['has space'])).toThrow(/^RestAuthorization.cognito scopes must be one or more OAuth scopes/);
    expect(() => RestAuthorization.cognito(authorizer, [])).toThrow(/^RestAuthorization.cognito scopes must be one or more OAuth scopes .*got \[\]$/);
    expect(() => RestAuthorization.lambdaAuthorizer(authorizer)).toThrow(/use RestAuthorization.cognito/);
  });
});

test('a default service open under the API\'s authorization warns', () => {
  const { stack } = synthesizeRest({ defaultAuthorization: RestAuthorization.iam(), authorization: RestAuthorization.none() });
  Annotations.fromStack(stack).hasWarning('/TestStack/Api', Match.stringLikeRegexp('The default service has RestAuthorization.none\\(\\)'));
});

describe('a web ACL on the REST API\'s stage', () => {
  let scenario: RestScenario;
  beforeAll(() => {
    scenario = synthesizeRest({ webAclArn: WEB_ACL_ARN });
  });

  test('is associated with the stage, not the load balancer', () => {
    scenario.template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
    scenario.template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      WebACLArn: WEB_ACL_ARN,
      ResourceArn: { 'Fn::Join': ['', Match.arrayWith([ref(scenario.api.restApi), '/stages/', ref(scenario.api.stage)])] },
    });
  });

  test('must be of scope REGIONAL', () => {
    expect(() => buildRest({ webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/api/a1b2c3d4' }))
      .toThrow(/^webAclArn must be a web ACL of scope REGIONAL: one of scope CLOUDFRONT cannot protect a REST API stage/);
  });
});

describe('usage plans and API keys', () => {
  function withKeys(keyIds: string[]): RestScenario {
    return synthesizeRest({
      apiKeyRequired: true,
      usagePlans: [{ name: 'partners', throttlingRateLimit: 10, throttlingBurstLimit: 20, quota: { limit: 1000, period: apigw.Period.DAY } }],
    }, (api, stack) => keyIds.forEach(id => api.addApiKey('partners', new apigw.ApiKey(stack, id))));
  }

  test('meter the stage with each plan\'s throttling and quota', () => {
    const { template } = withKeys(['First']);
    template.hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      UsagePlanName: 'Api-partners',
      Throttle: { RateLimit: 10, BurstLimit: 20 },
      Quota: { Limit: 1000, Period: 'DAY' },
      ApiStages: [Match.objectLike({ ApiId: Match.anyValue(), Stage: Match.anyValue() })],
    });
    template.resourceCountIs('AWS::ApiGateway::UsagePlanKey', 1);
  });

  test('keep each key\'s association when another key is removed', () => {
    const keyAssociations = (scenario: RestScenario) => Object.keys(scenario.template.findResources('AWS::ApiGateway::UsagePlanKey'));
    const both = keyAssociations(withKeys(['First', 'Second']));
    const second = keyAssociations(withKeys(['Second']));
    expect(both).toEqual(expect.arrayContaining(second));
  });

  test('a method needs the key where the service asks', () => {
    expect(methodAt(withKeys([]), '/').ApiKeyRequired).toBe(true);
  });

  test('warn when plans meter no method, or methods need a key of no plan', () => {
    const plansOnly = synthesizeRest({ usagePlans: [{ name: 'partners' }] });
    Annotations.fromStack(plansOnly.stack).hasWarning('/TestStack/Api', Match.stringLikeRegexp('usagePlansMeterNothing'));
    const keyOnly = synthesizeRest({}, api => api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', apiKeyRequired: true }));
    Annotations.fromStack(keyOnly.stack).hasWarning('/TestStack/Api', Match.stringLikeRegexp('apiKeyWithoutUsagePlan'));
    const both = withKeys(['First']);
    Annotations.fromStack(both.stack).hasNoWarning('/TestStack/Api', Match.stringLikeRegexp('usagePlansMeterNothing|apiKeyWithoutUsagePlan'));
  });

  test('a key belongs to one plan', () => {
    const stack = newStack();
    const api = buildRest({ usagePlans: [{ name: 'gold' }, { name: 'silver' }], apiKeyRequired: true }, stack);
    const key = new apigw.ApiKey(stack, 'Acme');
    api.addApiKey('gold', key);
    expect(() => api.addApiKey('gold', key)).toThrow(/^API key TestStack\/Acme is already in usage plan 'gold': .* cannot be added to 'gold' again/);
    expect(() => api.addApiKey('silver', key)).toThrow(/^API key TestStack\/Acme is already in usage plan 'gold'/);
  });

  test('an unknown plan is refused, naming the plans there are', () => {
    const api = buildRest({ usagePlans: [{ name: 'partners' }] });
    expect(() => api.usagePlan('gold')).toThrow(/^usagePlan\('gold'\): no usage plan of that name; usagePlans has \[partners\]/);
  });
});

describe('a PRIVATE REST API', () => {
  function privateApi(
    extend?: (api: PrivateEcsRestApi) => void,
    defaultAuthorization = RestAuthorization.iam(),
  ): RestScenario & { endpoint: ec2.InterfaceVpcEndpoint } {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
    const endpoint = vpc.addInterfaceEndpoint('ExecuteApi', { service: ec2.InterfaceVpcEndpointAwsService.APIGATEWAY });
    const scenario = synthesizeRest({ vpc, endpointType: apigw.EndpointType.PRIVATE, vpcEndpoints: [endpoint], defaultAuthorization }, extend, stack);
    return { ...scenario, endpoint };
  }
  const denyElsewhere = (endpoint: ec2.InterfaceVpcEndpoint) => ({
    Effect: 'Deny',
    Principal: { AWS: '*' },
    Action: 'execute-api:Invoke',
    Resource: 'execute-api:/*',
    Condition: { StringNotEquals: { 'aws:SourceVpce': [ref(endpoint)] } },
  });

  test('is reached only through the given endpoints, and with IAM on every method admits only the account\'s principals', () => {
    const { template, endpoint, stack } = privateApi();
    // The account's root as the stack writes it, with the partition a literal or a reference by the flags.
    const accountRoot = stack.resolve(new iam.AccountRootPrincipal().arn);
    template.hasResourceProperties('AWS::ApiGateway::RestApi', {
      EndpointConfiguration: { Types: ['PRIVATE'], VpcEndpointIds: [ref(endpoint)] },
      Policy: {
        Statement: [
          denyElsewhere(endpoint),
          {
            Effect: 'Allow',
            Action: 'execute-api:Invoke',
            Resource: 'execute-api:/*',
            Principal: { AWS: accountRoot },
          },
        ],
      },
    });
  });

  test('admits everyone through its endpoints when a method checks callers otherwise, and warns for its IAM methods', () => {
    const { template, endpoint, stack } = privateApi(api => api.addService('Open', {
      image: SAMPLE_IMAGE, pathPrefix: '/open', authorization: RestAuthorization.none(),
    }));
    template.hasResourceProperties('AWS::ApiGateway::RestApi', {
      Policy: { Statement: [denyElsewhere(endpoint), { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'execute-api:Invoke', Resource: 'execute-api:/*' }] },
    });
    Annotations.fromStack(stack).hasWarning('/TestStack/Api', Match.stringLikeRegexp('privateIamOpenToAccount'));
  });
});

describe('the REST API\'s deployment', () => {
  const deploymentIds = (props: Partial<PrivateEcsRestApiProps> | ((vpc: ec2.Vpc) => Partial<PrivateEcsRestApiProps>)) => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 3 });
    const scenario = synthesizeRest({ vpc, ...(typeof props === 'function' ? props(vpc) : props) }, undefined, stack);
    return Object.keys(scenario.template.findResources('AWS::ApiGateway::Deployment'));
  };

  test('is new when the VPC link is replaced, so that the stage never calls a deleted link', () => {
    const first = deploymentIds({});
    const other = deploymentIds(vpc => ({
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, availabilityZones: vpc.availabilityZones.slice(0, 2) },
    }));
    expect(first).toHaveLength(1);
    expect(other).not.toEqual(first);
  });

  test('stays when nothing of the API changes', () => {
    expect(deploymentIds({ desiredCount: 3 })).toEqual(deploymentIds({ desiredCount: 4 }));
  });
});

describe('TLS to the load balancer and a custom domain', () => {
  let scenario: RestScenario;
  beforeAll(() => {
    const stack = newStack();
    const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:us-east-1:123456789012:certificate/abc');
    scenario = synthesizeRest({
      loadBalancerCertificate: certificate,
      loadBalancerServerName: 'internal.example.com',
      domainName: 'api.example.com',
      domainCertificate: certificate,
      domainHostedZone: route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z1', zoneName: 'example.com' }),
      domainMutualTls: { bucket: s3.Bucket.fromBucketName(stack, 'Truststore', 'my-truststore'), key: 'truststore.pem' },
    }, undefined, stack);
  });

  test('calls the HTTPS listener by the name its certificate covers', () => {
    expect(methodAt(scenario, '/{proxy+}').Integration.Uri).toBe('https://internal.example.com:443/{proxy}');
  });

  test('maps a Regional domain with TLS 1.2 and mutual TLS to the stage, with its alias record', () => {
    scenario.template.hasResourceProperties('AWS::ApiGateway::DomainName', {
      DomainName: 'api.example.com',
      EndpointConfiguration: { Types: ['REGIONAL'] },
      SecurityPolicy: 'TLS_1_2',
      MutualTlsAuthentication: { TruststoreUri: 's3://my-truststore/truststore.pem' },
    });
    scenario.template.resourceCountIs('AWS::ApiGateway::BasePathMapping', 1);
    scenario.template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'api.example.com.', Type: 'A' });
  });

  test('warns that mutual TLS is skipped through the execute-api URL', () => {
    Annotations.fromStack(scenario.stack).hasWarning('/TestStack/Api', Match.stringLikeRegexp('mutualTlsBypass'));
  });
});

describe('a REST API\'s operations', () => {
  test('execution logs, tracing and the recommended alarms', () => {
    const { template } = synthesizeRest({ executionLogLevel: apigw.MethodLoggingLevel.ERROR, tracingEnabled: true, recommendedAlarms: true });
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      TracingEnabled: true,
      MethodSettings: [Match.objectLike({ LoggingLevel: 'ERROR' })],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: Match.arrayWith([Match.objectLike({
        MetricStat: Match.objectLike({
          Metric: { Namespace: 'AWS/ApiGateway', MetricName: '5XXError', Dimensions: [{ Name: 'ApiName', Value: 'Api' }, { Name: 'Stage', Value: Match.anyValue() }] },
        }),
      })]),
    });
  });

  test('an integration timeout above 29 seconds warns that it needs a raised quota', () => {
    const { stack, template } = synthesizeRest({ integrationTimeout: Duration.seconds(60) });
    expect(methodAt({ stack, template, api: stack.node.findChild('Api') as PrivateEcsRestApi }, '/').Integration.TimeoutInMillis).toBe(60000);
    Annotations.fromStack(stack).hasWarning('/TestStack/Api', Match.stringLikeRegexp('restTimeoutAboveQuota'));
  });
});

describe('a REST API refuses', () => {
  test.each<[string, Partial<PrivateEcsRestApiProps> | ((stack: Stack) => Partial<PrivateEcsRestApiProps>), RegExp]>([
    ['an edge-optimized endpoint', { endpointType: apigw.EndpointType.EDGE }, /^endpointType must be REGIONAL or PRIVATE, got EDGE/],
    ['PRIVATE without endpoints', { endpointType: apigw.EndpointType.PRIVATE }, /^endpointType PRIVATE needs vpcEndpoints/],
    ['endpoints without PRIVATE', stack => ({ vpcEndpoints: [ec2.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes(stack, 'E', { vpcEndpointId: 'vpce-1', port: 443 })] }),
      /^vpcEndpoints has no effect when endpointType is REGIONAL/],
    ['a custom domain on a PRIVATE API', stack => ({
      endpointType: apigw.EndpointType.PRIVATE,
      vpcEndpoints: [ec2.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes(stack, 'E', { vpcEndpointId: 'vpce-1', port: 443 })],
      domainName: 'api.example.com',
      domainCertificate: acm.Certificate.fromCertificateArn(stack, 'C', 'arn:aws:acm:us-east-1:123456789012:certificate/abc'),
    }), /^domainName is for a REGIONAL API/],
    ['a stage name with a space', { stageName: 'my stage' }, /^stageName must be 1 to 128 letters/],
    ['two plans of one name', { usagePlans: [{ name: 'a' }, { name: 'a' }] }, /^usagePlans names must be unique, got 'a' twice/],
    ['a plan name with a slash', { usagePlans: [{ name: 'a/b' }] }, /^usagePlans names must be 1 to 64 letters/],
    ['a plan burst without a rate', { usagePlans: [{ name: 'a', throttlingBurstLimit: 5 }] }, /^usagePlans 'a': throttlingBurstLimit needs throttlingRateLimit/],
    ['a fractional quota', { usagePlans: [{ name: 'a', quota: { limit: 1.5, period: apigw.Period.DAY } }] }, /^usagePlans 'a' quota.limit must be an integer/],
    ['execution logs OFF', { executionLogLevel: apigw.MethodLoggingLevel.OFF }, /^executionLogLevel must be ERROR or INFO, got OFF/],
    ['an execution log level API Gateway has not', { executionLogLevel: 'DEBUG' as apigw.MethodLoggingLevel }, /^executionLogLevel must be ERROR or INFO, got DEBUG/],
    ['a stage name that is a token', { stageName: Lazy.string({ produce: () => 'prod' }) }, /^stageName must be .*written out \(not a token\)/],
    ['mutual TLS without a domain', stack => ({ domainMutualTls: { bucket: s3.Bucket.fromBucketName(stack, 'B', 'truststore'), key: 'k' } }),
      /^domainMutualTls has no effect when there is no domainName/],
    ['a Cloud Map namespace', { cloudMapNamespaceName: 'orders.internal' } as any, /^cloudMapNamespaceName is not a prop of PrivateEcsRestApi: .*Cloud Map is no target of a REST API's private integration/],
    ['the HTTP API\'s authorizer', { defaultAuthorizer: {} } as any, /^defaultAuthorizer is not a prop of PrivateEcsRestApi: use defaultAuthorization/],
    ['an integration timeout under 50 ms', { integrationTimeout: Duration.millis(10) }, /^integrationTimeout must be at least 50 milliseconds \(the REST API limit\)/],
  ])('%s', (_, props, message) => {
    const stack = newStack();
    expect(() => buildRest(typeof props === 'function' ? props(stack) : props, stack)).toThrow(message);
  });
});

describe('the HTTP constructs refuse the REST API\'s props', () => {
  test('on the construct', () => {
    expect(() => new PrivateEcsHttpApi(newStack(), 'Api', { image: SAMPLE_IMAGE, usagePlans: [] } as any))
      .toThrow(/^usagePlans is not a prop of an HTTP API construct: API keys and usage plans are a REST API's \(PrivateEcsRestApi\)/);
  });

  test('on an added service, whose authorization would otherwise be dropped', () => {
    const api = new PrivateEcsHttpApi(newStack(), 'Api', { image: SAMPLE_IMAGE });
    expect(() => api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', authorization: RestAuthorization.iam() } as any))
      .toThrow(/^authorization is not a prop of an HTTP API service \('Orders'\): .*use authorizer/);
  });
});
