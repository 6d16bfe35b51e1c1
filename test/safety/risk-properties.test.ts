import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessRisk } from '../../src/safety/index.ts';
import { loadCorpus } from './corpus.ts';

const LEVELS = new Set(['immediate', 'concern', 'none']);
const corpus = loadCorpus('risk-corpus.json');
const immediate = corpus.filter((e) => e.level === 'immediate').map((e) => e.text);

/** Sentences that carry no risk of their own. */
const NEUTRAL = [
  'Thanks for reading this.',
  'Sorry for the long message.',
  'I live in Essex.',
  'What is an SPO?',
  'The weather is nice today.',
  'My phone died earlier.',
  'I was wondering about the law.',
  'ok',
  'lol',
];

describe('assessRisk properties', () => {
  it('never throws and always returns a valid level, for any string', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 }).map((a) => String.fromCharCode(...a)),
      fc
        .array(fc.constantFrom('he', 'is', 'outside', '!', '?', '.', "'", '@', 'kill', '🔪', '\u200b', ' '), {
          maxLength: 60,
        })
        .map((a) => a.join('')),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const r = assessRisk(text);
        expect(LEVELS.has(r.level)).toBe(true);
        expect(Array.isArray(r.rules)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('treats the empty string and lone surrogates as no risk', () => {
    expect(assessRisk('').level).toBe('none');
    expect(assessRisk('\ud800').level).toBe('none');
    expect(assessRisk('\udfff he').level).toBe('none');
  });

  it('keeps an immediate message immediate when neutral text is added after it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...immediate),
        fc.array(fc.constantFrom(...NEUTRAL), { minLength: 1, maxLength: 6 }),
        (msg, extra) => {
          expect(assessRisk(`${msg}. ${extra.join(' ')}`).level).toBe('immediate');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same level whatever the case and spacing', () => {
    const spacing = fc.constantFrom(' ', '  ', '\t', '\n', ' \n ');
    fc.assert(
      fc.property(fc.constantFrom(...corpus), spacing, fc.boolean(), ({ text }, space, upper) => {
        const base = assessRisk(text).level;
        const changed = `  ${(upper ? text.toUpperCase() : text.toLowerCase()).split(' ').join(space)}  `;
        expect(assessRisk(changed).level).toBe(base);
      }),
      { numRuns: 400 },
    );
  });
});
