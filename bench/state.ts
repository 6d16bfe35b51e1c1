/**
 * State store costs: one turn = read + write of one conversation item (what BotState does).
 * Memory: per-turn µs, and what a sweep of 10,000 expired conversations costs.
 * Blob (a local Azurite): per-turn ms, a sweep of 200 expired blobs, and ready() up and down.
 */
import { performance } from 'node:perf_hooks';
import type { Storage } from 'botbuilder';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { createStateStore } from '../src/state/create-state.ts';
import { startAzurite } from '../test/helpers/azurite.ts';
import { type BenchRow, percentile, printTable, round } from './lib.ts';

const logger = createLogger('silent');
/** A dialog stack like the triage dialog's, with yes/no/skip answers only. */
const ITEM = {
  DialogState: {
    dialogStack: [
      { id: 'triage', state: { options: {}, values: { instanceId: 'x' }, stepIndex: 3 } },
      { id: 'choicePrompt', state: { options: { prompt: 'Has he been to your home?' }, state: {} } },
    ],
  },
  answers: { q1: 'yes', q2: 'no', q3: 'skip' },
};

async function turns(storage: Storage, count: number, keys: number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < count; i++) {
    const key = `webchat/conversations/c${i % keys}`;
    const start = performance.now();
    const read = await storage.read([key]);
    await storage.write({ [key]: { ...(read[key] ?? ITEM), eTag: '*' } });
    ms.push(performance.now() - start);
  }
  return ms.sort((a, b) => a - b);
}

function stats(name: string, ms: readonly number[], unit: 'µs' | 'ms'): BenchRow {
  const f = unit === 'µs' ? 1000 : 1;
  return {
    name,
    n: ms.length,
    [`median ${unit}`]: round(percentile(ms, 50) * f),
    [`p95 ${unit}`]: round(percentile(ms, 95) * f),
    [`p99 ${unit}`]: round(percentile(ms, 99) * f),
  };
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  let clock = Date.now();
  const now = () => clock;

  const memory = createStateStore(loadConfig({ STATE_TTL_MINUTES: '1' }, undefined), logger, { now });
  await turns(memory.storage, 2000, 100); // warm-up
  rows.push(stats('memory: one turn (read + write)', await turns(memory.storage, 20_000, 1000), 'µs'));
  await turns(memory.storage, 10_000, 10_000);
  clock += 61_000;
  let t = performance.now();
  const sweptMemory = await memory.sweepNow();
  rows.push({ name: `memory: sweep ${sweptMemory} expired`, ms: round(performance.now() - t, 2) });
  await memory.close();

  const azurite = await startAzurite();
  try {
    clock = Date.now();
    const blob = createStateStore(
      loadConfig(
        { STATE_STORE: 'blob', BLOB_CONNECTION_STRING: azurite.connectionString, STATE_TTL_MINUTES: '1' },
        undefined,
      ),
      logger,
      { now },
    );
    await turns(blob.storage, 50, 10); // warm-up (creates the container)
    rows.push(stats('blob (Azurite): one turn (read + write)', await turns(blob.storage, 300, 200), 'ms'));
    clock = Date.now() + 61_000;
    t = performance.now();
    const sweptBlobs = await blob.sweepNow();
    rows.push({ name: `blob: sweep ${sweptBlobs} expired`, ms: round(performance.now() - t, 1) });
    t = performance.now();
    const up = await blob.ready();
    rows.push({ name: `blob: ready() up -> ${up}`, ms: round(performance.now() - t, 1) });
    await azurite.stop();
    t = performance.now();
    const down = await blob.ready();
    rows.push({ name: `blob: ready() down -> ${down}`, ms: round(performance.now() - t, 1) });
    t = performance.now();
    const failed = await blob.storage.read(['webchat/conversations/c1']).then(
      () => 'answered',
      () => 'threw',
    );
    rows.push({ name: `blob: read while down -> ${failed}`, ms: round(performance.now() - t, 1) });
    await blob.close();
  } finally {
    await azurite.dispose();
  }
  return rows;
}

if (import.meta.main) {
  printTable('state', await run());
}
