// A Go CDK app that uses cdk-private-ecs-http-api as a Go user would.
package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-private-ecs-http-api/cdk-private-ecs-http-api-go/cdkprivateecshttpapi"
)

// NewConsumerStack builds the consumer stack; its template must equal the TypeScript reference's.
func NewConsumerStack(scope constructs.Construct, id string, props *awscdk.StackProps) awscdk.Stack {
	stack := awscdk.NewStack(scope, &id, props)

	// Non-default props, so that each one must cross the language boundary intact.
	api := cdkprivateecshttpapi.NewPrivateEcsHttpApi(stack, jsii.String("Api"), &cdkprivateecshttpapi.PrivateEcsHttpApiProps{
		Image:          awsecs.ContainerImage_FromRegistry(jsii.String("nginxinc/nginx-unprivileged:1.27-alpine"), nil),
		Cpu:            jsii.Number(512),
		MemoryLimitMiB: jsii.Number(1024),
		DesiredCount:   jsii.Number(3),
		ContainerPort:  jsii.Number(8080),
		Environment:    &map[string]*string{"GREETING": jsii.String("hello")},
	})

	awscdk.NewCfnOutput(stack, jsii.String("ApiUrl"), &awscdk.CfnOutputProps{Value: api.ApiEndpoint()})

	// The Cloud Map backend in the same cluster: a container health check, a namespace name and an added service.
	healthCheck := &awsecs.HealthCheck{Command: jsii.Strings("CMD-SHELL", "wget -q -O /dev/null http://localhost:8080/ || exit 1")}
	cloudMap := cdkprivateecshttpapi.NewPrivateEcsCloudMapHttpApi(stack, jsii.String("CloudMapApi"), &cdkprivateecshttpapi.PrivateEcsCloudMapHttpApiProps{
		Image:                 awsecs.ContainerImage_FromRegistry(jsii.String("nginxinc/nginx-unprivileged:1.27-alpine"), nil),
		Cluster:               api.Cluster(),
		ContainerPort:         jsii.Number(8080),
		ContainerHealthCheck:  healthCheck,
		CloudMapNamespaceName: jsii.String("consumer.internal"),
	})
	orders := cloudMap.AddService(jsii.String("Orders"), &cdkprivateecshttpapi.AddServiceOptions{
		Image:                awsecs.ContainerImage_FromRegistry(jsii.String("nginxinc/nginx-unprivileged:1.27-alpine"), nil),
		PathPrefix:           jsii.String("/orders"),
		ContainerPort:        jsii.Number(8080),
		ContainerHealthCheck: healthCheck,
	})
	awscdk.NewCfnOutput(stack, jsii.String("CloudMapApiUrl"), &awscdk.CfnOutputProps{Value: cloudMap.ApiEndpoint()})
	awscdk.NewCfnOutput(stack, jsii.String("OrdersCloudMapService"), &awscdk.CfnOutputProps{Value: orders.CloudMapService().ServiceName()})
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
