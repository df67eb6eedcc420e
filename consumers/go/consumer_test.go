package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsecs"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-private-ecs-http-api/cdk-private-ecs-http-api-go/cdkprivateecshttpapi"
)

// A mistake a Go user makes must reach them as a panic carrying our message.
func TestBadCpuAndMemoryPairPanicsWithOurMessage(t *testing.T) {
	stack := awscdk.NewStack(awscdk.NewApp(nil), jsii.String("Stack"), nil)
	defer func() {
		recovered := recover()
		if recovered == nil {
			t.Fatal("expected a panic for cpu 256 with 4096 MiB, got none")
		}
		message := fmt.Sprint(recovered)
		t.Logf("%T: %s", recovered, message)
		if !strings.Contains(message, "memoryLimitMiB must be one of") {
			t.Fatalf("the panic does not carry our message: %s", message)
		}
	}()
	// 256 cpu units pair with 512-2048 MiB only.
	cdkprivateecshttpapi.NewPrivateEcsHttpApi(stack, jsii.String("Api"), &cdkprivateecshttpapi.PrivateEcsHttpApiProps{
		Image:          awsecs.ContainerImage_FromRegistry(jsii.String("nginxinc/nginx-unprivileged:1.27-alpine"), nil),
		Cpu:            jsii.Number(256),
		MemoryLimitMiB: jsii.Number(4096),
	})
}
