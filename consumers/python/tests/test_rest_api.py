"""The consumer stack's REST API, checked in its template as every language's app checks it in its own test."""
import aws_cdk as cdk
import pytest
from aws_cdk.assertions import Match, Template

from consumer_stack import ConsumerStack

WEB_ACL_ARN = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/a1b2c3d4"


@pytest.fixture(scope="module")
def template():
    return Template.from_stack(ConsumerStack(cdk.App(), "ConsumerStack", env=cdk.Environment(region="us-east-1")))


def test_one_rest_api_whose_every_method_signs_with_iam_and_goes_over_the_vpc_link_to_the_load_balancer(template):
    template.resource_count_is("AWS::ApiGateway::RestApi", 1)
    # ANY on /, /{proxy+}, /invoices and /invoices/{proxy+}.
    template.resource_count_is("AWS::ApiGateway::Method", 4)
    template.all_resources_properties(
        "AWS::ApiGateway::Method",
        {
            "AuthorizationType": "AWS_IAM",
            "Integration": Match.object_like(
                {
                    "Type": "HTTP_PROXY",
                    "ConnectionType": "VPC_LINK",
                    "IntegrationTarget": {"Ref": Match.string_like_regexp("^RestApiLoadBalancer")},
                }
            ),
        },
    )


def test_the_added_service_has_its_prefix_whose_methods_need_an_api_key(template):
    template.has_resource_properties("AWS::ApiGateway::Resource", {"PathPart": "invoices"})
    keyed = template.find_resources("AWS::ApiGateway::Method", {"Properties": {"ApiKeyRequired": True}})
    assert len(keyed) == 2


def test_a_usage_plan_meters_the_partners_key_with_its_throttling_and_quota(template):
    template.resource_count_is("AWS::ApiGateway::UsagePlan", 1)
    template.has_resource_properties(
        "AWS::ApiGateway::UsagePlan",
        {"Throttle": {"RateLimit": 10, "BurstLimit": 20}, "Quota": {"Limit": 10000, "Period": "MONTH"}},
    )
    template.resource_count_is("AWS::ApiGateway::UsagePlanKey", 1)


def test_the_web_acl_is_on_the_stage(template):
    template.resource_count_is("AWS::WAFv2::WebACLAssociation", 1)
    template.has_resource_properties("AWS::WAFv2::WebACLAssociation", {"WebACLArn": WEB_ACL_ARN})
