import * as fs from 'fs';
import * as path from 'path';
import { UPDATE_CASES } from './catalog';
import { KEPT_RESOURCE_TYPES } from './change-set';
import type { CaseResult } from './results';
import { computeCatalog, FLAG_SETS, renderTable } from './results';
import { withOwnContext } from '../util';

// Each change runs with no flags and with cdk init's, set here: not the ones `test:flags` passes every app.
let results: CaseResult[];
beforeAll(() => {
  results = withOwnContext(() => computeCatalog());
});

const cases = UPDATE_CASES.map((update, index) => [`${update.change} (${update.before.backend})`, index] as const);

describe.each(cases)('a user changes a deployed stack: %s', (_, index) => {
  const result = () => results[index];

  test.each(FLAG_SETS)(`with %s, CloudFormation replaces none of ${KEPT_RESOURCE_TYPES.length} kept resource types but what AWS forces`, flags => {
    const { update, reports } = result();
    const unexpected = reports[flags].keptReplaced
      .filter(replaced => update.forced?.[replaced.type] === undefined)
      .map(replaced => `${replaced.type} ${replaced.logicalId} (${replaced.properties.join(', ')})`);
    expect(unexpected).toEqual([]);
  });

  test('each replacement AWS forces is one the change makes', () => {
    const { update, reports } = result();
    const replacedTypes = new Set(FLAG_SETS.flatMap(flags => reports[flags].keptReplaced.map(replaced => replaced.type)));
    expect(Object.keys(update.forced ?? {}).filter(type => !replacedTypes.has(type))).toEqual([]);
  });

  test.each(FLAG_SETS)('with %s, no listener rule takes a priority another rule still holds, unless the user\'s priorities make it', flags => {
    const { update, reports } = result();
    expectFoundExactlyWhenListed(reports[flags].priorityClashes, update.clashes);
  });

  test.each(FLAG_SETS)('with %s, the listener rules whose weights ECS shifts are left alone, unless the change is to them', flags => {
    const { update, reports } = result();
    expectFoundExactlyWhenListed(reports[flags].shiftedRulesTouched, update.touchesShiftedRule);
  });
});

/** What the change set found is empty, unless the catalog lists (with its reason) that the change makes it. */
function expectFoundExactlyWhenListed(found: readonly string[], listedReason?: string): void {
  if (listedReason) {
    expect(found).not.toEqual([]);
  } else {
    expect(found).toEqual([]);
  }
}

test('the README\'s "Updating a deployed stack" table is the computed catalog (npx projen updates:table)', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const table = readme.match(/<!-- updates:start -->\n([\s\S]*?)\n?<!-- updates:end -->/)?.[1];
  expect(table).toEqual(renderTable(results));
});
