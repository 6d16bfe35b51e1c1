/**
 * The Teams staff behaviour through the real server (child process, real HTTP, expectReplies),
 * with Teams-shaped activities: tenant, conversation type, @mentions and card submits.
 * These need src/bot.ts to route msteams activities to createStaffHandler (see the wiring notes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOUND, REFUSAL } from '../../src/channels/teams/staff.ts';
import { getKnowledge } from '../../src/knowledge/index.ts';
import { type BotActivity, Client, visibleText } from '../helpers/bot-client.ts';
import { type BotProcess, startBotProcess } from '../helpers/server.ts';
import {
  mentionFields,
  OTHER_TENANT,
  STAFF_TENANT,
  type TeamsOptions,
  teamsFields,
} from './teams-activities.ts';

const knowledge = getKnowledge();
const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

function teams(bot: BotProcess, opts: TeamsOptions = { tenant: STAFF_TENANT }): Client {
  const { channelId: _c, ...extra } = teamsFields(opts);
  const conversation = extra.conversation as { id: string };
  return new Client(bot.url, { channelId: 'msteams', conversationId: conversation.id, extra });
}

const cardOf = (a: BotActivity | undefined) =>
  a?.attachments?.find((x) => x.contentType === ADAPTIVE)?.content as { version?: string } | undefined;

/** The child's log lines containing `marker`, once at least one has arrived (the pipe lags the reply). */
async function logLines(bot: BotProcess, marker: string): Promise<string[]> {
  for (let i = 0; i < 40; i++) {
    const lines = bot.logs().filter((l) => l.includes(marker));
    if (lines.length > 0) return lines;
    await new Promise((r) => setTimeout(r, 50));
  }
  return [];
}

const PUBLIC_QUESTIONS = /Are you safe right now|safe to keep chatting|Has it happened more than once/i;

