import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsOf, Client } from '../helpers/bot-client.ts';
import { type BotProcess, startBotProcess } from '../helpers/server.ts';

let bot: BotProcess;
beforeAll(async () => {
  bot = await startBotProcess();
});
afterAll(async () => {
  await bot?.stop();
});

describe('menu -> topic -> Tell me more -> menu, over HTTP', () => {
  it('walks there and back with a reply and buttons at every step', async () => {
    const c = new Client(bot.url, { channelId: 'webchat' });
    const welcome = await c.join();
    expect(buttonsOf(welcome.activities)).toContain('Orders a court can make');

    const list = await c.say('Orders a court can make');
    const spoTitle = buttonsOf(list.activities).find((b) => /Stalking Protection Order/i.test(b));
    expect(spoTitle).toBeDefined();

    const summary = await c.say(spoTitle!);
    expect(summary.activities.at(-1)?.channelData?.topic).toBe('spo');
    expect(buttonsOf(summary.activities)).toEqual(expect.arrayContaining(['Tell me more', 'Back to menu']));

    const more = await c.say('Tell me more');
    expect(more.activities.at(-1)?.channelData?.topic).toBe('spo');
    expect(more.activities.at(-1)?.text).not.toBe(summary.activities.at(-1)?.text);

    const menu = await c.say('Back to menu');
    expect(buttonsOf(menu.activities)).toContain('Which protection might fit me?');
  });
});
