import { execFileSync } from 'child_process';
import { join } from 'path';

/**
 * What `npm publish` would ship, and so what every language package is built from: the compiled
 * library, its jsii assembly, the docs and the rosetta fixture, and none of the tooling around
 * them (virtualenvs, consumer apps, snapshots, benchmarks).
 */
describe('the npm package', () => {
  let files: { path: string; size: number }[];
  beforeAll(() => {
    const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: join(__dirname, '..'), encoding: 'utf8' });
    files = JSON.parse(output)[0].files;
  });

  test('holds only the library, its assembly, docs and rosetta fixture', () => {
    const topLevel = [...new Set(files.map(file => file.path.split('/')[0]))].sort();
    // lib/ and .jsii exist once `npx projen compile` has run; the rest always.
    expect(topLevel).toEqual(expect.arrayContaining(['API.md', 'LICENSE', 'README.md', 'package.json', 'rosetta']));
    expect(topLevel.filter(entry => !['.jsii', 'API.md', 'LICENSE', 'README.md', 'lib', 'package.json', 'rosetta'].includes(entry)))
      .toEqual([]);
  });

  test('ships no TypeScript source or test', () => {
    expect(files.filter(file => file.path.endsWith('.ts') && !file.path.endsWith('.d.ts'))).toEqual([]);
  });
});
