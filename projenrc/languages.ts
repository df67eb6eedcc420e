import { awscdk } from 'projen';
import { floorVersion } from './compatibility';

/** The stack every consumer app builds; the comparison reads its template from each app. */
const CONSUMER_STACK = 'ConsumerStack';

/** The TypeScript app whose template the others must match. */
const REFERENCE_CONSUMER = 'typescript';

/** The apps that use the packages jsii-pacmak built, one folder each under consumers/. */
const LANGUAGE_CONSUMERS = ['python', 'java', 'go'];

/** Markdown beside the README whose TypeScript examples are compiled like the README's. */
const DOCS_WITH_EXAMPLES = ['docs/COMPLIANCE.md'];

/** Synthesizes the app of the current folder through its cdk.json, as its users would, into a fresh cdk.out. */
const SYNTH = ['rm -rf cdk.out', 'cdk synth --quiet --no-notices'];

/**
 * Offline, the CDK CLI would spend seconds asking the EC2 metadata service for a Region and trying
 * to send telemetry before each synth; the apps pin their Region anyway.
 */
const CDK_CLI_ENV = { AWS_REGION: 'us-east-1', CDK_DISABLE_CLI_TELEMETRY: 'true' };

/**
 * Builds the Python, Java and Go packages, uses each from a small app of that language, and checks
 * that every language synthesizes the same template as TypeScript (issue 3: every language for real).
 */
export function configureLanguages(project: awscdk.AwsCdkConstructLibrary): void {
  configurePackaging(project);
  configureRosetta(project);
  configureConsumers(project);

  project.addTask('test:languages', {
    description: 'Build every package, run the Python, Java and Go apps and tests, and compare their templates to TypeScript',
    steps: [
      { spawn: 'compile' },
      { spawn: 'rosetta:extract' },
      { spawn: 'package-all' },
      { spawn: `consumer:${REFERENCE_CONSUMER}` },
      ...LANGUAGE_CONSUMERS.map(language => ({ spawn: `consumer:${language}` })),
      { spawn: 'consumers:compare' },
    ],
  });
  configureFloorConsumers(project);
}

/**
 * The Python and Java apps again, on the oldest aws-cdk-lib we support, with the packages
 * `test:languages` built: what a Python or Java team on our floor gets. Not Go: Go selects at least
 * the aws-cdk-go version our go.mod requires (the one we build with), so no Go build can use an older one.
 */
function configureFloorConsumers(project: awscdk.AwsCdkConstructLibrary): void {
  const floor = floorVersion('aws-cdk-lib');
  const java = `-Dcdk.version=${floor}`;
  project.addTask('test:languages:floor', {
    description: `Run the Python and Java apps and tests on aws-cdk-lib ${floor}, our floor, with the packages test:languages built, and compare their templates`,
    env: CDK_CLI_ENV,
    steps: [
      {
        // The app's requirements, then aws-cdk-lib replaced by the floor's (its own dependencies are the
        // same packages at versions both releases accept, which pip check confirms).
        exec: [
          'python3 -m venv --clear .venv',
          '.venv/bin/pip install --no-input -r requirements-dev.txt ../../dist/python/*.whl',
          `.venv/bin/pip install --no-input --no-deps aws-cdk-lib==${floor}`,
          '.venv/bin/pip check',
          ...SYNTH,
          '.venv/bin/python -m pytest',
        ].join(' && '),
        cwd: 'consumers/python',
      },
      {
        exec: [
          'rm -rf target .m2/repository/io/github/cdk-private-ecs-http-api',
          `mvn ${java} test`,
          'rm -rf cdk.out',
          `cdk synth --quiet --no-notices --app "mvn --quiet ${java} compile exec:java"`,
        ].join(' && '),
        cwd: 'consumers/java',
      },
      { exec: `ts-node --project tsconfig.dev.json scripts/compare-templates.ts ${CONSUMER_STACK} consumers/python/cdk.out consumers/java/cdk.out` },
      { exec: `bash scripts/check-assembly-version.sh ${floor} consumers/python/cdk.out consumers/java/cdk.out` },
    ],
  });
}

function configurePackaging(project: awscdk.AwsCdkConstructLibrary): void {
  // jsii-pacmak asks pip for ranges of build tools; this pins them. pip runs them in a scratch folder,
  // so the path must be absolute (projen runs a value of the form $(...) in a shell).
  project.tasks.tryFind('package:python')?.env('PIP_CONSTRAINT', '$(realpath build-tools/pacmak-python-constraints.txt)');

  // pacmak's compile check fails where this machine's Go proxy lacks a version its go.mod names; the script
  // publishes pacmak's go.mod and runs that check itself, against a scratch go.mod, and says why.
  project.tasks.tryFind('package:go')?.reset('bash scripts/package-go.sh');

  // Nothing of this is for npm users. `rosetta/` and the tablet `.jsii.tabl.json` stay in: the release
  // builds the Python, Java and Go packages from the npm package, and Construct Hub renders it, both
  // with the translations of our examples in the tablet (configureRosetta).
  for (const pattern of ['/consumers/', '/scripts/', '/build-tools/', '/docs/']) {
    project.addPackageIgnore(pattern);
  }
}

