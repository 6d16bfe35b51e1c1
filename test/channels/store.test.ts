/** The local channel's memory is bounded, and a quiet chat cannot be picked up again later. */
import { describe, expect, it } from 'vitest';
import { LocalDirectLineStore } from '../../src/channels/directline/store.ts';
import { createRateLimiter } from '../../src/channels/rate-limit.ts';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const limits = {
  idleMs: 30 * 60_000,
  maxConversations: 3,
  maxActivitiesPerConversation: 4,
  tokenTtlMs: 30 * 60_000,
};

describe('local Direct Line store', () => {
  it('ends a conversation after 30 minutes of quiet, and its token no longer works', () => {
    const c = clock();
    const store = new LocalDirectLineStore(limits, c.now);
    const token = store.issueToken();
    const conv = store.startConversation(token);
    if (!conv) throw new Error('not started');
    store.append(conv, { type: 'message', text: 'hello' });
    c.advance(29 * 60_000);
    expect(store.conversation(conv.id)).toBe(conv);
    store.touch(conv);
    c.advance(29 * 60_000);
    // 58 minutes in, but only 29 since the last activity: still there.
    expect(store.conversation(conv.id)).toBe(conv);
    c.advance(60_000);
    expect(store.conversation(conv.id)).toBeUndefined();
    expect(store.conversationCount).toBe(0);
    expect(conv.activities).toEqual([]);
    c.advance(60_000);
    expect(store.token(token.token)).toBeUndefined();
  });

  it('refuses new conversations when full, until old ones expire', () => {
    const c = clock();
    const store = new LocalDirectLineStore(limits, c.now);
    for (let i = 0; i < 3; i++) expect(store.startConversation(store.issueToken())).toBeDefined();
    expect(store.startConversation(store.issueToken())).toBeUndefined();
    c.advance(31 * 60_000);
    expect(store.startConversation(store.issueToken())).toBeDefined();
    expect(store.conversationCount).toBe(1);
  });

  it('keeps only the latest activities, and watermarks keep counting', () => {
    const store = new LocalDirectLineStore(limits);
    const conv = store.startConversation(store.issueToken());
    if (!conv) throw new Error('not started');
    for (let i = 1; i <= 6; i++) store.append(conv, { type: 'message', text: `m${i}` });
    const all = store.since(conv, 0);
    expect(all.activities.map((a) => a.text)).toEqual(['m3', 'm4', 'm5', 'm6']);
    expect(all.watermark).toBe('6');
    expect(store.since(conv, 4).activities.map((a) => a.text)).toEqual(['m5', 'm6']);
    expect(store.since(conv, 6).activities).toEqual([]);
  });
});

describe('token rate limit', () => {
  it('allows the limit per address per minute, then again in the next minute', () => {
    const c = clock();
    const limiter = createRateLimiter(2, 60_000, c.now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('b')]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    expect(limiter.retryAfterSeconds()).toBe(60);
    c.advance(60_000);
    expect(limiter.take('a')).toBe(true);
  });
});
