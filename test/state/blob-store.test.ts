/** Blob state against a real Azurite: round trip, expiry, sweep, delete. */
import { ContainerClient } from '@azure/storage-blob';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createStateStore, type StateStore } from '../../src/state/create-state.ts';
import { type AzuriteHandle, startAzurite } from '../helpers/azurite.ts';
import { containerName, countingBot, type FakeClock, fakeClock, silent, stateConfig } from './support.ts';

const MINUTE = 60_000;
let azurite: AzuriteHandle;
const stores: StateStore[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
});
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});
afterAll(async () => {
  await azurite?.dispose();
});

function blobStore(
  clock: FakeClock,
  container = containerName('blob'),
): { store: StateStore; blobs: ContainerClient } {
  const config = stateConfig({
    STATE_STORE: 'blob',
    BLOB_CONNECTION_STRING: azurite.connectionString,
    BLOB_CONTAINER: container,
  });
  const store = createStateStore(config, silent, { now: clock.now });
  stores.push(store);
  return { store, blobs: new ContainerClient(azurite.connectionString, container) };
}

async function blobNames(blobs: ContainerClient): Promise<string[]> {
  const names: string[] = [];
  for await (const b of blobs.listBlobsFlat()) names.push(b.name);
  return names;
}

describe('blob state store (Azurite)', () => {
  it('remembers a conversation from one message to the next, and a second store instance sees it', async () => {
    const clock = fakeClock();
    const container = containerName('share');
    const { store } = blobStore(clock, container);
    await countingBot(store.conversationState).send('hi').assertReply('message 1').startTest();
    // Another process with the same container (scale-out) carries on where the first left off.
    const { store: other } = blobStore(clock, container);
    await countingBot(other.conversationState).send('hi').assertReply('message 2').startTest();
    expect(await store.ready()).toBe(true);
  });

  it('reads back exactly what was written, without the internal timestamp', async () => {
    const { store } = blobStore(fakeClock());
    await store.storage.write({
      'webchat/conversations/abc': { dialogStack: [{ id: 'triage' }], answer: 'skip' },
    });
    const item = (await store.storage.read(['webchat/conversations/abc']))['webchat/conversations/abc'];
    expect(item).toMatchObject({ dialogStack: [{ id: 'triage' }], answer: 'skip' });
    expect(item).not.toHaveProperty('_touched');
    expect(typeof item?.eTag).toBe('string');
  });

  it('forgets a conversation once it has been quiet for the TTL (1 minute), then starts afresh', async () => {
    const clock = fakeClock();
    const { store } = blobStore(clock);
    const bot = countingBot(store.conversationState);
    await bot.send('hi').assertReply('message 1').startTest();
    clock.advance(MINUTE - 1);
    await bot.send('still here').assertReply('message 2').startTest();
    clock.advance(MINUTE);
    await bot.send('back later').assertReply('message 1').startTest();
  });

  it('the sweep deletes blobs quiet for the TTL and keeps fresh ones', async () => {
    const clock = fakeClock();
    const { store, blobs } = blobStore(clock);
    await store.storage.write({ old: { answer: 'yes' }, recent: { answer: 'no' } });
    expect(await store.sweepNow()).toBe(0);
    expect((await blobNames(blobs)).sort()).toEqual(['old', 'recent']);

    clock.advance(MINUTE + 1000);
    expect(await store.sweepNow()).toBe(2);
    expect(await blobNames(blobs)).toEqual([]);
    expect(await store.storage.read(['old', 'recent'])).toEqual({});
  });

  it('"delete my chat" removes the blob itself', async () => {
    const { store, blobs } = blobStore(fakeClock());
    await store.storage.write({
      'webchat/conversations/c1': { answer: 'yes' },
      'webchat/users/u1': { x: 1 },
    });
    await store.storage.delete(['webchat/conversations/c1', 'webchat/users/u1']);
    expect(await blobNames(blobs)).toEqual([]);
    expect(await store.storage.read(['webchat/conversations/c1'])).toEqual({});
    // Deleting what is already gone is not an error.
    await store.storage.delete(['webchat/conversations/c1']);
  });

  it('refuses a write with a stale eTag', async () => {
    const { store } = blobStore(fakeClock());
    await store.storage.write({ k: { v: 1 } });
    const first = (await store.storage.read(['k'])).k;
    await store.storage.write({ k: { ...first, v: 2 } });
    await expect(store.storage.write({ k: { ...first, v: 3 } })).rejects.toThrow(/eTag conflict/);
    expect((await store.storage.read(['k'])).k).toMatchObject({ v: 2 });
  });

  it('works on a fresh storage account: the container is created, ready() says yes, a chat is kept', async () => {
    const container = containerName('create');
    const { store, blobs } = blobStore(fakeClock(), container);
    expect(await store.ready()).toBe(true);
    expect(await blobs.exists()).toBe(true);
    await countingBot(store.conversationState).send('hi').assertReply('message 1').startTest();
  });
});
