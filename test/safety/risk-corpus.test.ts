import { describe, expect, it } from 'vitest';
import { assessRisk } from '../../src/safety/index.ts';
import { expectTargets, loadCorpus } from './corpus.ts';

const corpus = loadCorpus('risk-corpus.json');
const holdout = loadCorpus('risk-holdout.json');

describe('labelled corpus', () => {
  it('is big enough and balanced as the issue asks', () => {
    const count = (l: string) => corpus.filter((e) => e.level === l).length;
    expect(corpus.length).toBeGreaterThanOrEqual(400);
    expect(count('immediate')).toBeGreaterThanOrEqual(150);
    expect(count('concern')).toBeGreaterThanOrEqual(100);
    expect(count('none')).toBeGreaterThanOrEqual(150);
  });

  for (const [name, entries] of [
    ['risk-corpus.json', corpus],
    ['risk-holdout.json', holdout],
  ] as const) {
    it(`${name}: finds every danger and rarely raises a false alarm`, () => {
      expectTargets(name, entries);
    });
  }
});

describe('cases named in the issue', () => {
  const level = (t: string) => assessRisk(t).level;

  it('does not re-trigger on its own buttons', () => {
    expect(level('Yes, keep chatting')).toBe('none');
    expect(level('I need to go')).toBe('none');
    expect(level('yes keep chatting')).toBe('none');
  });

  it('treats "I\'m not safe" as immediate', () => {
    expect(level("I'm not safe")).toBe('immediate');
    expect(level('im not safe')).toBe('immediate');
  });

  it.each([
    'what does threatening communications mean in the online safety act',
    'is it illegal to threaten to kill someone online',
    'what is the sentence for stalking',
    'kill time',
    'my phone died',
    'this is killing me (laughing)',
    'the sentence was 10 years',
    'how do I get a non mol',
    'what is an SPO',
  ])('hard negative stays none: %s', (t) => {
    expect(level(t)).toBe('none');
  });

  it.each([
    "is it illegal, he's outside now",
    "my sister's ex is outside her flat with a bat",
    'hes outsde my hous',
    'Dave is outside my house',
    'hes folowing me',
    'he has a knif',
    'he is @ the door',
    'pleaseee help',
    'hellllp',
    'h3 1s 0uts1de',
    'hе is оutside', // Cyrillic е and о
    'he\u200b is out\u200bside',
    'he’s outside',
    '🔪 he has one',
    'u need 2 help me hes here',
  ])('finds danger however it is written: %s', (t) => {
    expect(level(t)).toBe('immediate');
  });

  it('finds danger buried in the middle of a long message', () => {
    const filler = 'I have been reading about the law and the different orders a court can make. ';
    const text = `${filler.repeat(40)}he is outside my house right now. ${filler.repeat(40)}`;
    expect(level(text)).toBe('immediate');
  });

  it('gives concern, not immediate, for danger in the past', () => {
    expect(level('he was outside my house last night')).toBe('concern');
    expect(level('he followed me home last week')).toBe('concern');
    expect(level('he broke the non-mol')).toBe('concern');
    expect(level('I found an AirTag in my car')).toBe('concern');
  });

  it('names the rule, never the words typed', () => {
    const secret = 'Zebedee';
    const r = assessRisk(`${secret} is outside my house with a knife`);
    expect(r.level).toBe('immediate');
    expect(r.rules).toContain('immediate.weapon');
    expect(r.rules).toContain('immediate.presence');
    for (const id of r.rules) expect(id.toLowerCase()).not.toContain(secret.toLowerCase());
  });

  it('marks law questions', () => {
    expect(assessRisk('is it illegal to threaten to kill someone online').rules).toContain(
      'context.law-question',
    );
  });
});
