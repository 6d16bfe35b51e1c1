/**
 * The scanned message and the small window helpers every risk rule uses. A rule is triggered by a
 * word and looks at a few words around it, so a message costs O(tokens × window).
 */

import * as L from './lexicon.ts';
import { BOUNDARY, EMPH_QUESTION } from './normalise.ts';
import type { RiskLevel } from './types.ts';

export type Level = Exclude<RiskLevel, 'none'>;

/** One message, ready for the rules. Sentence data is stored per token for O(1) look-ups. */
export interface Scan {
  readonly w: readonly string[];
  readonly emph: readonly number[];
  readonly n: number;
  readonly sStart: Int32Array;
  readonly sEnd: Int32Array;
  /** 1 when the token's sentence is a question about the law. */
  readonly law: Uint8Array;
  /** 1 when the token's sentence mentions the writer or a named person (not "someone", "you"). */
  readonly personal: Uint8Array;
  /** 1 when the token's sentence starts as a hypothetical ("if ...", "what if ..."). */
  readonly hyp: Uint8Array;
  /** 1 when the token's sentence is a question or hypothetical that names nobody in particular. */
  readonly generic: Uint8Array;
  readonly hits: Map<string, Level>;
  /** mediaBefore[i] = how many film / book / show words come before token i (for isStory). */
  readonly mediaBefore: Int32Array;
}

export function buildScan(words: readonly string[], emph: readonly number[]): Scan {
  const n = words.length;
  const sStart = new Int32Array(n);
  const sEnd = new Int32Array(n);
  const law = new Uint8Array(n);
  const personal = new Uint8Array(n);
  const hyp = new Uint8Array(n);
  const generic = new Uint8Array(n);
  let start = 0;
  for (let i = 0; i <= n; i++) {
    if (i < n && words[i] !== BOUNDARY) continue;
    // sentence [start, i)
    let hasLaw = false;
    let hasMeaning = false;
    let hasPersonal = false;
    for (let j = start; j < i; j++) {
      const t = words[j] ?? '';
      if (L.LAW_WORD.has(t)) hasLaw = true;
      if (t === 'mean' || t === 'means' || t === 'meaning' || t === 'definition' || t === 'define')
        hasMeaning = true;
      if (L.PERSONAL.has(t)) hasPersonal = true;
    }
    const first = words[start] ?? '';
    const second = words[start + 1] ?? '';
    const opener =
      L.QUESTION_OPENER.has(first) &&
      (first !== 'the' || second === 'law') &&
      (first !== 'in' || second === 'law') &&
      (first !== 'and' || L.QUESTION_OPENER.has(second)) &&
      (first !== 'so' || L.QUESTION_OPENER.has(second)) &&
      (first !== 'hi' || L.QUESTION_OPENER.has(second)) &&
      (first !== 'hello' || L.QUESTION_OPENER.has(second)) &&
      (first !== 'please' || L.QUESTION_OPENER.has(second));
    const question = i > start && ((emph[i - 1] ?? 0) & EMPH_QUESTION) !== 0;
    const isLaw = (hasLaw && (opener || question)) || hasMeaning;
    let isHyp = first === 'whether';
    for (let j = start; j < Math.min(i, start + 6); j++) if (words[j] === 'if') isHyp = true;
    const asks = question || GENERAL_OPENER.has(first) || isHyp;
    const isGeneric = !hasPersonal && (isLaw || asks);
    for (let j = start; j < Math.min(i + 1, n); j++) {
      generic[j] = isGeneric ? 1 : 0;
      sStart[j] = start;
      sEnd[j] = i;
      law[j] = isLaw ? 1 : 0;
      personal[j] = hasPersonal ? 1 : 0;
      hyp[j] = isHyp ? 1 : 0;
    }
    start = i + 1;
  }
  const mediaBefore = new Int32Array(n + 1);
  for (let i = 0; i < n; i++)
    mediaBefore[i + 1] = (mediaBefore[i] ?? 0) + (L.MEDIA.has(words[i] ?? '') ? 1 : 0);
  return { w: words, emph, n, sStart, sEnd, law, personal, hyp, generic, hits: new Map(), mediaBefore };
}

const GENERAL_OPENER = new Set([
  'is',
  'are',
  'can',
  'could',
  'does',
  'do',
  'what',
  'how',
  'if',
  'would',
  'will',
  'why',
  'which',
  'when',
  'whether',
  'should',
]);

// ---- helpers --------------------------------------------------------------------------------

export function at(s: Scan, i: number): string {
  if (i < 0 || i >= s.n) return BOUNDARY;
  return s.w[i] ?? BOUNDARY;
}

