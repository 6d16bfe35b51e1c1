/**
 * Leave-one-SET-out cross-validation of rules alone vs rules + model.
 * Run: `npx node scripts/safety/cross-validate.ts [--sets blind6,blind7]`
 *
 * 1. Threshold choice: for each older set S, train on the other older sets (never on the newest
 *    blind sets, named by --fresh), score S. T1/T2 are the lowest thresholds whose added false
 *    alarms on held-out 'none' messages stay within budget (pooled and per set).
 * 2. Honest figure: train on all older sets, evaluate on the fresh sets with those thresholds.
 * 3. Table: every set held out in turn (training on all the others), rules vs rules + model.
 */
import { modelMayRaiseNone } from '../../src/safety/assess.ts';
import { createScorer, type Scorer } from '../../src/safety/model.ts';
import { DEFAULT_OPTIONS, evaluate, type Item, loadSet, pct, SET_NAMES, train } from './lib.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const FRESH = (arg('--fresh') ?? 'blind6,blind7').split(',');
const l2 = Number(arg('--l2') ?? DEFAULT_OPTIONS.l2);
const opts = { ...DEFAULT_OPTIONS, l2 };

const sets = new Map<string, Item[]>(SET_NAMES.map((n) => [n, loadSet(n)]));
const older = SET_NAMES.filter((n) => !FRESH.includes(n));
const NO_T = { immediate: 2, concern: 2 };

function trainExcept(exclude: readonly string[]): Scorer {
  const items = [...sets.entries()].filter(([n]) => !exclude.includes(n)).flatMap(([, v]) => v);
  return createScorer(train(items, NO_T, opts));
}

// ---- 1. held-out probabilities on the older sets -------------------------------------------
interface Held {
  set: string;
  item: Item;
  pImm: number;
  pAny: number;
}
const held: Held[] = [];
for (const s of older) {
  const scorer = trainExcept([s, ...FRESH]);
  for (const item of sets.get(s) ?? []) {
    const p = scorer.score(item.reading.words, item.reading.law);
    held.push({ set: s, item, pImm: p.immediate, pAny: p.any });
  }
}

const IMM_BUDGET_POOLED = 0.01; // model-added none->immediate, pooled over held-out sets
const IMM_BUDGET_SET = 0.03; // model-added none->immediate on any one held-out set (one message always allowed)
const ANY_BUDGET_POOLED = 0.03;
const ANY_BUDGET_SET = 0.07; // model-added none->any on any one set (one message always allowed)

function falseAlarms(
  t1: number,
  t2: number,
): { pooledImm: number; pooledAny: number; worstImm: number; worstAny: number } {
  const per = new Map<string, { none: number; imm: number; any: number }>();
  let none = 0;
  let addImm = 0;
  let addAny = 0;
  for (const h of held) {
    if (h.item.level !== 'none' || h.item.reading.fixed) {
      if (h.item.level === 'none') per.set(h.set, per.get(h.set) ?? { none: 0, imm: 0, any: 0 });
      if (h.item.level === 'none') (per.get(h.set) ?? { none: 0 }).none++;
      continue;
    }
    const c = per.get(h.set) ?? { none: 0, imm: 0, any: 0 };
    per.set(h.set, c);
    c.none++;
    none++;
    const r = h.item.reading.level;
    // same gate as combine(): a rules-'none' topical message (film, news) is never raised
    const may = r !== 'none' || modelMayRaiseNone(h.item.reading.words);
    const imm = r === 'immediate' || (may && h.pImm >= t1);
    const any = imm || r !== 'none' || (may && h.pAny >= t2);
    if (imm && r !== 'immediate') {
      addImm++;
      c.imm++;
    }
    if (any && r === 'none') {
      addAny++;
      c.any++;
    }
  }
  let worstImm = 0;
  let worstAny = 0;
  for (const c of per.values()) {
    worstImm = Math.max(worstImm, c.imm <= 1 ? 0 : c.imm / Math.max(1, c.none));
    worstAny = Math.max(worstAny, c.any <= 1 ? 0 : c.any / Math.max(1, c.none));
  }
  return { pooledImm: addImm / none, pooledAny: addAny / none, worstImm, worstAny };
}

