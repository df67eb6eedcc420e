// `npx projen test:newest` and `test:floor` run this before each test file: it fails the run unless
// every package pinned in the set's package.json (test/newest, test/floor) is the one loaded, once.
// The set's jest configuration names its folder in the global DEPENDENCY_SET. This file lives outside
// those folders, where Node would find their packages without jest's mapping.
import { readFileSync } from 'fs';
import { dirname, join, relative } from 'path';
import { App } from 'aws-cdk-lib';
import { Node } from 'constructs';

declare const DEPENDENCY_SET: string;
const SET_DIR = join(__dirname, '..', DEPENDENCY_SET);
const pinned: Record<string, string> = JSON.parse(readFileSync(join(SET_DIR, 'package.json'), 'utf8')).dependencies;
for (const [name, version] of Object.entries(pinned)) {
  const manifest = require.resolve(`${name}/package.json`);
  const loaded = JSON.parse(readFileSync(manifest, 'utf8')).version;
  if (dirname(manifest) !== join(SET_DIR, 'node_modules', name) || loaded !== version) {
    throw new Error(`the dependency set ${DEPENDENCY_SET} needs ${name} ${version} from ${DEPENDENCY_SET}/node_modules, but loads ${loaded} from ${relative(process.cwd(), manifest)}`);
  }
}

// aws-cdk-lib's own `constructs` must be the one the tests use, or instanceof and tokens break.
if (!(new App().node instanceof Node)) {
  throw new Error('the dependency set loads two copies of constructs: aws-cdk-lib does not use the one the tests import');
}