function configureRosetta(project: awscdk.AwsCdkConstructLibrary): void {
  // A tablet holds translations for one assembly; pacmak would use a stale one, so every compile drops it
  // and the build makes it again (post-compile, below), before the npm package is packed.
  project.compileTask.prependExec('rm -f .jsii.tabl.json');

  project.addTask('docs:languages', {
    description: 'Render the README and API reference in Python, Java and Go with jsii-docgen from the tablet, and fail on any name of an example that the package does not have',
    exec: 'ts-node --project tsconfig.dev.json scripts/check-translated-names.ts',
  });
  const extract = project.addTask('rosetta:extract', {
    description: 'Compile every TypeScript example (README, @example tags, docs/) with jsii-rosetta --strict into the tablet, with pacmak\'s Python names, and check the names of every language; run after compile',
    steps: [
      { exec: 'jsii-rosetta extract --strict' },
      // rosetta's Python splits MiB into mi_b; the package's name is memory_limit_mib.
      { exec: 'ts-node --project tsconfig.dev.json scripts/fix-tablet-python-names.ts' },
      { exec: `bash scripts/rosetta-extract-markdown.sh ${DOCS_WITH_EXAMPLES.join(' ')}` },
      { spawn: 'docs:languages' },
    ],
  });
  project.postCompileTask.spawn(extract);
  project.gitignore.exclude('/.jsii.tabl.json');
}

function configureConsumers(project: awscdk.AwsCdkConstructLibrary): void {
  project.addTask(`consumer:${REFERENCE_CONSUMER}`, {
    env: CDK_CLI_ENV,
    description: 'Synthesize the reference consumer app from src/ with TypeScript, and run its jest tests',
    cwd: `consumers/${REFERENCE_CONSUMER}`,
    steps: [
      ...SYNTH.map(exec => ({ exec })),
      // From the root, where ts-jest finds tsconfig.dev.json; the project's testMatch leaves consumers/ out.
      { exec: `jest --ci --coverage=false --testMatch '<rootDir>/consumers/${REFERENCE_CONSUMER}/**/*.test.ts'`, cwd: '.' },
    ],
  });

  project.addTask('consumer:python', {
    env: CDK_CLI_ENV,
    description: 'Install the built wheel into a fresh venv, synthesize the Python consumer app and run its pytest tests',
    cwd: 'consumers/python',
    steps: [
      // A fresh venv every time: our version is always 0.0.0, so pip would keep an older wheel.
      { exec: 'python3 -m venv --clear .venv' },
      { exec: '.venv/bin/pip install --no-input -r requirements-dev.txt ../../dist/python/*.whl' },
      ...SYNTH.map(exec => ({ exec })),
      { exec: '.venv/bin/python -m pytest' },
    ],
  });

  project.addTask('consumer:java', {
    env: CDK_CLI_ENV,
    description: 'Build and test the Java consumer app against the jar in dist/java, and synthesize it',
    cwd: 'consumers/java',
    steps: [
      // The app's Maven repository is its own (.mvn/maven.config), and our version is always 0.0.0:
      // drop the copy of our jar from the last run, or Maven would keep using it.
      { exec: 'rm -rf .m2/repository/io/github/cdk-private-ecs-http-api' },
      { exec: 'mvn test' },
      ...SYNTH.map(exec => ({ exec })),
    ],
  });

  project.addTask('consumer:go', {
    env: CDK_CLI_ENV,
    description: 'Test the Go consumer app against dist/go and synthesize it',
    cwd: 'consumers/go',
    steps: [
      { exec: 'go test -count=1 ./...' },
      ...SYNTH.map(exec => ({ exec })),
    ],
  });

  const cloudAssemblies = [REFERENCE_CONSUMER, ...LANGUAGE_CONSUMERS].map(language => `consumers/${language}/cdk.out`);
  project.addTask('consumers:compare', {
    description: 'Check that the comparison can fail, then compare each language template to the TypeScript one',
    steps: [
      { exec: 'jest --coverage=false test/template-comparison.test.ts' },
      { exec: `ts-node --project tsconfig.dev.json scripts/compare-templates.ts ${CONSUMER_STACK} ${cloudAssemblies.join(' ')}` },
    ],
  });

  project.gitignore.exclude(
    '__pycache__/',
    '.pytest_cache/',
    '/consumers/java/.m2/',
    '/consumers/java/target/',
    '/consumers/go/consumer',
  );
  project.eslint?.addLintPattern('scripts');
  project.eslint?.addLintPattern('consumers/typescript');
}
