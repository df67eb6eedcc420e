// A Go CDK app that uses cdk-private-ecs-http-api as a Go user would.
package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigateway"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapigatewayv2authorizers"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsapplicationautoscaling"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscertificatemanager"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsroute53"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-private-ecs-http-api/cdk-private-ecs-http-api-go/cdkprivateecshttpapi"
)

// NewConsumerStack builds the consumer stack; its template must equal the TypeScript reference's.
func NewConsumerStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	// Non-default props, so that each one must cross the language boundary intact.
	api := cdkprivateecshttpapi.NewPrivateEcsHttpApi(stack, jsii.String("Api"), &cdkprivateecshttpapi.PrivateEcsHttpApiProps{
		Image:               awsecs.ContainerImage_FromRegistry(jsii.String("nginxinc/nginx-unprivileged:1.27-alpine"), nil),
		Cpu:                 jsii.Number(512),
		MemoryLimitMiB:      jsii.Number(1024),
		DesiredCount:        jsii.Number(3),
		ContainerPort:       jsii.Number(8080),
		Environment:         &map[string]*string{"GREETING": jsii.String("hello")},
		ContainerName:       jsii.String("frontend"),
		HealthyHttpCodes:    jsii.String("200-299"),
		DeregistrationDelay: awscdk.Duration_Seconds(jsii.Number(10)),
		// A dual-stack API and custom domain, with its A and AAAA records, and a dashboard of our own name.
		IpAddressType: awsapigatewayv2.IpAddressType_DUAL_STACK,
		DomainName:    jsii.String("api.example.com"),
		DomainCertificate: awscertificatemanager.Certificate_FromCertificateArn(stack, jsii.String("Certificate"),
			jsii.String("arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555")),
		DomainHostedZone: awsroute53.HostedZone_FromHostedZoneAttributes(stack, jsii.String("Zone"), &awsroute53.HostedZoneAttributes{
			HostedZoneId: jsii.String("Z23ABC4XYZL05B"),
			ZoneName:     jsii.String("example.com"),
		}),
		Dashboard:     jsii.Bool(true),
		DashboardName: jsii.String("consumer-api"),
	})

	// An added service for machine callers: IAM auth, the path below its prefix, every container and task option.
	reportsTaskRole := awsiam.NewRole(stack, jsii.String("ReportsTaskRole"), &awsiam.RoleProps{
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("ecs-tasks.amazonaws.com"), nil),
	})
	reports := api.AddService(jsii.String("Reports"), &cdkprivateecshttpapi.AddServiceOptions{
		Image:                   awsecs.ContainerImage_FromRegistry(jsii.String("nginxinc/nginx-unprivileged:1.27-alpine"), nil),
		PathPrefix:              jsii.String("/reports"),
		StripPathPrefix:         jsii.Bool(true),
		Authorizer:              awsapigatewayv2authorizers.NewHttpIamAuthorizer(),
		ContainerPort:           jsii.Number(8080),
		ContainerName:           jsii.String("reports"),
		Command:                 jsii.Strings("nginx", "-g", "daemon off;"),
		EntryPoint:              jsii.Strings("/docker-entrypoint.sh"),
		DockerLabels:            &map[string]*string{"team": jsii.String("reporting")},
		StopTimeout:             awscdk.Duration_Seconds(jsii.Number(60)),
		EphemeralStorageGiB:     jsii.Number(30),
		EnableExecuteCommand:    jsii.Bool(true),
		TaskRole:                reportsTaskRole,
		HealthCheckInterval:     awscdk.Duration_Seconds(jsii.Number(30)),
		HealthCheckTimeout:      awscdk.Duration_Seconds(jsii.Number(10)),
		HealthyThresholdCount:   jsii.Number(3),
		UnhealthyThresholdCount: jsii.Number(4),
		HealthyHttpCodes:        jsii.String("200,204"),
		DeregistrationDelay:     awscdk.Duration_Seconds(jsii.Number(15)),
		AutoScaling: &cdkprivateecshttpapi.AutoScalingOptions{
			MinCapacity:                 jsii.Number(2),
			MaxCapacity:                 jsii.Number(6),
			TargetCpuUtilizationPercent: jsii.Number(60),
		},
	})
	reports.ScalableTaskCount().ScaleOnSchedule(jsii.String("NightlyReports"), &awsapplicationautoscaling.ScalingSchedule{
		Schedule:    awsapplicationautoscaling.Schedule_Cron(&awsapplicationautoscaling.CronOptions{Hour: jsii.String("2"), Minute: jsii.String("0")}),
		MinCapacity: jsii.Number(4),
	})

	awscdk.NewCfnOutput(stack, jsii.String("ApiUrl"), &awscdk.CfnOutputProps{Value: api.ApiEndpoint()})
	awscdk.NewCfnOutput(stack, jsii.String("ApiDomainUrl"), &awscdk.CfnOutputProps{Value: api.CustomDomainUrl()})
	awscdk.NewCfnOutput(stack, jsii.String("ApiDashboard"), &awscdk.CfnOutputProps{Value: api.Dashboard().DashboardName()})
	awscdk.NewCfnOutput(stack, jsii.String("ApiLogGroup"), &awscdk.CfnOutputProps{Value: api.ContainerLogGroup().LogGroupName()})
	awscdk.NewCfnOutput(stack, jsii.String("ReportsLogGroup"), &awscdk.CfnOutputProps{Value: reports.ContainerLogGroup().LogGroupName()})

	// The Cloud Map backend in the same cluster: a container health check, a namespace name and an added service.
	healthCheck := &awsecs.HealthCheck{Command: jsii.Strings("CMD-SHELL", "wget -q -O /dev/null http://localhost:8080/ || exit 1")}
	cloudMap := cdkprivateecshttpapi.NewPrivateEcsCloudMapHttpApi(stack, jsii.String("CloudMapApi"), &cdkprivateecshttpapi.PrivateEcsCloudMapHttpApiProps{
		Image:                 awsecs.ContainerImage_FromRegistry(jsii.String("nginxinc/nginx-unprivileged:1.27-alpine"), nil),
		Cluster:               api.Cluster(),
		ContainerPort:         jsii.Number(8080),
		ContainerHealthCheck:  healthCheck,
		CloudMapNamespaceName: jsii.String("consumer.internal"),
		// Spot above one on-demand task, a quarter of the rest on demand too; an execution role of ours.
		FargateSpot:           jsii.Bool(true),
		OnDemandBaseTaskCount: jsii.Number(1),
		OnDemandPercent:       jsii.Number(25),
		ExecutionRole: awsiam.NewRole(stack, jsii.String("CloudMapExecutionRole"), &awsiam.RoleProps{
			AssumedBy: awsiam.NewServicePrincipal(jsii.String("ecs-tasks.amazonaws.com"), nil),
		}),
		AutoScaling: &cdkprivateecshttpapi.AutoScalingOptions{MinCapacity: jsii.Number(1), MaxCapacity: jsii.Number(4)},
	})
	cloudMap.ScalableTaskCount().ScaleOnSchedule(jsii.String("WeekendLow"), &awsapplicationautoscaling.ScalingSchedule{
		Schedule: awsapplicationautoscaling.Schedule_Cron(&awsapplicationautoscaling.CronOptions{
			WeekDay: jsii.String("SAT"),
			Hour:    jsii.String("0"),
			Minute:  jsii.String("0"),
		}),
		MaxCapacity: jsii.Number(2),
	})
	// Its own JWT authorizer and scopes, and logs through a driver of the user's.
	orders := cloudMap.AddService(jsii.String("Orders"), &cdkprivateecshttpapi.AddServiceOptions{
		Image:                  awsecs.ContainerImage_FromRegistry(jsii.String("nginxinc/nginx-unprivileged:1.27-alpine"), nil),
		PathPrefix:             jsii.String("/orders"),
		ContainerPort:          jsii.Number(8080),
		ContainerHealthCheck:   healthCheck,
		LogDriver:              awsecs.LogDrivers_AwsLogs(&awsecs.AwsLogDriverProps{StreamPrefix: jsii.String("orders")}),
		ReadonlyRootFilesystem: jsii.Bool(true),
		Authorizer: awsapigatewayv2authorizers.NewHttpJwtAuthorizer(jsii.String("OrdersJwt"), jsii.String("https://auth.example.com"),
			&awsapigatewayv2authorizers.HttpJwtAuthorizerProps{JwtAudience: jsii.Strings("orders")}),
		AuthorizationScopes: jsii.Strings("orders/read"),
	})
	awscdk.NewCfnOutput(stack, jsii.String("CloudMapApiUrl"), &awscdk.CfnOutputProps{Value: cloudMap.ApiEndpoint()})
	awscdk.NewCfnOutput(stack, jsii.String("CloudMapLogGroup"), &awscdk.CfnOutputProps{Value: cloudMap.ContainerLogGroup().LogGroupName()})
	awscdk.NewCfnOutput(stack, jsii.String("OrdersCloudMapService"), &awscdk.CfnOutputProps{Value: orders.CloudMapService().ServiceName()})

	// The REST API front in the same cluster: IAM by default, a web ACL on its stage, and a usage plan
	// whose API key the added service asks for.
	rest := cdkprivateecshttpapi.NewPrivateEcsRestApi(stack, jsii.String("RestApi"), &cdkprivateecshttpapi.PrivateEcsRestApiProps{
		Image:                awsecs.ContainerImage_FromRegistry(jsii.String("nginxinc/nginx-unprivileged:1.27-alpine"), nil),
		Cluster:              api.Cluster(),
		ContainerPort:        jsii.Number(8080),
		DefaultAuthorization: cdkprivateecshttpapi.RestAuthorization_Iam(),
		WebAclArn:            jsii.String("arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/a1b2c3d4"),
		UsagePlans: &[]*cdkprivateecshttpapi.RestUsagePlan{{
			Name:                 jsii.String("partners"),
			ThrottlingRateLimit:  jsii.Number(10),
			ThrottlingBurstLimit: jsii.Number(20),
			Quota:                &awsapigateway.QuotaSettings{Limit: jsii.Number(10000), Period: awsapigateway.Period_MONTH},
		}},
	})
	rest.AddApiKey(jsii.String("partners"), awsapigateway.NewApiKey(stack, jsii.String("PartnerKey"), nil))
	invoices := rest.AddService(jsii.String("Invoices"), &cdkprivateecshttpapi.AddRestServiceOptions{
		Image:          awsecs.ContainerImage_FromRegistry(jsii.String("nginxinc/nginx-unprivileged:1.27-alpine"), nil),
		PathPrefix:     jsii.String("/invoices"),
		ContainerPort:  jsii.Number(8080),
		ApiKeyRequired: jsii.Bool(true),
	})
	awscdk.NewCfnOutput(stack, jsii.String("RestApiUrl"), &awscdk.CfnOutputProps{Value: rest.ApiEndpoint()})
	awscdk.NewCfnOutput(stack, jsii.String("RestUsagePlanId"), &awscdk.CfnOutputProps{Value: rest.UsagePlan(jsii.String("partners")).UsagePlanId()})
	awscdk.NewCfnOutput(stack, jsii.String("InvoicesResourceId"), &awscdk.CfnOutputProps{Value: invoices.Resource().ResourceId()})
	return stack
}

func main() {
	defer jsii.Close()

	app := awscdk.NewApp(nil)
	// A fixed region and no account, the same in every language, so that no template depends on the machine.
	NewConsumerStack(app, "ConsumerStack", &awscdk.StackProps{
		Env: &awscdk.Environment{Region: jsii.String("us-east-1")},
	})
	app.Synth(nil)
}
