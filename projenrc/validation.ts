import type { awscdk, Task } from 'projen';

/**
 * Exact versions of the tools that prove our templates without an AWS account.
 *
 * - integ-runner 2.197.10 is the newest; it reads cloud-assembly schema 53 at most,
 *   which is why aws-cdk-lib stays at 2.257.0.
 * - integ-tests-alpha 2.245.0-alpha.0 is the newest served; its peer is aws-cdk-lib ^2.245.0.
 * - cdk-nag stays on 2.x: 3.x reports through `Validations.of(app).addPlugins()`, which on
 *   aws-cdk-lib 2.257.0 fails at synth ("NagPack requires a construct tree on the validation
 *   context") because that release does not pass the construct tree to plugins. Our users on
 *   our minimum aws-cdk-lib can only run the 2.x aspect, so the 2.x aspect is what we test with
 *   here; `validate:nag3` runs cdk-nag 3 with the newest aws-cdk-lib (projenrc/compatibility.ts).
 */
const VALIDATION_TOOLS = [
  '@aws-cdk/integ-runner@2.197.10',
  '@aws-cdk/integ-tests-alpha@2.245.0-alpha.0',
  'cdk-nag@2.38.2',
];

/** The region the integ stacks are pinned to; test/integ/stack.ts says why. */
const INTEG_REGION = 'us-east-1';

/** Where cfn-lint and checkov come from: a venv made by tools/python/install.sh from its lock file. */
const PYTHON_TOOLS_VENV = '.venv-tools';

/** The templates the validators read: the example app's, and each test configuration's. */
const CONFIGURATION_TEMPLATES_DIR = 'cdk.out/configurations';
const TEMPLATES = [
  'cdk.out/PrivateEcsHttpApiTutorial.template.json',
  `${CONFIGURATION_TEMPLATES_DIR}/*.template.json`,
].join(' ');

/** The checks `validate` runs, each a task of its own, in the order they report. */
const CHECKS = ['validate:cfn-lint', 'validate:checkov', 'validate:nag', 'validate:nag3'];

/** Adds the integ tests, cdk-nag, cfn-lint and checkov, and the `validate` task that runs them all. */
export function configureValidation(project: awscdk.AwsCdkConstructLibrary): void {
  project.addDevDeps(...VALIDATION_TOOLS);
  addIntegTasks(project);
  addValidateTasks(project);
  project.addPackageIgnore('/tools/');
}

/**
 * `integ` compares each integ test's synthesized templates with its committed snapshot, with no
 * AWS account, and runs in the test task. `integ:update` rewrites the snapshots that differ;
 * `--dry-run` makes it skip the deployment that `--update-on-failed` would otherwise do.
 */
function addIntegTasks(project: awscdk.AwsCdkConstructLibrary): void {
  const integEnv = {
    TS_NODE_PROJECT: project.tsconfigDev.fileName,
    // The test task's `tsc --noEmit` type-checks this code; here only the templates matter,
    // and transpiling alone makes the runner four times faster.
    TS_NODE_TRANSPILE_ONLY: 'true',
  };
  const integ = project.addTask('integ', {
    description: 'Verify the integ test snapshots offline: fails when a synthesized template differs from its snapshot',
    env: integEnv,
    exec: 'integ-runner --language typescript',
    receiveArgs: true,
  });
  project.addTask('integ:update', {
    description: 'Rewrite the integ snapshots that differ from the synthesized templates, never deploying',
    env: integEnv,
    exec: `integ-runner --language typescript --update-on-failed --dry-run --parallel-regions ${INTEG_REGION}`,
    receiveArgs: true,
  });
  project.testTask.spawn(integ);

  // What integ-runner leaves behind when interrupted or run with --inspect-failures.
  project.addGitIgnore('/test/cdk-integ.out.*');
  project.gitattributes.addAttributes('/test/*.snapshot/**', 'linguist-generated');
}

function addValidateTasks(project: awscdk.AwsCdkConstructLibrary): void {
  project.addTask('validate:tools', {
    description: `Install cfn-lint and checkov into ${PYTHON_TOOLS_VENV} from tools/python/requirements.txt, unless already there`,
    exec: `bash tools/python/install.sh ${PYTHON_TOOLS_VENV}`,
  });
  const synth = project.addTask('validate:synth', {
    description: `Synthesize the example app to cdk.out and every test configuration to ${CONFIGURATION_TEMPLATES_DIR}`,
    // The test task's `tsc --noEmit` type-checks this code; here only the templates matter.
    env: { TS_NODE_TRANSPILE_ONLY: 'true' },
  });
  synth.spawn(taskNamed(project, 'synth:example'));
  synth.exec(`rm -rf ${CONFIGURATION_TEMPLATES_DIR}`);
  synth.exec(`ts-node --project ${project.tsconfigDev.fileName} test/integ/synth-templates.ts ${CONFIGURATION_TEMPLATES_DIR}`);

  project.addTask('validate:cfn-lint', {
    description: 'cfn-lint every synthesized template; ignores are in .cfnlintrc.yaml',
    exec: `${PYTHON_TOOLS_VENV}/bin/cfn-lint ${TEMPLATES}`,
  });
  project.addTask('validate:checkov', {
    description: 'checkov every synthesized template, offline; skipped checks are in .checkov.yaml',
    exec: `${PYTHON_TOOLS_VENV}/bin/checkov --config-file .checkov.yaml --file ${TEMPLATES}`,
  });
  project.addTask('validate:nag', {
    description: 'cdk-nag AwsSolutions on every test configuration (the jest test test/nag.test.ts)',
    exec: 'jest --ci --coverage=false test/nag.test.ts',
  });

  const validate = project.addTask('validate', {
    description: 'Synthesize the example and every test configuration, then run cfn-lint, checkov and cdk-nag on them',
  });
  validate.spawn(taskNamed(project, 'validate:tools'));
  validate.spawn(synth);
  validate.exec(`bash tools/run-checks.sh ${CHECKS.join(' ')}`);
}

function taskNamed(project: awscdk.AwsCdkConstructLibrary, name: string): Task {
  const task = project.tasks.tryFind(name);
  if (!task) {
    throw new Error(`configureValidation needs the task '${name}'; define it before calling configureValidation`);
  }
  return task;
}
