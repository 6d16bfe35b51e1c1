import { describe, expect, it } from 'vitest';
import type { BotActivity } from '../helpers/bot-client.ts';
import { createTestBot } from '../helpers/test-bot.ts';
import { buttonsOf, texts } from './helpers.ts';

const MENU = [
  'Am I being stalked or harassed?',
  'Laws that protect me',
  'Orders a court can make',
  'Threats online',
  'Which protection might fit me?',
  'Get help now',
  'Talk to a person',
];

describe('rendering per channel', () => {
  it('Web Chat gets the menu as suggested actions (buttons), not a text list', async () => {
    const t = createTestBot({ channelId: 'webchat' });
    const welcome = await t.join();
    const last = welcome.at(-1)!;
    expect(last.suggestedActions?.actions.map((a) => a.title)).toEqual(MENU);
    expect(last.text).not.toMatch(/1\./);
  });

  it('Teams gets an Adaptive Card with submit buttons (Teams has no suggested actions)', async () => {
    const tenant = '11111111-2222-3333-4444-555555555555';
    const t = createTestBot({
      channelId: 'msteams',
      env: { STAFF_TENANT_IDS: tenant },
      template: {
        channelData: { tenant: { id: tenant } },
        conversation: { id: 'teams-1', tenantId: tenant } as never,
      },
    });
    const replies = await t.say('menu');
    const last = replies.at(-1)!;
    expect(last.suggestedActions).toBeUndefined();
    const card = last.attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    type Action = { type: string; title: string };
    const content = card?.content as { actions?: Action[]; body?: { type: string; actions?: Action[] }[] };
    const actions = [
      ...(content.actions ?? []),
      ...(content.body ?? []).flatMap((b) => (b.type === 'ActionSet' ? (b.actions ?? []) : [])),
    ];
    expect(actions.length).toBeGreaterThan(3);
    expect(actions.every((a) => a.type === 'Action.Submit')).toBe(true);
  });

  it('a plain-text channel (terminal, tests) writes the choices out as a numbered list', async () => {
    const t = createTestBot({ channelId: 'cli' });
    const welcome = await t.join();
    const last = welcome.at(-1)!;
    expect(last.text).toMatch(/1\. Am I being stalked or harassed\?/);
    expect(last.text).toMatch(/6\. Get help now/);
  });

  it('every topic answer carries channelData.topic', async () => {
    const t = createTestBot();
    await t.join();
    const replies = await t.say('Threats online');
    expect(replies.find((a) => a.channelData?.topic)?.channelData?.topic).toBe('online-safety-act');
  });
});

describe('no dead ends', () => {
  const hasWayOn = (acts: BotActivity[]) => buttonsOf(acts).length > 0;

  it('every reply along many paths ends with buttons', async () => {
    const paths: string[][] = [
      [
        'Am I being stalked or harassed?',
        'Stalking and the law',
        'Tell me more',
        'Tell me more',
        'Another topic',
      ],
      ['Laws that protect me', 'Back to menu', 'Orders a court can make'],
      ['Orders a court can make', 'Tell me more', 'Back to menu'],
      ['Threats online', 'Tell me more', 'Tell me more', 'Tell me more'],
      ['Get help now', 'Tell me more', 'Another topic'],
      ['Talk to a person', 'Keep chatting with the bot'],
      ['how long does an spo last', 'Tell me more'],
      ['blah blah', 'help', 'menu'],
      ['Which protection might fit me?', 'Yes', 'Yes', 'No', 'No', 'Yes'],
    ];
    for (const path of paths) {
      const t = createTestBot();
      expect(hasWayOn(await t.join())).toBe(true);
      for (const step of path) {
        const replies = await t.say(step);
        expect(hasWayOn(replies), `${path.join(' > ')} at "${step}": ${texts(replies)}`).toBe(true);
      }
    }
  });

  it('every topic can be reached in 3 taps or fewer from the welcome', async () => {
    const routes: Record<string, string[]> = {
      'harassment-act': ['Laws that protect me', 'Protection from Harassment Act 1997'],
      'stalking-offence': ['Am I being stalked or harassed?', 'Stalking and the law'],
      'online-safety-act': ['Threats online'],
      spo: ['Orders a court can make'],
      'spo-updates': ['Orders a court can make'],
      'non-molestation-order': ['Orders a court can make'],
      'get-help': ['Get help now'],
    };
    for (const [topic, taps] of Object.entries(routes)) {
      const t = createTestBot();
      const welcome = await t.join();
      let buttons = buttonsOf(welcome);
      let replies: BotActivity[] = [];
      for (const tap of taps) {
        const label = buttons.find((b) => b === tap) ?? buttons.find((b) => b.startsWith(tap.split(' ')[0]!));
        expect(label, `${topic}: no button "${tap}" in ${buttons.join(' | ')}`).toBeDefined();
        replies = await t.say(label!);
        buttons = buttonsOf(replies);
      }
      if (!replies.some((a) => a.channelData?.topic === topic)) {
        // The last tap opened a list of topics: the topic's own button is the third tap.
        const title = buttons.find(
          (b) => replies.length > 0 && b.length > 0 && b !== 'Back to menu' && topicTitle(topic) === b,
        );
        expect(title, `${topic} not offered after ${taps.join(' > ')}`).toBeDefined();
        replies = await t.say(title!);
      }
      expect(
        replies.some((a) => a.channelData?.topic === topic),
        topic,
      ).toBe(true);
    }
  });
});

import { getKnowledge } from '../../src/knowledge/index.ts';

const topicTitle = (id: string) => getKnowledge().topic(id as never).title;

describe('call buttons', () => {
  it('Web Chat gets call buttons (tel: links) on the danger prompt', async () => {
    const t = createTestBot({ channelId: 'webchat' });
    const replies = await t.say("he's outside my door right now");
    const actions = replies.flatMap((a) =>
      (a.attachments ?? []).flatMap(
        (att) => (att.content as { buttons?: { type: string; value: string }[] }).buttons ?? [],
      ),
    );
    expect(actions).toContainEqual(expect.objectContaining({ type: 'call', value: 'tel:999' }));
  });

  it('Teams (staff) gets the numbers in the text and no call buttons it cannot use', async () => {
    const tenant = '11111111-2222-3333-4444-555555555555';
    const t = createTestBot({
      channelId: 'msteams',
      env: { STAFF_TENANT_IDS: tenant },
      template: {
        channelData: { tenant: { id: tenant } },
        conversation: { id: 'teams-2', tenantId: tenant } as never,
      },
    });
    const replies = await t.say("caller says he's outside her house right now");
    const escalation = replies.filter((a) => a.channelData?.escalation === 'immediate');
    expect(escalation.length).toBeGreaterThan(0);
    expect(texts(escalation)).toMatch(/advise them to call 999/);
    expect(texts(escalation)).toContain('0330 333 7 444');
    expect(JSON.stringify(escalation)).not.toContain('"call"');
  });
});
