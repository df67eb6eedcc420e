import { awscdk, Component, github, ReleasableCommits } from 'projen';
import { NODE_VERSION } from './toolchain';

/**
 * How we publish: projen-generated GitHub workflows that build, test and release to npm, PyPI, Maven
 * Central and the Go module repository through publib, and the offline proofs of those workflows
 * (actionlint, zizmor, `release:rehearse`) that `.ci/run` runs here, where there is no GitHub.
 */

const REPOSITORY = 'https://github.com/cdk-private-ecs-http-api/cdk-private-ecs-http-api';

/**
 * The toolchain every workflow job sets up, at exact versions: those `.ci/run` is measured with (Node
 * 24 LTS, projenrc/toolchain.ts; Python 3.11.7, OpenJDK 17.0.15+6, Go 1.26.8), on a fixed runner
 * image. Maven is the one the runner image carries (3.9 on ubuntu-24.04; 3.8.7 here).
 */
export const TOOLCHAIN = {
  runner: 'ubuntu-24.04',
  node: NODE_VERSION,
  python: '3.11.7',
  java: { distribution: 'temurin', version: '17.0.15+6' },
  go: '1.26.8',
} as const;

/** publib publishes to every registry; `latest` would let any new release into our release job. */
const PUBLIB_VERSION = '0.2.1061';

/** The bump and changelog tool, exactly (projen's default is the `^` range of its major version). */
const BUMP_PACKAGE = 'commit-and-tag-version@13.2.1';

/**
 * The actions projen 0.103.25 names by a version tag, pinned to that tag's commit (the others it
 * already pins by commit). No GitHub is reachable here to `git ls-remote` them: each SHA was
 * cross-checked in the pin tables of several independent public repositories. To verify them,
 * run zizmor online once (`zizmor --gh-token ... .github/workflows`: its impostor-commit and
 * ref-confusion audits resolve every pin against its repository).
 */
const ACTION_PINS: Record<string, string> = {
  'actions/setup-node@v7.0.0': 'actions/setup-node@820762786026740c76f36085b0efc47a31fe5020',
  'actions/setup-python@v7.0.0': 'actions/setup-python@5fda3b95a4ea91299a34e894583c3862153e4b97',
  'actions/setup-java@v6.0.0': 'actions/setup-java@dd06d9cba3e5552c54d9f8ea23572deb30010f7c',
  'actions/setup-go@v7.0.0': 'actions/setup-go@b7ad1dad31e06c5925ef5d2fc7ad053ef454303e',
};

/**
 * The conventional commit types a pull request title may have. In 0.x, a breaking change
 * (`feat!:` or a `BREAKING CHANGE:` footer) bumps the minor version, and `feat` and `fix` the patch.
 */
const COMMIT_TYPES = ['feat', 'fix', 'perf', 'revert', 'docs', 'test', 'refactor', 'style', 'build', 'ci', 'chore'];

/** The commit types that change what users get, and so make a release: docs too, for Construct Hub shows our README. */
const RELEASABLE_TYPES = ['feat', 'fix', 'perf', 'revert', 'docs'];

/**
 * The GitHub environments of the publish jobs, each limited to `main` (CONTRIBUTING.md). `release`,
 * where npm and PyPI are published (and the GitHub release made), holds no secret: both registries trust
 * the job's OIDC token, and their trusted-publisher settings name this workflow and this environment.
 * Maven Central and the Go repository take no OIDC token, so their credentials live in environments of
 * their own, which no other job enters.
 */
export const PUBLISH_ENVIRONMENTS = { trusted: 'release', maven: 'release-maven', go: 'release-go' } as const;
const RELEASE_ENVIRONMENT = PUBLISH_ENVIRONMENTS.trusted;

/** Workflows a newer run makes pointless: a pull request's checks and title lint, for its newest commit only. */
const CANCEL_SUPERSEDED_RUNS = ['build', 'pull-request-lint', 'dependency-review'];

/** Where twine, zizmor, shellcheck and check-jsonschema come from: a venv made by tools/python/install.sh from their lock file. */
const RELEASE_TOOLS_VENV = '.venv-release';
const RELEASE_TOOLS_LOCK = 'tools/release/requirements.txt';

/** The issue forms (.github/ISSUE_TEMPLATE/config.yml is checked against its own schema). */
const ISSUE_FORMS = '.github/ISSUE_TEMPLATE/bug_report.yml .github/ISSUE_TEMPLATE/feature_request.yml';

/** actionlint, built from its pinned module version by `go run` (its go.sum, checked against the Go checksum database). */
const ACTIONLINT = 'github.com/rhysd/actionlint/cmd/actionlint@v1.7.12';

/** The YAML parser scripts/check-workflows.ts reads the workflows with. */
const YAML_PARSER = 'yaml@2.9.1';

