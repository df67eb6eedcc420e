// `npx projen test:flags` runs this before each test file: every `new App()` then reads the feature
// flags that `cdk init` writes into a new project's cdk.json (those aws-cdk-lib recommends), from
// the variable through which the CDK CLI passes cdk.json's context to an app.
import { CONTEXT_ENV, CURRENTLY_RECOMMENDED_FLAGS } from 'aws-cdk-lib/cx-api';
import { ANNOTATIONS_IN_VALIDATION_REPORT } from '../context-keys';

process.env[CONTEXT_ENV] = JSON.stringify({
  ...CURRENTLY_RECOMMENDED_FLAGS,
  // A reporting flag, not a template one. With it, a synth with an error annotation sets
  // process.exitCode to 1 (as the CLI should fail), and the tests that show cdk-nag reports
  // a finding make such errors on purpose: jest would fail with every test passed.
  [ANNOTATIONS_IN_VALIDATION_REPORT]: false,
});
