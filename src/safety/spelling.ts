/**
 * Spelling tolerance: maps a word to the cue word it was meant to be ("outsde" -> "outside",
 * "folowing" -> "following", "hellllp" -> "help", "kinfe" -> "knife").
 *
 * - Known words (cue words, common words, and real words that sit one letter away from a cue
 *   word, like "shouting" / "shooting") are never changed.
 * - Candidates come from a deletion index (SymSpell style), so a lookup costs O(length²) hash
 *   look-ups, never a scan of the vocabulary. Each candidate is confirmed with fastest-levenshtein.
 * - Bounds: length ≥ 5 -> 1 edit, length ≥ 8 -> 2 edits, one swap of neighbouring letters counts
 *   as 1 edit. The first letter must match (typos rarely hit it, and it keeps "talking" from
 *   becoming "stalking"). A 4-letter word may only be a cut-off cue word ("knif", "hous").
 * - Results are cached per word in a bounded map.
 */
import { distance } from 'fastest-levenshtein';
import { collapseToTwo, isSpeakWord, isStretched, skeleton } from './normalise.ts';

export interface Speller {
  readonly canon: (word: string) => string;
}

const CACHE_LIMIT = 20_000;
const SUFFIXES = ['ed', 'ing', 's', 'es', 'er', 'ers', 'd', 'ly'];
const MAX_FUZZY_LENGTH = 20;

function deletions(word: string, depth: number, out: Set<string>): void {
  out.add(word);
  if (depth === 0 || word.length <= 3) return;
  for (let i = 0; i < word.length; i++) {
    const v = word.slice(0, i) + word.slice(i + 1);
    if (!out.has(v)) deletions(v, depth - 1, out);
  }
}

function isOneSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i >= a.length - 1) return false;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

function hasDigit(word: string): boolean {
  for (const c of word) if (c >= '0' && c <= '9') return true;
  return false;
}

export function createSpeller(targets: ReadonlySet<string>, known: ReadonlySet<string>): Speller {
  const index = new Map<string, string[]>();
  const skeletons = new Map<string, string | null>();
  const prefixes = new Map<string, string>();
  for (const t of targets) {
    const vars = new Set<string>();
    deletions(t, t.length >= 7 ? 2 : 1, vars);
    for (const v of vars) {
      const list = index.get(v);
      if (list === undefined) index.set(v, [t]);
      else list.push(t);
    }
    if (t.length === 5) prefixes.set(t.slice(0, 4), t);
  }
  for (const k of [...targets, ...known]) {
    const sk = skeleton(k);
    const prev = skeletons.get(sk);
    // Ambiguous skeletons are dropped (null) unless one of them is the skeleton itself.
    if (prev === undefined) skeletons.set(sk, k);
    else if (prev !== k && prev !== sk) skeletons.set(sk, k === sk ? k : null);
  }
  const isKnown = (w: string): boolean => targets.has(w) || known.has(w) || isSpeakWord(w);
  // The same index over skeletons ("folowing"), for doubled-letter typos on top of another slip.
  const skelIndex = new Map<string, string[]>();
  for (const t of targets) {
    const sk = skeleton(t);
    const vars = new Set<string>();
    deletions(sk, 1, vars);
    for (const v of vars) {
      const list = skelIndex.get(v);
      if (list === undefined) skelIndex.set(v, [t]);
      else if (!list.includes(t)) list.push(t);
    }
  }
  /** "contacted" is "contact" + ed: a real inflection, not a typo. Leave it alone. */
  const isInflection = (w: string): boolean => {
    for (const suf of SUFFIXES) {
      if (w.length > suf.length + 3 && w.endsWith(suf)) {
        const stem = w.slice(0, -suf.length);
        if (targets.has(stem) || known.has(stem) || targets.has(`${stem}e`) || known.has(`${stem}e`))
          return true;
      }
    }
    return false;
  };
  const cache = new Map<string, string>();

  const fuzzy = (word: string): string => {
    const len = word.length;
    if (len === 4) return prefixes.get(word) ?? word;
    if (len < 5 || len > MAX_FUZZY_LENGTH) return word;
    const maxD = len >= 8 ? 2 : 1;
    const vars = new Set<string>();
    deletions(word, maxD, vars);
    let best = word;
    let bestD = maxD + 1;
    for (const v of vars) {
      const cands = index.get(v);
      if (cands === undefined) continue;
      for (const cand of cands) {
        if (cand[0] !== word[0]) continue;
        if (Math.abs(cand.length - len) > maxD) continue;
        let d = isOneSwap(word, cand) ? 1 : distance(word, cand);
        if (d > maxD) continue;
        if (cand.length < 5 && d > 0) d += 0.5; // prefer longer, safer targets
        if (d < bestD || (d === bestD && cand < best)) {
          best = cand;
          bestD = d;
        }
      }
    }
    if (best !== word) return best;
    // Second chance on the skeleton: "foloing" -> "folowing" ~ "following".
    const sk = skeleton(word);
    const svars = new Set<string>();
    deletions(sk, 1, svars);
    for (const v of svars) {
      const cands = skelIndex.get(v);
      if (cands === undefined) continue;
      for (const cand of cands) {
        if (cand[0] !== word[0] || cand.length < 6) continue;
        const csk = skeleton(cand);
        const d = isOneSwap(sk, csk) ? 1 : distance(sk, csk);
        if (d <= 1 && d < bestD) {
          best = cand;
          bestD = d;
        }
      }
    }
    return best;
  };

  const canonUncached = (word: string): string => {
    if (isKnown(word)) return word;
    if (hasDigit(word)) return word;
    if (word.endsWith('in') && isKnown(`${word}g`)) return `${word}g`; // "bangin", "comin"
    if (isStretched(word)) {
      const two = collapseToTwo(word);
      if (isKnown(two)) return two;
      const sk = skeletons.get(skeleton(word));
      if (sk) return sk;
      return canonUncached(two);
    }
    const sk = skeletons.get(skeleton(word));
    if (sk && targets.has(sk) && word.length >= 3) return sk; // "folowing", "stabed", "kil"
    if (isInflection(word)) return word;
    return fuzzy(word);
  };

  const canon = (word: string): string => {
    if (isKnown(word)) return word;
    const hit = cache.get(word);
    if (hit !== undefined) return hit;
    const out = canonUncached(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, out);
    return out;
  };

  return { canon };
}
