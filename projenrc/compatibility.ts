import { awscdk, javascript, JsonFile } from 'projen';

/**
 * A second dependency set, pinned in its own package.json and package-lock.json: the newest
 * aws-cdk-lib, the constructs it is built with, and cdk-nag 3 (which needs aws-cdk-lib 2.258.0 or
 * newer, so the project's own dependencies, on our minimum 2.257.0, cannot hold it). It is upgraded
 * on purpose, by editing test/newest/package.json and running `npm install` there.
 */
const NEWEST_DIR = 'test/newest';

/** The packages `test:newest` loads from NEWEST_DIR rather than from the project's node_modules. */
const NEWEST_PACKAGES = ['aws-cdk-lib', 'constructs', 'cdk-nag'];

/** The tests of cdk-nag 2 (its Aspect and annotations): cdk-nag 3 has neither. */
const CDK_NAG_2_TEST = 'test/nag.test.ts';

/** The same checks as CDK_NAG_2_TEST, with cdk-nag 3: they can only run on the newest dependency set. */
const CDK_NAG_3_TEST = 'test/nag3.test.ts';

/** A new user's app: `cdk init app --language typescript`, the newest aws-cdk-lib and cdk-nag 3, and our npm package. */
const NEW_USER_APP_DIR = 'consumers/newest';

/** What `npx projen package:js` makes, and the new user's app installs. */
const NPM_PACKAGE = 'dist/js/cdk-private-ecs-http-api@0.0.0.jsii.tgz';

/**
 * The other ways our users build with us than the tests' own: the newest aws-cdk-lib with cdk-nag 3
 * (`test:newest`), the feature flags `cdk init` writes (`test:flags`), and an app made as a new user
 * makes one (`consumer:newest`).
 */
export function configureCompatibility(project: awscdk.AwsCdkConstructLibrary): void {
  const jest = project.jest;
  if (!jest) {
    throw new Error('configureCompatibility needs the project\'s jest configuration');
  }
  configureNewest(project, jest);
  configureFlags(project);
  configureNewUserApp(project);
}

function configureNewest(project: awscdk.AwsCdkConstructLibrary, jest: javascript.Jest): void {
  const install = project.addTask('newest:install', {
    description: `Install the newest aws-cdk-lib, constructs and cdk-nag from ${NEWEST_DIR}/package-lock.json, unless already there`,
    exec: `bash scripts/npm-ci-once.sh ${NEWEST_DIR}`,
  });

  // Type-check src/ and the tests against the newest release: every import of these packages,
  // including those inside @aws-cdk/integ-tests-alpha, resolves to NEWEST_DIR.
  const paths: Record<string, string[]> = {};
  for (const name of NEWEST_PACKAGES) {
    paths[name] = [`./node_modules/${name}`];
    paths[`${name}/*`] = [`./node_modules/${name}/*`];
  }
  const tsconfig = new javascript.TypescriptConfig(project, {
    fileName: `${NEWEST_DIR}/tsconfig.json`,
    extends: javascript.TypescriptConfigExtends.fromPaths(['../../tsconfig.dev.json']),
    include: ['../../src/**/*.ts', '../../test/**/*.ts'],
    exclude: ['node_modules', `../../${CDK_NAG_2_TEST}`],
    compilerOptions: { paths },
  });
  // And the root type-check leaves out the one test that needs cdk-nag 3; eslint reads its types from here.
  project.tsconfigDev.addExclude(CDK_NAG_3_TEST);
  project.eslint?.addOverride({
    files: [CDK_NAG_3_TEST],
    parserOptions: { project: `./${tsconfig.fileName}` },
  } as javascript.EslintOverride);

  // One copy of each package, the newest: the mapping applies to every require, inside node_modules too.
  const moduleNameMapper: Record<string, string> = {};
  for (const name of NEWEST_PACKAGES) {
    moduleNameMapper[`^${name}(/.*)?$`] = `<rootDir>/${NEWEST_DIR}/node_modules/${name}$1`;
  }
  const jestConfig = new JsonFile(project, `${NEWEST_DIR}/jest.config.json`, {
    // jest warns of any key it does not know, the generated-file marker too.
    marker: false,
    obj: {
      rootDir: '../..',
      testMatch: jest.config.testMatch,
      testPathIgnorePatterns: ['/node_modules/', `<rootDir>/${CDK_NAG_2_TEST}`],
      moduleNameMapper,
      setupFiles: ['<rootDir>/test/check-newest-versions.ts'],
      transform: { '^.+\\.[t]sx?$': ['ts-jest', { tsconfig: `<rootDir>/${tsconfig.fileName}` }] },
      clearMocks: true,
    },
  });
  project.jest?.addIgnorePattern(`/${CDK_NAG_3_TEST}`);

  const newestJest = `jest --ci --coverage=false --config ${jestConfig.path}`;
  const test = project.addTask('test:newest', {
    description: `Type-check and run the unit tests against the newest aws-cdk-lib and cdk-nag 3, pinned in ${NEWEST_DIR}`,
  });
  test.spawn(install);
  test.exec(`tsc --noEmit --project ${tsconfig.fileName}`);
  test.exec(newestJest, { receiveArgs: true });

  project.addTask('validate:nag3', {
    description: `cdk-nag 3 AwsSolutions on every test configuration, with the newest aws-cdk-lib (the jest test ${CDK_NAG_3_TEST})`,
    steps: [{ spawn: install.name }, { exec: `${newestJest} ${CDK_NAG_3_TEST}` }],
  });
}

function configureFlags(project: awscdk.AwsCdkConstructLibrary): void {
  project.addTask('test:flags', {
    description: "Run the unit tests with the feature flags `cdk init` writes into a new project's cdk.json in every App",
    // Arguments before --setupFiles: jest would read any after it as more setup files.
    exec: 'jest --ci --coverage=false "$@" --setupFiles ./test/flags/cdk-init-flags.ts',
    receiveArgs: true,
  });
}

function configureNewUserApp(project: awscdk.AwsCdkConstructLibrary): void {
  project.addTask('consumer:newest', {
    description: `Pack the npm package, install it into the new user's app in ${NEW_USER_APP_DIR}, synthesize it with cdk-nag 3 and count its findings`,
    env: { CDK_DISABLE_CLI_TELEMETRY: 'true' },
    steps: [
      { spawn: 'compile' },
      { spawn: 'package:js' },
      { exec: `bash scripts/npm-ci-once.sh ${NEW_USER_APP_DIR}` },
      { exec: `bash scripts/synth-new-user-app.sh ${NEW_USER_APP_DIR} ${NPM_PACKAGE}` },
    ],
  });
  // The app has its own tsconfig, dependencies and cdk.json; our type-check and linting are not its.
  project.tsconfigDev.addExclude(NEW_USER_APP_DIR);
}
