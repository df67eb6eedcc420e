package io.github.cdkprivateecshttpapi.consumer;

import io.github.cdkprivateecshttpapi.AddRestServiceOptions;
import io.github.cdkprivateecshttpapi.AddServiceOptions;
import io.github.cdkprivateecshttpapi.AutoScalingOptions;
import io.github.cdkprivateecshttpapi.IApiService;
import io.github.cdkprivateecshttpapi.ICloudMapApiService;
import io.github.cdkprivateecshttpapi.IRestApiService;
import io.github.cdkprivateecshttpapi.PrivateEcsCloudMapHttpApi;
import io.github.cdkprivateecshttpapi.PrivateEcsHttpApi;
import io.github.cdkprivateecshttpapi.PrivateEcsRestApi;
import io.github.cdkprivateecshttpapi.RestAuthorization;
import io.github.cdkprivateecshttpapi.RestUsagePlan;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpIamAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.services.apigateway.ApiKey;
import software.amazon.awscdk.services.apigateway.Period;
import software.amazon.awscdk.services.apigateway.QuotaSettings;
import software.amazon.awscdk.services.apigatewayv2.IpAddressType;
import software.amazon.awscdk.services.applicationautoscaling.CronOptions;
import software.amazon.awscdk.services.applicationautoscaling.Schedule;
import software.amazon.awscdk.services.applicationautoscaling.ScalingSchedule;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.constructs.Construct;

