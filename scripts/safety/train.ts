/**
 * Trains the shipped statistical scorer over every labelled set and writes src/safety/model.json.
 * Run: `npx node scripts/safety/train.ts [--t1 0.86] [--t2 0.84]`
 * The thresholds come from scripts/safety/cross-validate.ts (chosen on held-out sets only).
 */
import { writeFileSync } from 'node:fs';
import { loadSet, SET_NAMES, train } from './lib.ts';

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const thresholds = { immediate: arg('--t1', 0.86), concern: arg('--t2', 0.84) };
const items = SET_NAMES.flatMap((n) => loadSet(n));
const model = train(items, thresholds);
const out = new URL('../../src/safety/model.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(model)}\n`);
console.log(
  `trained on ${items.length} messages from ${SET_NAMES.length} sets: ${model.features.length} features, thresholds ${JSON.stringify(thresholds)}`,
);
