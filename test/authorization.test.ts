import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer, HttpJwtAuthorizer, HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { PrivateEcsCloudMapHttpApiProps, PrivateEcsHttpApiBase, PrivateEcsHttpApiProps } from '../src';
import { PrivateEcsCloudMapHttpApi, PrivateEcsHttpApi } from '../src';
import { newStack, SAMPLE_IMAGE } from './util';

const HEALTH_CHECK: ecs.HealthCheck = { command: ['CMD-SHELL', 'curl -fs http://localhost/ || exit 1'] };
const SCOPES = ['aws.cognito.signin.user.admin'];
const jwt = (id = 'Jwt') => new HttpJwtAuthorizer(id, 'https://issuer.example.com', { jwtAudience: ['my-app'] });

type Props = Partial<PrivateEcsHttpApiProps & PrivateEcsCloudMapHttpApiProps>;

/** Each construct, built the same way: the load balancer one and the Cloud Map one. */
const BACKENDS: ReadonlyArray<[string, (stack: Stack, props: Props) => PrivateEcsHttpApiBase & {
  addService(id: string, options: Parameters<PrivateEcsHttpApi['addService']>[1]): unknown;
}]> = [
  ['PrivateEcsHttpApi', (stack, props) => new PrivateEcsHttpApi(stack, 'Api', { image: SAMPLE_IMAGE, ...props })],
  ['PrivateEcsCloudMapHttpApi', (stack, props) =>
    new PrivateEcsCloudMapHttpApi(stack, 'Api', { image: SAMPLE_IMAGE, containerHealthCheck: HEALTH_CHECK, ...props })],
];

const service = (pathPrefix: string, options: Props = {}) => ({ image: SAMPLE_IMAGE, pathPrefix, containerHealthCheck: HEALTH_CHECK, ...options });

/** The route of `routeKey`, by its CloudFormation properties. */
function route(template: Template, routeKey: string): { [key: string]: unknown } {
  const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: routeKey } }));
  expect(routes).toHaveLength(1);
  return routes[0].Properties;
}

/** The logical id of the API's one JWT authorizer. */
function jwtAuthorizerId(template: Template, name = 'Jwt'): string {
  const [id] = Object.keys(template.findResources('AWS::ApiGatewayV2::Authorizer', { Properties: { Name: name } }));
  return id;
}

describe.each(BACKENDS)('authorization per service with %s', (_name, construct) => {
  let stack: Stack;
  let template: Template;
  beforeAll(() => {
    stack = newStack();
    const api = construct(stack, {
      defaultAuthorizer: jwt(),
      defaultAuthorizationScopes: SCOPES,
    });
    api.addService('Reports', service('/reports', { authorizer: new HttpIamAuthorizer() }));
    api.addService('Docs', service('/docs', { authorizer: new apigwv2.HttpNoneAuthorizer() }));
    api.addService('Admin', service('/admin', { authorizationScopes: ['admin'] }));
    api.addService('Partners', service('/partners', { authorizer: jwt('PartnerJwt') }));
    // The user's own routes, through aws-cdk-lib's addRoutes.
    api.httpApi.addRoutes({ path: '/healthz', methods: [apigwv2.HttpMethod.GET], integration: api.integration, authorizer: new apigwv2.HttpNoneAuthorizer() });
    api.httpApi.addRoutes({ path: '/machine', methods: [apigwv2.HttpMethod.GET], integration: api.integration, authorizer: new HttpIamAuthorizer() });
    api.httpApi.addRoutes({ path: '/me', methods: [apigwv2.HttpMethod.GET], integration: api.integration });
    template = Template.fromStack(stack);
  });

  test('the default service\'s routes use the default JWT authorizer with the default scopes', () => {
    for (const key of ['ANY /', 'ANY /{proxy+}']) {
      expect(route(template, key)).toMatchObject({
        AuthorizationType: 'JWT', AuthorizerId: { Ref: jwtAuthorizerId(template) }, AuthorizationScopes: SCOPES,
      });
    }
  });

  test('a service with HttpIamAuthorizer gets AWS_IAM, no authorizer id and no scopes', () => {
    for (const key of ['ANY /reports', 'ANY /reports/{proxy+}']) {
      const properties = route(template, key);
      expect(properties.AuthorizationType).toBe('AWS_IAM');
      expect(properties.AuthorizerId).toBeUndefined();
      expect(properties.AuthorizationScopes).toBeUndefined();
    }
  });

  test('a service with HttpNoneAuthorizer is public, without scopes', () => {
    for (const key of ['ANY /docs', 'ANY /docs/{proxy+}']) {
      const properties = route(template, key);
      expect(properties.AuthorizationType).toBe('NONE');
      expect(properties.AuthorizerId).toBeUndefined();
      expect(properties.AuthorizationScopes).toBeUndefined();
    }
  });

  test('a service\'s own scopes replace the default ones on the default authorizer', () => {
    expect(route(template, 'ANY /admin')).toMatchObject({
      AuthorizationType: 'JWT', AuthorizerId: { Ref: jwtAuthorizerId(template) }, AuthorizationScopes: ['admin'],
    });
  });

  test('a service with a JWT authorizer of its own gets none of the default scopes', () => {
    const properties = route(template, 'ANY /partners');
    expect(properties).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: jwtAuthorizerId(template, 'PartnerJwt') } });
    expect(properties.AuthorizationScopes).toBeUndefined();
  });

  test('a route the user adds with HttpNoneAuthorizer synthesizes NONE without the default scopes', () => {
    const properties = route(template, 'GET /healthz');
    expect(properties.AuthorizationType).toBe('NONE');
    expect(properties.AuthorizationScopes).toBeUndefined();
  });

  test('a route the user adds with HttpIamAuthorizer synthesizes AWS_IAM without the default scopes', () => {
    const properties = route(template, 'GET /machine');
    expect(properties.AuthorizationType).toBe('AWS_IAM');
    expect(properties.AuthorizationScopes).toBeUndefined();
  });

  test('a route the user adds without an authorizer keeps the default JWT authorizer and its scopes', () => {
    expect(route(template, 'GET /me')).toMatchObject({
      AuthorizationType: 'JWT', AuthorizerId: { Ref: jwtAuthorizerId(template) }, AuthorizationScopes: SCOPES,
    });
  });

  test('the API keeps its default scopes, for the routes users add', () => {
    const api = stack.node.findChild('Api') as PrivateEcsHttpApiBase;
    expect(api.httpApi.defaultAuthorizationScopes).toEqual(SCOPES);
  });

  test('warns that the service with HttpNoneAuthorizer is public, and only it', () => {
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('publicService'));
    expect(warnings.map(warning => warning.id)).toEqual(['/TestStack/Api/Docs']);
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('publicApi'));
  });
});

