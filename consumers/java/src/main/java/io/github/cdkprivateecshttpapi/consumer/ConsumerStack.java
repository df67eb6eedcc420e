package io.github.cdkprivateecshttpapi.consumer;

import io.github.cdkprivateecshttpapi.PrivateEcsHttpApi;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecs.ContainerImage;
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
    }
}
