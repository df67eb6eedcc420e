package io.github.cdkprivateecshttpapi.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The consumer stack's REST API, checked in its template as every language's app checks it in its own test. */
class RestApiTest {
    private static final String WEB_ACL_ARN = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/a1b2c3d4";

    private static Template template;

    @BeforeAll
    static void synthesize() {
        template = Template.fromStack(new ConsumerStack(new App(), "ConsumerStack", StackProps.builder()
                .env(Environment.builder().region("us-east-1").build())
                .build()));
    }

    @Test
    void oneRestApiWhoseEveryMethodSignsWithIamAndGoesOverTheVpcLinkToTheLoadBalancer() {
        template.resourceCountIs("AWS::ApiGateway::RestApi", 1);
        // ANY on /, /{proxy+}, /invoices and /invoices/{proxy+}.
        template.resourceCountIs("AWS::ApiGateway::Method", 4);
        template.allResourcesProperties("AWS::ApiGateway::Method", Map.of(
                "AuthorizationType", "AWS_IAM",
                "Integration", Match.objectLike(Map.of(
                        "Type", "HTTP_PROXY",
                        "ConnectionType", "VPC_LINK",
                        "IntegrationTarget", Map.of("Ref", Match.stringLikeRegexp("^RestApiLoadBalancer"))))));
    }

    @Test
    void theAddedServiceHasItsPrefixWhoseMethodsNeedAnApiKey() {
        template.hasResourceProperties("AWS::ApiGateway::Resource", Map.of("PathPart", "invoices"));
        Map<String, Map<String, Object>> keyed = template.findResources("AWS::ApiGateway::Method",
                Map.of("Properties", Map.of("ApiKeyRequired", true)));
        assertEquals(2, keyed.size(), keyed::toString);
    }

    @Test
    void aUsagePlanMetersThePartnersKeyWithItsThrottlingAndQuota() {
        template.resourceCountIs("AWS::ApiGateway::UsagePlan", 1);
        template.hasResourceProperties("AWS::ApiGateway::UsagePlan", Map.of(
                "Throttle", Map.of("RateLimit", 10, "BurstLimit", 20),
                "Quota", Map.of("Limit", 10000, "Period", "MONTH")));
        template.resourceCountIs("AWS::ApiGateway::UsagePlanKey", 1);
    }

    @Test
    void theWebAclIsOnTheStage() {
        template.resourceCountIs("AWS::WAFv2::WebACLAssociation", 1);
        template.hasResourceProperties("AWS::WAFv2::WebACLAssociation", Map.of("WebACLArn", WEB_ACL_ARN));
    }
}
