// Reads what policy validation plugins (cdk-nag 3 among them) reported in a cloud assembly.
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

/** The name under which cdk-nag's AwsSolutions pack reports. */
export const AWS_SOLUTIONS = 'AwsSolutions';

/** One finding of a plugin, as `cdk synth` reports it: its rule, severity and resource. */
export interface Finding {
  readonly plugin: string;
  readonly ruleName: string;
  readonly severity: string;
  readonly description: string;
  readonly constructPath: string;
}

/** The parts of aws-cdk-lib's `validation-report.json` read here. */
interface ValidationReport {
  readonly pluginReports: readonly {
    readonly pluginName: string;
    readonly violations: readonly {
      readonly ruleName: string;
      readonly severity: string;
      readonly description: string;
      readonly violatingConstructs: readonly { readonly constructPath: string }[];
    }[];
  }[];
}

/** The path of the report in a cloud assembly: aws-cdk-lib writes it only when a plugin reported something. */
export function validationReportPath(assemblyDir: string): string {
  return join(assemblyDir, 'validation-report.json');
}

/** Every finding of every plugin in the cloud assembly's report, one per resource; none without a report. */
export function readFindings(assemblyDir: string): Finding[] {
  const reportPath = validationReportPath(assemblyDir);
  if (!existsSync(reportPath)) {
    return [];
  }
  const report: ValidationReport = JSON.parse(readFileSync(reportPath, 'utf8'));
  return report.pluginReports.flatMap(({ pluginName, violations }) =>
    violations.flatMap(({ ruleName, severity, description, violatingConstructs }) =>
      violatingConstructs.map(({ constructPath }) => ({ plugin: pluginName, ruleName, severity, description, constructPath }))));
}
