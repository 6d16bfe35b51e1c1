import { describe, expect, it } from 'vitest';
import { buttonsOf, texts } from '../dialogs/helpers.ts';
import type { BotActivity } from '../helpers/bot-client.ts';
import { createTestBot } from '../helpers/test-bot.ts';

const IN_HOURS = new Date('2026-12-02T10:00:00Z'); // Wednesday 10am in London
const SATURDAY = new Date('2026-12-05T10:00:00Z'); // Saturday: closed
const ENABLED = { HANDOFF_ENABLED: 'true', LIVE_CHAT_HOURS: 'Mon-Fri 09:00-17:00' };

const handoffEvents = (acts: BotActivity[]) =>
  acts.filter((a) => a.type === 'event' && a.name === 'handoff.initiate');

async function botAt(now: Date, env: Record<string, string> = ENABLED) {
  const t = createTestBot({ env, now: () => now });
  await t.join();
  return t;
}

describe('talk to a person', () => {
  it('in hours, with consent, sends the handoff event with context and a redacted note', async () => {
    const t = await botAt(IN_HOURS);
    await t.say('Which protection might fit me?');
    for (const a of ['Yes', 'Yes', 'No', 'Skip', 'Not sure']) await t.say(a);
    await t.say('Non-Molestation Orders');
    const ask = await t.say('can I talk to a real person');
    expect(texts(ask)).toMatch(/pass you to a member of our team/);
    expect(buttonsOf(ask)).toEqual(['Yes, pass me on', 'No, thanks']);
    const note = await t.say('Yes, pass me on');
    expect(texts(note)).toMatch(/anything you want them to know/);
    const sent = await t.say('please ring me on 07700 900123 after 6');
    const [event] = handoffEvents(sent);
    expect(event).toBeDefined();
    const value = event!.value as {
      topicsVisited: string[];
      triage: Record<string, string>;
      highestEscalation: string;
    };
    expect(value.topicsVisited).toContain('non-molestation-order');
    expect(value.triage).toMatchObject({ safe: 'yes', repeated: 'yes', relationship: 'no', online: 'skip' });
    expect(value.highestEscalation).toBe('none');
    const transcript = JSON.stringify(event!.attachments);
    expect(transcript).toContain('[phone]');
    expect(transcript).not.toContain('900123');
    expect(texts(sent)).toMatch(/asked a member of our team/);
  });

  it('in hours, without consent, sends nothing', async () => {
    const t = await botAt(IN_HOURS);
    await t.say('Talk to a person');
    const replies = await t.say('No, thanks');
    expect(handoffEvents(replies)).toHaveLength(0);
    expect(texts(replies)).toMatch(/not passed anything on/);
  });

  it('out of hours: says no one is on live chat, when it opens, and gives Essex Compass and 999', async () => {
    const t = await botAt(SATURDAY);
    const replies = await t.say('human');
    expect(handoffEvents(replies)).toHaveLength(0);
    expect(texts(replies)).toMatch(/No one is on live chat right now/);
    expect(texts(replies)).toMatch(/Monday at 9am/);
    expect(texts(replies)).toContain('0330 333 7 444');
    expect(texts(replies)).toContain('999');
    expect(buttonsOf(replies)).toContain('Keep chatting with the bot');
  });

  it('with handoff disabled (the default), never promises a person', async () => {
    const t = await botAt(IN_HOURS, {});
    const replies = await t.say('Talk to a person');
    expect(handoffEvents(replies)).toHaveLength(0);
    expect(texts(replies)).toMatch(/isn't available in this chat window/);
    expect(texts(replies)).toContain('0330 333 7 444');
  });

  it('a failed handoff falls back to Essex Compass', async () => {
    const t = await botAt(IN_HOURS);
    const replies = await t.say({ type: 'event', name: 'handoff.status', value: { state: 'failed' } });
    expect(texts(replies)).toContain('0330 333 7 444');
    expect(texts(replies)).toMatch(/couldn't pass you to a person/);
  });

  it('accepted and completed statuses tell the person what is happening; odd ones are not rejected', async () => {
    const t = await botAt(IN_HOURS);
    expect(
      texts(await t.say({ type: 'event', name: 'handoff.status', value: { state: 'accepted' } })),
    ).toMatch(/joined/);
    expect(
      texts(await t.say({ type: 'event', name: 'handoff.status', value: { state: 'completed' } })),
    ).toMatch(/left the chat/);
    await expect(
      t.say({ type: 'event', name: 'handoff.status', value: { state: 'exploded' } }),
    ).resolves.toBeDefined();
  });

  it('risk during the handoff question gets the danger prompt first, and no handoff', async () => {
    const t = await botAt(IN_HOURS);
    await t.say('Talk to a person');
    const replies = await t.say("he's breaking in right now");
    expect(replies[0]?.channelData?.escalation).toBe('immediate');
    expect(texts(replies)).toContain('999');
    expect(handoffEvents(replies)).toHaveLength(0);
  });

  it('welcome and help say whether a person is available now', async () => {
    const open = createTestBot({ env: ENABLED, now: () => IN_HOURS });
    expect(texts(await open.join())).toMatch(/Live chat is open now/);
    const closed = createTestBot({ env: ENABLED, now: () => SATURDAY });
    expect(texts(await closed.join())).toMatch(/Monday at 9am/);
    expect(texts(await closed.say('help'))).toMatch(/Monday at 9am/);
  });
});
