/**
 * Speed of assessRisk. Run directly: `npx node bench/safety.ts`.
 * - ~30-word messages built from the labelled corpus (median and p99 per call, µs)
 * - a 100 KB message of ordinary text with the danger in the middle (ms per call)
 * - a 100 KB message of 20,000 different made-up words, the worst case for spelling look-ups
 */
import { readFileSync } from 'node:fs';
import { assessRisk } from '../src/safety/index.ts';
import { type BenchRow, percentile, printTable, round, timeCalls } from './lib.ts';

interface Entry {
  readonly text: string;
}

function corpusTexts(): string[] {
  const url = new URL('../test/fixtures/risk-corpus.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as Entry[]).map((e) => e.text);
}

/** Joins corpus messages until each is about 30 words. */
function thirtyWordMessages(texts: readonly string[]): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  for (let round = 0; round < 3; round++) {
    for (const t of texts) {
      cur.push(...t.split(/\s+/));
      if (cur.length >= 30) {
        out.push(cur.slice(0, 30).join(' '));
        cur = [];
      }
    }
  }
  return out;
}

function bigMessage(texts: readonly string[], bytes: number): string {
  const calm = texts.filter((t) => assessRisk(t).level === 'none').join('. ');
  let half = '';
  while (half.length < bytes / 2) half += `${calm}. `;
  return `${half}he is outside my house right now. ${half}`.slice(0, bytes);
}

function randomWords(bytes: number, start = 42): string {
  let seed = start;
  const rnd = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const parts: string[] = [];
  let len = 0;
  while (len < bytes) {
    let w = '';
    const n = 4 + Math.floor(rnd() * 7);
    for (let i = 0; i < n; i++) w += String.fromCharCode(97 + Math.floor(rnd() * 26));
    parts.push(w);
    len += w.length + 1;
  }
  return parts.join(' ');
}

export async function run(): Promise<BenchRow[]> {
  const texts = corpusTexts();
  const short = thirtyWordMessages(texts);
  for (const t of short) assessRisk(t); // warm up
  const shortTimes = timeCalls(short, assessRisk, 20);
  const big = bigMessage(texts, 100_000);
  const random = randomWords(100_000);
  const bigTimes = timeCalls([big], assessRisk, 30);
  const randomTimes = timeCalls([random], assessRisk, 10);
  // Cold: a different text every call, so no spelling look-up is cached (the worst case).
  const coldTexts = Array.from({ length: 10 }, (_, k) => randomWords(100_000, 1000 + k));
  const coldTimes = timeCalls(coldTexts, assessRisk, 1);
  let noPunct = '';
  while (noPunct.length < 100_000)
    noPunct += 'he said he is worried and scared he keeps messaging me and watching me ';
  return [
    {
      name: 'assessRisk 30 words',
      calls: shortTimes.length,
      median_us: round(percentile(shortTimes, 50)),
      p99_us: round(percentile(shortTimes, 99)),
    },
    {
      name: 'assessRisk 100 KB text',
      calls: bigTimes.length,
      median_ms: round(percentile(bigTimes, 50) / 1000, 2),
      p99_ms: round(percentile(bigTimes, 99) / 1000, 2),
    },
    {
      name: 'assessRisk 100 KB random words (warm)',
      calls: randomTimes.length,
      median_ms: round(percentile(randomTimes, 50) / 1000, 2),
      p99_ms: round(percentile(randomTimes, 99) / 1000, 2),
    },
    {
      name: 'assessRisk 100 KB random words (cold)',
      calls: coldTimes.length,
      median_ms: round(percentile(coldTimes, 50) / 1000, 2),
      p99_ms: round(percentile(coldTimes, 99) / 1000, 2),
    },
    (() => {
      const t = timeCalls([noPunct], assessRisk, 10);
      return {
        name: 'assessRisk 100 KB no punctuation, all cue words',
        calls: t.length,
        median_ms: round(percentile(t, 50) / 1000, 2),
        p99_ms: round(percentile(t, 99) / 1000, 2),
      };
    })(),
  ];
}

if (import.meta.main) {
  printTable('safety', await run());
}
