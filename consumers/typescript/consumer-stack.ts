// The reference stack: every other language builds this same stack, and its template must equal this one's.
import { CfnOutput, Duration, Stack, StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer, HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
// A TypeScript user writes: import { PrivateEcsHttpApi } from 'cdk-private-ecs-http-api';
import { PrivateEcsCloudMapHttpApi, PrivateEcsHttpApi, PrivateEcsRestApi, RestAuthorization } from '../../src';

export class ConsumerStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    // Non-default props, so that each one must cross the language boundary intact.
    const api = new PrivateEcsHttpApi(this, 'Api', {
      image: ecs.ContainerImage.fromRegistry('nginxinc/nginx-unprivileged:1.27-alpine'),
      cpu: 512,
      memoryLimitMiB: 1024,
      desiredCount: 3,
      containerPort: 8080,
      environment: { GREETING: 'hello' },
      containerName: 'frontend',
      healthyHttpCodes: '200-299',
      deregistrationDelay: Duration.seconds(10),
      // A dual-stack API and custom domain, with its A and AAAA records, and a dashboard of our own name.
      ipAddressType: apigwv2.IpAddressType.DUAL_STACK,
      domainName: 'api.example.com',
      domainCertificate: acm.Certificate.fromCertificateArn(this, 'Certificate',
        'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555'),
      domainHostedZone: route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', { hostedZoneId: 'Z23ABC4XYZL05B', zoneName: 'example.com' }),
      dashboard: true,
      dashboardName: 'consumer-api',
    });

    // An added service for machine callers: IAM auth, the path below its prefix, every container and task option.
    const reportsTaskRole = new iam.Role(this, 'ReportsTaskRole', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
    const reports = api.addService('Reports', {
      image: ecs.ContainerImage.fromRegistry('nginxinc/nginx-unprivileged:1.27-alpine'),
      pathPrefix: '/reports',
      stripPathPrefix: true,
      authorizer: new HttpIamAuthorizer(),
      containerPort: 8080,
      containerName: 'reports',
      command: ['nginx', '-g', 'daemon off;'],
      entryPoint: ['/docker-entrypoint.sh'],
      dockerLabels: { team: 'reporting' },
      stopTimeout: Duration.seconds(60),
      ephemeralStorageGiB: 30,
      enableExecuteCommand: true,
      taskRole: reportsTaskRole,
      healthCheckInterval: Duration.seconds(30),
      healthCheckTimeout: Duration.seconds(10),
      healthyThresholdCount: 3,
      unhealthyThresholdCount: 4,
      healthyHttpCodes: '200,204',
      deregistrationDelay: Duration.seconds(15),
      autoScaling: { minCapacity: 2, maxCapacity: 6, targetCpuUtilizationPercent: 60 },
    });
    reports.scalableTaskCount!.scaleOnSchedule('NightlyReports', {
      schedule: appscaling.Schedule.cron({ hour: '2', minute: '0' }),
      minCapacity: 4,
    });

    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
    new CfnOutput(this, 'ApiDomainUrl', { value: api.customDomainUrl! });
    new CfnOutput(this, 'ApiDashboard', { value: api.dashboard!.dashboardName });
    new CfnOutput(this, 'ApiLogGroup', { value: api.containerLogGroup!.logGroupName });
    new CfnOutput(this, 'ReportsLogGroup', { value: reports.containerLogGroup!.logGroupName });

    // The Cloud Map backend in the same cluster: a container health check, a namespace name and an added service.
    const healthCheck: ecs.HealthCheck = { command: ['CMD-SHELL', 'wget -q -O /dev/null http://localhost:8080/ || exit 1'] };
    const cloudMap = new PrivateEcsCloudMapHttpApi(this, 'CloudMapApi', {
      image: ecs.ContainerImage.fromRegistry('nginxinc/nginx-unprivileged:1.27-alpine'),
      cluster: api.cluster,
      containerPort: 8080,
      containerHealthCheck: healthCheck,
      cloudMapNamespaceName: 'consumer.internal',
      // Spot above one on-demand task, a quarter of the rest on demand too; an execution role of ours.
      fargateSpot: true,
      onDemandBaseTaskCount: 1,
      onDemandPercent: 25,
      executionRole: new iam.Role(this, 'CloudMapExecutionRole', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') }),
      autoScaling: { minCapacity: 1, maxCapacity: 4 },
    });
    cloudMap.scalableTaskCount!.scaleOnSchedule('WeekendLow', {
      schedule: appscaling.Schedule.cron({ weekDay: 'SAT', hour: '0', minute: '0' }),
      maxCapacity: 2,
    });
    // Its own JWT authorizer and scopes, and logs through a driver of the user's.
    const orders = cloudMap.addService('Orders', {
      image: ecs.ContainerImage.fromRegistry('nginxinc/nginx-unprivileged:1.27-alpine'),
      pathPrefix: '/orders',
      containerPort: 8080,
      containerHealthCheck: healthCheck,
      logDriver: ecs.LogDrivers.awsLogs({ streamPrefix: 'orders' }),
      readonlyRootFilesystem: true,
      authorizer: new HttpJwtAuthorizer('OrdersJwt', 'https://auth.example.com', { jwtAudience: ['orders'] }),
      authorizationScopes: ['orders/read'],
    });
    new CfnOutput(this, 'CloudMapApiUrl', { value: cloudMap.apiEndpoint });
    new CfnOutput(this, 'CloudMapLogGroup', { value: cloudMap.containerLogGroup!.logGroupName });
    new CfnOutput(this, 'OrdersCloudMapService', { value: orders.cloudMapService.serviceName });

    // The REST API front in the same cluster: IAM by default, a web ACL on its stage, and a usage plan
    // whose API key the added service asks for.
    const rest = new PrivateEcsRestApi(this, 'RestApi', {
      image: ecs.ContainerImage.fromRegistry('nginxinc/nginx-unprivileged:1.27-alpine'),
      cluster: api.cluster,
      containerPort: 8080,
      defaultAuthorization: RestAuthorization.iam(),
      webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/a1b2c3d4',
      usagePlans: [{
        name: 'partners',
        throttlingRateLimit: 10,
        throttlingBurstLimit: 20,
        quota: { limit: 10000, period: apigw.Period.MONTH },
      }],
    });
    rest.addApiKey('partners', new apigw.ApiKey(this, 'PartnerKey'));
    const invoices = rest.addService('Invoices', {
      image: ecs.ContainerImage.fromRegistry('nginxinc/nginx-unprivileged:1.27-alpine'),
      pathPrefix: '/invoices',
      containerPort: 8080,
      apiKeyRequired: true,
    });
    new CfnOutput(this, 'RestApiUrl', { value: rest.apiEndpoint });
    new CfnOutput(this, 'RestUsagePlanId', { value: rest.usagePlan('partners').usagePlanId });
    new CfnOutput(this, 'InvoicesResourceId', { value: invoices.resource.resourceId });
  }
}
