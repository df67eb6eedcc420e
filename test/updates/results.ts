import { App, Stack } from 'aws-cdk-lib';
import { Template as Assertions } from 'aws-cdk-lib/assertions';
import { CURRENTLY_RECOMMENDED_FLAGS } from 'aws-cdk-lib/cx-api';
import { ANNOTATIONS_IN_VALIDATION_REPORT } from '../context-keys';
import type { Backend, StackConfiguration, UpdateCase } from './catalog';
import { buildConfiguration, UPDATE_CASES } from './catalog';
import type { Template, UpdateReport } from './change-set';
import { computeUpdate } from './change-set';

/** The feature flags an app runs with: none (an app without a cdk.json context), or those `cdk init` writes. */
export const FLAG_SETS = ['no flags', "cdk init's flags"] as const;
export type FlagSet = typeof FLAG_SETS[number];

/** What one change of the catalog does, with each set of flags. */
export interface CaseResult {
  readonly update: UpdateCase;
  readonly reports: { readonly [flags in FlagSet]: UpdateReport };
}

const templates = new Map<StackConfiguration, Map<FlagSet, Template>>();

/** The template of a configuration in an app with `flags`, synthesized once. */
export function synthesizeConfiguration(configuration: StackConfiguration, flags: FlagSet): Template {
  const byFlags = templates.get(configuration) ?? new Map<FlagSet, Template>();
  templates.set(configuration, byFlags);
  let template = byFlags.get(flags);
  if (!template) {
    // The reporting flag is off in both: a template flag it is not, and it would print every warning's report.
    const context = flags === 'no flags' ? {} : CURRENTLY_RECOMMENDED_FLAGS;
    const app = new App({ context: { ...context, [ANNOTATIONS_IN_VALIDATION_REPORT]: false } });
    const stack = new Stack(app, 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
    buildConfiguration(stack, configuration);
    template = Assertions.fromStack(stack).toJSON() as Template;
    byFlags.set(flags, template);
  }
  return template;
}

/** Computes every change of the catalog with each set of flags. */
export function computeCatalog(cases: readonly UpdateCase[] = UPDATE_CASES): CaseResult[] {
  return cases.map(update => {
    const entries = FLAG_SETS.map(flags => [flags, computeUpdate(
      synthesizeConfiguration(update.before, flags), synthesizeConfiguration(update.after, flags))] as const);
    return { update, reports: Object.fromEntries(entries) as CaseResult['reports'] };
  });
}

/** The construct of each backend, as the table names it. */
const CONSTRUCT_OF: { readonly [backend in Backend]: string } = {
  'load balancer': '`PrivateEcsHttpApi`',
  'Cloud Map': '`PrivateEcsCloudMapHttpApi`',
  'REST API': '`PrivateEcsRestApi`',
};

const shortType = (type: string) => type.replace(/^AWS::/, '').replace('ElasticLoadBalancingV2', 'ELBv2');

/** What CloudFormation does, in a few words, from one report. */
export function describeReport(report: UpdateReport): string {
  const effects: string[] = [];
  const kept = new Set(report.keptReplaced.map(replaced => replaced.type));
  for (const type of kept) {
    effects.push(`replaces ${shortType(type)}`);
  }
  if (report.replaced.some(replaced => replaced.type === 'AWS::ECS::TaskDefinition')) {
    effects.push('new task definition revision: a rolling or shifting deployment');
  }
  if (report.newDeployment) {
    effects.push('a new REST API deployment, which the stage moves to');
  }
  if (report.shiftedRulesTouched.length > 0) {
    effects.push('rewrites or deletes the listener rule ECS shifts');
  }
  if (report.added.length > 0 || report.removed.length > 0) {
    effects.push(`creates ${report.added.length}, deletes ${report.removed.length} resources`);
  }
  if (effects.length === 0) {
    return 'updates in place';
  }
  return kept.size > 0 ? effects.join('; ') : `in place; ${effects.join('; ')}`;
}

/** The README's "Updating a deployed stack" table, rendered from the computed catalog. */
export function renderTable(results: readonly CaseResult[]): string {
  const rows = results.map(({ update, reports }) => {
    const [without, withFlags] = FLAG_SETS.map(flags => describeReport(reports[flags]));
    const does = without === withFlags ? without : `${FLAG_SETS[0]}: ${without}<br>${FLAG_SETS[1]}: ${withFlags}`;
    const notes = [...Object.values(update.forced ?? {}), ...(update.touchesShiftedRule ? [update.touchesShiftedRule] : [])];
    const up = update.clashes ? `**fails**: ${update.clashes}`
      : update.gap ? `a brief gap: ${update.gap}`
        : notes.length === 0 ? 'yes' : `**read first**: ${notes.join('; ')}`;
    const construct = update.before.backend === update.after.backend ? CONSTRUCT_OF[update.before.backend]
      : `${CONSTRUCT_OF[update.before.backend]} to ${CONSTRUCT_OF[update.after.backend]}`;
    return `| ${update.change} | ${construct} | ${does} | ${up} |`;
  });
  return [
    '| Change on a deployed stack | Construct | What CloudFormation does (by the rules of `cdk diff`) | Service stays up |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
