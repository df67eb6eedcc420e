import { Aws, CfnResource, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { App } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpAlbIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';

/** How much of our defaults the hand-written stack reproduces. */
export interface HandWrittenOptions {
  /** Tasks of the service. */
  readonly desiredCount: number;
  /** Logs, flow logs, Container Insights, throttling and least-privilege security groups, as our construct does by default. */
  readonly secured: boolean;
}

/**
 * The tutorial's architecture written directly with aws-cdk-lib's L2 constructs, as a team would
 * without our construct. With `secured`, it adds what our defaults add, so that its synth time and
 * resource count compare like with like; without, it is the tutorial's stack, for its cost.
 */
export function handWrittenStack(app: App, id: string, options: HandWrittenOptions): Stack {
  const stack = new Stack(app, id, { env: { region: 'us-east-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 2 });
  const cluster = new ecs.Cluster(stack, 'Cluster', {
    vpc,
    containerInsightsV2: options.secured ? ecs.ContainerInsights.ENABLED : undefined,
    enableFargateCapacityProviders: options.secured,
  });

  const albSg = new ec2.SecurityGroup(stack, 'AlbSg', { vpc, allowAllOutbound: !options.secured, description: 'ALB: only from the VPC link' });
  const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc, securityGroup: albSg, dropInvalidHeaderFields: options.secured });
  const listener = alb.addListener('Http', { port: 80, open: !options.secured });
  skipChecks(listener, 'CKV_AWS_2', 'CKV_AWS_103');

  const taskDefinition = new ecs.FargateTaskDefinition(stack, 'Task', {
    cpu: 256,
    memoryLimitMiB: 512,
    runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.X86_64, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX },
  });
  taskDefinition.addContainer('web', {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/ecs-sample-image/amazon-ecs-sample:latest'),
    portMappings: [{ containerPort: 80 }],
    logging: ecs.LogDrivers.awsLogs({
      streamPrefix: 'web',
      logGroup: skipChecks(new logs.LogGroup(stack, 'TaskLogs', { retention: logs.RetentionDays.ONE_MONTH }), 'CKV_AWS_158'),
    }),
  });
  const service = new ecs.FargateService(stack, 'Service', {
    cluster,
    taskDefinition,
    desiredCount: options.desiredCount,
    circuitBreaker: options.secured ? { rollback: true } : undefined,
    minHealthyPercent: 100,
  });
  listener.addTargets('Web', {
    port: 80,
    targets: [service],
    healthCheck: { path: '/', healthyHttpCodes: '200-399', interval: Duration.seconds(15), healthyThresholdCount: 2, unhealthyThresholdCount: 3 },
    deregistrationDelay: Duration.seconds(30),
  });

  const vpcLinkSg = new ec2.SecurityGroup(stack, 'VpcLinkSg', { vpc, allowAllOutbound: false, description: 'VPC link: only to the ALB' });
  alb.connections.allowFrom(vpcLinkSg, ec2.Port.tcp(80));
  const vpcLink = new apigwv2.VpcLink(stack, 'VpcLink', { vpc, securityGroups: [vpcLinkSg] });
  const httpApi = new apigwv2.HttpApi(stack, 'Api', { createDefaultStage: !options.secured, description: 'Private integration to the ECS service' });
  const integration = new HttpAlbIntegration('Alb', listener, { vpcLink });
  httpApi.addRoutes({ path: '/{proxy+}', integration });
  httpApi.addRoutes({ path: '/', integration });

  if (options.secured) {
    const bucket = new s3.Bucket(stack, 'Logs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [{ expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const delivery = new iam.ServicePrincipal('delivery.logs.amazonaws.com');
    const sameAccount = { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } };
    bucket.addToResourcePolicy(new iam.PolicyStatement({
      principals: [delivery], actions: ['s3:PutObject'], resources: [bucket.arnForObjects('flow/*')], conditions: sameAccount,
    }));
    bucket.addToResourcePolicy(new iam.PolicyStatement({
      principals: [delivery], actions: ['s3:GetBucketAcl', 's3:ListBucket'], resources: [bucket.bucketArn], conditions: sameAccount,
    }));
    skipChecks(bucket, 'CKV_AWS_18');
    vpc.addFlowLog('Flow', { destination: ec2.FlowLogDestination.toS3(bucket, 'flow') });
    alb.logAccessLogs(bucket, 'alb');
    const accessLogs = skipChecks(new logs.LogGroup(stack, 'ApiLogs', { retention: logs.RetentionDays.ONE_YEAR }), 'CKV_AWS_158');
    new apigwv2.HttpStage(stack, 'Stage', {
      httpApi,
      autoDeploy: true,
      throttle: { rateLimit: 1000, burstLimit: 2000 },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: apigw.AccessLogFormat.jsonWithStandardFields(),
      },
    });
  }
  return stack;
}

/** What a team that runs checkov writes on a resource whose findings it accepts. */
function skipChecks<T extends IConstruct>(construct: T, ...ids: string[]): T {
  (construct.node.defaultChild as CfnResource).addMetadata('checkov', { skip: ids.map(id => ({ id, comment: 'accepted' })) });
  return construct;
}
