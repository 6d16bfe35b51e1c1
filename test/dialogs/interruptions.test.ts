import { describe, expect, it } from 'vitest';
import { createTestBot } from '../helpers/test-bot.ts';
import { buttonsOf, ORDER, Q, texts } from './helpers.ts';

/** A bot with the triage walked to question `index` (0-based). */
async function atQuestion(index: number) {
  const t = createTestBot();
  await t.join();
  await t.say('Which protection might fit me?');
  for (let i = 0; i < index; i++) await t.say(i === 0 ? 'Yes' : 'Skip');
  return t;
}

async function storedKeys(t: Awaited<ReturnType<typeof atQuestion>>): Promise<string[]> {
  const found = await t.state.storage.read([t.stateKey]);
  return Object.keys(found);
}

describe('interruptions work at every step of triage', () => {
  ORDER.forEach((question, index) => {
    describe(`at question ${index + 1}`, () => {
      it('"help" explains, then asks the same question again', async () => {
        const t = await atQuestion(index);
        const replies = await t.say('help');
        expect(texts(replies)).toMatch(/I'm a computer/);
        expect(texts(replies)).toMatch(question);
        expect(buttonsOf(replies)).toEqual(['Yes', 'No', 'Not sure', 'Skip']);
      });

      it('"menu" goes back to the menu', async () => {
        const t = await atQuestion(index);
        const replies = await t.say('menu');
        expect(buttonsOf(replies)).toContain('Laws that protect me');
        expect(texts(replies)).not.toMatch(question);
      });

      it('"start again" goes back to the menu', async () => {
        const t = await atQuestion(index);
        const replies = await t.say('Start again');
        expect(buttonsOf(replies)).toContain('Which protection might fit me?');
      });

      it('"exit" ends the chat and clears its state', async () => {
        const t = await atQuestion(index);
        expect(await storedKeys(t)).toHaveLength(1);
        const replies = await t.say('exit');
        expect(texts(replies)).toMatch(/Goodbye/);
        expect(texts(replies)).toContain('999');
        expect(await storedKeys(t)).toHaveLength(0);
        const after = await t.say('hello');
        expect(buttonsOf(after)).toContain('Laws that protect me');
      });

      it('"delete my chat" removes the stored state at once and says so', async () => {
        const t = await atQuestion(index);
        const replies = await t.say('delete my chat');
        expect(texts(replies)).toMatch(/deleted this chat/);
        expect(await storedKeys(t)).toHaveLength(0);
      });

      it('a question typed at the prompt is answered, then the questions carry on', async () => {
        const t = await atQuestion(index);
        const replies = await t.say("what's a non mol?");
        expect(replies.some((a) => a.channelData?.topic === 'non-molestation-order')).toBe(true);
        expect(texts(replies)).toMatch(/carry on/);
        expect(texts(replies)).toMatch(question);
        const next = await t.say('Skip');
        const nextQuestion = ORDER[index + 1] ?? Q.summary;
        expect(texts(next)).toMatch(nextQuestion);
      });
    });
  });
});

describe('menu buttons work from anywhere', () => {
  it('an old menu button tapped while reading a topic opens that menu item', async () => {
    const t = createTestBot();
    await t.join();
    await t.say('Threats online');
    const replies = await t.say('Which protection might fit me?');
    expect(texts(replies)).toMatch(Q.safe);
  });

  it('a question typed at the menu is answered from the knowledge', async () => {
    const t = createTestBot();
    await t.join();
    const replies = await t.say('what happens if he breaks a non mol');
    expect(replies.some((a) => a.channelData?.topic === 'non-molestation-order')).toBe(true);
    expect(buttonsOf(replies)).toContain('Back to menu');
  });

  it('"should I" questions are told this is information, not advice', async () => {
    const t = createTestBot();
    await t.join();
    const replies = await t.say('should I get a non molestation order');
    expect(texts(replies)).toMatch(/information, not legal advice/);
    expect(texts(replies)).toContain('0330 333 7 444');
  });
});
