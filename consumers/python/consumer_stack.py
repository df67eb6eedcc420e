"""The consumer stack, as a Python user writes it; its template must equal the TypeScript reference's."""
from aws_cdk import CfnOutput, Duration, Stack
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_apigatewayv2 as apigwv2
from aws_cdk import aws_applicationautoscaling as appscaling
from aws_cdk import aws_certificatemanager as acm
from aws_cdk import aws_ecs as ecs
from aws_cdk import aws_iam as iam
from aws_cdk import aws_route53 as route53
from aws_cdk.aws_apigatewayv2_authorizers import HttpIamAuthorizer, HttpJwtAuthorizer
from cdk_private_ecs_http_api import (
    AutoScalingOptions,
    PrivateEcsCloudMapHttpApi,
    PrivateEcsHttpApi,
    PrivateEcsRestApi,
    RestAuthorization,
    RestUsagePlan,
)
from constructs import Construct


class ConsumerStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        # Non-default props, so that each one must cross the language boundary intact.
        api = PrivateEcsHttpApi(
            self,
            "Api",
            image=ecs.ContainerImage.from_registry("nginxinc/nginx-unprivileged:1.27-alpine"),
            cpu=512,
            memory_limit_mib=1024,
            desired_count=3,
            container_port=8080,
            environment={"GREETING": "hello"},
            container_name="frontend",
            healthy_http_codes="200-299",
            deregistration_delay=Duration.seconds(10),
            # A dual-stack API and custom domain, with its A and AAAA records, and a dashboard of our own name.
            ip_address_type=apigwv2.IpAddressType.DUAL_STACK,
            domain_name="api.example.com",
            domain_certificate=acm.Certificate.from_certificate_arn(
                self, "Certificate", "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555"
            ),
            domain_hosted_zone=route53.HostedZone.from_hosted_zone_attributes(
                self, "Zone", hosted_zone_id="Z23ABC4XYZL05B", zone_name="example.com"
            ),
            dashboard=True,
            dashboard_name="consumer-api",
        )

        # An added service for machine callers: IAM auth, the path below its prefix, every container and task option.
        reports_task_role = iam.Role(self, "ReportsTaskRole", assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com"))
        reports = api.add_service(
            "Reports",
            image=ecs.ContainerImage.from_registry("nginxinc/nginx-unprivileged:1.27-alpine"),
            path_prefix="/reports",
            strip_path_prefix=True,
            authorizer=HttpIamAuthorizer(),
            container_port=8080,
            container_name="reports",
            command=["nginx", "-g", "daemon off;"],
            entry_point=["/docker-entrypoint.sh"],
            docker_labels={"team": "reporting"},
            stop_timeout=Duration.seconds(60),
            ephemeral_storage_gib=30,
            enable_execute_command=True,
            task_role=reports_task_role,
            health_check_interval=Duration.seconds(30),
            health_check_timeout=Duration.seconds(10),
            healthy_threshold_count=3,
            unhealthy_threshold_count=4,
            healthy_http_codes="200,204",
            deregistration_delay=Duration.seconds(15),
            auto_scaling=AutoScalingOptions(min_capacity=2, max_capacity=6, target_cpu_utilization_percent=60),
        )
        reports.scalable_task_count.scale_on_schedule(
            "NightlyReports",
            schedule=appscaling.Schedule.cron(hour="2", minute="0"),
            min_capacity=4,
        )

        CfnOutput(self, "ApiUrl", value=api.api_endpoint)
        CfnOutput(self, "ApiDomainUrl", value=api.custom_domain_url)
        CfnOutput(self, "ApiDashboard", value=api.dashboard.dashboard_name)
        CfnOutput(self, "ApiLogGroup", value=api.container_log_group.log_group_name)
        CfnOutput(self, "ReportsLogGroup", value=reports.container_log_group.log_group_name)

        # The Cloud Map backend in the same cluster: a container health check, a namespace name and an added service.
        health_check = ecs.HealthCheck(command=["CMD-SHELL", "wget -q -O /dev/null http://localhost:8080/ || exit 1"])
        cloud_map = PrivateEcsCloudMapHttpApi(
            self,
            "CloudMapApi",
            image=ecs.ContainerImage.from_registry("nginxinc/nginx-unprivileged:1.27-alpine"),
            cluster=api.cluster,
            container_port=8080,
            container_health_check=health_check,
            cloud_map_namespace_name="consumer.internal",
            # Spot above one on-demand task, a quarter of the rest on demand too; an execution role of ours.
            fargate_spot=True,
            on_demand_base_task_count=1,
            on_demand_percent=25,
            execution_role=iam.Role(self, "CloudMapExecutionRole", assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com")),
            auto_scaling=AutoScalingOptions(min_capacity=1, max_capacity=4),
        )
        cloud_map.scalable_task_count.scale_on_schedule(
            "WeekendLow",
            schedule=appscaling.Schedule.cron(week_day="SAT", hour="0", minute="0"),
            max_capacity=2,
        )
        # Its own JWT authorizer and scopes, and logs through a driver of the user's.
        orders = cloud_map.add_service(
            "Orders",
            image=ecs.ContainerImage.from_registry("nginxinc/nginx-unprivileged:1.27-alpine"),
            path_prefix="/orders",
            container_port=8080,
            container_health_check=health_check,
            log_driver=ecs.LogDrivers.aws_logs(stream_prefix="orders"),
            readonly_root_filesystem=True,
            authorizer=HttpJwtAuthorizer("OrdersJwt", "https://auth.example.com", jwt_audience=["orders"]),
            authorization_scopes=["orders/read"],
        )
        CfnOutput(self, "CloudMapApiUrl", value=cloud_map.api_endpoint)
        CfnOutput(self, "CloudMapLogGroup", value=cloud_map.container_log_group.log_group_name)
        CfnOutput(self, "OrdersCloudMapService", value=orders.cloud_map_service.service_name)

        # The REST API front in the same cluster: IAM by default, a web ACL on its stage, and a usage plan
        # whose API key the added service asks for.
        rest = PrivateEcsRestApi(
            self,
            "RestApi",
            image=ecs.ContainerImage.from_registry("nginxinc/nginx-unprivileged:1.27-alpine"),
            cluster=api.cluster,
            container_port=8080,
            default_authorization=RestAuthorization.iam(),
            web_acl_arn="arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/a1b2c3d4",
            usage_plans=[
                RestUsagePlan(
                    name="partners",
                    throttling_rate_limit=10,
                    throttling_burst_limit=20,
                    quota=apigw.QuotaSettings(limit=10000, period=apigw.Period.MONTH),
                )
            ],
        )
        rest.add_api_key("partners", apigw.ApiKey(self, "PartnerKey"))
        invoices = rest.add_service(
            "Invoices",
            image=ecs.ContainerImage.from_registry("nginxinc/nginx-unprivileged:1.27-alpine"),
            path_prefix="/invoices",
            container_port=8080,
            api_key_required=True,
        )
        CfnOutput(self, "RestApiUrl", value=rest.api_endpoint)
        CfnOutput(self, "RestUsagePlanId", value=rest.usage_plan("partners").usage_plan_id)
        CfnOutput(self, "InvoicesResourceId", value=invoices.resource.resource_id)
