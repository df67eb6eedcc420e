// `npx projen test:newest` runs this before each test file: it fails the run unless aws-cdk-lib,
// constructs and cdk-nag are the ones pinned in test/newest/package.json, each loaded once.
// It lives outside test/newest, where Node would find that folder's packages without jest's mapping.
import { readFileSync } from 'fs';
import { dirname, join, relative } from 'path';
import { App } from 'aws-cdk-lib';
import { Node } from 'constructs';

const NEWEST_DIR = join(__dirname, 'newest');
const pinned: Record<string, string> = JSON.parse(readFileSync(join(NEWEST_DIR, 'package.json'), 'utf8')).dependencies;
for (const [name, version] of Object.entries(pinned)) {
  const manifest = require.resolve(`${name}/package.json`);
  const loaded = JSON.parse(readFileSync(manifest, 'utf8')).version;
  if (dirname(manifest) !== join(NEWEST_DIR, 'node_modules', name) || loaded !== version) {
    throw new Error(`test:newest needs ${name} ${version} from test/newest/node_modules, but loads ${loaded} from ${relative(process.cwd(), manifest)}`);
  }
}

// aws-cdk-lib's own `constructs` must be the one the tests use, or instanceof and tokens break.
if (!(new App().node instanceof Node)) {
  throw new Error('test:newest loads two copies of constructs: aws-cdk-lib does not use the one the tests import');
}
