/**
 * The style guide, checked over every message the content can produce: short sentences, short chunks,
 * a reading grade of 8 or lower, and phone numbers always written the same way.
 */
import { describe, expect, it } from 'vitest';
import { ADVICE_NOTE, loadKnowledge } from '../../src/knowledge/index.ts';
import { CANONICAL_NUMBERS, nonCanonicalNumbers, readingGrade, sentences, words } from './style.ts';

const knowledge = loadKnowledge();
const messages = knowledge.allMessages();
const MAX_SENTENCE_WORDS = 25;
const MAX_CHUNK_WORDS = 60;
const MAX_GRADE = 8;
/**
 * Headings, titles and button labels are 1-6 words: a reading grade means nothing for them (one long
 * word such as "Cyberflashing" would score grade 30). The grade is checked on prose: 12 words or more.
 */
const isProse = (m: string): boolean => words(m).length >= 12;

const short = (m: string): string => (m.length > 90 ? `${m.slice(0, 87)}...` : m).replace(/\n/g, ' / ');

describe('the style guide', () => {
  it('covers a real set of messages', () => {
    expect(messages.length).toBeGreaterThan(100);
    expect(messages).toContain(ADVICE_NOTE);
  });

  it(`keeps every sentence to ${MAX_SENTENCE_WORDS} words or fewer`, () => {
    const long = messages
      .flatMap((m) => sentences(m))
      .map((s) => ({ n: words(s).length, s }))
      .filter((x) => x.n > MAX_SENTENCE_WORDS)
      .sort((a, b) => b.n - a.n);
    if (long.length > 0)
      console.log('Sentences too long:\n', long.map((x) => `${x.n} words: ${x.s}`).join('\n'));
    expect(long).toEqual([]);
  });

  it(`keeps every message (one chunk) to ${MAX_CHUNK_WORDS} words or fewer`, () => {
    const long = messages
      .map((m) => ({ n: words(m).length, m }))
      .filter((x) => x.n > MAX_CHUNK_WORDS)
      .sort((a, b) => b.n - a.n);
    if (long.length > 0)
      console.log('Chunks too long:\n', long.map((x) => `${x.n} words: ${short(x.m)}`).join('\n'));
    expect(long).toEqual([]);
  });

  it(`reads at grade ${MAX_GRADE} or lower (Flesch-Kincaid, names of acts and orders left out)`, () => {
    const graded = messages
      .filter(isProse)
      .map((m) => ({ grade: readingGrade(m), m }))
      .sort((a, b) => b.grade - a.grade);
    console.log(
      'Five hardest messages to read:\n',
      graded
        .slice(0, 5)
        .map((x) => `grade ${x.grade.toFixed(1)}: ${short(x.m)}`)
        .join('\n'),
    );
    const tooHard = graded.filter((x) => x.grade > MAX_GRADE);
    expect(tooHard.map((x) => `grade ${x.grade.toFixed(1)}: ${short(x.m)}`)).toEqual([]);
  });

  it('writes every phone number exactly as src/common/contacts.ts does', () => {
    const wrong = messages.flatMap((m) => nonCanonicalNumbers(m).map((n) => `"${n}" in: ${short(m)}`));
    if (wrong.length > 0) console.log('Phone numbers written differently:\n', wrong.join('\n'));
    expect(wrong).toEqual([]);
    const all = messages.join('\n');
    for (const n of ['0330 333 7 444', '999', '101', '0808 802 0300', '0808 2000 247', '08 08 16 89 111']) {
      expect(all).toContain(n);
    }
  });

  it('uses no legal Latin', () => {
    const latin = /\b(ex parte|inter alia|prima facie|bona fide|mens rea|actus reus|per se|i\.e\.|e\.g\.)\b/i;
    expect(messages.filter((m) => latin.test(m))).toEqual([]);
  });
});

describe('the style checks themselves', () => {
  it('catch a phone number written another way', () => {
    expect(nonCanonicalNumbers('Call 0330 3337 444 now')).toEqual(['0330 3337 444']);
    expect(nonCanonicalNumbers('Call 08081689111.')).toEqual(['08081689111']);
    expect(nonCanonicalNumbers('Call +44 330 333 7444')).toEqual(['+44 330 333 7444']);
    expect(
      nonCanonicalNumbers(`Call ${CANONICAL_NUMBERS.join(' or ')}, 24 hours a day, since 2012.`),
    ).toEqual([]);
  });

  it('score hard text as hard and plain text as plain', () => {
    const hard =
      'Notwithstanding the aforementioned considerations, the applicant is obliged to demonstrate the requisite ' +
      'evidential justification for an interlocutory determination.';
    expect(readingGrade(hard)).toBeGreaterThan(MAX_GRADE);
    expect(
      readingGrade('If you are in danger now, call 999. You can call at any time of the day or night.'),
    ).toBeLessThan(MAX_GRADE);
  });

  it('count a phone number as one word and a list line as one sentence', () => {
    expect(words('Call 0330 333 7 444 now')).toHaveLength(3);
    expect(sentences('It can include:\n- following you\n- watching you')).toHaveLength(3);
  });
});
