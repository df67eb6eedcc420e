import { CURRENTLY_RECOMMENDED_FLAGS } from 'aws-cdk-lib/cx-api';
import { awscdk, javascript, JsonFile } from 'projen';
import { configureCompatibility } from './projenrc/compatibility';
import { configureLanguages } from './projenrc/languages';
import { configureRelease, PUBLISH_ENVIRONMENTS, RELEASE_OPTIONS } from './projenrc/release';
import { configureToolchain } from './projenrc/toolchain';
import { configureUpgrades } from './projenrc/upgrades';
import { configureValidation } from './projenrc/validation';

/**
 * The oldest aws-cdk-lib we support, our peer dependency's floor, found by measurement: `src/` compiles and
 * every unit test passes on it (`npx projen test:floor`), and the Python and Java apps run on it
 * (`npx projen test:languages:floor`). 2.251.0 lacks `Validations.acknowledge`, through which
 * cdk-nag 3 reads our acknowledgements (src/private/compliance/acknowledge.ts).
 */
const CDK_FLOOR = '2.252.0';

/**
 * The aws-cdk-lib we build and test with, above the floor for two reasons: it is the newest release
 * whose cloud assembly (schema 53) the newest @aws-cdk/integ-runner (2.197.10) reads (2.258.0 moved to
 * schema 54), and the Go module jsii-pacmak writes requires the aws-cdk-go it was built with, which for
 * 2.252.0 to 2.256.x the Go proxy of our build machines does not serve (a Go user's build always
 * selects at least that version anyway).
 */
const CDK_BUILD_VERSION = '2.257.0';

/** The oldest constructs we support, and the one we build with: aws-cdk-lib 2.252.0 asks for ^10.5.0, cdk-nag 2 for ^10.5.1. */
const CONSTRUCTS_FLOOR = '10.5.1';

/** Exact versions of the tools that build and check us: no ranges, no `latest`. */
const DEV_TOOLS = [
  'aws-cdk@2.1115.1', // the CLI that synthesizes the example app
  'fast-check@4.11.0', // property-based tests
  '@aws-cdk/cloudformation-diff@2.187.5', // the update checks: the change rules `cdk diff` uses
];

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-private-ecs-http-api',
  description:
    'An AWS CDK construct: an ECS Fargate service behind an internal Application Load Balancer, '
    + 'reachable only through an API Gateway HTTP API over a VPC link.',
  keywords: ['aws-cdk', 'cdk', 'construct', 'ecs', 'fargate', 'api-gateway', 'http-api', 'vpc-link', 'private-integration'],
  author: 'cdk-private-ecs-http-api contributors',
  authorAddress: 'maintainers@cdk-private-ecs-http-api.dev',
  repositoryUrl: 'https://github.com/cdk-private-ecs-http-api/cdk-private-ecs-http-api.git',
  license: 'Apache-2.0',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  projenVersion: '0.103.25',

  cdkVersion: CDK_FLOOR,
  cdkVersionPinning: false,
  // The peer's floor is not what we build with: CDK_BUILD_VERSION is the devDependency.
  peerDependencyOptions: { pinnedDevDependency: false },
  constructsVersion: CONSTRUCTS_FLOOR,
  jsiiVersion: '~6.0.16',
  devDeps: [...DEV_TOOLS, `aws-cdk-lib@${CDK_BUILD_VERSION}`],

  // jsii targets. No .NET: no machine we build on has the .NET SDK.
  // npm and PyPI take the release job's GitHub OIDC token (trusted publishing): no registry token is
  // stored anywhere, npm adds a provenance statement and PyPI PEP 740 attestations. CONTRIBUTING.md
  // says how the two registries are told to trust the workflow before the first release.
  npmTrustedPublishing: true,
  publishToPypi: {
    distName: 'cdk-private-ecs-http-api',
    module: 'cdk_private_ecs_http_api',
    trustedPublishing: true,
  },
  publishToMaven: {
    mavenGroupId: 'io.github.cdk-private-ecs-http-api',
    mavenArtifactId: 'cdk-private-ecs-http-api',
    javaPackage: 'io.github.cdkprivateecshttpapi',
    githubEnvironment: PUBLISH_ENVIRONMENTS.maven,
  },
  publishToGo: {
    moduleName: 'github.com/cdk-private-ecs-http-api/cdk-private-ecs-http-api-go',
    packageName: 'cdkprivateecshttpapi',
    githubEnvironment: PUBLISH_ENVIRONMENTS.go,
  },

  // The dev tsconfig sits at the root, where contributors and editors look for it;
  // eslint types every file with it rather than searching for a tsconfig.json per folder.
  tsconfigDevFile: 'tsconfig.dev.json',
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'bench', 'scripts', 'projenrc', '.projenrc.ts'],
    projectService: false,
    tsconfigPath: './tsconfig.dev.json',
  },

  // Versioning (0.x, experimental), package.json's links, and the GitHub workflows that test every pull
  // request and release to npm, PyPI, Maven Central and Go: projenrc/release.ts.
  ...RELEASE_OPTIONS,
  sampleCode: false,

  jestOptions: {
    // Snapshots change only on purpose, through `npx projen test:update`.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      collectCoverageFrom: ['src/**/*.ts'],
      coverageThreshold: { lines: 90 },
    },
  },

  gitignore: ['cdk.out/', '*.tsbuildinfo', '.venv*/'],
});
// jsii advises building with the peer's floor (JSII6). We build with CDK_BUILD_VERSION on purpose (its
// comment says why), and test the floor in test:floor; reserved-word is projen's own silenced warning.
project.compileTask.reset('jsii --silence-warnings=reserved-word --silence-warnings=metadata/missing-dev-dependency');

