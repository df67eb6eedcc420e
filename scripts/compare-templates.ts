/**
 * Usage: compare-templates STACK REFERENCE_DIR DIR...
 *
 * Fails unless the template of STACK in each DIR's cloud assembly equals the one in REFERENCE_DIR
 * (the TypeScript app), up to what `compareTemplates` ignores. Prints every difference it finds.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { compareTemplates } from './template-comparison';

/** More than this many differences per language are counted, not printed. */
const MAX_PRINTED = 20;

function main(args: string[]): number {
  const [stack, referenceDir, ...dirs] = args;
  if (!stack || !referenceDir || dirs.length === 0) {
    console.error('Usage: compare-templates STACK REFERENCE_DIR DIR...');
    return 2;
  }
  const reference = readTemplate(referenceDir, stack);
  let failed = 0;
  for (const dir of dirs) {
    const differences = compareTemplates(reference, readTemplate(dir, stack));
    if (differences.length === 0) {
      console.log(`same: ${dir} = ${referenceDir}`);
      continue;
    }
    failed++;
    console.log(`DIFFERENT: ${dir} has ${differences.length} difference(s) from ${referenceDir}:`);
    for (const { path, expected, actual } of differences.slice(0, MAX_PRINTED)) {
      console.log(`  ${path}\n    expected: ${JSON.stringify(expected)}\n    actual:   ${JSON.stringify(actual)}`);
    }
    if (differences.length > MAX_PRINTED) {
      console.log(`  ... and ${differences.length - MAX_PRINTED} more`);
    }
  }
  console.log(`templates: ${dirs.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

function readTemplate(dir: string, stack: string): unknown {
  const file = join(dir, `${stack}.template.json`);
  if (!existsSync(file)) {
    throw new Error(`No template at ${file}: did that app synthesize?`);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

process.exitCode = main(process.argv.slice(2));
