/**
 * Usage: check-translated-names
 *
 * Renders our README and API reference in Python, Java and Go with jsii-docgen, as Construct Hub does,
 * from the assembly and the rosetta tablet of the last `npx projen rosetta:extract`, and fails on any
 * keyword argument, builder setter or struct field of an example that the package does not have
 * (translated-names.ts says which are checked).
 */
import { existsSync, readFileSync } from 'fs';
import { Documentation, Language } from 'jsii-docgen';
import { Assembly, checkTranslatedNames, TargetLanguage } from './translated-names';

const LANGUAGES: { [language in TargetLanguage]: Language } = {
  python: Language.PYTHON,
  java: Language.JAVA,
  go: Language.GO,
};

async function main(): Promise<number> {
  // Without a tablet, docgen would translate the examples afresh: not what the package ships.
  if (!existsSync('.jsii.tabl.json')) {
    console.error('.jsii.tabl.json not found: run `npx projen compile` and `npx projen rosetta:extract` first');
    return 1;
  }
  const assembly: Assembly = JSON.parse(readFileSync('.jsii', 'utf8'));
  const docs = await Documentation.forProject(process.cwd());
  let failed = 0;
  for (const [language, docgenLanguage] of Object.entries(LANGUAGES) as [TargetLanguage, Language][]) {
    const markdown = (await docs.toMarkdown({ language: docgenLanguage, readme: true })).render();
    const { checked, problems } = checkTranslatedNames(markdown, language, assembly);
    for (const example of new Set(problems.map(problem => problem.example))) {
      for (const { message } of problems.filter(problem => problem.example === example)) {
        console.log(`${language}: ${message}`);
      }
      console.log(`  in the example:\n${example.trimEnd().replace(/^/gm, '    | ')}`);
    }
    console.log(`${language}: ${checked} names checked, ${problems.length} wrong`);
    failed += problems.length;
  }
  return failed === 0 ? 0 : 1;
}

main().then(code => { process.exitCode = code; }, error => {
  console.error(error);
  process.exitCode = 1;
});
