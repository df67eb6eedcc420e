package io.github.cdkprivateecshttpapi.consumer;

import io.github.cdkprivateecshttpapi.AddServiceOptions;
import io.github.cdkprivateecshttpapi.ICloudMapApiService;
import io.github.cdkprivateecshttpapi.PrivateEcsCloudMapHttpApi;
import io.github.cdkprivateecshttpapi.PrivateEcsHttpApi;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.constructs.Construct;

/** The consumer stack, as a Java user writes it; its template must equal the TypeScript reference's. */
public class ConsumerStack extends Stack {
    public ConsumerStack(final Construct scope, final String id, final StackProps props) {
        super(scope, id, props);

        // Non-default props, so that each one must cross the language boundary intact.
        PrivateEcsHttpApi api = PrivateEcsHttpApi.Builder.create(this, "Api")
                .image(ContainerImage.fromRegistry("nginxinc/nginx-unprivileged:1.27-alpine"))
                .cpu(512)
                .memoryLimitMiB(1024)
                .desiredCount(3)
                .containerPort(8080)
                .environment(Map.of("GREETING", "hello"))
                .build();

        CfnOutput.Builder.create(this, "ApiUrl").value(api.getApiEndpoint()).build();

        // The Cloud Map backend in the same cluster: a container health check, a namespace name and an added service.
        HealthCheck healthCheck = HealthCheck.builder().command(List.of("CMD-SHELL", "wget -q -O /dev/null http://localhost:8080/ || exit 1")).build();
        PrivateEcsCloudMapHttpApi cloudMap = PrivateEcsCloudMapHttpApi.Builder.create(this, "CloudMapApi")
                .image(ContainerImage.fromRegistry("nginxinc/nginx-unprivileged:1.27-alpine"))
                .cluster(api.getCluster())
                .containerPort(8080)
                .containerHealthCheck(healthCheck)
                .cloudMapNamespaceName("consumer.internal")
                .build();
        ICloudMapApiService orders = cloudMap.addService("Orders", AddServiceOptions.builder()
                .image(ContainerImage.fromRegistry("nginxinc/nginx-unprivileged:1.27-alpine"))
                .pathPrefix("/orders")
                .containerPort(8080)
                .containerHealthCheck(healthCheck)
                .build());
        CfnOutput.Builder.create(this, "CloudMapApiUrl").value(cloudMap.getApiEndpoint()).build();
        CfnOutput.Builder.create(this, "OrdersCloudMapService").value(orders.getCloudMapService().getServiceName()).build();
    }
}
