package io.github.cdkprivateecshttpapi.consumer;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cdkprivateecshttpapi.PrivateEcsHttpApi;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecs.ContainerImage;

/** A mistake a Java user makes must reach them as a Java exception carrying our message. */
class TaskSizeErrorTest {
    @Test
    void aBadCpuAndMemoryPairThrowsOurMessage() {
        Stack stack = new Stack(new App(), "Stack");
        // 256 cpu units pair with 512-2048 MiB only.
        // jsii throws a JavaScript error in Java as a JsiiError, a RuntimeException, with the error's message first.
        RuntimeException error = assertThrows(RuntimeException.class, () -> PrivateEcsHttpApi.Builder.create(stack, "Api")
                .image(ContainerImage.fromRegistry("nginxinc/nginx-unprivileged:1.27-alpine"))
                .cpu(256)
                .memoryLimitMiB(4096)
                .build());
        String message = error.getMessage();
        assertTrue(message.startsWith("memoryLimitMiB must be one of "), message);
        assertTrue(message.contains("when cpu is 256") && message.contains("got 4096"), message);
    }
}
