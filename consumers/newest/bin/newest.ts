#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib/core';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CloudMapStack } from '../lib/cloud-map-stack';
import { HardenedStack } from '../lib/hardened-stack';
import { NewestStack } from '../lib/newest-stack';
import { RestStack } from '../lib/rest-stack';

const app = new cdk.App();
// cdk-nag 3: the AwsSolutions rules check the whole app when it is synthesized; any finding fails `cdk synth`.
cdk.Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

// The construct's defaults, in a stack bound to a Region...
new NewestStack(app, 'ConsumerEnvBound', { env: { region: 'us-east-1' } });
// ...and in an environment-agnostic one, as `cdk init` makes them.
new NewestStack(app, 'ConsumerEnvAgnostic');
// Fargate Spot on ARM64 (Graviton), scaling between 2 and 10 tasks, the first of them on demand.
new NewestStack(app, 'ConsumerSpotArm64', {
  api: {
    fargateSpot: true,
    onDemandBaseTaskCount: 1,
    cpuArchitecture: ecs.CpuArchitecture.ARM64,
    autoScaling: { minCapacity: 2, maxCapacity: 10 },
  },
});
// Every hardening setting the construct offers.
new HardenedStack(app, 'ConsumerHardened', { env: { region: 'us-east-1' } });
// No load balancer: the tasks registered in Cloud Map, on Fargate Spot and ARM64, environment-agnostic.
new CloudMapStack(app, 'ConsumerCloudMap');
// A REST API in front: IAM-signed callers, a web ACL on the stage, a usage plan with a partner's API key.
new RestStack(app, 'ConsumerRest', { env: { region: 'us-east-1' } });
