#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { ConsumerStack } from './consumer-stack';

const app = new App();
// A fixed region and no account, the same in every language, so that no template depends on the machine.
new ConsumerStack(app, 'ConsumerStack', { env: { region: 'us-east-1' } });
