import { CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer, HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpAlbIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { PrivateEcsCloudMapHttpApi, PrivateEcsHttpApi } from '../../src';

/**
 * The production app of issue 18: what a platform team writes on day one, from the README and
 * API.md alone, with no `node.findChild`, no `addPropertyOverride` and no L1 cast. One stack holds
 * the team's network and both kinds of API: a load-balanced one for the public product (a JWT
 * default, an IAM-only reports service, a public health route, an orders service that sees the
 * paths below its prefix, scaling on CPU, requests and a schedule, blue/green with alarms, a
 * sidecar, secrets, a custom domain, a dashboard) and a Cloud Map one on Spot and Graviton for an
 * internal catalog. Every value here is a user's choice; the construct's defaults do the rest.
 */

/** The image of the AWS tutorial, built for X86_64 and ARM64. */
export const SAMPLE_IMAGE = 'public.ecr.aws/ecs-sample-image/amazon-ecs-sample:latest';

/** The OpenTelemetry collector a team runs beside each container, to ship traces and metrics. */
const COLLECTOR_IMAGE = 'public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3';

/** The identity provider that signs the callers' tokens (an OIDC issuer of the team's). */
const ISSUER = 'https://auth.example.com';

export interface ProductionAccount {
  readonly certificateArn: string;
  readonly hostedZoneId: string;
  readonly hostedZoneName: string;
}

/** The team's two APIs, for the deployed assertion and the outputs. */
export interface ProductionApp {
  readonly api: PrivateEcsHttpApi;
  readonly catalog: PrivateEcsCloudMapHttpApi;
}

export function buildProductionApp(scope: Construct, account: ProductionAccount): ProductionApp {
  // The team's network: its own VPC, one NAT gateway per zone, and one cluster for both APIs.
  // What the services keep is encrypted with the team's key: the logs, the database password, the orders table.
  const key = new kms.Key(scope, 'Key', { enableKeyRotation: true, description: 'Encrypts the logs, the secret and the orders table' });
  const vpc = new ec2.Vpc(scope, 'Network', { maxAzs: 2, natGateways: 2 });
  vpc.addFlowLog('FlowLog', {
    destination: ec2.FlowLogDestination.toCloudWatchLogs(new logs.LogGroup(scope, 'FlowLogs', { encryptionKey: key, retention: logs.RetentionDays.ONE_YEAR })),
  });
  const cluster = new ecs.Cluster(scope, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });
  const databaseSecret = new secretsmanager.Secret(scope, 'DatabaseSecret', {
    encryptionKey: key,
    generateSecretString: { secretStringTemplate: '{"username":"app"}', generateStringKey: 'password', excludePunctuation: true },
  });
  const orders = new dynamodb.Table(scope, 'Orders', {
    partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
    encryptionKey: key,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    removalPolicy: RemovalPolicy.RETAIN,
  });

  const zone = route53.HostedZone.fromHostedZoneAttributes(scope, 'Zone', {
    hostedZoneId: account.hostedZoneId,
    zoneName: account.hostedZoneName,
  });
  const image = ecs.ContainerImage.fromRegistry(SAMPLE_IMAGE);

  const api = new PrivateEcsHttpApi(scope, 'Api', {
    vpc,
    cluster,
    // The default service: the web front, deployed blue/green and rolled back by the recommended alarms.
    image,
    cpu: 512,
    secrets: { DATABASE_PASSWORD: ecs.Secret.fromSecretsManager(databaseSecret, 'password') },
    deploymentStrategy: ecs.DeploymentStrategy.BLUE_GREEN,
    bakeTime: Duration.minutes(5),
    autoScaling: { minCapacity: 2, maxCapacity: 20, targetCpuUtilizationPercent: 60 },
    healthCheckPath: '/',
    healthyHttpCodes: '200',
    deregistrationDelay: Duration.seconds(15),
    stopTimeout: Duration.seconds(30),
    // Every route needs a token of the team's identity provider, with the API's scope.
    defaultAuthorizer: new HttpJwtAuthorizer('Jwt', ISSUER, { jwtAudience: ['shop-api'] }),
    defaultAuthorizationScopes: ['shop/read'],
    domainName: `api.${account.hostedZoneName}`,
    domainCertificate: acm.Certificate.fromCertificateArn(scope, 'Certificate', account.certificateArn),
    domainHostedZone: zone,
    ipAddressType: apigwv2.IpAddressType.DUAL_STACK,
    throttlingRateLimit: 500,
    throttlingBurstLimit: 1000,
    logEncryptionKey: key,
    recommendedAlarms: true,
    dashboard: true,
  });
  // Business hours need more tasks: a floor of 4 from 08:00 to 20:00 UTC on weekdays.
  api.scalableTaskCount!.scaleOnSchedule('BusinessHours', {
    schedule: appscaling.Schedule.cron({ weekDay: 'MON-FRI', hour: '8', minute: '0' }),
    minCapacity: 4,
  });
  api.scalableTaskCount!.scaleOnSchedule('AfterHours', {
    schedule: appscaling.Schedule.cron({ weekDay: 'MON-FRI', hour: '20', minute: '0' }),
    minCapacity: 2,
  });
  addCollector(api.taskDefinition, api.containerLogGroup!);

  // Orders: its own scope in place of the API's, and the paths below /orders, as the service was written.
  const ordersService = api.addService('Orders', {
    image,
    pathPrefix: '/orders',
    stripPathPrefix: true,
    authorizationScopes: ['shop/orders'],
    environment: { TABLE_NAME: orders.tableName },
    // Rolling deployments, so that auto scaling can count the requests of its one target group.
    autoScaling: { minCapacity: 2, maxCapacity: 10, targetCpuUtilizationPercent: 60, targetRequestsPerTarget: 500 },
    enableExecuteCommand: true,
  });
  orders.grantReadWriteData(ordersService.taskDefinition.taskRole);
  addCollector(ordersService.taskDefinition, ordersService.containerLogGroup!);

  // Reports: machine callers only, signed with IAM (SigV4); the finance job's role may fetch the daily report.
  const reports = api.addService('Reports', {
    image,
    pathPrefix: '/reports',
    authorizer: new HttpIamAuthorizer(),
    desiredCount: 1,
  });
  const financeJob = new iam.Role(scope, 'FinanceJob', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  financeJob.addToPolicy(new iam.PolicyStatement({
    actions: ['execute-api:Invoke'],
    resources: [api.httpApi.arnForExecuteApi('GET', '/reports/daily', '$default')],
  }));

  // A public health route for the uptime checker: the web front's root page, no token needed.
  api.httpApi.addRoutes({
    path: '/healthz',
    methods: [apigwv2.HttpMethod.GET],
    authorizer: new apigwv2.HttpNoneAuthorizer(),
    integration: new HttpAlbIntegration('Health', api.listener, {
      vpcLink: api.vpcLink,
      parameterMapping: new apigwv2.ParameterMapping().overwritePath(apigwv2.MappingValue.custom('/')),
    }),
  });

  // The internal catalog: no load balancer, on Spot and Graviton, with one on-demand task that AWS never reclaims.
  const catalog = new PrivateEcsCloudMapHttpApi(scope, 'Catalog', {
    vpc,
    cluster,
    image,
    cpuArchitecture: ecs.CpuArchitecture.ARM64,
    fargateSpot: true,
    onDemandBaseTaskCount: 1,
    containerHealthCheck: { command: ['CMD-SHELL', 'curl -fs http://localhost/ > /dev/null || exit 1'], startPeriod: Duration.seconds(10) },
    defaultAuthorizer: new HttpIamAuthorizer(),
    logEncryptionKey: key,
    recommendedAlarms: true,
  });

  output(scope, 'Url', api.customDomainUrl!);
  output(scope, 'ExecuteApiUrl', api.apiEndpoint);
  output(scope, 'CatalogUrl', catalog.apiEndpoint);
  const services = { Web: api, Orders: ordersService, Reports: reports, Catalog: catalog };
  for (const [name, service] of Object.entries(services)) {
    output(scope, `${name}Service`, service.service.serviceName);
    output(scope, `${name}Logs`, service.containerLogGroup!.logGroupName);
  }
  return { api, catalog };
}

/** The collector beside the service's container, logging to the service's log group. */
function addCollector(taskDefinition: ecs.TaskDefinition, logGroup: logs.ILogGroup): void {
  taskDefinition.addContainer('Collector', {
    image: ecs.ContainerImage.fromRegistry(COLLECTOR_IMAGE),
    essential: false,
    memoryReservationMiB: 64,
    command: ['--config=/etc/ecs/ecs-default-config.yaml'],
    logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: 'collector' }),
  });
}

function output(scope: Construct, id: string, value: string): void {
  new CfnOutput(Stack.of(scope), id, { value });
}
