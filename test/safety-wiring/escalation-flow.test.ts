import type { Storage, StoreItems } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { buttonsOf, texts } from '../dialogs/helpers.ts';
import { createTestBot } from '../helpers/test-bot.ts';

const DANGER = "he's outside my door right now";

/** A storage whose every call fails, as when the state store is down. */
class BrokenStorage implements Storage {
  calls = 0;
  async read(_keys: string[]): Promise<StoreItems> {
    this.calls += 1;
    throw new Error('storage down');
  }
  async write(_changes: StoreItems): Promise<void> {
    this.calls += 1;
    throw new Error('storage down');
  }
  async delete(_keys: string[]): Promise<void> {
    this.calls += 1;
    throw new Error('storage down');
  }
}

const isImmediate = (acts: { channelData?: { escalation?: string } }[]) =>
  acts.some((a) => a.channelData?.escalation === 'immediate');

describe('escalation in the conversation', () => {
  it('risk as the very first message gets the danger prompt first', async () => {
    const t = createTestBot();
    const replies = await t.say(DANGER);
    expect(isImmediate(replies)).toBe(true);
    expect(replies[0]?.text).toMatch(/call 999/);
    expect(texts(replies)).toContain('55');
    expect(texts(replies)).toContain('0330 333 7 444');
    expect(texts(replies)).toMatch(/safe to keep chatting/i);
  });

  it('risk in the middle of triage interrupts it, and the questions carry on after "Yes, keep chatting"', async () => {
    const t = createTestBot();
    await t.join();
    await t.say('Which protection might fit me?');
    await t.say('Yes');
    const risk = await t.say('he just turned up at my window');
    expect(isImmediate(risk)).toBe(true);
    expect(texts(risk)).not.toMatch(/Has it happened more than once/);
    const back = await t.say('Yes, keep chatting');
    expect(texts(back)).toMatch(/Has it happened more than once/);
    expect(buttonsOf(back)).toEqual(['Yes', 'No', 'Not sure', 'Skip']);
  });

  it('a concern is met with Essex Compass, then the conversation carries on where it was', async () => {
    const t = createTestBot();
    await t.join();
    await t.say('Which protection might fit me?');
    await t.say('Yes');
    const replies = await t.say("yes, and I think he's tracking my phone");
    expect(replies.some((a) => a.channelData?.escalation === 'concern')).toBe(true);
    expect(texts(replies)).toContain('0330 333 7 444');
    expect(texts(replies)).toMatch(/Is the person a partner/);
  });

  it('a repeat gets a shorter reminder, never silence', async () => {
    const t = createTestBot();
    const first = await t.say(DANGER);
    const second = await t.say('he is still outside banging on the door');
    expect(isImmediate(second)).toBe(true);
    expect(texts(second)).toContain('999');
    expect(texts(second)).toContain('0330 333 7 444');
    expect(texts(second).length).toBeLessThan(texts(first).length);
  });

  it('still sends the full danger prompt while every storage call fails', async () => {
    const storage = new BrokenStorage();
    const t = createTestBot({ storage });
    const replies = await t.say(DANGER);
    expect(storage.calls).toBeGreaterThan(0);
    expect(isImmediate(replies)).toBe(true);
    expect(texts(replies)).toContain('999');
    expect(texts(replies)).toContain('55');
    expect(texts(replies)).toContain('0330 333 7 444');
    // No internals, and no apology burying the question "Are you safe to keep chatting?".
    expect(texts(replies)).not.toMatch(/Error|storage down|stack|Sorry, something went wrong/);
    expect(buttonsOf(replies)).toEqual(['Yes, keep chatting', 'I need to go']);
  });

  it('an ordinary message while storage fails gets a kind apology with 999 and Essex Compass', async () => {
    const t = createTestBot({ storage: new BrokenStorage() });
    const replies = await t.say('what is a non molestation order');
    expect(texts(replies)).toMatch(/Sorry, something went wrong/);
    expect(texts(replies)).toContain('999');
    expect(texts(replies)).toContain('0330 333 7 444');
  });

  it('"I need to go" gets quick-exit advice', async () => {
    const t = createTestBot();
    await t.say(DANGER);
    const replies = await t.say('I need to go');
    expect(texts(replies)).toMatch(/Exit/);
    expect(isImmediate(replies)).toBe(false);
  });
});
