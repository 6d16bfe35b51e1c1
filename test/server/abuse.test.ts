import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../helpers/bot-client.ts';
import { type BotProcess, startBotProcess } from '../helpers/server.ts';

let bot: BotProcess;
beforeAll(async () => {
  bot = await startBotProcess({ RATE_LIMIT_PER_MINUTE: '40', CONVERSATION_TURNS_PER_MINUTE: '5' });
});
afterAll(async () => {
  await bot?.stop();
});

describe('rate limits', () => {
  it('caps turns per conversation with a 429 that still says to call 999', async () => {
    const c = new Client(bot.url);
    const statuses: number[] = [];
    let body = '';
    for (let i = 0; i < 7; i++) {
      const res = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(c.activity({ type: 'message', text: 'menu' })),
      });
      statuses.push(res.status);
      if (res.status === 429) {
        body = await res.text();
        expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      } else await res.text();
    }
    expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(body).toContain('call 999');
    // Another conversation is not affected.
    expect((await new Client(bot.url).say('menu')).status).toBe(200);
  });

  it('caps requests per client address with a 429 that still says to call 999', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) statuses.push((await new Client(bot.url).say('hi')).status);
    expect(statuses).toContain(429);
    const res = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(new Client(bot.url).activity({ type: 'message', text: 'hi' })),
    });
    expect(res.status).toBe(429);
    expect(await res.text()).toContain('999');
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });
});
