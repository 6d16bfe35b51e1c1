/** Shared loader and scorer for the labelled risk corpora (test/fixtures/risk-*.json). */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { z } from 'zod';
import { assessRisk } from '../../src/safety/index.ts';
import type { RiskLevel } from '../../src/safety/types.ts';

const Entry = z.object({ text: z.string(), level: z.enum(['immediate', 'concern', 'none']) });
export type Entry = z.infer<typeof Entry>;

export function loadCorpus(name: string): Entry[] {
  const url = new URL(`../fixtures/${name}`, import.meta.url);
  return z.array(Entry).parse(JSON.parse(readFileSync(url, 'utf8')));
}

export interface Score {
  readonly immediateRecall: number;
  readonly concernRecall: number;
  readonly noneAsImmediate: number;
  readonly noneAsAny: number;
  readonly misses: readonly string[];
}

export function score(entries: readonly Entry[]): Score {
  let imm = 0;
  let immOk = 0;
  let con = 0;
  let conOk = 0;
  let none = 0;
  let noneImm = 0;
  let noneAny = 0;
  const misses: string[] = [];
  for (const { text, level } of entries) {
    const got: RiskLevel = assessRisk(text).level;
    if (level === 'immediate') {
      imm++;
      if (got === 'immediate') immOk++;
      else misses.push(`immediate -> ${got}: ${text}`);
    } else if (level === 'concern') {
      con++;
      if (got !== 'none') conOk++;
      else misses.push(`concern -> none: ${text}`);
    } else {
      none++;
      if (got === 'immediate') noneImm++;
      if (got !== 'none') {
        noneAny++;
        misses.push(`none -> ${got}: ${text}`);
      }
    }
  }
  // A set without one of the levels (e.g. a list of hard negatives) scores that level as perfect.
  const ratio = (a: number, b: number, empty: number) => (b === 0 ? empty : a / b);
  return {
    immediateRecall: ratio(immOk, imm, 1),
    concernRecall: ratio(conOk, con, 1),
    noneAsImmediate: ratio(noneImm, none, 0),
    noneAsAny: ratio(noneAny, none, 0),
    misses,
  };
}

/** Scores a labelled set, prints the figures and every miss, and checks the targets. */
export function expectTargets(name: string, entries: readonly Entry[]): void {
  const s = score(entries);
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  console.log(
    `${name}: immediate recall ${pct(s.immediateRecall)}, concern recall ${pct(s.concernRecall)}, ` +
      `none->immediate ${pct(s.noneAsImmediate)}, none->any ${pct(s.noneAsAny)}`,
  );
  console.log(s.misses.length === 0 ? 'misses: none' : `misses:\n${s.misses.join('\n')}`);
  expect(s.immediateRecall).toBe(1);
  expect(s.concernRecall).toBeGreaterThanOrEqual(0.97);
  expect(s.noneAsImmediate).toBeLessThanOrEqual(0.03);
  expect(s.noneAsAny).toBeLessThanOrEqual(0.1);
}
