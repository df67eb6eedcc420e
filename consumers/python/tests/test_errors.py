"""A mistake a Python user makes must reach them as a Python exception carrying our message."""
import aws_cdk as cdk
import pytest
from aws_cdk import aws_ecs as ecs
from aws_cdk.assertions import Template
from cdk_private_ecs_http_api import PrivateEcsCloudMapHttpApi, PrivateEcsHttpApi

IMAGE = ecs.ContainerImage.from_registry("nginxinc/nginx-unprivileged:1.27-alpine")


def test_a_bad_cpu_and_memory_pair_raises_our_message():
    stack = cdk.Stack(cdk.App(), "Stack")
    # 256 cpu units pair with 512-2048 MiB only.
    # jsii raises a JavaScript error in Python as a RuntimeError with the error's message.
    with pytest.raises(RuntimeError, match=r"^memoryLimitMiB must be one of .+ when cpu is 256\b.*got 4096"):
        PrivateEcsHttpApi(stack, "Api", image=IMAGE, cpu=256, memory_limit_mib=4096)


def test_a_good_pair_reaches_the_task_definition():
    stack = cdk.Stack(cdk.App(), "Stack")
    PrivateEcsHttpApi(stack, "Api", image=IMAGE, cpu=256, memory_limit_mib=2048)
    Template.from_stack(stack).has_resource_properties("AWS::ECS::TaskDefinition", {"Cpu": "256", "Memory": "2048"})


def test_the_cloud_map_backend_refuses_what_needs_a_load_balancer():
    stack = cdk.Stack(cdk.App(), "Stack")
    with pytest.raises(RuntimeError, match=r"^deploymentStrategy must be ROLLING with PrivateEcsCloudMapHttpApi, got BLUE_GREEN"):
        PrivateEcsCloudMapHttpApi(stack, "Api", image=IMAGE, deployment_strategy=ecs.DeploymentStrategy.BLUE_GREEN)
