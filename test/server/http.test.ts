import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, visibleText } from '../helpers/bot-client.ts';
import { type BotProcess, startBotProcess } from '../helpers/server.ts';

let bot: BotProcess;

beforeAll(async () => {
  bot = await startBotProcess();
});
afterAll(async () => {
  await bot?.stop();
});

async function raw(
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: string; headers: Headers }> {
  const res = await fetch(`${bot.url}${path}`, init);
  return { status: res.status, body: await res.text(), headers: res.headers };
}

const json = (body: string, extra: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...extra },
  body,
});

describe('the bot server over real HTTP', () => {
  it('answers /healthz and /readyz with 200 while up', async () => {
    expect((await raw('/healthz')).status).toBe(200);
    expect((await raw('/readyz')).status).toBe(200);
  });

  it('welcomes a new person with 999, 55 and Essex Compass, then answers a message', async () => {
    const client = new Client(bot.url);
    const welcome = await client.join();
    expect(welcome.status).toBe(200);
    const words = visibleText(welcome.activities);
    expect(words).toContain('999');
    expect(words).toContain('55');
    expect(words).toContain('0330 333 7 444');
    expect(words).toMatch(/computer/i);

    const reply = await client.say('Get help now');
    expect(reply.status).toBe(200);
    expect(reply.activities.length).toBeGreaterThan(0);
    expect(reply.activities.some((a) => a.channelData?.topic === 'get-help')).toBe(true);
  });

  it('answers an immediate-danger message with 999, 55, Essex Compass and channelData.escalation', async () => {
    const client = new Client(bot.url, { channelId: 'webchat' });
    const res = await client.say('hes outsde my hous with a knife pls help');
    expect(res.status).toBe(200);
    expect(res.activities[0]?.channelData?.escalation).toBe('immediate');
    const words = visibleText(res.activities);
    expect(words).toContain('999');
    expect(words).toContain('55');
    expect(words).toContain('0330 333 7 444');
  });

  it('sends no debug traces to real channels; the Emulator still gets its state trace', async () => {
    const web = new Client(bot.url, { channelId: 'webchat' });
    await web.join();
    const reply = await web.say('Laws that protect me');
    expect(reply.activities.length).toBeGreaterThan(0);
    expect(reply.activities.filter((a) => a.type === 'trace')).toHaveLength(0);

    const emulator = new Client(bot.url, { channelId: 'emulator' });
    await emulator.join();
    const debug = await emulator.say('Laws that protect me');
    expect(debug.activities.some((a) => a.type === 'trace')).toBe(true);
  });

  it('welcomes each person once', async () => {
    const client = new Client(bot.url);
    await client.join();
    const again = await client.join();
    expect(visibleText(again.activities)).not.toMatch(/I'm a computer/);
  });

  it('turns away bad bodies with 400 or 413 and keeps answering', async () => {
    const cases: [string, string, number][] = [
      ['bad JSON', '{"type": "message",', 400],
      ['no type', JSON.stringify({ text: 'hello' }), 400],
      ['an array', JSON.stringify([{ type: 'message' }]), 400],
      ['a number', '42', 400],
      ['1 MB', JSON.stringify({ type: 'message', text: 'x'.repeat(1024 * 1024) }), 413],
    ];
    for (const [name, body, status] of cases) {
      const res = await raw('/api/messages', json(body));
      expect(res.status, name).toBe(status);
      expect(res.body, name).not.toMatch(/at .*\.(ts|js):\d+/);
      expect(res.body, name).not.toMatch(/validateAndFixActivity/);
      expect(() => JSON.parse(res.body), name).not.toThrow();
    }
    expect((await raw('/healthz')).status).toBe(200);
  });

  it('gives 405 for other methods on the bot endpoint and 404 for unknown routes', async () => {
    expect((await raw('/api/messages')).status).toBe(405);
    expect((await raw('/api/messages', { method: 'PUT' })).status).toBe(405);
    expect((await raw('/no/such/page')).status).toBe(404);
  });

  it('sets security headers and no X-Powered-By', async () => {
    const res = await raw('/healthz');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('refuses a channel that is not on the allowlist', async () => {
    const client = new Client(bot.url, { channelId: 'slack' });
    const res = await client.say('hello');
    expect(res.status).toBe(403);
    expect(res.activities).toHaveLength(0);
  });
});
