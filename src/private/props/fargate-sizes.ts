/**
 * The CPU and memory pairs Fargate accepts for Linux tasks.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size
 */
const FARGATE_SIZES: ReadonlyArray<{ readonly cpu: number; readonly memoryMiB: readonly number[] }> = [
  { cpu: 256, memoryMiB: [512, 1024, 2048] },
  { cpu: 512, memoryMiB: range(1024, 4096, 1024) },
  { cpu: 1024, memoryMiB: range(2048, 8192, 1024) },
  { cpu: 2048, memoryMiB: range(4096, 16384, 1024) },
  { cpu: 4096, memoryMiB: range(8192, 30720, 1024) },
  { cpu: 8192, memoryMiB: range(16384, 61440, 4096) },
  { cpu: 16384, memoryMiB: range(32768, 122880, 8192) },
];

function range(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let value = from; value <= to; value += step) {
    values.push(value);
  }
  return values;
}

/** The cpu values Fargate accepts. */
export const FARGATE_CPU_VALUES: readonly number[] = FARGATE_SIZES.map(size => size.cpu);

/** The memory values Fargate accepts with `cpu`, or none when `cpu` is not a Fargate size. */
export function memoryValuesFor(cpu: number): readonly number[] {
  return FARGATE_SIZES.find(size => size.cpu === cpu)?.memoryMiB ?? [];
}

/** The smallest cpu that Fargate pairs with `memoryMiB`, if any does. */
export function smallestCpuFor(memoryMiB: number): number | undefined {
  return FARGATE_SIZES.find(size => size.memoryMiB.includes(memoryMiB))?.cpu;
}

/** Describes the memory values for `cpu` briefly, for an error message: "2048 to 8192 in steps of 1024". */
export function describeMemoryValues(cpu: number): string {
  const values = memoryValuesFor(cpu);
  if (values.length <= 3) {
    return values.join(', ');
  }
  return `${values[0]} to ${values[values.length - 1]} in steps of ${values[1] - values[0]}`;
}
