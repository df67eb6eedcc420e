// The benchmark: synth overhead against hand-written L2 constructs, and per configuration the
// resource count, template size, Lambda-backed custom resources and estimated idle monthly cost.
// Run with `npx projen bench`; writes bench/RESULTS.md and bench/results.json.
import { writeFileSync } from 'fs';
import { join } from 'path';
import { App } from 'aws-cdk-lib';
import type { BenchConfiguration } from './configurations';
import { COST_PRESETS, HAND_WRITTEN_DEFAULT, OUR_DEFAULT, OUR_HARDENED, REST_CONFIGURATIONS, TUTORIAL_EQUIVALENT } from './configurations';
import { estimateIdleMonthlyCost, totalMonthlyUsd } from './cost';
import { NOT_ESTIMATED, PRICES } from './prices';
import { compareSynthTimes } from './synth-time';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 50);
const WARMUP = 3;

interface Row {
  readonly name: string;
  readonly description: string;
  readonly resources: number;
  readonly templateKiB: number;
  readonly lambdaCustomResources: number;
  readonly monthlyUsd: number;
  readonly shareOfTutorial: number;
}

function measure(configuration: BenchConfiguration, tutorialUsd: number): Row {
  const app = new App();
  const stack = configuration.build(app);
  const template = app.synth().getStackByName(stack.stackName).template;
  const resources = Object.values(template.Resources) as { Type: string }[];
  const monthlyUsd = totalMonthlyUsd(estimateIdleMonthlyCost(template));
  return {
    name: configuration.name,
    description: configuration.description,
    resources: resources.length,
    templateKiB: Buffer.byteLength(JSON.stringify(template)) / 1024,
    lambdaCustomResources: resources.filter(r => r.Type.startsWith('Custom::') || r.Type === 'AWS::CloudFormation::CustomResource').length,
    monthlyUsd,
    shareOfTutorial: monthlyUsd / tutorialUsd,
  };
}

function main(): void {
  const tutorialTemplate = (() => {
    const app = new App();
    const stack = TUTORIAL_EQUIVALENT.build(app);
    return app.synth().getStackByName(stack.stackName).template;
  })();
  const tutorialUsd = totalMonthlyUsd(estimateIdleMonthlyCost(tutorialTemplate));
  const rows = [TUTORIAL_EQUIVALENT, OUR_DEFAULT, HAND_WRITTEN_DEFAULT, OUR_HARDENED, ...COST_PRESETS, ...REST_CONFIGURATIONS]
    .map(c => measure(c, tutorialUsd));
  const synth = compareSynthTimes(OUR_DEFAULT, HAND_WRITTEN_DEFAULT, ITERATIONS, WARMUP);

  const lines = [
    '# Benchmark results',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${process.platform}/${process.arch}, Node ${process.version}; `
      + `prices: ${PRICES.region}, ${PRICES.asOf} (bench/prices.ts).`,
    '',
    '## Synth overhead',
    '',
    `CPU time to build and synthesize, median of ${ITERATIONS} runs each after ${WARMUP} warm-ups, alternating, in one process:`,
    '',
    '| stack | median CPU ms |',
    '|---|---:|',
    `| PrivateEcsHttpApi, defaults | ${synth.medianA.toFixed(0)} |`,
    `| the same architecture hand-written from L2 constructs | ${synth.medianB.toFixed(0)} |`,
    `| **median of the pairs' ratios** (target: at most 1.05) | **${synth.ratio.toFixed(3)}** |`,
    '',
    '## Configurations',
    '',
    `Idle cost: what is billed by the hour with no traffic, ${PRICES.hoursPerMonth} hours a month. Not included: ${NOT_ESTIMATED}.`,
    '',
    '| configuration | props | resources | template KiB | Lambda-backed custom resources | idle USD/month | of tutorial |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows.map(r => `| ${r.name} | ${r.description} | ${r.resources} | ${r.templateKiB.toFixed(1)} | ${r.lambdaCustomResources} `
      + `| ${r.monthlyUsd.toFixed(2)} | ${(100 * r.shareOfTutorial).toFixed(0)}% |`),
    '',
  ];
  const markdown = lines.join('\n');
  console.log(markdown);
  writeFileSync(join(__dirname, 'RESULTS.md'), markdown);
  writeFileSync(join(__dirname, 'results.json'), JSON.stringify({ synth, rows, prices: PRICES }, null, 2) + '\n');
}

main();
