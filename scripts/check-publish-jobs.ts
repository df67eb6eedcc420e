/**
 * Usage: check-publish-jobs RELEASE_WORKFLOW
 *
 * The release rehearsal's check of how the release workflow's publish jobs authenticate, which no
 * offline run can exercise:
 * - npm and PyPI publish with trusted publishing: the job may ask for an OIDC token (`id-token: write`),
 *   tells publib to use it, and has no registry token or password in its environment or anywhere else;
 *   npm adds a provenance statement, PyPI PEP 740 attestations (not disabled);
 * - the environment those two run in holds no secret at all: no job that enters it refers to one
 *   (the GitHub token of the job aside), and every job that does need one (Maven Central, the Go
 *   repository) runs in an environment of its own, which no other job enters;
 * - npm trusted publishing needs Node 22.14 or newer and npm 11.5.1 or newer: the npm job sets up such
 *   a Node, and checks its npm's version before publishing (projenrc/release.ts, withNpmVersionCheck).
 */
import { readFileSync } from 'fs';
import { parse } from 'yaml';
import { NPM_VERSION_CHECK_STEP, PUBLISH_ENVIRONMENTS } from '../projenrc/release';

interface Step {
  readonly uses?: string;
  readonly name?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, unknown>;
}

interface Workflow {
  readonly env?: Record<string, unknown>;
  readonly jobs: Record<string, Job>;
}

interface Job {
  readonly environment?: string;
  readonly permissions?: Record<string, string>;
  readonly env?: Record<string, unknown>;
  readonly steps?: Step[];
}

/** The environment of the trusted publishers (projenrc/release.ts, PUBLISH_ENVIRONMENTS.trusted). */
const TRUSTED_ENVIRONMENT: string = PUBLISH_ENVIRONMENTS.trusted;

/** The one secret a job of the trusted environment may name: the job's own, short-lived, GitHub token. */
const JOB_TOKEN = 'secrets.GITHUB_TOKEN';

interface TrustedPublisher {
  readonly job: string;
  /** What publib reads to publish with the job's OIDC token. */
  readonly trusted: Record<string, string>;
  /** What would publish with a stored token or password instead, or turn attestations off. */
  readonly forbidden: string[];
}

const TRUSTED_PUBLISHERS: TrustedPublisher[] = [
  {
    job: 'release_npm',
    trusted: { NPM_TRUSTED_PUBLISHER: 'true', NPM_CONFIG_PROVENANCE: 'true' },
    forbidden: ['NPM_TOKEN', 'NODE_AUTH_TOKEN'],
  },
  {
    job: 'release_pypi',
    trusted: { PYPI_TRUSTED_PUBLISHER: 'true' },
    forbidden: ['TWINE_USERNAME', 'TWINE_PASSWORD', 'PYPI_DISABLE_ATTESTATIONS'],
  },
];

/** npm's floor for trusted publishing (docs.npmjs.com, "Trusted publishing for npm packages"). */
const NPM_TRUSTED_PUBLISHING_NODE = [22, 14, 0];

function main(args: string[]): number {
  const [file] = args;
  if (!file) {
    console.error('Usage: check-publish-jobs RELEASE_WORKFLOW');
    return 2;
  }
  const workflow = parse(readFileSync(file, 'utf8')) as Workflow;
  const jobs = workflow.jobs;
  const problems: string[] = [];
  const ok = (message: string) => console.log(`ok: ${message}`);

  for (const publisher of TRUSTED_PUBLISHERS) {
    const job = jobs[publisher.job];
    if (!job) {
      problems.push(`${file} has no job ${publisher.job}`);
      continue;
    }
    const env = { ...workflow.env, ...environmentOf(job) };
    const before = problems.length;
    if (job.permissions?.['id-token'] !== 'write') {
      problems.push(`${publisher.job} cannot ask for an OIDC token: its permissions lack id-token: write`);
    }
    for (const [name, value] of Object.entries(publisher.trusted)) {
      if (env[name] !== value) {
        problems.push(`${publisher.job} does not set ${name}: "${value}" (it has ${JSON.stringify(env[name])})`);
      }
    }
    for (const name of publisher.forbidden.filter(forbidden => forbidden in env)) {
      problems.push(`${publisher.job} sets ${name}: trusted publishing takes no stored token, and keeps attestations`);
    }
    if (job.environment !== TRUSTED_ENVIRONMENT) {
      problems.push(`${publisher.job} runs in environment ${job.environment}, not ${TRUSTED_ENVIRONMENT}, which the registry's trusted publisher names`);
    }
    if (problems.length === before) ok(`${publisher.job}: id-token: write, ${Object.keys(publisher.trusted).join(', ')}; no ${publisher.forbidden.join(', ')}`);
  }

  const npmNode = jobs.release_npm?.steps?.find(step => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version'];
  if (!isAtLeast(String(npmNode), NPM_TRUSTED_PUBLISHING_NODE)) {
    problems.push(`release_npm sets up Node ${npmNode}; npm trusted publishing needs ${NPM_TRUSTED_PUBLISHING_NODE.join('.')} or newer`);
  } else {
    ok(`release_npm sets up Node ${npmNode}`);
  }
  if (!jobs.release_npm?.steps?.some(step => step.name === NPM_VERSION_CHECK_STEP)) {
    problems.push(`release_npm has no step '${NPM_VERSION_CHECK_STEP}' before it publishes`);
  } else {
    ok(`release_npm checks its npm version: ${NPM_VERSION_CHECK_STEP}`);
  }
  if (JSON.stringify(workflow.env ?? {}).includes('secrets.')) {
    problems.push(`${file} passes a secret to every job in its env`);
  }

  const environmentsWithSecrets = new Map<string, string[]>();
  for (const [name, job] of Object.entries(jobs)) {
    const secrets = [...new Set(JSON.stringify(job).match(/secrets\.[A-Za-z0-9_]+/g) ?? [])].filter(secret => secret !== JOB_TOKEN);
    if (secrets.length === 0) continue;
    if (!job.environment || job.environment === TRUSTED_ENVIRONMENT) {
      problems.push(`${name} refers to ${secrets.join(', ')} in environment ${job.environment ?? '(none)'}: a job with a secret needs an environment of its own`);
      continue;
    }
    environmentsWithSecrets.set(job.environment, [...environmentsWithSecrets.get(job.environment) ?? [], name]);
    ok(`${name} uses ${secrets.join(', ')}, in environment ${job.environment}`);
  }
  for (const [environment, names] of environmentsWithSecrets) {
    const entering = Object.entries(jobs).filter(([, job]) => job.environment === environment).map(([name]) => name);
    if (entering.length > 1) {
      problems.push(`environment ${environment} holds the secrets of ${names.join(', ')}, and ${entering.join(', ')} enter it: one job an environment`);
    }
  }

  for (const problem of problems) {
    console.log(`FAIL: ${problem}`);
  }
  console.log(`publish jobs: ${problems.length} problem(s)`);
  return problems.length === 0 ? 0 : 1;
}

/** Every env of a job and its steps: where publib reads its settings. */
function environmentOf(job: Job): Record<string, unknown> {
  return Object.assign({}, job.env, ...(job.steps ?? []).map(step => step.env ?? {}));
}

function isAtLeast(version: string, floor: number[]): boolean {
  const parts = version.split('.').map(Number);
  for (let i = 0; i < floor.length; i++) {
    const part = parts[i] ?? 0;
    if (Number.isNaN(part)) return false;
    if (part !== floor[i]) return part > floor[i];
  }
  return true;
}

process.exitCode = main(process.argv.slice(2));
