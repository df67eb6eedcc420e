import { Duration } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { egressRulesOf, ingressRulesOf } from './security-group-rules';
import type { Scenario } from './util';
import { build, getAtt, logicalId, newStack, ref, SAMPLE_IMAGE, synthesize } from './util';

const CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

describe('API access logs', () => {
  test('go to a log group of yours when you give one', () => {
    const stack = newStack();
    const logGroup = new logs.LogGroup(stack, 'MyLogs');
    const { template, api } = synthesize({ apiAccessLogGroup: logGroup }, undefined, stack);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { AccessLogSettings: { DestinationArn: getAtt(logGroup, 'Arn') } });
    expect(api.apiAccessLogGroup).toBe(logGroup);
  });

  test('are kept as long as apiAccessLogRetention says', () => {
    const { template, api } = synthesize({ apiAccessLogRetention: logs.RetentionDays.THREE_MONTHS });
    expect(template.toJSON().Resources[logicalId(api.apiAccessLogGroup!)].Properties.RetentionInDays).toBe(90);
  });

  test('can be turned off', () => {
    const { template, api } = synthesize({ apiAccessLogs: false });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { AccessLogSettings: Match.absent() });
    expect(api.apiAccessLogGroup).toBeUndefined();
  });
});

describe('log encryption', () => {
  let scenario: Scenario;
  let key: kms.Key;
  beforeAll(() => {
    const stack = newStack();
    key = new kms.Key(stack, 'LogKey', { enableKeyRotation: true });
    scenario = synthesize({ logEncryptionKey: key }, (api) => {
      api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders' });
    }, stack);
  });

  test('encrypts every log group the construct creates with the key', () => {
    const groups = Object.values(scenario.template.findResources('AWS::Logs::LogGroup'));
    expect(groups).toHaveLength(3);
    for (const group of groups) {
      expect(group.Properties.KmsKeyId).toEqual(getAtt(key, 'Arn'));
      expect(group.Metadata?.checkov).toBeUndefined();
    }
  });

  test('lets CloudWatch Logs use the key, once, for this account\'s log groups only', () => {
    const statements = scenario.template.toJSON().Resources[logicalId(key)].Properties.KeyPolicy.Statement;
    const forLogs = statements.filter((statement: { Principal?: { Service?: unknown } }) => statement.Principal?.Service);
    expect(forLogs).toEqual([expect.objectContaining({
      Principal: { Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } },
      Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': expect.anything() } },
    })]);
  });
});

describe('throttling', () => {
  test('takes the rate and burst limits given', () => {
    synthesize({ throttlingRateLimit: 50.5, throttlingBurstLimit: 20 }).template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 50.5, ThrottlingBurstLimit: 20 },
    });
  });
});

describe('authorization', () => {
  let scenario: Scenario;
  beforeAll(() => {
    const authorizer = new HttpJwtAuthorizer('Jwt', 'https://issuer.example.com', { jwtAudience: ['orders-api'] });
    scenario = synthesize({ defaultAuthorizer: authorizer, defaultAuthorizationScopes: ['orders/read'] });
  });

  test('puts the authorizer and its scopes on every route', () => {
    const { template } = scenario;
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Audience: ['orders-api'], Issuer: 'https://issuer.example.com' },
    });
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
    expect(routes).toHaveLength(2);
    for (const route of routes) {
      expect(route.Properties).toMatchObject({ AuthorizationType: 'JWT', AuthorizationScopes: ['orders/read'] });
    }
  });

  test('does not warn that the API is public', () => {
    Annotations.fromStack(scenario.stack).hasNoWarning('*', Match.stringLikeRegexp('publicApi'));
  });
});

describe('CORS', () => {
  test('answers preflight requests as configured', () => {
    const corsPreflight = { allowOrigins: ['https://app.example.com'], allowMethods: [apigwv2.CorsHttpMethod.GET], maxAge: Duration.hours(1) };
    synthesize({ corsPreflight }).template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: { AllowOrigins: ['https://app.example.com'], AllowMethods: ['GET'], MaxAge: 3600 },
    });
  });
});