describe('Teams staff, allowed tenant', () => {
  let bot: BotProcess;
  beforeAll(async () => {
    bot = await startBotProcess({ STAFF_TENANT_IDS: STAFF_TENANT });
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('"spo" gets the SPO reference card: Adaptive Card 1.5, breach text, reviewed-on date', async () => {
    const res = await teams(bot).say('spo');
    expect(res.status).toBe(200);
    expect(res.activities).toHaveLength(1);
    const reply = res.activities[0];
    expect(reply?.attachments?.[0]?.contentType).toBe(ADAPTIVE);
    expect(cardOf(reply)?.version).toBe('1.5');
    expect(reply?.channelData?.topic).toBe('spo');
    const text = visibleText(res.activities);
    expect(text).toContain(knowledge.section('spo', 'breach')!.text);
    expect(text).toMatch(/Reviewed on \d{1,2} [A-Z][a-z]+ \d{4}/);
  });

  it('an @mention in a channel is answered with the mention removed', async () => {
    const c = teams(bot, { tenant: STAFF_TENANT, conversationType: 'channel' });
    const res = await c.post(c.activity({ type: 'message', ...mentionFields('non-mol') }));
    expect(res.activities).toHaveLength(1);
    expect(res.activities[0]?.channelData?.topic).toBe('non-molestation-order');
    expect(visibleText(res.activities)).toContain(knowledge.section('non-molestation-order', 'breach')!.text);
  });

  it('a card submit with no text is handled as the choice it carries', async () => {
    const c = teams(bot);
    const action = await c.post(c.activity({ type: 'message', value: { action: 'online' } }));
    expect(action.activities).toHaveLength(1);
    expect(action.activities[0]?.channelData?.topic).toBe('online-safety-act');

    const ch = teams(bot, { tenant: STAFF_TENANT, conversationType: 'channel' });
    const messageBack = await ch.post(
      ch.activity({
        type: 'message',
        value: { msteams: { type: 'messageBack', text: 'online', displayText: 'Threats online' } },
      }),
    );
    expect(messageBack.activities[0]?.channelData?.topic).toBe('online-safety-act');
  });

  it('risk gets the staff-framed safety card first, and no public questions', async () => {
    const res = await teams(bot).say("caller says he's outside her house right now");
    const first = res.activities[0];
    expect(first?.channelData?.escalation).toBe('immediate');
    const escalation = visibleText(res.activities.filter((a) => a.channelData?.escalation));
    expect(escalation).toMatch(/advise/i);
    for (const n of ['999', '55', '0330 333 7 444']) expect(escalation).toContain(n);
    expect(visibleText(res.activities)).not.toMatch(PUBLIC_QUESTIONS);
    // Not a question: nothing is added under the safety card.
    expect(res.activities.some((a) => a.channelData?.topic)).toBe(false);
  });

  it('risk with a clear question: the safety card first, then the answer', async () => {
    const res = await teams(bot).say(
      "caller says he's outside, can he be arrested for breaking the non-mol?",
    );
    expect(res.activities[0]?.channelData?.escalation).toBe('immediate');
    expect(res.activities.at(-1)?.channelData?.topic).toBe('non-molestation-order');
    expect(visibleText(res.activities)).not.toMatch(PUBLIC_QUESTIONS);
  });

  it('never gets the triage questions: "Which protection might fit me?" gets a card', async () => {
    const c = teams(bot);
    const res = await c.say('Which protection might fit me?');
    expect(res.activities.length).toBeGreaterThan(0);
    expect(cardOf(res.activities.at(-1))).toBeDefined();
    expect(visibleText(res.activities)).not.toMatch(PUBLIC_QUESTIONS);
    // And the next message is not read as an answer to a question.
    const next = await c.say('Yes');
    expect(visibleText(next.activities)).not.toMatch(PUBLIC_QUESTIONS);
    expect(visibleText(next.activities)).toContain(NOT_FOUND);
  });

  it('installing the app gets the staff welcome card, not the public welcome', async () => {
    const c = teams(bot, { tenant: STAFF_TENANT, conversationType: 'channel' });
    const res = await c.post(c.activity({ type: 'installationUpdate', action: 'add' }));
    expect(res.activities).toHaveLength(1);
    expect(cardOf(res.activities[0])).toBeDefined();
    const text = visibleText(res.activities);
    expect(text).toMatch(/Teams keeps this chat\. Never type a victim's name/);
    expect(text).toContain('"non-mol"');
    expect(text).not.toMatch(/I'm a computer, not a person|Are you safe right now/);
  });

  it('a colleague joining the team gets no public welcome or questions', async () => {
    const c = teams(bot, { tenant: STAFF_TENANT, conversationType: 'channel' });
    const res = await c.post(
      c.activity({
        type: 'conversationUpdate',
        membersAdded: [{ id: '29:new-colleague', name: 'New Colleague' }],
        channelData: {
          tenant: { id: STAFF_TENANT },
          eventType: 'teamMemberAdded',
          team: { id: '19:team@thread.tacv2' },
        },
      }),
    );
    expect(visibleText(res.activities)).not.toMatch(/I'm a computer, not a person|Are you safe right now/);
  });
});

describe('Teams staff, the tenant lock', () => {
  let bot: BotProcess;
  beforeAll(async () => {
    bot = await startBotProcess({ STAFF_TENANT_IDS: STAFF_TENANT });
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('another tenant gets one polite refusal: no card, no topic', async () => {
    const res = await teams(bot, { tenant: OTHER_TENANT }).say('spo');
    expect(res.activities).toHaveLength(1);
    expect(res.activities[0]?.text).toBe(REFUSAL);
    expect(res.activities[0]?.attachments ?? []).toEqual([]);
    expect(res.activities[0]?.channelData?.topic).toBeUndefined();
    const logged = await logLines(bot, 'teams tenant refused');
    expect(logged.some((l) => l.includes(OTHER_TENANT))).toBe(true);
    expect(logged.join('\n')).not.toContain('spo"');
  });

  it('another tenant installing the app gets nothing', async () => {
    const c = teams(bot, { tenant: OTHER_TENANT });
    const res = await c.post(c.activity({ type: 'installationUpdate', action: 'add' }));
    expect(res.activities).toEqual([]);
  });
});

describe('Teams staff, no tenant list', () => {
  let bot: BotProcess;
  beforeAll(async () => {
    bot = await startBotProcess({ STAFF_TENANT_IDS: '' });
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('refuses Teams entirely, and says so in the log at start', async () => {
    const res = await teams(bot, { tenant: STAFF_TENANT }).say('spo');
    expect(res.activities.map((a) => a.text)).toEqual([REFUSAL]);
    expect(await logLines(bot, 'STAFF_TENANT_IDS is empty')).toHaveLength(1);
  });
});
