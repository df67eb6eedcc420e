import { Annotations, Match } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import type { Scenario } from './util';
import { getAtt, logicalId, ref, synthesize } from './util';

/** With only an image, the construct builds the tutorial's architecture, secured and made reliable. */
describe('the tutorial default', () => {
  let scenario: Scenario;
  beforeAll(() => {
    scenario = synthesize();
  });

  describe('network', () => {
    test('one VPC with a public and a private subnet in each of two Availability Zones', () => {
      const { template, api } = scenario;
      template.resourceCountIs('AWS::EC2::VPC', 1);
      template.resourceCountIs('AWS::EC2::Subnet', 4);
      expect(api.vpc.publicSubnets).toHaveLength(2);
      expect(api.vpc.privateSubnets).toHaveLength(2);
    });

    test('a NAT gateway in each Availability Zone', () => {
      scenario.template.resourceCountIs('AWS::EC2::NatGateway', 2);
    });

    test('flow logs of all traffic to the log bucket', () => {
      const { template, api } = scenario;
      template.hasResourceProperties('AWS::EC2::FlowLog', {
        ResourceType: 'VPC',
        ResourceId: ref(api.vpc),
        TrafficType: 'ALL',
        LogDestinationType: 's3',
        LogDestination: { 'Fn::Join': ['', [getAtt(api.logBucket!, 'Arn'), '/vpc-flow-logs']] },
      });
    });

    test('a log bucket: SSE-S3, TLS only, no public access, versioned, expiring after a year, retained', () => {
      const { template } = scenario;
      template.hasResource('AWS::S3::Bucket', {
        Properties: {
          BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true,
          },
          VersioningConfiguration: { Status: 'Enabled' },
          LifecycleConfiguration: {
            Rules: [Match.objectLike({ ExpirationInDays: 365, NoncurrentVersionExpiration: { NoncurrentDays: 30 }, Status: 'Enabled' })],
          },
        },
        DeletionPolicy: 'Retain',
      });
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({
            Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          })]),
        },
      });
    });
  });

  describe('cluster and service', () => {
    test('a cluster with Container Insights and the Fargate Spot capacity provider', () => {
      const { template } = scenario;
      template.hasResourceProperties('AWS::ECS::Cluster', {
        ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }],
      });
      template.hasResourceProperties('AWS::ECS::ClusterCapacityProviderAssociations', {
        CapacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      });
    });

    test('a Fargate task of 0.25 vCPU and 512 MiB on X86_64 Linux, serving port 80', () => {
      scenario.template.hasResourceProperties('AWS::ECS::TaskDefinition', {
        Cpu: '256',
        Memory: '512',
        NetworkMode: 'awsvpc',
        RequiresCompatibilities: ['FARGATE'],
        RuntimePlatform: { CpuArchitecture: 'X86_64', OperatingSystemFamily: 'LINUX' },
        ContainerDefinitions: [Match.objectLike({
          Name: 'web',
          Image: 'public.ecr.aws/ecs-sample-image/amazon-ecs-sample:latest',
          PortMappings: [{ ContainerPort: 80, Protocol: 'tcp' }],
          LogConfiguration: Match.objectLike({ LogDriver: 'awslogs' }),
        })],
      });
    });

    test('container logs kept for a month', () => {
      scenario.template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    });

    test('two tasks in the private subnets, without public IPs', () => {
      const { template, api } = scenario;
      template.hasResourceProperties('AWS::ECS::Service', {
        // A capacity provider strategy from the first deploy: Fargate Spot can then be turned on in place.
        LaunchType: Match.absent(),
        CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }],
        DesiredCount: 2,
        NetworkConfiguration: {
          AwsvpcConfiguration: {
            AssignPublicIp: 'DISABLED',
            Subnets: api.vpc.privateSubnets.map(ref),
            SecurityGroups: [getAtt(api.service.connections.securityGroups[0], 'GroupId')],
          },
        },
      });
    });

    test('deployments keep full capacity and roll back when they fail', () => {
      scenario.template.hasResourceProperties('AWS::ECS::Service', {
        DeploymentConfiguration: {
          DeploymentCircuitBreaker: { Enable: true, Rollback: true },
          MinimumHealthyPercent: 100,
          MaximumPercent: 200,
        },
        HealthCheckGracePeriodSeconds: 60,
      });
    });
  });

  describe('load balancer', () => {
    test('an internal Application Load Balancer in the private subnets that drops invalid headers', () => {
      const { template, api } = scenario;
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
        Scheme: 'internal',
        Type: 'application',
        Subnets: api.vpc.privateSubnets.map(ref),
        LoadBalancerAttributes: Match.arrayWith([
          { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
          { Key: 'access_logs.s3.enabled', Value: 'true' },
          { Key: 'access_logs.s3.bucket', Value: ref(api.logBucket!) },
          { Key: 'access_logs.s3.prefix', Value: 'load-balancer' },
        ]),
      });
    });

    test('an HTTP listener on port 80 that forwards to the service', () => {
      const { template, api } = scenario;
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
        Protocol: 'HTTP',
        Port: 80,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: ref(api.targetGroup) }],
      });
    });

    test('an IP target group on the container port, health-checked on /', () => {
      scenario.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
        TargetType: 'ip',
        Protocol: 'HTTP',
        Port: 80,
        HealthCheckPath: '/',
        Matcher: { HttpCode: '200-399' },
        HealthCheckIntervalSeconds: 15,
        HealthyThresholdCount: 2,
        UnhealthyThresholdCount: 3,
        TargetGroupAttributes: Match.arrayWith([{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }]),
      });
    });

    test('the service is registered in the target group', () => {
      const { template, api } = scenario;
      template.hasResourceProperties('AWS::ECS::Service', {
        LoadBalancers: [{ ContainerName: 'web', ContainerPort: 80, TargetGroupArn: ref(api.targetGroup) }],
      });
    });
  });

  describe('API', () => {
    test('exactly one VPC link, API, integration and stage', () => {
      const { template } = scenario;
      for (const type of ['VpcLink', 'Api', 'Integration', 'Stage']) {
        template.resourceCountIs(`AWS::ApiGatewayV2::${type}`, 1);
      }
    });

    test('a VPC link on the private subnets with its own security group', () => {
      const { template, api } = scenario;
      template.hasResourceProperties('AWS::ApiGatewayV2::VpcLink', {
        SubnetIds: api.vpc.privateSubnets.map(ref),
        SecurityGroupIds: [Match.objectLike({ 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiVpcLinkSecurityGroup'), 'GroupId'] })],
      });
    });

    test('an HTTP API', () => {
      scenario.template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    });

    test('a $default stage that deploys automatically, throttled, with JSON access logs', () => {
      const { template, api } = scenario;
      template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 2000 },
        AccessLogSettings: {
          DestinationArn: getAtt(api.apiAccessLogGroup!, 'Arn'),
          Format: Match.serializedJson(Match.objectLike({
            requestId: '$context.requestId',
            status: '$context.status',
            responseLatency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            routeKey: '$context.routeKey',
          })),
        },
      });
    });

    test('API access logs kept for a year', () => {
      const { template, api } = scenario;
      template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
      expect(api.apiAccessLogGroup).toBeDefined();
    });

    test('a private integration: HTTP_PROXY over the VPC link to the listener, any method, payload 1.0', () => {
      const { template, api } = scenario;
      template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
        IntegrationType: 'HTTP_PROXY',
        ConnectionType: 'VPC_LINK',
        ConnectionId: ref(api.vpcLink),
        IntegrationMethod: 'ANY',
        IntegrationUri: ref(api.listener),
        PayloadFormatVersion: '1.0',
      });
    });

    test.each(['ANY /{proxy+}', 'ANY /'])('route %s goes to the integration, without authorization', (routeKey) => {
      scenario.template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: routeKey,
        AuthorizationType: 'NONE',
        Target: { 'Fn::Join': ['', ['integrations/', { Ref: Match.stringLikeRegexp('LoadBalancerIntegration') }]] },
      });
    });

    test('apiEndpoint is the $default stage URL', () => {
      const { stack, api } = scenario;
      expect(stack.resolve(api.apiEndpoint)).toEqual({
        'Fn::Join': ['', ['https://', ref(api.httpApi), '.execute-api.us-east-1.', { Ref: 'AWS::URLSuffix' }, '/']],
      });
    });

    test('warns that the API is public, with an id the user can acknowledge', () => {
      Annotations.fromStack(scenario.stack).hasWarning('/TestStack/Api',
        Match.stringLikeRegexp('no defaultAuthorizer.*\\[ack: cdk-private-ecs-http-api:publicApi\\]'));
    });
  });

  // An app with `cdk init`'s @aws-cdk/aws-ec2:restrictDefaultSecurityGroup flag also gets CDK's own
  // custom resource that empties the new VPC's default security group; the construct adds none.
  test('no Lambda function or custom resource of its own, and no CloudFormation output', () => {
    const { template } = scenario;
    const customResources = Object.values(template.findResources('Custom::.*')).map(resource => resource.Type);
    expect(customResources.filter(type => type !== 'Custom::VpcRestrictDefaultSG')).toEqual([]);
    const functions = Object.keys(template.findResources('AWS::Lambda::Function'));
    expect(functions.filter(id => !id.startsWith('CustomVpcRestrictDefaultSGCustomResourceProvider'))).toEqual([]);
    expect(template.toJSON().Outputs).toBeUndefined();
  });

  test('acknowledges the cdk-nag findings inherent to the design, with reasons, on the resources they concern', () => {
    const { template } = scenario;
    template.hasResource('AWS::S3::Bucket', {
      Metadata: { cdk_nag: { rules_to_suppress: [{ id: 'AwsSolutions-S1', reason: Match.stringLikeRegexp('itself the destination of access logs') }] } },
    });
    template.hasResource('AWS::IAM::Policy', {
      Metadata: {
        cdk_nag: {
          rules_to_suppress: [{
            id: 'AwsSolutions-IAM5', reason: Match.stringLikeRegexp('ecr:GetAuthorizationToken'), applies_to: ['Resource::*'],
          }],
        },
      },
    });
  });

  test('acknowledges the checkov findings inherent to the design, with reasons, on the resources they concern', () => {
    const { template, api } = scenario;
    const skips = (construct: IConstruct) => template.toJSON().Resources[logicalId(construct)].Metadata?.checkov?.skip
      .map((skip: { id: string }) => skip.id);
    expect(skips(api.logBucket!)).toEqual(['CKV_AWS_18']);
    expect(skips(api.listener)).toEqual(['CKV_AWS_2', 'CKV_AWS_103']);
    expect(skips(api.apiAccessLogGroup!)).toEqual(['CKV_AWS_158']);
    expect(skips(api.node.findChild('ContainerLogs'))).toEqual(['CKV_AWS_158']);
  });

  test('no alarms unless asked for', () => {
    scenario.template.resourceCountIs('AWS::CloudWatch::Alarm', 0);
    expect(scenario.api.alarms).toEqual([]);
  });
});
