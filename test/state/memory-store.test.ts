import { TestAdapter } from 'botbuilder';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStateStore, type StateStore } from '../../src/state/create-state.ts';
import { TtlMemoryStorage } from '../../src/state/ttl-memory-storage.ts';
import { countingBot, fakeClock, silent, stateConfig } from './support.ts';

const MINUTE = 60_000;
const stores: StateStore[] = [];

function memoryStore(now: () => number): StateStore {
  const store = createStateStore(stateConfig({}), silent, { now });
  stores.push(store);
  return store;
}

afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  vi.useRealTimers();
});

describe('memory state store (default)', () => {
  it('is the default store and remembers a conversation from one message to the next', async () => {
    const clock = fakeClock();
    const store = memoryStore(clock.now);
    expect(store.storage).toBeInstanceOf(TtlMemoryStorage);
    await countingBot(store.conversationState)
      .send('hi')
      .assertReply('message 1')
      .send('again')
      .assertReply('message 2')
      .startTest();
    expect(await store.ready()).toBe(true);
  });

  it('forgets a conversation once it has been quiet for the TTL (1 minute)', async () => {
    const clock = fakeClock();
    const store = memoryStore(clock.now);
    const bot = countingBot(store.conversationState);
    await bot.send('hi').assertReply('message 1').startTest();
    clock.advance(MINUTE - 1);
    await bot.send('still here').assertReply('message 2').startTest();
    clock.advance(MINUTE);
    await bot.send('back later').assertReply('message 1').startTest();
  });

  it('keeps an item for just under the TTL after its last write, and not a moment longer', async () => {
    const clock = fakeClock();
    const { storage } = memoryStore(clock.now);
    await storage.write({ k: { answer: 'yes' } });
    clock.advance(MINUTE - 1);
    expect((await storage.read(['k'])).k).toMatchObject({ answer: 'yes' });
    clock.advance(1);
    expect(await storage.read(['k'])).toEqual({});
  });

  it('"delete my chat" removes the stored item, through ConversationState.delete too', async () => {
    const clock = fakeClock();
    const store = memoryStore(clock.now);
    await store.storage.write({ a: { answer: 'yes' }, b: { answer: 'no' } });
    await store.storage.delete(['a']);
    expect(Object.keys(await store.storage.read(['a', 'b']))).toEqual(['b']);

    const count = store.conversationState.createProperty<number>('count');
    const adapter = new TestAdapter(async (ctx) => {
      if (ctx.activity.text === 'delete my chat') {
        await store.conversationState.delete(ctx);
        await ctx.sendActivity('deleted');
        return;
      }
      const n = (await count.get(ctx, 0)) + 1;
      await count.set(ctx, n);
      await store.conversationState.saveChanges(ctx);
      await ctx.sendActivity(`message ${n}`);
    });
    await adapter
      .send('hi')
      .assertReply('message 1')
      .send('hi')
      .assertReply('message 2')
      .send('delete my chat')
      .assertReply('deleted')
      .send('hi')
      .assertReply('message 1')
      .startTest();
  });

  it('refuses a write with a stale eTag, and lets "*" win (as BotState.saveChanges does)', async () => {
    const { storage } = memoryStore(Date.now);
    await storage.write({ k: { v: 1 } });
    const first = (await storage.read(['k'])).k;
    await storage.write({ k: { ...first, v: 2 } });
    await expect(storage.write({ k: { ...first, v: 3 } })).rejects.toThrow(/eTag conflict/);
    await storage.write({ k: { v: 4, eTag: '*' } });
    expect((await storage.read(['k'])).k).toMatchObject({ v: 4 });
  });

  it('hands out copies, so changing a read item does not change what is stored', async () => {
    const { storage } = memoryStore(Date.now);
    await storage.write({ k: { list: ['a'] } });
    const item = (await storage.read(['k'])).k as { list: string[] };
    item.list.push('b');
    expect((await storage.read(['k'])).k).toMatchObject({ list: ['a'] });
  });

  it('sweeps expired conversations, so memory holds only those active within the TTL', async () => {
    const clock = fakeClock();
    const store = memoryStore(clock.now);
    const memory = store.storage as TtlMemoryStorage;
    for (let i = 0; i < 1000; i++) await memory.write({ [`old-${i}`]: { answer: 'skip' } });
    clock.advance(MINUTE);
    for (let i = 0; i < 10; i++) await memory.write({ [`new-${i}`]: { answer: 'yes' } });
    expect(memory.size).toBe(1010);
    expect(await store.sweepNow()).toBe(1000);
    expect(memory.size).toBe(10);
  });

  it('sweeps on its own timer (fake timers: no waiting)', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const clock = fakeClock();
    const store = memoryStore(clock.now);
    const memory = store.storage as TtlMemoryStorage;
    for (let i = 0; i < 50; i++) await memory.write({ [`c-${i}`]: { answer: 'no' } });
    clock.advance(MINUTE);
    expect(memory.size).toBe(50);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(memory.size).toBe(0);
  });
});