// projen drops a constructs devDependency given in the options when it adds the peer; this one stays.
project.addDevDeps(`constructs@${CONSTRUCTS_FLOOR}`);

// `**/*.ts` skips dot files: eslint needs .projenrc.ts typed too.
project.tsconfigDev.addInclude('.projenrc.ts');

// The main job: synthesize the example app (the AWS tutorial) to a CloudFormation template, and check it.
new JsonFile(project, 'examples/tutorial/cdk.json', {
  obj: {
    app: 'npx ts-node --transpile-only --project ../../tsconfig.dev.json app.ts',
    // What `cdk init` writes into a new project: the feature flags aws-cdk-lib recommends, here those of
    // the release we build with, so that they follow it when it is upgraded.
    context: CURRENTLY_RECOMMENDED_FLAGS,
  },
});
project.addTask('synth:example', {
  description: 'Synthesize the example app in examples/tutorial to cdk.out, and check its template',
  exec: 'scripts/synth-example.sh',
});

// The benchmark: not part of the tests; prints its tables and writes bench/RESULTS.md.
project.addTask('bench', {
  description: 'Measure synth overhead, resource counts and idle monthly cost of each configuration',
  env: { TS_NODE_PROJECT: 'tsconfig.dev.json', TS_NODE_TRANSPILE_ONLY: 'true' },
  exec: 'node --expose-gc --require ts-node/register bench/run.ts',
});

// The update checks' table (test/updates): what CloudFormation does for each change a user makes to a
// deployed stack. `npx projen updates:table -- --write` puts it into the README, whose test compares them.
project.addTask('updates:table', {
  description: 'Print the README\'s "Updating a deployed stack" table, computed with the change rules of cdk diff',
  env: { TS_NODE_PROJECT: 'tsconfig.dev.json', TS_NODE_TRANSPILE_ONLY: 'true' },
  exec: 'node --require ts-node/register scripts/update-table.ts',
  receiveArgs: true,
});

// Type-check everything the compiler does not (tests, examples, scripts): ts-jest only transpiles.
project.testTask.prependExec('tsc --noEmit --project tsconfig.dev.json');

// The npm package holds lib/, the assembly, the docs and rosetta/: none of the tooling around them.
for (const pattern of ['/examples/', '/.ci/', 'cdk.out/', '/bench/', '/.venv*/', '/.cfnlintrc.yaml', '/.checkov.yaml']) {
  project.addPackageIgnore(pattern);
}

configureToolchain(project);
configureValidation(project);
configureLanguages(project);
configureCompatibility(project);
configureRelease(project);
configureUpgrades(project);

project.synth();