const grid: number[] = [];
for (let t = 0.3; t <= 0.991; t += 0.01) grid.push(Math.round(t * 100) / 100);
let T1 = 0.99;
for (const t of grid) {
  const f = falseAlarms(t, 2);
  if (f.pooledImm <= IMM_BUDGET_POOLED && f.worstImm <= IMM_BUDGET_SET) {
    T1 = t;
    break;
  }
}
let T2 = 0.99;
for (const t of grid) {
  const f = falseAlarms(T1, t);
  if (f.pooledAny <= ANY_BUDGET_POOLED && f.worstAny <= ANY_BUDGET_SET) {
    T2 = t;
    break;
  }
}
const immItems = held.filter((h) => h.item.level === 'immediate');
const modelAloneImm = immItems.filter((h) => h.pImm >= T1).length;
const conItems = held.filter((h) => h.item.level !== 'none');
const modelAloneAny = conItems.filter((h) => h.pAny >= T2 || h.pImm >= T1).length;
const fa = falseAlarms(T1, T2);
console.log(
  `l2=${l2}  thresholds chosen on held-out older sets: T1 (immediate) = ${T1}, T2 (concern) = ${T2}`,
);
console.log(
  `  model alone, held out: immediate recall ${pct(modelAloneImm, immItems.length)}, concern-or-immediate recall ${pct(modelAloneAny, conItems.length)}`,
);
console.log(
  `  model-added false alarms on held-out none: ->immediate ${(fa.pooledImm * 100).toFixed(1)}%, ->any ${(fa.pooledAny * 100).toFixed(1)}%`,
);

const thresholds = { immediate: T1, concern: T2 };
const withT = (s: Scorer): Scorer => ({ thresholds, score: s.score });

// ---- 2. honest figure on the fresh sets -------------------------------------------------------
const header = `${'set'.padEnd(9)} ${'n'.padStart(4)} | ${'rules: imm'.padStart(10)} ${'con'.padStart(6)} ${'n->imm'.padStart(6)} ${'n->any'.padStart(6)} | ${'+model: imm'.padStart(11)} ${'con'.padStart(6)} ${'n->imm'.padStart(6)} ${'n->any'.padStart(6)}`;
function row(name: string, items: readonly Item[], scorer: Scorer): string[] {
  const a = evaluate(items, undefined).counts;
  const r = evaluate(items, scorer);
  const b = r.counts;
  console.log(
    `${name.padEnd(9)} ${String(items.length).padStart(4)} | ${pct(a.immOk, a.imm).padStart(10)} ${pct(a.conOk, a.con)} ${pct(a.noneImm, a.none)} ${pct(a.noneAny, a.none)} | ${pct(b.immOk, b.imm).padStart(11)} ${pct(b.conOk, b.con)} ${pct(b.noneImm, b.none)} ${pct(b.noneAny, b.none)}`,
  );
  return r.misses;
}
console.log(`\nHonest: model trained on ${older.join(', ')} only; evaluated on ${FRESH.join(', ')}`);
console.log(header);
const honest = withT(trainExcept(FRESH));
const honestMisses: string[] = [];
for (const s of FRESH) honestMisses.push(...row(s, sets.get(s) ?? [], honest).map((m) => `  [${s}] ${m}`));
if (process.argv.includes('--misses')) console.log(honestMisses.join('\n'));

// ---- 3. leave-one-set-out over every set ---------------------------------------------------------
console.log('\nLeave-one-set-out (train on all other sets, incl. the fresh ones; same thresholds)');
console.log(header);
for (const s of SET_NAMES) row(s, sets.get(s) ?? [], withT(trainExcept([s])));
