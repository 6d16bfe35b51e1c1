/**
 * Storage goes down in the middle of a conversation, then comes back. A frightened person must
 * never get silence or a 500: an ordinary message gets a short apology that still carries the
 * numbers, a message about immediate danger still gets the whole danger prompt, the load
 * balancer sees /readyz fail, and when storage is back the same process works again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AzuriteHandle, startAzurite } from '../helpers/azurite.ts';
import { type BotActivity, buttonsOf, Client, visibleText } from '../helpers/bot-client.ts';
import { type BotProcess, startBotProcess } from '../helpers/server.ts';
import { blobEnv, questionHeading, TRIAGE_START } from './http-support.ts';
import { containerName } from './support.ts';

const DANGER = 'he is outside my door with a knife';
const COMPASS = '0330 333 7 444';

let azurite: AzuriteHandle;
let bot: BotProcess;
let late: BotProcess | undefined;
let env: Record<string, string>;

beforeAll(async () => {
  azurite = await startAzurite();
  env = blobEnv(azurite.connectionString, containerName('outage'));
  bot = await startBotProcess(env);
});
afterAll(async () => {
  await Promise.all([bot?.stop(), late?.stop()]);
  await azurite?.dispose();
});

async function status(path: string, url = bot.url): Promise<number> {
  const res = await fetch(`${url}${path}`);
  await res.arrayBuffer();
  return res.status;
}

const escalations = (acts: readonly BotActivity[]) =>
  acts.filter((x) => x.channelData?.escalation === 'immediate');

/** The danger prompt as a person sees it: the words and buttons of each escalation message. */
const dangerPrompt = (acts: readonly BotActivity[]) =>
  escalations(acts).map((x) => ({ text: x.text, buttons: buttonsOf([x]) }));

describe('blob storage goes away mid-conversation and comes back', () => {
  it('apologises with the numbers, still gives the full danger prompt, fails /readyz, and recovers without a restart (an instance started during the outage too)', async () => {
    // While storage is up: the danger prompt a new conversation gets, to compare with later.
    const healthy = await new Client(bot.url, { channelId: 'webchat' }).say(DANGER);
    const fullPrompt = dangerPrompt(healthy.activities);
    expect(fullPrompt.length).toBeGreaterThan(0);

    // A conversation in the middle of the questions.
    const c = new Client(bot.url, { channelId: 'webchat' });
    await c.join();
    const q1 = await c.say(TRIAGE_START);
    expect(visibleText(q1.activities)).toContain(questionHeading(1));
    expect(await status('/readyz')).toBe(200);

    await azurite.stop();

    // An ordinary answer: a short apology with 999 and Essex Compass, not silence, not a 500.
    const sorry = await c.say('Yes');
    expect(sorry.status).toBe(200);
    expect(sorry.activities.length).toBeGreaterThan(0);
    const sorryText = visibleText(sorry.activities);
    expect(sorryText).toMatch(/^Sorry/);
    expect(sorryText).toContain('999');
    expect(sorryText).toContain(COMPASS);
    expect(sorry.activities.map((x) => x.text ?? '').join('').length).toBeLessThan(400);
    expect(sorryText).not.toContain(questionHeading(2));

    // Immediate danger from someone the bot has not seen yet: the same full prompt as when up,
    // first in the reply.
    const danger = await new Client(bot.url, { channelId: 'webchat' }).say(DANGER);
    expect(danger.status).toBe(200);
    expect(dangerPrompt(danger.activities)).toEqual(fullPrompt);
    expect(danger.activities[0]?.channelData?.escalation).toBe('immediate');
    const dangerText = visibleText(escalations(danger.activities));
    for (const number of ['999', '55', COMPASS]) expect(dangerText).toContain(number);
    // And in the conversation that was already going.
    const dangerMid = await c.say(DANGER);
    expect(dangerMid.status).toBe(200);
    expect(visibleText(escalations(dangerMid.activities))).toContain('999');

    // The load balancer stops sending new people here; the process itself is alive.
    expect(await status('/readyz')).toBe(503);
    expect(await status('/healthz')).toBe(200);

    // An instance started during the outage (a scale-out on a busy night) also apologises.
    late = await startBotProcess(env);
    const lateJoin = await new Client(late.url, { channelId: 'webchat' }).join();
    expect(lateJoin.status).toBe(200);
    expect(visibleText(lateJoin.activities)).toMatch(/^Sorry/);
    expect(visibleText(lateJoin.activities)).toContain('999');
    expect(await status('/readyz', late.url)).toBe(503);

    await azurite.restart();

    expect(await status('/readyz')).toBe(200);
    // A new conversation works: the welcome, then a menu button answered.
    const fresh = new Client(bot.url, { channelId: 'webchat' });
    const welcome = await fresh.join();
    expect(welcome.status).toBe(200);
    expect(visibleText(welcome.activities)).toContain("Hello. I'm a computer, not a person.");
    expect(buttonsOf(welcome.activities)).toContain('Get help now');
    const help = await fresh.say('Get help now');
    expect(help.activities.at(-1)?.channelData?.topic).toBe('get-help');
    expect(visibleText(help.activities)).toContain(COMPASS);
    // A second turn is remembered, so state is written and read again.
    const more = await fresh.say('Tell me more');
    expect(more.activities.at(-1)?.channelData?.topic).toBe('get-help');
    expect(more.activities.at(-1)?.text).not.toBe(help.activities.at(-1)?.text);

    // The instance that started while storage was down works too, without a restart.
    expect(await status('/readyz', late.url)).toBe(200);
    const lateFresh = new Client(late.url, { channelId: 'webchat' });
    expect(visibleText((await lateFresh.join()).activities)).toContain(
      "Hello. I'm a computer, not a person.",
    );
    const lateHelp = await lateFresh.say('Get help now');
    expect(lateHelp.activities.at(-1)?.channelData?.topic).toBe('get-help');
    const lateMore = await lateFresh.say('Tell me more');
    expect(lateMore.activities.at(-1)?.channelData?.topic).toBe('get-help');
    expect(lateMore.activities.at(-1)?.text).not.toBe(lateHelp.activities.at(-1)?.text);

    // The conversation that was going when storage failed gets a proper answer, not an apology.
    const resumed = await c.say('menu');
    expect(resumed.status).toBe(200);
    expect(visibleText(resumed.activities)).not.toMatch(/something went wrong/);
    expect(buttonsOf(resumed.activities)).toContain(TRIAGE_START);
  });
});
