// Counts, per stack, the findings of cdk-nag 3's AwsSolutions pack in a cloud assembly: cdk-nag 3 is
// a policy validation plugin, and aws-cdk-lib writes what plugins report to validation-report.json.
// Prints `<stack>: N errors, N warnings` for every stack of the assembly and each finding under it;
// fails when any stack has an error, or when synthesis failed (the second argument, its exit status).
// Usage: count-nag-findings.ts <cloud assembly directory> [<exit status of cdk synth>]
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { AWS_SOLUTIONS, readFindings } from './validation-report';

function main(assemblyDir: string | undefined, synthStatus = '0'): void {
  if (!assemblyDir) {
    throw new Error('usage: count-nag-findings.ts <cloud assembly directory> [<exit status of cdk synth>]');
  }
  const manifestPath = join(assemblyDir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`${manifestPath} does not exist: the app did not synthesize (cdk synth exited with ${synthStatus})`);
  }
  // Each stack by the path of its construct, under which cdk-nag reports its resources.
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const stacks = Object.entries<{ type: string; displayName?: string }>(manifest.artifacts ?? {})
    .filter(([, artifact]) => artifact.type === 'aws:cloudformation:stack')
    .map(([id, artifact]) => artifact.displayName ?? id);

  const findings = readFindings(assemblyDir);

  let errors = 0;
  for (const stack of stacks) {
    const ofStack = findings.filter(({ constructPath }) => constructPath === stack || constructPath.startsWith(`${stack}/`));
    const nag = ofStack.filter(({ plugin }) => plugin === AWS_SOLUTIONS);
    const count = (severity: string) => nag.filter(finding => finding.severity === severity).length;
    errors += count('error');
    console.log(`${stack}: ${count('error')} errors, ${count('warning')} warnings`);
    for (const { plugin, ruleName, severity, description, constructPath } of ofStack) {
      console.log(`  ${severity} ${ruleName}${plugin === AWS_SOLUTIONS ? '' : ` (${plugin})`}: ${description} at ${constructPath}`);
    }
  }

  if (errors > 0) {
    throw new Error(`cdk-nag AwsSolutions reports ${errors} errors`);
  }
  if (synthStatus !== '0') {
    throw new Error(`cdk synth failed (exit status ${synthStatus})`);
  }
}

main(process.argv[2], process.argv[3]);
