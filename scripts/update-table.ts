// Prints the README's "Updating a deployed stack" table, computed from the update catalog
// (test/updates/catalog.ts) with the change rules of `cdk diff`; `--write` puts it into README.md.
import * as fs from 'fs';
import * as path from 'path';
import { computeCatalog, renderTable } from '../test/updates/results';

const table = renderTable(computeCatalog());
if (process.argv.includes('--write')) {
  const readmePath = path.join(__dirname, '..', 'README.md');
  const readme = fs.readFileSync(readmePath, 'utf8');
  const marked = /<!-- updates:start -->\n[\s\S]*?<!-- updates:end -->/;
  if (!marked.test(readme)) {
    throw new Error('README.md has no <!-- updates:start --> ... <!-- updates:end --> section');
  }
  fs.writeFileSync(readmePath, readme.replace(marked, `<!-- updates:start -->\n${table}\n<!-- updates:end -->`));
} else {
  console.log(table);
}
