import { describe, expect, it } from 'vitest';
import { topicsForAnswers } from '../../src/dialogs/triage-dialog.ts';
import { getKnowledge } from '../../src/knowledge/index.ts';
import { createTestBot } from '../helpers/test-bot.ts';
import { buttonsOf, ORDER, Q, texts } from './helpers.ts';

const titles = (ids: readonly string[]) => ids.map((id) => getKnowledge().topic(id as never).title);

async function startTriage() {
  const t = createTestBot();
  await t.join();
  const first = await t.say('Which protection might fit me?');
  expect(texts(first)).toMatch(/5 short questions/);
  expect(texts(first)).toMatch(Q.safe);
  expect(buttonsOf(first)).toEqual(['Yes', 'No', 'Not sure', 'Skip']);
  return t;
}

describe('triage: "Which protection might fit me?"', () => {
  for (const answer of ['Yes', 'Not sure', 'Skip'] as const) {
    it(`asks the five questions in order and sums up when every answer is "${answer}"`, async () => {
      const t = await startTriage();
      let replies = await t.say(answer);
      for (const q of ORDER.slice(1)) {
        expect(texts(replies)).toMatch(q);
        expect(buttonsOf(replies)).toEqual(['Yes', 'No', 'Not sure', 'Skip']);
        replies = await t.say(answer);
      }
      expect(texts(replies)).toMatch(Q.summary);
      expect(texts(replies)).toContain('0330 333 7 444');
      expect(texts(replies)).toContain('This is information, not legal advice.');
      const key = answer === 'Yes' ? 'yes' : answer === 'Not sure' ? 'not-sure' : 'skip';
      const expected = topicsForAnswers({ repeated: key, relationship: key, online: key, police: key });
      expect(buttonsOf(replies)).toEqual([...titles(expected), 'Get help now', 'Back to menu']);
    });
  }

  it('answers "No" to everything after "I am safe" and still offers something useful', async () => {
    const t = await startTriage();
    let replies = await t.say('Yes');
    for (let i = 1; i < ORDER.length; i++) replies = await t.say('No');
    expect(texts(replies)).toMatch(Q.summary);
    expect(buttonsOf(replies)).toEqual([...titles(['spo']), 'Get help now', 'Back to menu']);
  });

  it('understands typed answers: yeah, nope, dunno, rather not say', async () => {
    const t = await startTriage();
    await t.say('yeah I am');
    await t.say('yes loads of times');
    await t.say('nope');
    await t.say('dunno');
    const end = await t.say("I'd rather not say");
    expect(texts(end)).toMatch(Q.summary);
    expect(buttonsOf(end)).toEqual([
      ...titles(['stalking-offence', 'harassment-act', 'online-safety-act']),
      'Get help now',
      'Back to menu',
    ]);
  });

  it('goes straight to the danger prompt when the person is not safe right now', async () => {
    const t = await startTriage();
    const replies = await t.say('No');
    const all = texts(replies);
    expect(all).toContain('999');
    expect(all).toContain('55');
    expect(all).toContain('0330 333 7 444');
    expect(replies.some((a) => a.channelData?.escalation === 'immediate')).toBe(true);
    expect(all).not.toMatch(Q.repeated);
    expect(all).toMatch(/safe to keep chatting/i);
  });

  it('leads from the summary into the chosen topic', async () => {
    const t = await startTriage();
    for (const a of ['Yes', 'No', 'Yes', 'No', 'No']) await t.say(a);
    const topic = await t.say(getKnowledge().topic('non-molestation-order').title);
    expect(topic.some((a) => a.channelData?.topic === 'non-molestation-order')).toBe(true);
  });

  it('re-asks, with the buttons, when the answer is not understood', async () => {
    const t = await startTriage();
    const replies = await t.say('purple');
    expect(texts(replies)).toMatch(/Please tap Yes, No, Not sure or Skip/);
    expect(buttonsOf(replies)).toEqual(['Yes', 'No', 'Not sure', 'Skip']);
  });
});
