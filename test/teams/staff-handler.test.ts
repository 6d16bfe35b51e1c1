/**
 * The staff handler on its own (botbuilder TestAdapter), driven the way src/bot.ts drives it:
 * allowTenant first, then onMessage with the risk the bot assessed, or onInstall. These pass
 * without the bot wiring; staff.http.test.ts checks the same behaviour through the real server.
 */
import { type Activity, TestAdapter } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import {
  createStaffHandler,
  isClearlyQuestion,
  NOT_FOUND,
  REFUSAL,
  staffText,
} from '../../src/channels/teams/staff.ts';
import { loadConfig } from '../../src/config.ts';
import { ADVICE_NOTE, getKnowledge } from '../../src/knowledge/index.ts';
import { createLogger } from '../../src/logger.ts';
import type { RiskAssessment } from '../../src/safety/types.ts';
import type { BotActivity } from '../helpers/bot-client.ts';
import { visibleText } from '../helpers/bot-client.ts';
import {
  BOT,
  MENTION_TEXT,
  mentionFields,
  OTHER_TENANT,
  STAFF_TENANT,
  type TeamsOptions,
  teamsFields,
} from './teams-activities.ts';

const knowledge = getKnowledge();
const NONE: RiskAssessment = { level: 'none', rules: [] };
const IMMEDIATE: RiskAssessment = { level: 'immediate', rules: ['test.immediate'] };
const CONCERN: RiskAssessment = { level: 'concern', rules: ['test.concern'] };

interface Harness {
  /** One turn; returns the replies. */
  send(activity: Record<string, unknown>, risk?: RiskAssessment): Promise<BotActivity[]>;
  say(text: string, opts?: TeamsOptions, risk?: RiskAssessment): Promise<BotActivity[]>;
  logs: string[];
}

function harness(tenants: string): Harness {
  const logs: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logs.push(line) });
  const config = loadConfig({ NODE_ENV: 'test', STAFF_TENANT_IDS: tenants }, undefined);
  const staff = createStaffHandler({ config, logger, knowledge });
  let risk: RiskAssessment = NONE;
  const adapter = new TestAdapter(async (context) => {
    if (!(await staff.allowTenant(context))) return;
    if (context.activity.type === 'message') await staff.onMessage(context, risk);
    if (context.activity.type === 'installationUpdate') await staff.onInstall(context);
  });
  const drain = (): BotActivity[] => {
    const out: BotActivity[] = [];
    while (adapter.activeQueue.length > 0) out.push(adapter.activeQueue.shift() as unknown as BotActivity);
    return out;
  };
  const send = async (activity: Record<string, unknown>, r: RiskAssessment = NONE) => {
    risk = r;
    drain();
    await adapter.receiveActivity(activity as Partial<Activity>);
    return drain();
  };
  return {
    send,
    say: (text, opts = { tenant: STAFF_TENANT }, r = NONE) =>
      send({ type: 'message', text, ...teamsFields(opts) }, r),
    logs,
  };
}

const adaptive = (a: BotActivity | undefined) =>
  a?.attachments?.find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive')?.content as
    | { version?: string; body?: unknown[] }
    | undefined;

