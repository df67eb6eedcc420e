#!/usr/bin/env python3
import aws_cdk as cdk

from consumer_stack import ConsumerStack

app = cdk.App()
# A fixed region and no account, the same in every language, so that no template depends on the machine.
ConsumerStack(app, "ConsumerStack", env=cdk.Environment(region="us-east-1"))
app.synth()
