"""The consumer stack, as a Python user writes it; its template must equal the TypeScript reference's."""
from aws_cdk import CfnOutput, Stack
from aws_cdk import aws_ecs as ecs
from cdk_private_ecs_http_api import PrivateEcsHttpApi
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
