import { readFileSync } from 'fs';
import { awscdk, DependencyType, javascript, JsonFile } from 'projen';

/**
 * A dependency set: aws-cdk-lib and the packages that go with it, pinned in a folder's own package.json
 * and package-lock.json, which `test:<name>` runs the unit tests against (type-check included): every
 * import of these packages, from src/, the tests and node_modules (@aws-cdk/integ-tests-alpha, cdk-nag 2),
 * resolves to the folder's copy. Upgraded on purpose, by editing the folder's package.json and running
 * `npm install` there (Renovate does it for test/newest, projenrc/upgrades.ts).
 */
interface DependencySet {
  readonly name: string;
  readonly dir: string;
  /** The packages loaded from `dir` rather than from the project's node_modules. */
  readonly packages: string[];
  /** The test files that cannot run on this set. */
  readonly skip: string[];
  readonly description: string;
}

/** The tests of cdk-nag 2 (its Aspect and annotations): cdk-nag 3 has neither. */
const CDK_NAG_2_TEST = 'test/nag.test.ts';

/** The same checks as CDK_NAG_2_TEST, with cdk-nag 3, which needs aws-cdk-lib 2.258.0 or newer. */
const CDK_NAG_3_TEST = 'test/nag3.test.ts';

/**
 * The newest aws-cdk-lib, the constructs it is built with, and cdk-nag 3 (which the project's own
 * dependencies, on aws-cdk-lib 2.257.0, cannot hold).
 */
const NEWEST: DependencySet = {
  name: 'newest',
  dir: 'test/newest',
  packages: ['aws-cdk-lib', 'constructs', 'cdk-nag'],
  skip: [CDK_NAG_2_TEST],
  description: 'the newest aws-cdk-lib and cdk-nag 3',
};

/** The oldest aws-cdk-lib we support (the peer dependency's floor, .projenrc.ts), with cdk-nag 2 from the project. */
const FLOOR: DependencySet = {
  name: 'floor',
  dir: 'test/floor',
  packages: ['aws-cdk-lib', 'constructs'],
  skip: [CDK_NAG_3_TEST],
  description: 'the oldest aws-cdk-lib we support, our peer dependency\'s floor',
};

/** The setup file of every dependency set's run: it fails the run unless the set's pinned versions are the ones loaded. */
const CHECK_DEPENDENCY_SET = 'test/check-dependency-set.ts';

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
  checkFloorIsThePeersMinimum(project);
  const newest = configureDependencySet(project, jest, NEWEST);
  configureDependencySet(project, jest, FLOOR);
  // cdk-nag 3 runs on the newest set only; the root's type-check and jest leave its test out, and
  // eslint reads its types from the newest set's tsconfig.
  project.tsconfigDev.addExclude(CDK_NAG_3_TEST);
  project.jest?.addIgnorePattern(`/${CDK_NAG_3_TEST}`);
  project.eslint?.addOverride({
    files: [CDK_NAG_3_TEST],
    parserOptions: { project: `./${newest.tsconfig}` },
  } as javascript.EslintOverride);
  project.addTask('validate:nag3', {
    description: `cdk-nag 3 AwsSolutions on every test configuration, with the newest aws-cdk-lib (the jest test ${CDK_NAG_3_TEST})`,
    steps: [{ spawn: newest.install }, { exec: `${newest.jest} ${CDK_NAG_3_TEST}` }],
  });
  configureFlags(project);
  configureNewUserApp(project);
}

/** The version of `name` pinned in the floor's dependency set (test/floor/package.json). */
export function floorVersion(name: string): string {
  return JSON.parse(readFileSync(`${FLOOR.dir}/package.json`, 'utf-8')).dependencies[name];
}

/** test/floor must pin the oldest aws-cdk-lib and constructs our peer dependencies admit, or test:floor tests another floor. */
function checkFloorIsThePeersMinimum(project: awscdk.AwsCdkConstructLibrary): void {
  for (const name of FLOOR.packages) {
    const peer = project.deps.getDependency(name, DependencyType.PEER).version;
    if (peer !== `^${floorVersion(name)}`) {
      throw new Error(`${FLOOR.dir}/package.json pins ${name} ${floorVersion(name)}, but the peer dependency is ${peer}: make them agree, then npm install --package-lock-only there`);
    }
  }
}

/** The tasks `<name>:install` and `test:<name>`, and the set's tsconfig and jest configuration. */
function configureDependencySet(project: awscdk.AwsCdkConstructLibrary, jest: javascript.Jest, set: DependencySet) {
  const install = project.addTask(`${set.name}:install`, {
    description: `Install ${set.description} from ${set.dir}/package-lock.json, unless already there`,
    exec: `bash scripts/npm-ci-once.sh ${set.dir}`,
  });

  const paths: Record<string, string[]> = {};
  for (const name of set.packages) {
    paths[name] = [`./node_modules/${name}`];
    paths[`${name}/*`] = [`./node_modules/${name}/*`];
  }
  const tsconfig = new javascript.TypescriptConfig(project, {
    fileName: `${set.dir}/tsconfig.json`,
    extends: javascript.TypescriptConfigExtends.fromPaths(['../../tsconfig.dev.json']),
    include: ['../../src/**/*.ts', '../../test/**/*.ts'],
    exclude: ['node_modules', ...set.skip.map(file => `../../${file}`)],
    compilerOptions: { paths },
  });

  // One copy of each package, the set's: the mapping applies to every require, inside node_modules too.
  const moduleNameMapper: Record<string, string> = {};
  for (const name of set.packages) {
    moduleNameMapper[`^${name}(/.*)?$`] = `<rootDir>/${set.dir}/node_modules/${name}$1`;
  }
  const jestConfig = new JsonFile(project, `${set.dir}/jest.config.json`, {
    // jest warns of any key it does not know, the generated-file marker too.
    marker: false,
    obj: {
      rootDir: '../..',
      testMatch: jest.config.testMatch,
      testPathIgnorePatterns: ['/node_modules/', ...set.skip.map(file => `<rootDir>/${file}`)],
      moduleNameMapper,
      globals: { DEPENDENCY_SET: set.dir },
      setupFiles: [`<rootDir>/${CHECK_DEPENDENCY_SET}`],
      transform: { '^.+\\.[t]sx?$': ['ts-jest', { tsconfig: `<rootDir>/${tsconfig.fileName}` }] },
      clearMocks: true,
    },
  });

  const setJest = `jest --ci --coverage=false --config ${jestConfig.path}`;
  const test = project.addTask(`test:${set.name}`, {
    description: `Type-check and run the unit tests against ${set.description}, pinned in ${set.dir}`,
  });
  test.spawn(install);
  test.exec(`tsc --noEmit --project ${tsconfig.fileName}`);
  test.exec(setJest, { receiveArgs: true });
  return { install: install.name, tsconfig: tsconfig.fileName, jest: setJest };
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
