// `npx projen test:flags` runs this before each test file: every `new App()` then reads the feature
// flags that `cdk init` writes into a new project's cdk.json (those aws-cdk-lib recommends), from
// the variable through which the CDK CLI passes cdk.json's context to an app.
import { CONTEXT_ENV, CURRENTLY_RECOMMENDED_FLAGS } from 'aws-cdk-lib/cx-api';

process.env[CONTEXT_ENV] = JSON.stringify(CURRENTLY_RECOMMENDED_FLAGS);
