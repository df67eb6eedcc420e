import * as path from 'path';
import { CONFIGURATIONS } from './configurations';
import { addConfigurationStack, createTestApp } from './stack';

/**
 * Writes the CloudFormation template of every configuration to the directory given as the
 * only argument, `<stack name>.template.json` each, for the validators that read templates
 * (cfn-lint, checkov).
 */
function main(outdir: string | undefined): void {
  if (!outdir) {
    throw new Error('usage: synth-templates.ts <output directory>');
  }
  const app = createTestApp({ outdir: path.resolve(outdir) });
  for (const configuration of CONFIGURATIONS) {
    addConfigurationStack(app, configuration);
  }
  const assembly = app.synth();
  for (const stack of assembly.stacks) {
    console.log(path.relative(process.cwd(), path.join(assembly.directory, stack.templateFile)));
  }
}

main(process.argv[2]);