describe('an allowed tenant', () => {
  it('"spo" gets the SPO reference card with the breach text and the reviewed-on date', async () => {
    const h = harness(STAFF_TENANT);
    const replies = await h.say('spo');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.channelData?.topic).toBe('spo');
    expect(adaptive(replies[0])?.version).toBe('1.5');
    const text = visibleText(replies);
    expect(text).toContain(knowledge.section('spo', 'breach')!.text);
    expect(text).toMatch(/Reviewed on \d{1,2} \w+ \d{4}/);
  });

  it('the tenant id matches whatever its letter case', async () => {
    const h = harness(STAFF_TENANT.toUpperCase());
    const replies = await h.say('spo');
    expect(replies[0]?.channelData?.topic).toBe('spo');
  });

  it.each([
    ['non-mol', 'non-molestation-order'],
    ['nonmol', 'non-molestation-order'],
    ['non mol', 'non-molestation-order'],
    ['NMO', 'non-molestation-order'],
    ['harassment', 'harassment-act'],
    ['online', 'online-safety-act'],
    ['stalking', 'stalking-offence'],
    ['updates', 'spo-updates'],
    ['get help', 'get-help'],
  ])('"%s" opens %s', async (command, topic) => {
    const replies = await harness(STAFF_TENANT).say(command);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.channelData?.topic).toBe(topic);
  });

  it('"spo breach" opens the card with the breach section shaded', async () => {
    const replies = await harness(STAFF_TENANT).say('spo breach');
    const card = JSON.stringify(adaptive(replies[0]));
    expect(card).toMatch(/"style":"emphasis","items":\[\{"type":"TextBlock","text":"If it is broken"/);
  });

  it('a question in their own words gets the card with the answering section first', async () => {
    const replies = await harness(STAFF_TENANT).say('how long does an SPO last?');
    expect(replies[0]?.channelData?.topic).toBe('spo');
    const body = adaptive(replies[0])?.body ?? [];
    const firstSection = body.find((e) => (e as { type: string }).type === 'Container');
    expect(JSON.stringify(firstSection)).toContain(knowledge.section('spo', 'duration')!.text);
  });

  it('a request for advice adds the "information, not legal advice" note', async () => {
    const replies = await harness(STAFF_TENANT).say('what should I do about threats online');
    expect(visibleText(replies)).toContain(ADVICE_NOTE);
  });

  it('help lists the commands; menu has a button per topic', async () => {
    const h = harness(STAFF_TENANT);
    const help = visibleText(await h.say('help'));
    for (const c of ['spo', 'non-mol', 'harassment', 'online', 'menu']) expect(help).toContain(`"${c}"`);
    const menu = await h.say('menu');
    const titles = JSON.stringify(adaptive(menu[0]));
    for (const t of knowledge.topics) expect(titles).toContain(`"title":"${t.shortTitle}"`);
    expect(menu[0]?.channelData?.topic).toBeUndefined();
  });

  it('something it cannot find gets "I didn\'t find that" and the topic buttons', async () => {
    const replies = await harness(STAFF_TENANT).say('the weather in Chelmsford');
    expect(replies).toHaveLength(1);
    expect(visibleText(replies)).toContain(NOT_FOUND);
    expect(visibleText(replies)).toContain('"title":"SPO"');
  });

  it('never gets the public triage questions', async () => {
    const replies = await harness(STAFF_TENANT).say('Which protection might fit me?');
    expect(replies).toHaveLength(1);
    expect(adaptive(replies[0])).toBeDefined();
    expect(visibleText(replies)).not.toMatch(/Are you safe right now|safe to keep chatting/i);
  });
});

describe('channels, group chats and card submits', () => {
  it('an @mention in a channel is answered with the mention removed', async () => {
    const h = harness(STAFF_TENANT);
    const replies = await h.send({
      type: 'message',
      ...teamsFields({ tenant: STAFF_TENANT, conversationType: 'channel' }),
      ...mentionFields('non-mol'),
    });
    expect(replies).toHaveLength(1);
    expect(replies[0]?.channelData?.topic).toBe('non-molestation-order');
  });

  it('a bare @mention gets the menu, not an error', async () => {
    const replies = await harness(STAFF_TENANT).send({
      type: 'message',
      ...teamsFields({ tenant: STAFF_TENANT, conversationType: 'groupChat' }),
      text: MENTION_TEXT,
      entities: [{ type: 'mention', mentioned: { ...BOT }, text: MENTION_TEXT }],
    });
    expect(replies).toHaveLength(1);
    expect(visibleText(replies)).toContain('"title":"Non-Mol"');
  });

  it('a card submit with no text is read from its value', async () => {
    const h = harness(STAFF_TENANT);
    const action = await h.send({
      type: 'message',
      value: { action: 'online' },
      ...teamsFields({ tenant: STAFF_TENANT }),
    });
    expect(action[0]?.channelData?.topic).toBe('online-safety-act');
    const messageBack = await h.send({
      type: 'message',
      value: { msteams: { type: 'messageBack', text: 'harassment', displayText: 'Harassment' } },
      ...teamsFields({ tenant: STAFF_TENANT, conversationType: 'channel' }),
      entities: [{ type: 'clientInfo', locale: 'en-GB' }],
    });
    expect(messageBack[0]?.channelData?.topic).toBe('harassment-act');
  });
});

