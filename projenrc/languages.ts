import { awscdk } from 'projen';

/** Markdown that will be folded into README.md: its examples are compiled like the README's until then. */
const DOCS_WITH_EXAMPLES = ['docs/LANGUAGES.md'];

/**
 * Builds the Python, Java and Go packages, uses each from a small app of that language, and checks
 * that every language synthesizes the same template as TypeScript (issue 3: every language for real).
 */
export function configureLanguages(project: awscdk.AwsCdkConstructLibrary): void {
  configurePackaging(project);
  configureRosetta(project);
}

function configurePackaging(project: awscdk.AwsCdkConstructLibrary): void {
  // jsii-pacmak asks pip for ranges of build tools; this pins them. pip runs them in a scratch folder,
  // so the path must be absolute (projen runs a value of the form $(...) in a shell).
  project.tasks.tryFind('package:python')?.env('PIP_CONSTRAINT', '$(realpath build-tools/pacmak-python-constraints.txt)');

  // pacmak's go.mod names module versions the Go proxy does not have; the script says which and why.
  project.tasks.tryFind('package:go')?.reset('bash scripts/package-go.sh');

  // Nothing of this is for npm users; `rosetta/` stays in, for Construct Hub to translate our examples.
  for (const pattern of ['/scripts/', '/build-tools/', '/docs/', '/.jsii.tabl.json']) {
    project.addPackageIgnore(pattern);
  }
}

function configureRosetta(project: awscdk.AwsCdkConstructLibrary): void {
  // A tablet holds translations for one assembly; pacmak would use a stale one, so every compile drops it.
  project.compileTask.prependExec('rm -f .jsii.tabl.json');

  project.addTask('rosetta:extract', {
    description: 'Compile every TypeScript example (README, @example tags, docs/) with jsii-rosetta --strict; run after compile',
    steps: [
      { exec: 'jsii-rosetta extract --strict' },
      { exec: `bash scripts/rosetta-extract-markdown.sh ${DOCS_WITH_EXAMPLES.join(' ')}` },
    ],
  });
  project.gitignore.exclude('/.jsii.tabl.json');
}
