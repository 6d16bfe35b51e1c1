/** Matcher speed: index build time and time per question over the labelled question sets. */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { defaultContentDir, loadKnowledge } from '../src/knowledge/index.ts';
import { loadContent } from '../src/knowledge/load.ts';
import { Matcher } from '../src/knowledge/matcher.ts';
import { type BenchRow, percentile, printTable, round, timeCalls } from './lib.ts';

function questions(): string[] {
  const read = (name: string): { q: string }[] =>
    JSON.parse(readFileSync(fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url)), 'utf8')) as {
      q: string;
    }[];
  return [...read('questions.json'), ...read('questions-heldout.json')].map((x) => x.q);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return percentile(sorted, 50);
}

export async function run(): Promise<BenchRow[]> {
  const dir = defaultContentDir();

  // Start-up: read + validate the YAML, then build the index. Repeated, median taken.
  const loadMs: number[] = [];
  const buildMs: number[] = [];
  for (let i = 0; i < 15; i++) {
    let t = performance.now();
    const { topics } = loadContent(dir);
    loadMs.push(performance.now() - t);
    t = performance.now();
    new Matcher(topics);
    buildMs.push(performance.now() - t);
  }

  const knowledge = loadKnowledge(dir);
  const qs = questions();
  timeCalls(qs, (q) => knowledge.match(q), 3); // warm up the JIT
  const times = timeCalls(qs, (q) => knowledge.match(q), 10);

  return [
    {
      name: 'content load + validate (ms)',
      median: round(median(loadMs), 2),
      first: round(loadMs[0] ?? 0, 2),
    },
    { name: 'matcher index build (ms)', median: round(median(buildMs), 2), first: round(buildMs[0] ?? 0, 2) },
    {
      name: `match() per question (µs, ${qs.length} questions x 10)`,
      median: round(percentile(times, 50)),
      p99: round(percentile(times, 99)),
      max: round(times[times.length - 1] ?? 0),
    },
  ];
}

if (import.meta.main) {
  printTable('knowledge matcher', await run());
}
