import { awscdk, javascript } from 'projen';
import { configureLanguages } from './projenrc/languages';

/**
 * aws-cdk-lib 2.257.0 is the newest release whose cloud assembly (schema 53)
 * the newest @aws-cdk/integ-runner (2.197.10) can read; 2.258.0 moved to schema 54.
 * It is both our minimum peer version and the version we build and test against.
 */
const CDK_VERSION = '2.257.0';

/** Exact versions of the tools that build and check us: no ranges, no `latest`. */
const DEV_TOOLS = [
  'aws-cdk@2.1115.1', // the CLI that synthesizes the example app
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

  cdkVersion: CDK_VERSION,
  cdkVersionPinning: false,
  constructsVersion: '10.5.1',
  jsiiVersion: '~6.0.16',
  devDeps: DEV_TOOLS,

  // jsii targets. No .NET: no machine we build on has the .NET SDK.
  publishToPypi: {
    distName: 'cdk-private-ecs-http-api',
    module: 'cdk_private_ecs_http_api',
  },
  publishToMaven: {
    mavenGroupId: 'io.github.cdk-private-ecs-http-api',
    mavenArtifactId: 'cdk-private-ecs-http-api',
    javaPackage: 'io.github.cdkprivateecshttpapi',
  },
  publishToGo: {
    moduleName: 'github.com/cdk-private-ecs-http-api/cdk-private-ecs-http-api-go',
    packageName: 'cdkprivateecshttpapi',
  },

  // The dev tsconfig sits at the root, where contributors and editors look for it.
  tsconfigDevFile: 'tsconfig.dev.json',

  // CI is `.ci/run` on a clean clone; there is no GitHub here to run workflows.
  github: false,
  release: false,
  depsUpgrade: false,
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
// The main job: synthesize the example app (the AWS tutorial) to a CloudFormation template.
project.addTask('synth:example', {
  description: 'Synthesize the example app in examples/tutorial to cdk.out',
  cwd: 'examples/tutorial',
  steps: [
    { exec: 'cdk synth --quiet --no-notices --output ../../cdk.out' },
    { exec: 'echo "Template: cdk.out/PrivateEcsHttpApiTutorial.template.json"' },
  ],
});

// The machines here run Node 20; jsii would otherwise print its end-of-life banner on every run.
project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');

project.addPackageIgnore('/examples/');
project.addPackageIgnore('/.ci/');
project.addPackageIgnore('cdk.out/');

configureLanguages(project);

project.synth();
