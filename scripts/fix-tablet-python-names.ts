/**
 * Usage: fix-tablet-python-names [TABLET]
 *
 * Puts jsii-pacmak's Python names into the Python translations of the rosetta tablet that
 * `jsii-rosetta extract` wrote (default `.jsii.tabl.json`), where rosetta snake-cased a name its own way:
 * `memoryLimitMiB` comes out `memory_limit_mi_b`, which the package does not have (translated-names.ts).
 * The tablet ships in the npm package, so pacmak's Python docstrings and Construct Hub's README read
 * these translations; rosetta keeps them, since their TypeScript and its types are unchanged.
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { fixPythonNames } from './translated-names';

interface Tablet {
  snippets: {
    [key: string]: {
      translations: { [language: string]: { source: string } };
      location: { api: object; field?: { line?: number } };
    };
  };
}

function main(tabletFile = '.jsii.tabl.json'): number {
  if (!existsSync(tabletFile)) {
    console.error(`${tabletFile} not found: run \`npx projen compile\` and \`jsii-rosetta extract --strict\` first`);
    return 1;
  }
  const tablet: Tablet = JSON.parse(readFileSync(tabletFile, 'utf8'));
  let fixed = 0;
  for (const { translations, location } of Object.values(tablet.snippets)) {
    // The tablet keeps the TypeScript source under `$`.
    const { python, $: typescript } = translations;
    if (!python || !typescript) {
      continue;
    }
    const source = fixPythonNames(python.source, typescript.source);
    if (source !== python.source) {
      python.source = source;
      fixed++;
      console.log(`Python names fixed in the example at ${JSON.stringify(location.api)}, line ${location.field?.line ?? '?'}`);
    }
  }
  writeFileSync(tabletFile, JSON.stringify(tablet));
  console.log(`${tabletFile}: Python names fixed in ${fixed} of ${Object.keys(tablet.snippets).length} examples`);
  return 0;
}

process.exitCode = main(process.argv[2]);
