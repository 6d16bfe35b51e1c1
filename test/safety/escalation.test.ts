import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { describe, expect, it } from 'vitest';
import { ESSEX_COMPASS } from '../../src/common/contacts.ts';
import type { Audience, Reply } from '../../src/common/reply.ts';
import {
  assessRisk,
  escalationReplies,
  NEED_TO_GO,
  NEED_TO_GO_REPLY,
  SAFE_TO_CHAT,
  SAFE_TO_CHAT_REPLY,
} from '../../src/safety/index.ts';
import type { EscalationLevel } from '../../src/safety/types.ts';

const all = (rs: readonly Reply[]) => rs.map((r) => r.text).join(' ');
const tels = (rs: readonly Reply[]) => rs.flatMap((r) => r.buttons ?? []).map((b) => b.tel);
const titles = (rs: readonly Reply[]) => rs.flatMap((r) => r.buttons ?? []).map((b) => b.title);

const LEVELS: readonly EscalationLevel[] = ['immediate', 'concern'];
const AUDIENCES: readonly Audience[] = ['public', 'staff'];
const every: Reply[] = [NEED_TO_GO_REPLY, SAFE_TO_CHAT_REPLY];
for (const l of LEVELS)
  for (const a of AUDIENCES)
    for (const repeat of [false, true]) every.push(...escalationReplies(l, a, { repeat }));

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.?!])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

describe('public immediate escalation', () => {
  const first = escalationReplies('immediate', 'public', { repeat: false });

  it('tells the person to call 999, press 55 if they cannot speak, and gives Essex Compass', () => {
    expect(first[0]?.text).toBe(
      "If you are in danger now, call 999. If you can't speak, call 999 and press 55 when asked.",
    );
    expect(all(first)).toContain('0330 333 7 444');
    expect(all(first)).toContain('24 hours');
  });

  it('has call buttons that dial 999 and Essex Compass', () => {
    expect(first[0]?.buttons).toContainEqual({ title: 'Call 999', tel: 'tel:999' });
    expect(first[1]?.buttons).toContainEqual({ title: 'Call Essex Compass', tel: ESSEX_COMPASS.tel });
  });

  it('ends by asking if the person is safe to keep chatting, with the two answers as buttons', () => {
    const last = first[first.length - 1];
    expect(last?.text).toBe('Are you safe to keep chatting?');
    expect(last?.buttons?.map((b) => b.title)).toEqual([SAFE_TO_CHAT, NEED_TO_GO]);
    expect(SAFE_TO_CHAT).toBe('Yes, keep chatting');
    expect(NEED_TO_GO).toBe('I need to go');
  });

  it('gives a shorter reminder the second time, still with 999, 55, Compass and the safety question', () => {
    const again = escalationReplies('immediate', 'public', { repeat: true });
    expect(all(again).length).toBeLessThan(all(first).length);
    expect(all(again)).toContain('999');
    expect(all(again)).toContain('55');
    expect(all(again)).toContain('0330 333 7 444');
    expect(tels(again)).toEqual(expect.arrayContaining(['tel:999', ESSEX_COMPASS.tel]));
    expect(again[again.length - 1]?.text).toBe('Are you safe to keep chatting?');
  });
});

describe('public concern escalation', () => {
  const first = escalationReplies('concern', 'public', { repeat: false });

  it('offers Essex Compass, says what they do and when, and 999 in an emergency', () => {
    const text = all(first);
    expect(text).toContain('0330 333 7 444');
    expect(text).toContain('24 hours a day');
    expect(text).toMatch(/trained staff/i);
    expect(text).toContain('local services');
    expect(text).toContain('If it becomes an emergency, call 999.');
    expect(titles(first)).toContain('Call Essex Compass');
    expect(tels(first)).toContain(ESSEX_COMPASS.tel);
  });

  it('does not ask "are you safe to keep chatting?" (the person goes back to where they were)', () => {
    expect(all(first)).not.toContain('safe to keep chatting');
  });

  it('gives a shorter reminder the second time, never nothing', () => {
    const again = escalationReplies('concern', 'public', { repeat: true });
    expect(again.length).toBeGreaterThan(0);
    expect(all(again).length).toBeLessThan(all(first).length);
    expect(all(again)).toContain('999');
    expect(all(again)).toContain('0330 333 7 444');
    expect(tels(again)).toEqual(expect.arrayContaining(['tel:999', ESSEX_COMPASS.tel]));
  });
});

describe('staff escalation (Teams)', () => {
  it('advises staff what to tell the person, without asking staff if they are safe', () => {
    const first = escalationReplies('immediate', 'staff', { repeat: false });
    expect(all(first)).toContain(
      "If the person is in immediate danger, advise them to call 999. If they can't speak, they can call 999 and press 55 when asked.",
    );
    expect(all(first)).toContain('0330 333 7 444');
    expect(all(first)).not.toContain('safe to keep chatting');
  });

  it('suggests referring to Essex Compass for concern', () => {
    const text = all(escalationReplies('concern', 'staff', { repeat: false }));
    expect(text).toMatch(/referr/i);
    expect(text).toContain('0330 333 7 444');
    expect(text).toContain('advise');
  });

  it('repeats more briefly but keeps 999 and Compass', () => {
    for (const level of LEVELS) {
      const first = escalationReplies(level, 'staff', { repeat: false });
      const again = escalationReplies(level, 'staff', { repeat: true });
      expect(all(again).length).toBeLessThan(all(first).length);
      expect(all(again)).toContain('999');
      expect(all(again)).toContain('0330 333 7 444');
      expect(all(again)).toContain('advise');
    }
  });
});

describe('leaving and carrying on', () => {
  it('tells the person how to leave fast and leave no trace, with 999', () => {
    expect(NEED_TO_GO_REPLY.text).toContain('Exit');
    expect(NEED_TO_GO_REPLY.text).toContain('999');
    expect(NEED_TO_GO_REPLY.text).toMatch(/private window|browser history/);
  });

  it('says OK and carries on', () => {
    expect(SAFE_TO_CHAT_REPLY.text).toBe('OK. We can carry on.');
  });

  it('never re-triggers an escalation when a button is pressed', () => {
    for (const b of every.flatMap((r) => r.buttons ?? []))
      expect(assessRisk(b.value ?? b.title).level).toBe('none');
  });
});

describe('message style', () => {
  it('keeps every sentence to 25 words or fewer', () => {
    for (const r of every)
      for (const s of sentences(r.text)) expect(s.split(/\s+/).length, s).toBeLessThanOrEqual(25);
  });

  it('reads at grade 8 or below', () => {
    for (const r of every) {
      const words = r.text.split(/\s+/).filter((w) => /[a-z]/i.test(w));
      const counts = {
        sentence: sentences(r.text).length,
        word: words.length,
        syllable: words.reduce((n, w) => n + syllable(w), 0),
      };
      expect(fleschKincaid(counts), r.text).toBeLessThanOrEqual(8);
    }
  });

  it('writes the phone numbers exactly as the contacts list does', () => {
    const text = all(every);
    expect(text).not.toMatch(/0330\s*3337\s*444|03303337444|0330-333/);
    for (const r of every)
      for (const b of r.buttons ?? []) if (b.tel) expect(r.text).toMatch(/999|0330 333 7 444/);
  });
});