describe('the tenant lock', () => {
  it('another tenant gets one polite refusal and nothing else', async () => {
    const h = harness(STAFF_TENANT);
    const replies = await h.say('spo', { tenant: OTHER_TENANT });
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toBe(REFUSAL);
    expect(replies[0]?.attachments ?? []).toEqual([]);
    expect(replies[0]?.channelData?.topic).toBeUndefined();
    const refused = h.logs.filter((l) => l.includes('teams tenant refused'));
    expect(refused).toHaveLength(1);
    expect(JSON.parse(refused[0]!)).toMatchObject({ tenant: OTHER_TENANT });
  });

  it('a tenant id only on the conversation still counts, and two different ones are refused', async () => {
    const h = harness(STAFF_TENANT);
    const viaConversation = await h.send({
      type: 'message',
      text: 'spo',
      ...teamsFields({ tenant: undefined, conversationTenant: STAFF_TENANT }),
    });
    expect(viaConversation[0]?.channelData?.topic).toBe('spo');
    const mixed = await h.say('spo', { tenant: STAFF_TENANT, conversationTenant: OTHER_TENANT });
    expect(mixed.map((a) => a.text)).toEqual([REFUSAL]);
  });

  it('no tenant at all is refused', async () => {
    const replies = await harness(STAFF_TENANT).say('spo', { tenant: undefined });
    expect(replies.map((a) => a.text)).toEqual([REFUSAL]);
  });

  it('another tenant installing the app, or a card submit from it, gets no content', async () => {
    const h = harness(STAFF_TENANT);
    expect(
      await h.send({ type: 'installationUpdate', action: 'add', ...teamsFields({ tenant: OTHER_TENANT }) }),
    ).toEqual([]);
    const submit = await h.send({
      type: 'message',
      value: { action: 'spo' },
      ...teamsFields({ tenant: OTHER_TENANT }),
    });
    expect(submit.map((a) => a.text)).toEqual([REFUSAL]);
  });

  it('with no tenant list, Teams is refused and a warning is logged once at start', async () => {
    const h = harness('');
    expect(h.logs.filter((l) => l.includes('STAFF_TENANT_IDS is empty'))).toHaveLength(1);
    const replies = await h.say('spo', { tenant: STAFF_TENANT });
    expect(replies.map((a) => a.text)).toEqual([REFUSAL]);
    await h.say('menu', { tenant: STAFF_TENANT });
    expect(h.logs.filter((l) => l.includes('STAFF_TENANT_IDS is empty'))).toHaveLength(1);
  });

  it('logs carry ids, never the words typed', async () => {
    const h = harness(STAFF_TENANT);
    await h.say('caller Jane Doe at 12 Acacia Avenue asks about a non-mol');
    await h.say('Jane Doe spo', { tenant: OTHER_TENANT });
    const all = h.logs.join('\n');
    expect(h.logs.length).toBeGreaterThan(0);
    expect(all).not.toMatch(/Jane|Acacia/);
  });
});

describe('risk in a staff message (the bot has already sent the staff safety card)', () => {
  it('adds nothing when the message is not also a question', async () => {
    const replies = await harness(STAFF_TENANT).say(
      "caller says he's outside her house right now",
      undefined,
      IMMEDIATE,
    );
    expect(replies).toEqual([]);
  });

  it('answers a clear question after it, with the topic card', async () => {
    const replies = await harness(STAFF_TENANT).say(
      "caller says he's outside, can he be arrested for breaking the non-mol?",
      undefined,
      IMMEDIATE,
    );
    expect(replies).toHaveLength(1);
    expect(replies[0]?.channelData?.topic).toBe('non-molestation-order');
  });

  it('a concern does not stop the answer', async () => {
    const replies = await harness(STAFF_TENANT).say('spo', undefined, CONCERN);
    expect(replies[0]?.channelData?.topic).toBe('spo');
  });
});

describe('installation', () => {
  it('welcomes with what the bot is for, the commands and the Teams history warning', async () => {
    const replies = await harness(STAFF_TENANT).send({
      type: 'installationUpdate',
      action: 'add',
      ...teamsFields({ tenant: STAFF_TENANT, conversationType: 'channel' }),
    });
    expect(replies).toHaveLength(1);
    const text = visibleText(replies);
    expect(text).toMatch(/reference cards on stalking and harassment law/);
    expect(text).toContain('"non-mol"');
    expect(text).toMatch(/Teams keeps this chat\. Never type a victim's name/);
  });
});

describe('reading the words', () => {
  it('removes the bot mention but tolerates activities without text or with odd entities', () => {
    expect(
      staffText({ type: 'message', recipient: BOT, ...mentionFields('non-mol') } as Partial<Activity>),
    ).toBe('non-mol');
    expect(
      staffText({ type: 'message', recipient: BOT, value: { action: 'online' } } as Partial<Activity>),
    ).toBe('online');
    expect(
      staffText({
        type: 'message',
        recipient: BOT,
        text: `${MENTION_TEXT}&nbsp;spo`,
        entities: [{ type: 'mention', mentioned: { ...BOT } }],
      } as unknown as Partial<Activity>),
    ).toBe('spo');
    expect(
      staffText({ type: 'message', recipient: BOT, text: MENTION_TEXT } as Partial<Activity>),
    ).toBeUndefined();
  });

  it('tells a question from a statement', () => {
    expect(isClearlyQuestion("caller says he's outside right now")).toBe(false);
    expect(isClearlyQuestion("he's following me home right now what do i do")).toBe(false);
    expect(isClearlyQuestion("he's outside. Is that a breach of the SPO")).toBe(true);
    expect(isClearlyQuestion('can he be arrested')).toBe(true);
  });
});
