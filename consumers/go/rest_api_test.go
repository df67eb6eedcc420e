package main

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/jsii-runtime-go"
)

const webAclArn = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/a1b2c3d4"

// The consumer stack's REST API, checked in its template as every language's app checks it in its own test.
// A failed assertion panics with what the template has instead, which fails the test.
func TestConsumerStackRestApi(t *testing.T) {
	stack := NewConsumerStack(awscdk.NewApp(nil), "ConsumerStack", &awscdk.StackProps{
		Env: &awscdk.Environment{Region: jsii.String("us-east-1")},
	})
	template := assertions.Template_FromStack(stack, nil)

	t.Run("one REST API whose every method signs with IAM and goes over the VPC link to the load balancer", func(t *testing.T) {
		template.ResourceCountIs(jsii.String("AWS::ApiGateway::RestApi"), jsii.Number(1))
		// ANY on /, /{proxy+}, /invoices and /invoices/{proxy+}.
		template.ResourceCountIs(jsii.String("AWS::ApiGateway::Method"), jsii.Number(4))
		template.AllResourcesProperties(jsii.String("AWS::ApiGateway::Method"), map[string]interface{}{
			"AuthorizationType": "AWS_IAM",
			"Integration": assertions.Match_ObjectLike(&map[string]interface{}{
				"Type":              "HTTP_PROXY",
				"ConnectionType":    "VPC_LINK",
				"IntegrationTarget": map[string]interface{}{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^RestApiLoadBalancer"))},
			}),
		})
	})

	t.Run("the added service has its prefix, whose methods need an API key", func(t *testing.T) {
		template.HasResourceProperties(jsii.String("AWS::ApiGateway::Resource"), map[string]interface{}{"PathPart": "invoices"})
		keyed := template.FindResources(jsii.String("AWS::ApiGateway::Method"), map[string]interface{}{
			"Properties": map[string]interface{}{"ApiKeyRequired": true},
		})
		if len(*keyed) != 2 {
			t.Fatalf("expected the 2 methods of /invoices to need an API key, got %d: %v", len(*keyed), *keyed)
		}
	})

	t.Run("a usage plan meters the partners' key with its throttling and quota", func(t *testing.T) {
		template.ResourceCountIs(jsii.String("AWS::ApiGateway::UsagePlan"), jsii.Number(1))
		template.HasResourceProperties(jsii.String("AWS::ApiGateway::UsagePlan"), map[string]interface{}{
			"Throttle": map[string]interface{}{"RateLimit": 10, "BurstLimit": 20},
			"Quota":    map[string]interface{}{"Limit": 10000, "Period": "MONTH"},
		})
		template.ResourceCountIs(jsii.String("AWS::ApiGateway::UsagePlanKey"), jsii.Number(1))
	})

	t.Run("the web ACL is on the stage", func(t *testing.T) {
		template.ResourceCountIs(jsii.String("AWS::WAFv2::WebACLAssociation"), jsii.Number(1))
		template.HasResourceProperties(jsii.String("AWS::WAFv2::WebACLAssociation"), map[string]interface{}{"WebACLArn": webAclArn})
	})
}
