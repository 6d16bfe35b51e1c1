import { describe, expect, it } from 'vitest';
import type { HandoffInput } from '../../src/livechat/handoff-context.ts';
import { buildHandoffContext } from '../../src/livechat/handoff-context.ts';

/** A stand-in for src/privacy/redact.ts: hides phone numbers and email addresses. */
const fakeRedact = (text: string): string =>
  text.replace(/\S+@\S+/g, '[email]').replace(/\b0\d[\d ]{8,}\d\b/g, '[phone]');

const input: HandoffInput = {
  topicsVisited: ['what-is-stalking', 'protection-orders', 'what-is-stalking'],
  triage: { 'feel-unsafe': 'yes', 'knows-address': 'not-sure', 'reported-to-police': 'skip' },
  highestEscalation: 'concern',
  transcript: [
    { from: 'user', text: 'He keeps texting me from 07700 900123' },
    { from: 'bot', text: 'I heard: you can email me at jo@example.com' },
    { from: 'user', text: 'I want to talk to a person' },
  ],
};

describe('buildHandoffContext', () => {
  it('the agent never sees a phone number or email the person typed, nor one the bot echoed', () => {
    const { transcript } = buildHandoffContext(input, fakeRedact);
    const all = transcript.map((l) => l.text).join('\n');
    expect(all).not.toContain('07700 900123');
    expect(all).not.toContain('jo@example.com');
    expect(transcript).toEqual([
      { from: 'user', text: 'He keeps texting me from [phone]' },
      { from: 'bot', text: 'I heard: you can email me at [email]' },
      { from: 'user', text: 'I want to talk to a person' },
    ]);
  });

  it('sends every line through redaction, whoever said it', () => {
    const seen: string[] = [];
    buildHandoffContext(input, (t) => {
      seen.push(t);
      return t;
    });
    expect(seen).toEqual(input.transcript.map((l) => l.text));
  });

  it('tells the agent the topics (once each, in order), the triage answers and the highest concern', () => {
    const { context } = buildHandoffContext({ ...input, highestEscalation: 'immediate' }, fakeRedact);
    expect(context.topicsVisited).toEqual(['what-is-stalking', 'protection-orders']);
    expect(context.triage).toEqual(input.triage);
    expect(context.highestEscalation).toBe('immediate');
  });

  it('survives the trip to the agent as JSON unchanged', () => {
    const built = buildHandoffContext(input, fakeRedact);
    expect(JSON.parse(JSON.stringify(built))).toEqual(built);
  });
});
