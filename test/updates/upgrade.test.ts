import * as fs from 'fs';
import * as path from 'path';
import { Template as Assertions } from 'aws-cdk-lib/assertions';
import type { Template } from './change-set';
import { computeUpdate } from './change-set';
import { CONFIGURATIONS } from '../integ/configurations';
import { addConfigurationStack, createTestApp, stackNameOf } from '../integ/stack';

/**
 * A user who deployed one of the committed integ snapshots' templates and upgrades the library: the
 * update from that template to today's synthesis, through the same change-set check as a user's own
 * changes. A refactor that renames a construct id, or moves a create-only property, fails here with
 * the resource it would replace, before a snapshot is regenerated over it.
 */
describe.each(CONFIGURATIONS.map(configuration => [configuration.name, configuration] as const))(
  'upgrading a deployed %s stack to this version of the library', (name, configuration) => {
    let report: ReturnType<typeof computeUpdate>;
    beforeAll(() => {
      const snapshot = path.join(__dirname, '..', `integ.${name}.ts.snapshot`, `${stackNameOf(configuration)}.template.json`);
      const deployed = JSON.parse(fs.readFileSync(snapshot, 'utf8')) as Template;
      const { stack } = addConfigurationStack(createTestApp(), configuration);
      report = computeUpdate(deployed, Assertions.fromStack(stack).toJSON() as Template);
    });

    test('replaces none of the kept resources (ECS services, API, VPC link, load balancer, VPC, ...)', () => {
      expect(report.keptReplaced.map(replaced => `${replaced.type} ${replaced.logicalId} (${replaced.properties.join(', ')})`)).toEqual([]);
    });

    test('moves no listener rule onto a priority another rule still holds', () => {
      expect(report.priorityClashes).toEqual([]);
    });

    test('leaves the listener rules ECS shifts alone', () => {
      expect(report.shiftedRulesTouched).toEqual([]);
    });
  });