describe('custom domain', () => {
  let scenario: Scenario;
  let zone: route53.IHostedZone;
  beforeAll(() => {
    const stack = newStack();
    zone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0123456789', zoneName: 'example.com' });
    scenario = synthesize({
      domainName: 'api.example.com',
      domainCertificate: acm.Certificate.fromCertificateArn(stack, 'Cert', CERTIFICATE_ARN),
      domainHostedZone: zone,
      disableExecuteApiEndpoint: true,
    }, undefined, stack);
  });

  test('a regional domain name with TLS 1.2, mapped to the $default stage', () => {
    const { template, api } = scenario;
    template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: 'api.example.com',
      DomainNameConfigurations: [{ CertificateArn: CERTIFICATE_ARN, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' }],
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { ApiId: ref(api.httpApi), Stage: '$default', DomainName: ref(api.customDomain!) });
  });

  test('an alias record in the hosted zone', () => {
    scenario.template.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'api.example.com.',
      Type: 'A',
      HostedZoneId: 'Z0123456789',
      AliasTarget: Match.objectLike({ DNSName: getAtt(scenario.api.customDomain!, 'RegionalDomainName') }),
    });
  });

  test('the execute-api endpoint turned off, and apiEndpoint on the custom domain', () => {
    scenario.template.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true });
    expect(scenario.api.apiEndpoint).toBe('https://api.example.com/');
  });
});

describe('TLS to the load balancer', () => {
  let scenario: Scenario;
  beforeAll(() => {
    const stack = newStack();
    scenario = synthesize({
      loadBalancerCertificate: acm.Certificate.fromCertificateArn(stack, 'Cert', CERTIFICATE_ARN),
      loadBalancerServerName: 'internal.example.com',
    }, undefined, stack);
  });

  test('an HTTPS listener on 443 with a current TLS policy, in place of the HTTP one', () => {
    const { template } = scenario;
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 1);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Protocol: 'HTTPS',
      Port: 443,
      Certificates: [{ CertificateArn: CERTIFICATE_ARN }],
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09',
    });
  });

  test('with nothing to acknowledge on the listener', () => {
    const listener = scenario.template.toJSON().Resources[logicalId(scenario.api.listener)];
    expect(listener.Metadata?.checkov).toBeUndefined();
  });

  test('the integration verifies the server name', () => {
    scenario.template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationUri: ref(scenario.api.listener),
      TlsConfig: { ServerNameToVerify: 'internal.example.com' },
    });
  });

  test('the security group rules follow the port: 443 from the VPC link', () => {
    const { template, api } = scenario;
    const vpcLinkGroupId = getAtt(api.node.findChild('VpcLinkSecurityGroup'), 'GroupId');
    expect(ingressRulesOf(template, logicalId(api.loadBalancer.connections.securityGroups[0]))).toEqual([
      expect.objectContaining({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, SourceSecurityGroupId: vpcLinkGroupId }),
    ]);
    expect(egressRulesOf(template, logicalId(api.node.findChild('VpcLinkSecurityGroup')))).toEqual([
      expect.objectContaining({ FromPort: 443, ToPort: 443 }),
    ]);
  });
});

describe('integration controls', () => {
  // HTTP APIs allow 30 seconds, where aws-cdk-lib's own check stops at the REST API limit of 29.
  test('a timeout of up to 30 seconds and a parameter mapping', () => {
    const parameterMapping = new apigwv2.ParameterMapping()
      .appendHeader('x-api-request-id', apigwv2.MappingValue.contextVariable('requestId'))
      .overwritePath(apigwv2.MappingValue.custom('/v2$request.path'));
    synthesize({ integrationTimeout: Duration.seconds(30), parameterMapping }).template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      TimeoutInMillis: 30000,
      RequestParameters: { 'append:header.x-api-request-id': '$context.requestId', 'overwrite:path': '/v2$request.path' },
    });
  });

  test('no timeout in the template without integrationTimeout: API Gateway\'s default of 30 seconds', () => {
    synthesize().template.hasResourceProperties('AWS::ApiGatewayV2::Integration', { TimeoutInMillis: Match.absent() });
  });

  // `ANY /` shares the integration and has no {proxy+}: what the parameter becomes there is not documented.
  test('refuses a path rewrite from $request.path.proxy, which the root route does not have', () => {
    const parameterMapping = new apigwv2.ParameterMapping().overwritePath(apigwv2.MappingValue.requestPathParam('proxy'));
    expect(() => build({ parameterMapping })).toThrow(
      "parameterMapping overwrites the path with '$request.path.proxy', but $request.path.proxy is undefined on the routes without {proxy+} ('ANY /')");
  });

  test('an API name', () => {
    synthesize({ apiName: 'orders' }).template.hasResourceProperties('AWS::ApiGatewayV2::Api', { Name: 'orders' });
  });

  test('the API is named after the construct\'s id by default, as apiName documents', () => {
    synthesize().template.hasResourceProperties('AWS::ApiGatewayV2::Api', { Name: 'Api' });
  });
});
