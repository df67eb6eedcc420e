package io.github.cdkprivateecshttpapi.consumer;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

public final class ConsumerApp {
    private ConsumerApp() {
    }

    public static void main(final String[] args) {
        App app = new App();
        // A fixed region and no account, the same in every language, so that no template depends on the machine.
        new ConsumerStack(app, "ConsumerStack", StackProps.builder()
                .env(Environment.builder().region("us-east-1").build())
                .build());
        app.synth();
    }
}
