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

/** The median synth times of two configurations, measured alternately in one process after a warm-up. */
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
  const [medianA, medianB] = [median(times[0]), median(times[1])];
  return { medianA, medianB, ratio: medianA / medianB };
}
