/**
 * Offline helpers for the statistical scorer: load the labelled sets, read them with the rules,
 * train two L2-regularised logistic regressions, prune, and score held-out sets.
 * Deterministic: fixed data order, full-batch optimisation, no randomness.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { combine, type RuleReading, readRules } from '../../src/safety/assess.ts';
import { featureKeys, type ModelFile, type Scorer } from '../../src/safety/model.ts';
import type { RiskLevel } from '../../src/safety/types.ts';

export const SET_NAMES = [
  'corpus',
  'holdout',
  'dev',
  'blind',
  'blind2',
  'blind3',
  'blind4',
  'blind5',
  'blind6',
  'blind7',
  'blind8',
  'blind9',
  'blind10',
  'blind11',
] as const;

const Entry = z.object({ text: z.string(), level: z.enum(['immediate', 'concern', 'none']) });

export interface Item {
  readonly set: string;
  readonly text: string;
  readonly level: RiskLevel;
  readonly reading: RuleReading;
  readonly keys: readonly string[];
}

export function loadSet(name: string): Item[] {
  const url = new URL(`../../test/fixtures/risk-${name}.json`, import.meta.url);
  const entries = z.array(Entry).parse(JSON.parse(readFileSync(url, 'utf8')));
  return entries.map((e) => {
    const reading = readRules(e.text);
    return {
      set: name,
      text: e.text,
      level: e.level,
      reading,
      keys: featureKeys(reading.words, reading.law),
    };
  });
}

export interface TrainOptions {
  readonly l2: number;
  readonly maxFeatures: number;
  readonly minCount: number;
  readonly epochs: number;
  readonly chunk: number;
}

export const DEFAULT_OPTIONS: TrainOptions = {
  l2: 0.001,
  maxFeatures: 3000,
  minCount: 2,
  epochs: 300,
  chunk: 80,
};

/** Full-batch Adagrad on mean log-loss + l2/2 ||w||^2 (bias not regularised). */
function fitLogistic(
  rows: readonly Int32Array[],
  labels: readonly number[],
  nFeatures: number,
  l2: number,
  epochs: number,
): { bias: number; weights: Float64Array } {
  const w = new Float64Array(nFeatures);
  const g2 = new Float64Array(nFeatures);
  let b = 0;
  let gb2 = 0;
  const lr = 0.5;
  const m = rows.length;
  const grad = new Float64Array(nFeatures);
  for (let ep = 0; ep < epochs; ep++) {
    grad.fill(0);
    let gb = 0;
    for (let r = 0; r < m; r++) {
      const row = rows[r] ?? new Int32Array(0);
      let z = b;
      for (const k of row) z += w[k] ?? 0;
      const p = 1 / (1 + Math.exp(-z));
      const d = (p - (labels[r] ?? 0)) / m;
      gb += d;
      for (const k of row) grad[k] = (grad[k] ?? 0) + d;
    }
    for (let k = 0; k < nFeatures; k++) {
      const g = (grad[k] ?? 0) + l2 * (w[k] ?? 0);
      g2[k] = (g2[k] ?? 0) + g * g;
      w[k] = (w[k] ?? 0) - (lr * g) / (Math.sqrt(g2[k] ?? 0) + 1e-8);
    }
    gb2 += gb * gb;
    b -= (lr * gb) / (Math.sqrt(gb2) + 1e-8);
  }
  return { bias: b, weights: w };
}

function fitOn(
  items: readonly Item[],
  vocab: readonly string[],
  opts: TrainOptions,
): { imm: ReturnType<typeof fitLogistic>; any: ReturnType<typeof fitLogistic> } {
  const index = new Map(vocab.map((f, k) => [f, k]));
  const rows = items.map((it) => {
    const ks: number[] = [];
    for (const key of it.keys) {
      const k = index.get(key);
      if (k !== undefined) ks.push(k);
    }
    return Int32Array.from(ks);
  });
  const yImm = items.map((it) => (it.level === 'immediate' ? 1 : 0));
  const yAny = items.map((it) => (it.level === 'none' ? 0 : 1));
  return {
    imm: fitLogistic(rows, yImm, vocab.length, opts.l2, opts.epochs),
    any: fitLogistic(rows, yAny, vocab.length, opts.l2, opts.epochs),
  };
}

const round = (x: number): number => Math.round(x * 10_000) / 10_000;

/** Trains on items and returns a model file (thresholds supplied by the caller). */
export function train(
  items: readonly Item[],
  thresholds: ModelFile['thresholds'],
  opts: TrainOptions = DEFAULT_OPTIONS,
): ModelFile {
  const counts = new Map<string, number>();
  for (const it of items) for (const k of it.keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const vocab0 = [...counts.entries()]
    .filter(([, c]) => c >= opts.minCount)
    .map(([f]) => f)
    .sort();
  const first = fitOn(items, vocab0, opts);
  // prune to the features that matter most to either model, then refit on those alone
  const strength = vocab0.map((f, k) => ({
    f,
    s: Math.max(Math.abs(first.imm.weights[k] ?? 0), Math.abs(first.any.weights[k] ?? 0)),
  }));
  strength.sort((a, b) => b.s - a.s || (a.f < b.f ? -1 : a.f > b.f ? 1 : 0));
  const vocab = strength
    .slice(0, opts.maxFeatures)
    .map((x) => x.f)
    .sort();
  const fit = fitOn(items, vocab, opts);
  return {
    version: 1,
    features: vocab,
    immediate: { bias: round(fit.imm.bias), weights: Array.from(fit.imm.weights, round) },
    any: { bias: round(fit.any.bias), weights: Array.from(fit.any.weights, round) },
    chunk: opts.chunk,
    thresholds,
  };
}

export interface Counts {
  imm: number;
  immOk: number;
  con: number;
  conOk: number;
  none: number;
  noneImm: number;
  noneAny: number;
}

export const emptyCounts = (): Counts => ({
  imm: 0,
  immOk: 0,
  con: 0,
  conOk: 0,
  none: 0,
  noneImm: 0,
  noneAny: 0,
});

export function tally(c: Counts, want: RiskLevel, got: RiskLevel): void {
  if (want === 'immediate') {
    c.imm++;
    if (got === 'immediate') c.immOk++;
  } else if (want === 'concern') {
    c.con++;
    if (got !== 'none') c.conOk++;
  } else {
    c.none++;
    if (got === 'immediate') c.noneImm++;
    if (got !== 'none') c.noneAny++;
  }
}

export function evaluate(
  items: readonly Item[],
  scorer: Scorer | undefined,
): { counts: Counts; misses: string[] } {
  const counts = emptyCounts();
  const misses: string[] = [];
  for (const it of items) {
    const got = combine(it.reading, scorer).level;
    tally(counts, it.level, got);
    const bad =
      it.level === 'immediate'
        ? got !== 'immediate'
        : it.level === 'concern'
          ? got === 'none'
          : got !== 'none';
    if (bad) misses.push(`${it.level} -> ${got}: ${it.text}`);
  }
  return { counts, misses };
}

export const pct = (a: number, b: number): string =>
  b === 0 ? '   -  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`;
