"""The consumer stack, as a Python user writes it; its template must equal the TypeScript reference's."""
from aws_cdk import CfnOutput, Stack
from aws_cdk import aws_ecs as ecs
from cdk_private_ecs_http_api import PrivateEcsCloudMapHttpApi, PrivateEcsHttpApi
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
        )

        CfnOutput(self, "ApiUrl", value=api.api_endpoint)

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
        )
        orders = cloud_map.add_service(
            "Orders",
            image=ecs.ContainerImage.from_registry("nginxinc/nginx-unprivileged:1.27-alpine"),
            path_prefix="/orders",
            container_port=8080,
            container_health_check=health_check,
        )
        CfnOutput(self, "CloudMapApiUrl", value=cloud_map.api_endpoint)
        CfnOutput(self, "OrdersCloudMapService", value=orders.cloud_map_service.service_name)
