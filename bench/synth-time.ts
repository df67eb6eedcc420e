import { App } from 'aws-cdk-lib';
import type { BenchConfiguration } from './configurations';

/**
 * CPU milliseconds (user and system, of this process) to build a configuration's construct tree and
 * synthesize it in a fresh App. CPU time rather than wall time: on a shared two-core machine, other
 * processes stretch the wall clock of whichever run they happen to overlap.
 */
function timeOnce(configuration: BenchConfiguration): number {
  // With --expose-gc, start each run on a collected heap, so one run does not pay for another's garbage.
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.cpuUsage();
  const app = new App();
  configuration.build(app);
  app.synth();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The median synth times of two configurations, measured in pairs in one process after a warm-up,
 * and the median of the pairs' ratios: a pair runs back to back, so a change in the machine's load
 * over the run shifts both of its times and cancels out of its ratio.
 */
export function compareSynthTimes(a: BenchConfiguration, b: BenchConfiguration, iterations: number, warmup: number) {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < warmup + iterations; i++) {
    // Alternate which goes first, so neither always runs on a warmer heap.
    const order = i % 2 === 0 ? [0, 1] as const : [1, 0] as const;
    for (const which of order) {
      const ms = timeOnce(which === 0 ? a : b);
      if (i >= warmup) {
        times[which].push(ms);
      }
    }
  }
  const ratios = times[0].map((a, i) => a / times[1][i]);
  return { medianA: median(times[0]), medianB: median(times[1]), ratio: median(ratios) };
}