/** The word k places away from i inside the same sentence, or BOUNDARY. */
export function rel(s: Scan, i: number, k: number): string {
  const j = i + k;
  if (j < (s.sStart[i] ?? 0) || j >= (s.sEnd[i] ?? 0)) return BOUNDARY;
  return at(s, j);
}

export function hit(s: Scan, id: string, level: Level): void {
  const prev = s.hits.get(id);
  if (prev === 'immediate') return;
  s.hits.set(id, level);
}

/** Nearest index j in [i-dist, i-1] (same sentence) whose word is in set, else -1. */
export function back(s: Scan, i: number, dist: number, set: ReadonlySet<string>): number {
  const lo = Math.max(s.sStart[i] ?? 0, i - dist);
  for (let j = i - 1; j >= lo; j--) if (set.has(at(s, j))) return j;
  return -1;
}

/** Nearest index j in [i+1, i+dist] (same sentence) whose word is in set, else -1. */
export function fwd(s: Scan, i: number, dist: number, set: ReadonlySet<string>): number {
  const hi = Math.min((s.sEnd[i] ?? 0) - 1, i + dist);
  for (let j = i + 1; j <= hi; j++) if (set.has(at(s, j))) return j;
  return -1;
}

export function backWord(s: Scan, i: number, dist: number, word: string): number {
  const lo = Math.max(s.sStart[i] ?? 0, i - dist);
  for (let j = i - 1; j >= lo; j--) if (at(s, j) === word) return j;
  return -1;
}

export function fwdWord(s: Scan, i: number, dist: number, word: string): number {
  const hi = Math.min((s.sEnd[i] ?? 0) - 1, i + dist);
  for (let j = i + 1; j <= hi; j++) if (at(s, j) === word) return j;
  return -1;
}

/** Within the same sentence and at most 30 words either side (keeps long unpunctuated text linear). */
export function sentenceHas(s: Scan, i: number, set: ReadonlySet<string>): boolean {
  const lo = Math.max(s.sStart[i] ?? 0, i - SENTENCE_WINDOW);
  const hi = Math.min(s.sEnd[i] ?? 0, i + SENTENCE_WINDOW + 1);
  for (let j = lo; j < hi; j++) if (set.has(at(s, j))) return true;
  return false;
}

export const SENTENCE_WINDOW = 30;

export function sentenceLength(s: Scan, i: number): number {
  return (s.sEnd[i] ?? 0) - (s.sStart[i] ?? 0);
}

/**
 * A law question, or any question or "if ..." that names nobody in particular ("what happens if
 * someone breaches an order"): danger words there are not the writer's danger.
 */
export function lawGeneric(s: Scan, i: number): boolean {
  return s.generic[i] === 1;
}

/** Only a law question naming nobody. Used by pleas and self-harm, which must fire on "can someone help". */
export function lawOnly(s: Scan, i: number): boolean {
  return s.law[i] === 1 && s.personal[i] === 0;
}

export const BLOCKERS = new Set([
  'sent',
  'send',
  'sends',
  'picture',
  'pictures',
  'photo',
  'photos',
  'access',
  'told',
  'asked',
  'lives',
  'live',
  'lived',
  'works',
  'worked',
  'moved',
  'stays',
  'posted',
  'left',
  'met',
  'drove',
  'dropped',
]);

/**
 * Looks back (up to dist words) for the person who is somewhere or doing something. Stops at a
 * first-person subject ("I'm outside"), a blocking verb ("he sent a photo of my door") or the start
 * of the sentence. Returns the index of the person word, or -1.
 */
export function subjectBefore(s: Scan, i: number, dist: number): number {
  const lo = Math.max(s.sStart[i] ?? 0, i - dist);
  for (let j = i - 1; j >= lo; j--) {
    const t = at(s, j);
    if (L.PERSON.has(t)) {
      // "it was just the neighbour at the door", "it's only the postie": a harmless caller named
      if (at(s, j - 1) === 'the' && (at(s, j - 2) === 'just' || at(s, j - 2) === 'only')) {
        const v = at(s, j - 3);
        if (v === 'was' || v === 'is' || v === 'its') return -1;
      }
      // "her" / "his" / "them" as an owner or object may still be the place's owner:
      // "outside her flat" -> keep looking for the subject, but accept it if none is found.
      if ((t === 'her' || t === 'his' || t === 'their') && j === i - 1) continue;
      return j;
    }
    if (L.FIRST_SUBJECT.has(t)) return -1;
    if (BLOCKERS.has(t)) return -1;
    if (isLikelyName(s, j)) return j;
  }
  return -1;
}