/** Options of the project itself: versioning, publishing targets and the workflows projen generates. */
export const RELEASE_OPTIONS = {
  homepage: `${REPOSITORY}#readme`,
  bugsUrl: `${REPOSITORY}/issues`,

  // 0.x and experimental: the API may still change in a minor release. The first release is 0.1.0
  // (scripts/next-version.sh); majorVersion 0 makes a release fail rather than become 1.0.0, which
  // is to be cut on purpose, with `stability: 'stable'` and the jsii-diff `compat` check.
  stability: 'experimental',
  majorVersion: 0,
  nextVersionCommand: 'bash scripts/next-version.sh',
  releasableCommits: ReleasableCommits.ofType(RELEASABLE_TYPES),
  bumpPackage: BUMP_PACKAGE,
  jsiiReleaseVersion: PUBLIB_VERSION,
  releaseEnvironment: RELEASE_ENVIRONMENT,

  github: true,
  githubOptions: {
    mergify: false,
    workflowRunsOn: [TOOLCHAIN.runner],
    pullRequestLint: true,
    pullRequestLintOptions: { semanticTitleOptions: { types: COMMIT_TYPES } },
  },
  workflowNodeVersion: TOOLCHAIN.node,
  release: true,
  releaseToNpm: true,
  buildWorkflow: true,
  buildWorkflowOptions: {
    // A pull request's build never pushes to its branch: a file it changes fails the build, as in .ci/run.
    mutableBuild: false,
    permissions: { contents: github.workflows.JobPermission.READ },
    env: { CDK_DISABLE_VERSION_CHECK: '1' },
  },
  // Renovate moves every pin, the npm ones too (projenrc/upgrades.ts): projen's upgrade workflow would be a second way.
  depsUpgrade: false,
  pullRequestTemplateContents: [
    '<!-- The title is the squash commit\'s message: a conventional commit, e.g. "feat: ...", "fix(routes): ...". See CONTRIBUTING.md. -->',
    '',
    '## What and why',
    '',
    'Fixes #',
    '',
    '## Checklist',
    '',
    '- [ ] `.ci/run` passes on a clean clone (or the build workflow is green)',
    '- [ ] New or changed props have JSDoc with `@default`, and tests',
    '- [ ] The README says what a user sees change (and a breaking change says so: `feat!:` or a `BREAKING CHANGE:` footer)',
  ],
} satisfies Partial<awscdk.AwsCdkConstructLibraryOptions>;

/** The workflow jobs the build workflow runs beside projen's build and package jobs: together, what `.ci/run` runs. */
interface CheckJob {
  readonly name: string;
  readonly tools: github.workflows.Tools;
  /** Commands, one a line, after `npm ci`; the job then checks that they changed no committed file. */
  readonly run: string[];
  /** The whole history and its tags, for jobs that read them. */
  readonly fullHistory?: boolean;
}

const NODE = { node: { version: TOOLCHAIN.node } };
const PYTHON = { python: { version: TOOLCHAIN.python } };
const JAVA = { java: { version: TOOLCHAIN.java.version, distribution: TOOLCHAIN.java.distribution } };
const GO = { go: { version: TOOLCHAIN.go } };

const CHECK_JOBS: Record<string, CheckJob> = {
  'compatibility': {
    name: 'Tests on the newest and the oldest aws-cdk-lib, under cdk init\'s flags, and a new user\'s app',
    tools: { ...NODE },
    run: ['npx projen test:newest', 'npx projen test:flags', 'npx projen test:floor', 'npx projen consumer:newest'],
  },
  'validate': {
    name: 'Example synth, cfn-lint, checkov, cdk-nag 2 and 3',
    tools: { ...NODE, ...PYTHON },
    run: ['npx projen synth:example', 'npx projen validate'],
  },
  'languages': {
    name: 'Every language: Python, Java and Go apps on the built packages',
    tools: { ...NODE, ...PYTHON, ...JAVA, ...GO },
    run: ['npx projen test:languages', 'npx projen test:languages:floor'],
  },
  'workflows': {
    name: 'actionlint, zizmor and the parity check on every workflow; the issue forms against their schema',
    tools: { ...NODE, ...PYTHON, ...GO },
    run: [
      'npx projen workflows:actionlint',
      'npx projen workflows:zizmor',
      'npx projen workflows:parity',
      'npx projen github:templates',
      'npx projen upgrades:validate',
    ],
  },
  'release-rehearsal': {
    name: 'Release rehearsal: bump, changelog, all four packages, each checked against its registry',
    tools: { ...NODE, ...PYTHON, ...JAVA, ...GO },
    run: ['npx projen release:rehearse'],
    fullHistory: true,
  },
};

/** Jobs, by workflow, whose checkout must keep its credentials: none; every push goes through an action's own token. */
const CHECKOUTS_WITH_CREDENTIALS: Record<string, string[]> = {};

