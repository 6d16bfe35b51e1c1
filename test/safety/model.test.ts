/**
 * The statistical second opinion (src/safety/model.ts + model.json): the file is valid, scoring
 * is deterministic, the fast scorer agrees with the offline feature keys, and the model can only
 * raise a level.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { assessRisk, combine, readRules } from '../../src/safety/assess.ts';
import { createScorer, featureKeys, type ModelFile } from '../../src/safety/model.ts';

const Linear = z.object({ bias: z.number().finite(), weights: z.array(z.number().finite()) });
const ModelSchema = z
  .object({
    version: z.literal(1),
    features: z.array(z.string().min(1)).max(5000),
    immediate: Linear,
    any: Linear,
    chunk: z.number().int().min(8).max(1000),
    thresholds: z.object({ immediate: z.number().gt(0.5).lt(1), concern: z.number().gt(0.5).lt(1) }),
  })
  .refine(
    (m) => m.immediate.weights.length === m.features.length && m.any.weights.length === m.features.length,
  )
  .refine((m) => new Set(m.features).size === m.features.length);

const raw: unknown = JSON.parse(
  readFileSync(new URL('../../src/safety/model.json', import.meta.url), 'utf8'),
);

describe('model.json', () => {
  it('is valid and small', () => {
    const m = ModelSchema.parse(raw);
    expect(m.features.length).toBeGreaterThan(100);
    // features never hold anything but canonical words, classes and flags
    for (const f of m.features) expect(f).toMatch(/^[a-z0-9@#^$._ ]+$/i);
  });

  it('the fast scorer equals the sum over the offline feature keys', () => {
    const m = ModelSchema.parse(raw) as ModelFile;
    const scorer = createScorer(m);
    const index = new Map(m.features.map((f, k) => [f, k]));
    for (const text of [
      'he is outside my house right now',
      'outside. now.',
      'what is the law on stalking?',
      'my phone died',
      "he's got a knife he's got a knife",
    ]) {
      const r = readRules(text);
      let zi = m.immediate.bias;
      for (const key of featureKeys(r.words, r.law)) zi += m.immediate.weights[index.get(key) ?? -1] ?? 0;
      expect(scorer.score(r.words, r.law).immediate).toBeCloseTo(1 / (1 + Math.exp(-zi)), 10);
    }
  });

  it('scores deterministically', () => {
    const text = 'so um he is outside again and he is not leaving please';
    const a = assessRisk(text);
    for (let k = 0; k < 5; k++) expect(assessRisk(text)).toEqual(a);
    const scorer = createScorer(ModelSchema.parse(raw) as ModelFile);
    const r = readRules(text);
    expect(scorer.score(r.words, r.law)).toEqual(scorer.score(r.words, r.law));
  });

  it('only ever raises a level', () => {
    const order = { none: 0, concern: 1, immediate: 2 } as const;
    for (const text of [
      'he is outside',
      'he keeps texting me',
      'what is a restraining order',
      'kill time',
      'hi',
    ]) {
      const r = readRules(text);
      expect(order[combine(r, undefined).level]).toBe(order[r.level]);
      expect(order[assessRisk(text).level]).toBeGreaterThanOrEqual(order[r.level]);
    }
  });

  it('never raises a rules-none message about a film, a review or the news', () => {
    const sure = {
      thresholds: { immediate: 0.9, concern: 0.9 },
      score: () => ({ immediate: 1, any: 1 }),
    };
    const topical = readRules("Review: the twist at the end where he's outside the house had me screaming");
    expect(topical.level).toBe('none');
    expect(combine(topical, sure).level).toBe('none');
    const news = readRules('Was the man who killed that woman known to the police? Nothing in the news');
    expect(combine(news, sure).level).toBe(news.level);
    // without a topical word the same (always-sure) scorer does raise
    const plain = readRules('my ex keeps posting where i work');
    expect(combine(plain, sure).level).toBe('immediate');
  });

  it('long texts are scored in windows, in linear time', () => {
    const calm = 'i would like some information about the law please. '.repeat(4000);
    const t0 = performance.now();
    const res = assessRisk(calm);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(res.level).toBe('none');
  });
});
