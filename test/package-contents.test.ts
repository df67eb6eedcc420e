import { execFileSync } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '..');

/**
 * What `npm publish` would ship, and so what every language package is built from: the compiled
 * library, its jsii assembly, the rosetta tablet of its examples, the docs and the rosetta fixture,
 * and none of the tooling around them (virtualenvs, consumer apps, snapshots, benchmarks).
 */
describe('the npm package', () => {
  let files: { path: string; size: number }[];
  beforeAll(() => {
    const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    files = JSON.parse(output)[0].files;
  });

  test('holds only the library, its assembly and tablet, docs and rosetta fixture', () => {
    const topLevel = [...new Set(files.map(file => file.path.split('/')[0]))].sort();
    // lib/ and .jsii exist once `npx projen compile` has run, .jsii.tabl.json once `rosetta:extract` has; the rest always.
    expect(topLevel).toEqual(expect.arrayContaining(['API.md', 'LICENSE', 'README.md', 'package.json', 'rosetta']));
    const shipped = ['.jsii', '.jsii.tabl.json', 'API.md', 'LICENSE', 'README.md', 'lib', 'package.json', 'rosetta'];
    expect(topLevel.filter(entry => !shipped.includes(entry))).toEqual([]);
  });

  // The release builds the Python, Java and Go packages from the npm package, and Construct Hub renders
  // it: both take our examples' translations from the tablet, which `npx projen build` makes before packing.
  test('ships the rosetta tablet whenever there is one', () => {
    expect(files.some(file => file.path === '.jsii.tabl.json')).toBe(existsSync(join(root, '.jsii.tabl.json')));
  });

  test('ships no TypeScript source or test', () => {
    expect(files.filter(file => file.path.endsWith('.ts') && !file.path.endsWith('.d.ts'))).toEqual([]);
  });
});