export function configureRelease(project: awscdk.AwsCdkConstructLibrary): void {
  const gh = project.github;
  const buildWorkflow = project.buildWorkflow;
  if (!gh || !buildWorkflow) {
    throw new Error('configureRelease needs the project\'s GitHub workflows and build workflow');
  }
  // scripts/check-workflows.ts reads the workflows with it.
  project.addDevDeps(YAML_PARSER);
  for (const [action, pinned] of Object.entries(ACTION_PINS)) {
    gh.actions.set(action, pinned);
  }
  addCheckJobs(buildWorkflow.workflow);
  configurePullRequestLint(gh);
  addWorkflowTasks(project);
  addRehearsal(project);
  // Community files are for the repository, not for the npm package (test/package-contents.test.ts).
  for (const file of ['/CONTRIBUTING.md', '/SECURITY.md', '/CODE_OF_CONDUCT.md']) {
    project.addPackageIgnore(file);
  }
  new WorkflowHardening(project, gh);
}

function addCheckJobs(workflow: github.GithubWorkflow): void {
  for (const [id, job] of Object.entries(CHECK_JOBS)) {
    workflow.addJob(id, {
      name: job.name,
      runsOn: [TOOLCHAIN.runner],
      permissions: { contents: github.workflows.JobPermission.READ },
      env: { CDK_DISABLE_VERSION_CHECK: '1' },
      timeoutMinutes: 45,
      tools: job.tools,
      steps: [
        github.WorkflowSteps.checkout({
          with: {
            ref: '${{ github.event.pull_request.head.sha }}',
            repository: '${{ github.event.pull_request.head.repo.full_name }}',
            ...(job.fullHistory ? { fetchDepth: 0 } : {}),
          },
        }),
        { name: 'Install dependencies', run: 'npm ci' },
        { name: job.name, run: job.run.join('\n') },
        { name: 'Nothing changed a committed file', run: 'scripts/check-clean-tree.sh' },
      ],
    });
  }
}

/**
 * The title lint runs on `pull_request`, not projen's `pull_request_target`: it only reads the
 * title, so it needs no write token and runs nothing of the pull request's with one.
 */
function configurePullRequestLint(gh: github.GitHub): void {
  const workflow = gh.tryFindWorkflow('pull-request-lint');
  if (!workflow) {
    throw new Error('configureRelease expects projen\'s pull-request-lint workflow');
  }
  workflow.file?.addOverride('on.pull_request', {
    types: ['labeled', 'opened', 'synchronize', 'reopened', 'ready_for_review', 'edited'],
  });
  workflow.file?.addDeletionOverride('on.pull_request_target');
  workflow.file?.addOverride('jobs.validate.permissions', { 'pull-requests': 'read' });
  workflow.file?.addOverride('jobs.validate.steps.0.env.GITHUB_TOKEN', '${{ github.token }}');
}

function addWorkflowTasks(project: awscdk.AwsCdkConstructLibrary): void {
  const tools = project.addTask('release:tools', {
    description: `Install twine, zizmor, shellcheck and check-jsonschema into ${RELEASE_TOOLS_VENV} from ${RELEASE_TOOLS_LOCK}, unless already there`,
    exec: `bash tools/python/install.sh ${RELEASE_TOOLS_VENV} ${RELEASE_TOOLS_LOCK}`,
  });
  const actionlint = project.addTask('workflows:actionlint', {
    description: 'actionlint every workflow, with shellcheck on every run: script (actionlint built from its pinned version)',
    steps: [
      { spawn: tools.name },
      { exec: `go run ${ACTIONLINT} -no-color -shellcheck=${RELEASE_TOOLS_VENV}/bin/shellcheck -pyflakes=` },
    ],
  });
  const zizmor = project.addTask('workflows:zizmor', {
    description: 'zizmor every workflow, offline; each ignored finding is justified in .github/zizmor.yml',
    steps: [
      { spawn: tools.name },
      { exec: `${RELEASE_TOOLS_VENV}/bin/zizmor --offline --no-progress --config .github/zizmor.yml .github/workflows` },
    ],
  });
  const parity = project.addTask('workflows:parity', {
    description: 'Check that the build workflow runs every check of .ci/run, and that no pull-request job reads a secret',
    exec: 'ts-node --transpile-only --project tsconfig.dev.json scripts/check-workflows.ts .ci/run .github/workflows',
  });
  const templates = project.addTask('github:templates', {
    description: 'Check the issue forms and their config against GitHub\'s schemas (vendored by check-jsonschema, offline)',
    steps: [
      { spawn: tools.name },
      { exec: `${RELEASE_TOOLS_VENV}/bin/check-jsonschema --builtin-schema vendor.github-issue-forms ${ISSUE_FORMS}` },
      { exec: `${RELEASE_TOOLS_VENV}/bin/check-jsonschema --builtin-schema vendor.github-issue-config .github/ISSUE_TEMPLATE/config.yml` },
    ],
  });
  project.addTask('workflows:check', {
    description: 'actionlint, zizmor and the parity check on the GitHub workflows, and the issue forms',
    steps: [{ spawn: actionlint.name }, { spawn: zizmor.name }, { spawn: parity.name }, { spawn: templates.name }],
  });
}