const NAME_NEXT = new Set(['is', 'was', 'has', 'just', 'keeps', 'said', 'will', 'would', 'and', 'with']);
const NOT_BEFORE_NAME = new Set([
  'my',
  'the',
  'a',
  'an',
  'our',
  'his',
  'her',
  'their',
  'your',
  'this',
  'that',
  'some',
  'any',
]);

/**
 * "Dave is outside": a word the lexicon does not know, with no "my / the / a" before it, used as
 * a subject, is most likely a person's name. ("my dog is at the door" has a determiner.)
 */
export function isLikelyName(s: Scan, j: number): boolean {
  const t = at(s, j);
  if (t.length < 3 || L.KNOWN_WORDS.has(t) || L.CUE_WORDS.has(t) || TRIGGER_SET.has(t)) return false;
  for (const c of t) if (c < 'a' || c > 'z') return false;
  if (!NAME_NEXT.has(rel(s, j, 1))) return false;
  return !NOT_BEFORE_NAME.has(rel(s, j, -1));
}

/** Nearest person word or likely name within dist before i (same sentence), else -1. */
export function personBack(s: Scan, i: number, dist: number): number {
  const lo = Math.max(s.sStart[i] ?? 0, i - dist);
  for (let j = i - 1; j >= lo; j--) if (L.PERSON.has(at(s, j)) || isLikelyName(s, j)) return j;
  return -1;
}

export function isGenericWord(t: string): boolean {
  return t === 'someone' || t === 'somebody' || t === 'person' || t === 'people' || t === 'anyone';
}

/** True when the word at k marks a past time ("was", "last week", "2 years ago"), not a recent one. */
export function isPastAt(s: Scan, k: number): boolean {
  const t = at(s, k);
  if (!L.PAST_MARK.has(t)) return false;
  if (t === 'last') {
    const nx = rel(s, k, 1);
    return (
      nx === 'night' ||
      nx === 'week' ||
      nx === 'month' ||
      nx === 'year' ||
      nx === 'time' ||
      nx === 'weekend' ||
      nx === 'summer' ||
      nx === 'christmas' ||
      L.PAST_MARK.has(nx)
    );
  }
  if (t === 'ago') {
    const p1 = rel(s, k, -1);
    const p2 = rel(s, k, -2);
    return !(p1 === 'minutes' || p1 === 'seconds' || p2 === 'minutes' || p1 === 'few' || p1 === 'moments');
  }
  if (t === 'left') return true;
  if (t === 'together') return rel(s, k, -1) === 'were' || rel(s, k, -2) === 'were';
  return true;
}

export type Tense = 'present' | 'past' | 'none';

/** Tense evidence in [from, to] (same sentence). Present evidence wins over past. */
export function tense(s: Scan, i: number, from: number, to: number): Tense {
  const lo = Math.max(s.sStart[i] ?? 0, from);
  const hi = Math.min((s.sEnd[i] ?? 0) - 1, to);
  let past = false;
  for (let k = lo; k <= hi; k++) {
    const t = at(s, k);
    if (t === 'right' && rel(s, k, 1) !== 'now') continue;
    if (t === 'moment' && rel(s, k, -1) !== 'the') continue;
    if (L.PRESENT_MARK.has(t)) return 'present';
    if (isPastAt(s, k)) past = true;
  }
  return past ? 'past' : 'none';
}

export function negatedBetween(s: Scan, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (L.NEGATION.has(at(s, k))) return true;
  return false;
}

/** "he's hitting me" / "he is outside": a present "is/are" (or a present marker) between j and i. */
export function presentBetween(s: Scan, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) {
    const t = at(s, k);
    if (L.BE_PRESENT.has(t)) return true;
  }
  return false;
}

// ---- rule plumbing --------------------------------------------------------------------------

export type RuleFn = (s: Scan, i: number) => void;

/** Every word some rule starts from; set once by the dispatch table (rules.ts). */
let TRIGGER_SET: ReadonlySet<string> = new Set();

export function setTriggerWords(words: ReadonlySet<string>): void {
  TRIGGER_SET = words;
}

export interface Rule {
  readonly triggers: ReadonlySet<string> | readonly string[];
  readonly fn: RuleFn;
}

/** Decides immediate / concern for something happening now vs. in the past. */
export function nowOrPast(s: Scan, i: number, subj: number, id: string, pastId: string): void {
  const t = tense(s, i, subj - 2, i + 6);
  const be = presentBetween(s, subj, i);
  if (s.law[i] === 1 || s.hyp[i] === 1) {
    // "what happens if he turns up at my house?": a question about what could happen
    if (be || t === 'present') hit(s, id, 'immediate');
    else if (s.hyp[i] === 0) hit(s, pastId, 'concern');
    return;
  }
  if (t === 'past' && !be) hit(s, pastId, 'concern');
  else hit(s, id, 'immediate');
}