describe.each(BACKENDS)('a default service with an authorizer of its own, with %s', (_name, construct) => {
  test('gets it on its routes, without the default scopes', () => {
    const stack = newStack();
    construct(stack, { defaultAuthorizer: jwt(), defaultAuthorizationScopes: SCOPES, authorizer: new HttpIamAuthorizer() });
    const template = Template.fromStack(stack);
    for (const key of ['ANY /', 'ANY /{proxy+}']) {
      const properties = route(template, key);
      expect(properties.AuthorizationType).toBe('AWS_IAM');
      expect(properties.AuthorizerId).toBeUndefined();
      expect(properties.AuthorizationScopes).toBeUndefined();
    }
  });

  test('is public with HttpNoneAuthorizer, and the construct says so', () => {
    const stack = newStack();
    construct(stack, { defaultAuthorizer: jwt(), authorizer: new apigwv2.HttpNoneAuthorizer() });
    expect(route(Template.fromStack(stack), 'ANY /').AuthorizationType).toBe('NONE');
    Annotations.fromStack(stack).hasWarning('/TestStack/Api',
      Match.stringLikeRegexp('The default service has HttpNoneAuthorizer.*\\[ack: cdk-private-ecs-http-api:publicService\\]'));
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('publicApi'));
  });

  test('without a defaultAuthorizer, an IAM default service still warns that routes without their own are public', () => {
    const stack = newStack();
    construct(stack, { authorizer: new HttpIamAuthorizer() });
    const [warning] = Annotations.fromStack(stack).findWarning('/TestStack/Api', Match.stringLikeRegexp('publicApi'));
    expect(warning.entry.data).toMatch(/every route without an authorizer of its own\. /);
  });

  test('without any authorizer, publicApi names the default service, and no added service warns again', () => {
    const stack = newStack();
    const api = construct(stack, {});
    api.addService('Orders', service('/orders'));
    Annotations.fromStack(stack).hasWarning('/TestStack/Api', Match.stringLikeRegexp('the default service\'s included'));
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('publicService'));
  });
});