function addRehearsal(project: awscdk.AwsCdkConstructLibrary): void {
  project.addTask('release:rehearse', {
    description: 'In a clone of HEAD: bump, write the changelog, build the four packages as the release workflow does, and check each against its registry\'s rules, publishing nothing',
    steps: [
      { spawn: 'release:tools' },
      { exec: `bash scripts/release-rehearsal.sh ${RELEASE_TOOLS_VENV}` },
    ],
  });
}

/**
 * Applied to every job of every workflow once all jobs exist (the release jobs are added when
 * projen synthesizes): the exact toolchain, and checkouts that do not leave the job's token in
 * `.git/config` for later steps (and artifacts) to find.
 */
class WorkflowHardening extends Component {
  constructor(project: awscdk.AwsCdkConstructLibrary, private readonly gh: github.GitHub) {
    super(project);
  }

  public preSynthesize(): void {
    for (const workflow of this.gh.workflows) {
      // No job falls back to the repository's default token permissions: each job says what it
      // needs, and what a job without a block would get is only to read the code (projen drops an empty block).
      workflow.file?.addOverride('permissions', { contents: 'read' });
      if (CANCEL_SUPERSEDED_RUNS.includes(workflow.name)) {
        workflow.file?.addOverride('concurrency', {
          'group': '${{ github.workflow }}-${{ github.event.pull_request.number || github.ref }}',
          'cancel-in-progress': true,
        });
      } else if (!workflow.concurrency) {
        workflow.file?.addOverride('concurrency', { 'group': '${{ github.workflow }}', 'cancel-in-progress': false });
      }
      for (const [id, job] of Object.entries(workflow.jobs)) {
        if (!('steps' in job)) {
          continue;
        }
        const keepCredentials = (CHECKOUTS_WITH_CREDENTIALS[workflow.name] ?? []).includes(id);
        const steps = job.steps as unknown;
        const extra = (list: github.workflows.JobStep[]) => (workflow.name === 'release' && id === 'release_npm' ? withNpmVersionCheck(list) : list);
        const harden = (list: github.workflows.JobStep[]) => extra(keepCredentials ? list : list.map(withoutPersistedCredentials));
        workflow.updateJob(id, {
          ...job,
          tools: job.tools && exactTools(job.tools),
          steps: (typeof steps === 'function'
            ? () => harden((steps as () => github.workflows.JobStep[])())
            : harden(job.steps)) as github.workflows.JobStep[],
        });
      }
    }
  }
}

/**
 * npm trusted publishing needs npm 11.5.1 or newer (docs.npmjs.com, "Trusted publishing for npm
 * packages"), which projen does not ensure: the npm job fails before publishing if the Node it set up
 * bundles an older npm, rather than publib failing to authenticate. scripts/check-publish-jobs.ts checks it is there.
 */
export const NPM_VERSION_CHECK_STEP = 'npm 11.5.1 or newer, for trusted publishing';

function withNpmVersionCheck(steps: github.workflows.JobStep[]): github.workflows.JobStep[] {
  const setup = steps.findIndex(step => step.uses?.startsWith('actions/setup-node@'));
  const check: github.workflows.JobStep = {
    name: NPM_VERSION_CHECK_STEP,
    run: [
      'version=$(npm --version)',
      'IFS=. read -r major minor patch <<< "$version"',
      'if (( major < 11 || (major == 11 && (minor < 5 || (minor == 5 && patch < 1))) )); then',
      '  echo "npm $version cannot publish by trusted publishing: it needs 11.5.1 or newer" >&2',
      '  exit 1',
      'fi',
    ].join('\n'),
  };
  return [...steps.slice(0, setup + 1), check, ...steps.slice(setup + 1)];
}

function withoutPersistedCredentials(step: github.workflows.JobStep): github.workflows.JobStep {
  if (!step.uses?.startsWith('actions/checkout@')) {
    return step;
  }
  return { ...step, with: { ...step.with, 'persist-credentials': false } };
}

function exactTools(tools: github.workflows.Tools): github.workflows.Tools {
  return {
    ...tools,
    ...(tools.node ? NODE : {}),
    ...(tools.python ? PYTHON : {}),
    ...(tools.java ? JAVA : {}),
    ...(tools.go ? GO : {}),
  };
}