/** The consumer stack, as a Java user writes it; its template must equal the TypeScript reference's. */
public class ConsumerStack extends Stack {
    public ConsumerStack(final Construct scope, final String id, final StackProps props) {
        super(scope, id, props);

        // Non-default props, so that each one must cross the language boundary intact.
        PrivateEcsHttpApi api = PrivateEcsHttpApi.Builder.create(this, "Api")
                .image(ContainerImage.fromRegistry("nginxinc/nginx-unprivileged:1.27-alpine"))
                .cpu(512)
                .memoryLimitMiB(1024)
                .desiredCount(3)
                .containerPort(8080)
                .environment(Map.of("GREETING", "hello"))
                .containerName("frontend")
                .healthyHttpCodes("200-299")
                .deregistrationDelay(Duration.seconds(10))
                // A dual-stack API and custom domain, with its A and AAAA records, and a dashboard of our own name.
                .ipAddressType(IpAddressType.DUAL_STACK)
                .domainName("api.example.com")
                .domainCertificate(Certificate.fromCertificateArn(this, "Certificate",
                        "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555"))
                .domainHostedZone(HostedZone.fromHostedZoneAttributes(this, "Zone", HostedZoneAttributes.builder()
                        .hostedZoneId("Z23ABC4XYZL05B")
                        .zoneName("example.com")
                        .build()))
                .dashboard(true)
                .dashboardName("consumer-api")
                .build();

        // An added service for machine callers: IAM auth, the path below its prefix, every container and task option.
        Role reportsTaskRole = Role.Builder.create(this, "ReportsTaskRole")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .build();
        IApiService reports = api.addService("Reports", AddServiceOptions.builder()
                .image(ContainerImage.fromRegistry("nginxinc/nginx-unprivileged:1.27-alpine"))
                .pathPrefix("/reports")
                .stripPathPrefix(true)
                .authorizer(new HttpIamAuthorizer())
                .containerPort(8080)
                .containerName("reports")
                .command(List.of("nginx", "-g", "daemon off;"))
                .entryPoint(List.of("/docker-entrypoint.sh"))
                .dockerLabels(Map.of("team", "reporting"))
                .stopTimeout(Duration.seconds(60))
                .ephemeralStorageGiB(30)
                .enableExecuteCommand(true)
                .taskRole(reportsTaskRole)
                .healthCheckInterval(Duration.seconds(30))
                .healthCheckTimeout(Duration.seconds(10))
                .healthyThresholdCount(3)
                .unhealthyThresholdCount(4)
                .healthyHttpCodes("200,204")
                .deregistrationDelay(Duration.seconds(15))
                .autoScaling(AutoScalingOptions.builder().minCapacity(2).maxCapacity(6).targetCpuUtilizationPercent(60).build())
                .build());
        reports.getScalableTaskCount().scaleOnSchedule("NightlyReports", ScalingSchedule.builder()
                .schedule(Schedule.cron(CronOptions.builder().hour("2").minute("0").build()))
                .minCapacity(4)
                .build());

        CfnOutput.Builder.create(this, "ApiUrl").value(api.getApiEndpoint()).build();
        CfnOutput.Builder.create(this, "ApiDomainUrl").value(api.getCustomDomainUrl()).build();
        CfnOutput.Builder.create(this, "ApiDashboard").value(api.getDashboard().getDashboardName()).build();
        CfnOutput.Builder.create(this, "ApiLogGroup").value(api.getContainerLogGroup().getLogGroupName()).build();
        CfnOutput.Builder.create(this, "ReportsLogGroup").value(reports.getContainerLogGroup().getLogGroupName()).build();

        // The Cloud Map backend in the same cluster: a container health check, a namespace name and an added service.
        HealthCheck healthCheck = HealthCheck.builder().command(List.of("CMD-SHELL", "wget -q -O /dev/null http://localhost:8080/ || exit 1")).build();
        PrivateEcsCloudMapHttpApi cloudMap = PrivateEcsCloudMapHttpApi.Builder.create(this, "CloudMapApi")
                .image(ContainerImage.fromRegistry("nginxinc/nginx-unprivileged:1.27-alpine"))
                .cluster(api.getCluster())
                .containerPort(8080)
                .containerHealthCheck(healthCheck)
                .cloudMapNamespaceName("consumer.internal")
                // Spot above one on-demand task, a quarter of the rest on demand too; an execution role of ours.
                .fargateSpot(true)
                .onDemandBaseTaskCount(1)
                .onDemandPercent(25)
                .executionRole(Role.Builder.create(this, "CloudMapExecutionRole")
                        .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                        .build())
                .autoScaling(AutoScalingOptions.builder().minCapacity(1).maxCapacity(4).build())
                .build();
        cloudMap.getScalableTaskCount().scaleOnSchedule("WeekendLow", ScalingSchedule.builder()
                .schedule(Schedule.cron(CronOptions.builder().weekDay("SAT").hour("0").minute("0").build()))
                .maxCapacity(2)
                .build());
        // Its own JWT authorizer and scopes, and logs through a driver of the user's.
        ICloudMapApiService orders = cloudMap.addService("Orders", AddServiceOptions.builder()
                .image(ContainerImage.fromRegistry("nginxinc/nginx-unprivileged:1.27-alpine"))
                .pathPrefix("/orders")
                .containerPort(8080)
                .containerHealthCheck(healthCheck)
                .logDriver(LogDrivers.awsLogs(AwsLogDriverProps.builder().streamPrefix("orders").build()))
                .readonlyRootFilesystem(true)
                .authorizer(HttpJwtAuthorizer.Builder.create("OrdersJwt", "https://auth.example.com")
                        .jwtAudience(List.of("orders"))
                        .build())
                .authorizationScopes(List.of("orders/read"))
                .build());
        CfnOutput.Builder.create(this, "CloudMapApiUrl").value(cloudMap.getApiEndpoint()).build();
        CfnOutput.Builder.create(this, "CloudMapLogGroup").value(cloudMap.getContainerLogGroup().getLogGroupName()).build();
        CfnOutput.Builder.create(this, "OrdersCloudMapService").value(orders.getCloudMapService().getServiceName()).build();

        // The REST API front in the same cluster: IAM by default, a web ACL on its stage, and a usage plan
        // whose API key the added service asks for.
        PrivateEcsRestApi rest = PrivateEcsRestApi.Builder.create(this, "RestApi")
                .image(ContainerImage.fromRegistry("nginxinc/nginx-unprivileged:1.27-alpine"))
                .cluster(api.getCluster())
                .containerPort(8080)
                .defaultAuthorization(RestAuthorization.iam())
                .webAclArn("arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/a1b2c3d4")
                .usagePlans(List.of(RestUsagePlan.builder()
                        .name("partners")
                        .throttlingRateLimit(10)
                        .throttlingBurstLimit(20)
                        .quota(QuotaSettings.builder().limit(10000).period(Period.MONTH).build())
                        .build()))
                .build();
        rest.addApiKey("partners", new ApiKey(this, "PartnerKey"));
        IRestApiService invoices = rest.addService("Invoices", AddRestServiceOptions.builder()
                .image(ContainerImage.fromRegistry("nginxinc/nginx-unprivileged:1.27-alpine"))
                .pathPrefix("/invoices")
                .containerPort(8080)
                .apiKeyRequired(true)
                .build());
        CfnOutput.Builder.create(this, "RestApiUrl").value(rest.getApiEndpoint()).build();
        CfnOutput.Builder.create(this, "RestUsagePlanId").value(rest.usagePlan("partners").getUsagePlanId()).build();
        CfnOutput.Builder.create(this, "InvoicesResourceId").value(invoices.getResource().getResourceId()).build();
    }
}