describe('scopes only with a JWT authorizer', () => {
  const lambdaAuthorizer = (stack: Stack) => new HttpLambdaAuthorizer('Lambda', lambda.Function.fromFunctionArn(stack, 'Fn',
    'arn:aws:lambda:us-east-1:123456789012:function:authorize'), { responseTypes: [HttpLambdaResponseType.SIMPLE] });
  const build = (props: Props, stack = newStack()) => new PrivateEcsHttpApi(stack, 'Api', { image: SAMPLE_IMAGE, ...props });

  test('refuses defaultAuthorizationScopes with an IAM defaultAuthorizer', () => {
    expect(() => build({ defaultAuthorizer: new HttpIamAuthorizer(), defaultAuthorizationScopes: SCOPES }))
      .toThrow(/defaultAuthorizationScopes apply only to a JWT authorizer .*got defaultAuthorizer of type AWS_IAM/);
  });

  test('refuses defaultAuthorizationScopes with a Lambda defaultAuthorizer', () => {
    const stack = newStack();
    expect(() => build({ defaultAuthorizer: lambdaAuthorizer(stack), defaultAuthorizationScopes: SCOPES }, stack))
      .toThrow(/defaultAuthorizationScopes .*type CUSTOM/);
  });

  test('refuses defaultAuthorizationScopes with HttpNoneAuthorizer as defaultAuthorizer', () => {
    expect(() => build({ defaultAuthorizer: new apigwv2.HttpNoneAuthorizer(), defaultAuthorizationScopes: SCOPES }))
      .toThrow(/defaultAuthorizationScopes .*type NONE/);
  });

  test('refuses the default service\'s authorizationScopes with its own IAM authorizer', () => {
    expect(() => build({ defaultAuthorizer: jwt(), authorizer: new HttpIamAuthorizer(), authorizationScopes: ['read'] }))
      .toThrow(/authorizationScopes apply only to a JWT authorizer .*got authorizer of type AWS_IAM/);
  });

  test('refuses the default service\'s authorizationScopes without any authorizer', () => {
    expect(() => build({ authorizationScopes: ['read'] })).toThrow(/authorizationScopes needs a JWT authorizer .*got no defaultAuthorizer/);
  });

  test('refuses an added service\'s authorizationScopes with HttpNoneAuthorizer', () => {
    const api = build({ defaultAuthorizer: jwt() });
    expect(() => api.addService('Docs', { image: SAMPLE_IMAGE, pathPrefix: '/docs', authorizer: new apigwv2.HttpNoneAuthorizer(), authorizationScopes: ['read'] }))
      .toThrow(/authorizationScopes of service 'Docs' apply only to a JWT authorizer .*got authorizer of service 'Docs' of type NONE/);
  });

  test('refuses an added service\'s authorizationScopes on an IAM defaultAuthorizer', () => {
    const api = build({ defaultAuthorizer: new HttpIamAuthorizer() });
    expect(() => api.addService('Orders', { image: SAMPLE_IMAGE, pathPrefix: '/orders', authorizationScopes: ['read'] }))
      .toThrow(/authorizationScopes of service 'Orders' .*got defaultAuthorizer of type AWS_IAM/);
  });

  test('skips the check for an authorizer class it cannot recognise', () => {
    const custom: apigwv2.IHttpRouteAuthorizer = { bind: () => ({ authorizationType: 'JWT', authorizerId: 'abc123' }) };
    expect(() => build({ defaultAuthorizer: custom, defaultAuthorizationScopes: SCOPES })).not.toThrow();
  });

  test('refuses scopes given on a user\'s own non-JWT route, rather than drop them', () => {
    const stack = newStack();
    const api = build({ defaultAuthorizer: jwt(), defaultAuthorizationScopes: SCOPES }, stack);
    api.httpApi.addRoutes({
      path: '/machine',
      methods: [apigwv2.HttpMethod.GET],
      integration: api.integration,
      authorizer: new HttpIamAuthorizer(),
      authorizationScopes: ['read'],
    });
    Template.fromStack(stack);
    Annotations.fromStack(stack).hasError('*', Match.stringLikeRegexp('authorizationScopes apply only to a JWT authorizer, got \\[read\\] on route GET /machine'));
  });

  test('leaves another API\'s routes in the stack alone', () => {
    const stack = newStack();
    build({ defaultAuthorizer: jwt(), defaultAuthorizationScopes: SCOPES }, stack);
    const other = new apigwv2.HttpApi(stack, 'Other');
    new apigwv2.CfnRoute(stack, 'OtherRoute', { apiId: other.apiId, routeKey: 'GET /x', authorizationType: 'NONE', authorizationScopes: SCOPES });
    expect(Stack.of(other).resolve(Template.fromStack(stack).toJSON().Resources.OtherRoute.Properties.AuthorizationScopes)).toEqual(SCOPES);
  });
});
