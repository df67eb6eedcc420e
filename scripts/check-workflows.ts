/**
 * Usage: check-workflows CI_SCRIPT WORKFLOWS_DIR
 *
 * What actionlint and zizmor cannot know about our workflows:
 * - the build workflow runs every check of CI_SCRIPT (`.ci/run`): each `npx projen TASK` of its
 *   `phase` lines is run by a step of build.yml, or spawned by a task one of them runs, and so is
 *   each script it runs;
 * - no workflow that a pull request starts refers to a secret (a pull request's code runs there);
 * - every job that sets up Node.js sets up the one tools/node installs for `.ci/run`.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { NODE_INSTALLER, NODE_VERSION } from '../projenrc/toolchain';

const BUILD_WORKFLOW = 'build.yml';
const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];

/**
 * Phases of CI_SCRIPT that check the run of CI_SCRIPT itself, with the reason no workflow step needs them.
 */
const CI_SCRIPT_ONLY: Record<string, string> = {
  'scripts/check-ci-log.sh "$log"': 'reads the log of .ci/run; each workflow job sets up the Node checked by checkNodeVersions',
};


interface Workflow {
  readonly on: Record<string, unknown>;
  readonly jobs: Record<string, {
    readonly steps?: { readonly run?: string; readonly uses?: string; readonly with?: Record<string, unknown> }[];
  }>;
}

interface TaskSteps {
  readonly steps?: { readonly spawn?: string }[];
}

function main(args: string[]): number {
  const [ciScript, workflowsDir] = args;
  if (!ciScript || !workflowsDir) {
    console.error('Usage: check-workflows CI_SCRIPT WORKFLOWS_DIR');
    return 2;
  }
  const problems = [
    ...checkParity(ciScript, join(workflowsDir, BUILD_WORKFLOW)),
    ...checkNoSecretsOnPullRequests(workflowsDir),
    ...checkNodeVersions(workflowsDir),
  ];
  for (const problem of problems) {
    console.log(`FAIL: ${problem}`);
  }
  console.log(`workflows: ${problems.length} problem(s)`);
  return problems.length === 0 ? 0 : 1;
}

/** Each command of a `phase NAME COMMAND...` line of the CI script must be run by the build workflow. */
function checkParity(ciScript: string, buildWorkflowFile: string): string[] {
  const workflow = parse(readFileSync(buildWorkflowFile, 'utf8')) as Workflow;
  const runLines = Object.values(workflow.jobs)
    .flatMap(job => job.steps ?? [])
    .flatMap(step => (step.run ?? '').split('\n').map(line => line.trim()));
  const tasks = (JSON.parse(readFileSync('.projen/tasks.json', 'utf8')) as { tasks: Record<string, TaskSteps> }).tasks;
  const reachable = new Set<string>();
  const visit = (name: string) => {
    if (reachable.has(name)) return;
    reachable.add(name);
    for (const step of tasks[name]?.steps ?? []) {
      if (step.spawn) visit(step.spawn);
    }
  };
  for (const line of runLines) {
    const task = projenTask(line);
    if (task) visit(task);
  }

  const problems: string[] = [];
  for (const command of phaseCommands(readFileSync(ciScript, 'utf8'))) {
    const task = projenTask(command);
    if (command in CI_SCRIPT_ONLY) {
      console.log(`ok: ${command} (only in ${ciScript}: ${CI_SCRIPT_ONLY[command]})`);
    } else if (task) {
      if (!reachable.has(task)) {
        problems.push(`${ciScript} runs '${command}', which no job of ${buildWorkflowFile} runs (nor any task they run)`);
      } else {
        console.log(`ok: ${command}`);
      }
    } else if (runLines.includes(command)) {
      console.log(`ok: ${command}`);
    } else {
      problems.push(`${ciScript} runs '${command}', which no step of ${buildWorkflowFile} runs`);
    }
  }
  return problems;
}

/** `npx projen` alone synthesizes: that is the `default` task. */
function projenTask(command: string): string | undefined {
  const match = /^npx projen(?: ([\w:-]+))?$/.exec(command);
  return match ? (match[1] ?? 'default') : undefined;
}

/** The commands of `phase NAME COMMAND...` lines, where NAME is a word or a quoted string. */
function phaseCommands(script: string): string[] {
  const commands: string[] = [];
  for (const line of script.split('\n')) {
    const match = /^phase (?:'[^']*'|"[^"]*"|\S+) (.+)$/.exec(line.trim());
    if (match) commands.push(match[1].trim());
  }
  if (commands.length === 0) {
    throw new Error('No phase lines found: has the CI script changed its form?');
  }
  return commands;
}

function workflowFiles(workflowsDir: string): string[] {
  return readdirSync(workflowsDir).filter(name => /\.ya?ml$/.test(name));
}

function checkNodeVersions(workflowsDir: string): string[] {
  // The Node that tools/node/use.sh installs for .ci/run, and so the one every workflow job must set up.
  const wanted = NODE_VERSION;
  const problems: string[] = [];
  let setups = 0;
  for (const file of workflowFiles(workflowsDir)) {
    const workflow = parse(readFileSync(join(workflowsDir, file), 'utf8')) as Workflow;
    for (const [id, job] of Object.entries(workflow.jobs)) {
      for (const step of (job.steps ?? []).filter(s => s.uses?.startsWith('actions/setup-node@'))) {
        setups++;
        const version = String(step.with?.['node-version']);
        if (version !== wanted) {
          problems.push(`${file} job ${id} sets up Node ${version}; .ci/run runs on ${wanted} (${NODE_INSTALLER})`);
        }
      }
    }
  }
  if (problems.length === 0) {
    console.log(`ok: all ${setups} Node.js setups of the workflows are ${wanted}, as in ${NODE_INSTALLER}`);
  }
  return problems;
}

function checkNoSecretsOnPullRequests(workflowsDir: string): string[] {
  const problems: string[] = [];
  for (const file of workflowFiles(workflowsDir)) {
    const text = readFileSync(join(workflowsDir, file), 'utf8');
    const workflow = parse(text) as Workflow;
    const triggers = Object.keys(workflow.on ?? {});
    if (!triggers.some(trigger => PULL_REQUEST_EVENTS.includes(trigger))) continue;
    const secrets = [...new Set(text.match(/secrets\.[A-Za-z0-9_]+/g) ?? [])];
    if (secrets.length > 0) {
      problems.push(`${file} runs for pull requests and refers to ${secrets.join(', ')}`);
    } else {
      console.log(`ok: ${file} runs for pull requests (${triggers.join(', ')}) and refers to no secret`);
    }
  }
  return problems;
}

process.exitCode = main(process.argv.slice(2));
