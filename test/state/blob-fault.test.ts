/** Blob state when Azurite goes away and comes back. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createStateStore, type StateStore } from '../../src/state/create-state.ts';
import { type AzuriteHandle, startAzurite } from '../helpers/azurite.ts';
import { containerName, silent, stateConfig } from './support.ts';

let azurite: AzuriteHandle;
const stores: StateStore[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
});
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  await azurite.restart();
});
afterAll(async () => {
  await azurite?.dispose();
});

function blobStore(container = containerName('fault')): StateStore {
  const config = stateConfig({
    STATE_STORE: 'blob',
    BLOB_CONNECTION_STRING: azurite.connectionString,
    BLOB_CONTAINER: container,
  });
  const store = createStateStore(config, silent);
  stores.push(store);
  return store;
}

async function settle<T>(p: Promise<T>): Promise<{ value?: T; error?: unknown; ms: number }> {
  const started = performance.now();
  try {
    const value = await p;
    return { value, ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
}

describe('blob state store when storage is down', () => {
  it('ready() is true while up, false promptly after a stop, and true again after a restart', async () => {
    const store = blobStore();
    expect(await store.ready()).toBe(true);
    await azurite.stop();
    const down = await settle(store.ready());
    expect(down.value).toBe(false);
    expect(down.ms).toBeLessThan(2500);
    await azurite.restart();
    expect(await store.ready()).toBe(true);
  });

  it('reads and writes fail promptly (so the bot can apologise), then work again with state intact', async () => {
    const store = blobStore();
    await store.storage.write({ conv: { step: 2 } });
    await azurite.stop();

    const read = await settle(store.storage.read(['conv']));
    expect(read.error).toBeInstanceOf(Error);
    expect(read.ms).toBeLessThan(3000);
    const write = await settle(store.storage.write({ conv: { step: 3 } }));
    expect(write.error).toBeInstanceOf(Error);
    expect(write.ms).toBeLessThan(3000);

    await azurite.restart();
    expect((await store.storage.read(['conv'])).conv).toMatchObject({ step: 2 });
    await store.storage.write({ conv: { step: 3 } });
    expect((await store.storage.read(['conv'])).conv).toMatchObject({ step: 3 });
  });

  it('a store created while storage is down works once storage is back', async () => {
    await azurite.stop();
    const store = blobStore();
    expect(await store.ready()).toBe(false);
    await expect(store.storage.read(['conv'])).rejects.toThrow();
    await azurite.restart();
    await store.storage.write({ conv: { answer: 'yes' } });
    expect((await store.storage.read(['conv'])).conv).toMatchObject({ answer: 'yes' });
    expect(await store.ready()).toBe(true);
  });
});
