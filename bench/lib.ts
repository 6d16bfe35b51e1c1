/** Small helpers for the benchmark scripts. Speed is measured here, never in tests. */
import { performance } from 'node:perf_hooks';

export interface BenchRow {
  readonly name: string;
  readonly [key: string]: string | number;
}

/** Runs fn over the inputs `rounds` times and returns per-call times in microseconds, sorted. */
export function timeCalls<T>(inputs: readonly T[], fn: (input: T) => unknown, rounds = 5): number[] {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const start = performance.now();
      fn(input);
      times.push((performance.now() - start) * 1000);
    }
  }
  return times.sort((a, b) => a - b);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function printTable(title: string, rows: readonly BenchRow[]): void {
  console.log(`\n## ${title}`);
  console.table(rows);
}
