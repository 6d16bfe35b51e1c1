/**
 * A small statistical second opinion behind the rules: two logistic regressions over the
 * detector's own canonical words (unigrams, bigrams and a few flags). Trained offline by
 * scripts/safety/train.ts over the labelled fixtures and stored in model.json.
 *
 * Scoring is a linear sum: one look-up per feature, no string building (bigrams use a two-level
 * map), duplicates skipped with a stamp array, so a call costs O(tokens) and allocates nothing.
 * Long texts are scored in windows of CHUNK tokens and the highest window counts, so a long calm
 * preamble cannot dilute a dangerous sentence and a window never sees more than CHUNK words.
 */
import * as L from './lexicon.ts';
import { BOUNDARY } from './normalise.ts';

/** The on-disk format (validated by zod in test/safety/model.test.ts). */
export interface ModelFile {
  readonly version: 1;
  /** Feature keys: "w" unigram, "a b" bigram ('^' start, '$' end, '.' sentence end), "#flag". */
  readonly features: readonly string[];
  readonly immediate: { readonly bias: number; readonly weights: readonly number[] };
  readonly any: { readonly bias: number; readonly weights: readonly number[] };
  /** Window length in tokens. */
  readonly chunk: number;
  /** Decision thresholds chosen by leave-one-set-out cross-validation. */
  readonly thresholds: { readonly immediate: number; readonly concern: number };
}

export const START = '^';
export const END = '$';
export const FLAG_LAW = '#law';
export const FLAG_SHORT = '#short';
/** At most this many words (sentence ends excluded) makes a message "short". */
export const SHORT_WORDS = 4;

/**
 * Word classes from the rules' own lexicon, most telling first. Each word gets at most one class,
 * so "he is in the chippy" and "he is in the garden" share "@PERSON @BE ... @LOCATION" features
 * even when the model never saw "chippy" next to "he". Classes are the back-off that lets the
 * model generalise beyond the exact words of the training sets.
 */
const CLASS_ORDER: ReadonlyArray<readonly [string, ReadonlySet<string>]> = [
  ['@WEAPON', L.WEAPON],
  ['@KILL', L.KILL],
  ['@STRANGLE', L.STRANGLE],
  ['@NECK', L.NECK],
  ['@SELFHARM', L.SELF_HARM_WORDS],
  ['@PILLS', L.PILLS],
  ['@DIE', L.DIE],
  ['@HIDING', L.HIDING],
  ['@HIDESPOT', L.HIDE_SPOT],
  ['@LOCKED', L.LOCKED],
  ['@BREAK', L.BREAK],
  ['@INTRUDE', L.INTRUDE_STRONG],
  ['@INTRUDE2', L.INTRUDE_WEAK],
  ['@ENTRY', L.ENTRY_POINT],
  ['@FOLLOW', L.FOLLOWING],
  ['@COMING', L.COMING],
  ['@ARRIVE', L.ARRIVE],
  ['@CHILDHARM', L.CHILD_HARM],
  ['@CHILD', L.CHILD],
  ['@VIOLENT', L.VIOLENT_ING],
  ['@VIOLENTPAST', L.VIOLENT_PAST],
  ['@THREAT', L.THREAT],
  ['@FEAR', L.FEAR],
  ['@TRACK', L.TRACK],
  ['@ORDER', L.ORDER],
  ['@BREACH', L.BREACH],
  ['@STALK', L.STALK],
  ['@CONTACT', L.CONTACT_VERB],
  ['@CONTACTN', L.CONTACT_NOUN],
  ['@ADDRESS', L.ADDRESS],
  ['@LAW', L.LAW_WORD],
  ['@HYPO', L.HYPOTHETICAL],
  ['@NEG', L.NEGATION],
  ['@PAST', L.PAST_MARK],
  ['@NOW', L.PRESENT_MARK],
  ['@PLACE', L.PLACE],
  ['@ROOM', L.ROOM],
  ['@BUILDING', L.BUILDING],
  ['@LOCATION', L.LOCATION],
  ['@PERSON', L.PERSON],
  ['@ME', L.FIRST_SUBJECT],
  ['@BE', L.BE_PRESENT],
  ['@URGENT', L.URGENT],
  ['@HELP', L.HELP],
  ['@MEDIA', L.MEDIA],
];
/** No class. */
const NO_CLASS = '_';

const CLASS_OF: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [name, set] of CLASS_ORDER) for (const w of set) if (!m.has(w)) m.set(w, name);
  return m;
})();

/** The class token of a word: its lexicon class, the word itself for '.', '^', '$', else '_'. */
export function classOf(w: string): string {
  if (w === BOUNDARY || w === START || w === END) return w;
  return CLASS_OF.get(w) ?? NO_CLASS;
}

/**
 * The feature keys of one window (offline use: training, tests). Each key once, in order of first
 * appearance. The runtime scorer below must give exactly the sum of these keys' weights.
 */
export function featureKeys(words: readonly string[], law: boolean): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (k: string): void => {
    if (!seen.has(k)) {
      seen.add(k);
      out.push(k);
    }
  };
  let prev = START;
  let prevC = START;
  let real = 0;
  for (const w of words) {
    const c = classOf(w);
    if (w !== BOUNDARY) {
      add(w);
      real++;
    }
    if (c !== NO_CLASS && c !== BOUNDARY) add(c);
    add(`${prev} ${w}`);
    add(`${prevC} ${c}`);
    prev = w;
    prevC = c;
  }
  add(`${prev} ${END}`);
  add(`${prevC} ${END}`);
  if (law) add(FLAG_LAW);
  if (real <= SHORT_WORDS) add(FLAG_SHORT);
  return out;
}

export interface ModelScores {
  /** Probability that the message is 'immediate'. */
  readonly immediate: number;
  /** Probability that the message is 'concern' or 'immediate'. */
  readonly any: number;
}

export interface Scorer {
  readonly thresholds: ModelFile['thresholds'];
  score(words: readonly string[], law: boolean): ModelScores;
}

interface Entry {
  uni: number;
  next: Map<string, number> | undefined;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function createScorer(model: ModelFile): Scorer {
  const n = model.features.length;
  const wImm = Float64Array.from(model.immediate.weights);
  const wAny = Float64Array.from(model.any.weights);
  const table = new Map<string, Entry>();
  const entry = (w: string): Entry => {
    let e = table.get(w);
    if (e === undefined) {
      e = { uni: -1, next: undefined };
      table.set(w, e);
    }
    return e;
  };
  let flagLaw = -1;
  let flagShort = -1;
  for (let k = 0; k < n; k++) {
    const f = model.features[k] ?? '';
    if (f === FLAG_LAW) flagLaw = k;
    else if (f === FLAG_SHORT) flagShort = k;
    else {
      const sp = f.indexOf(' ');
      if (sp < 0) entry(f).uni = k;
      else {
        const e = entry(f.slice(0, sp));
        if (e.next === undefined) e.next = new Map();
        e.next.set(f.slice(sp + 1), k);
      }
    }
  }
  const stamp = new Uint32Array(n);
  let gen = 0;
  const chunk = Math.max(1, model.chunk);

  /** Sum over one window [from, to): returns [immediate logit, any logit] via the out array. */
  const out = new Float64Array(2);
  const windowSum = (words: readonly string[], from: number, to: number, law: boolean): void => {
    gen = (gen + 1) >>> 0;
    if (gen === 0) {
      stamp.fill(0);
      gen = 1;
    }
    let zi = model.immediate.bias;
    let za = model.any.bias;
    const take = (k: number | undefined): void => {
      if (k === undefined || k < 0 || stamp[k] === gen) return;
      stamp[k] = gen;
      zi += wImm[k] ?? 0;
      za += wAny[k] ?? 0;
    };
    let prev = START;
    let prevC = START;
    let real = 0;
    for (let i = from; i < to; i++) {
      const w = words[i] ?? '';
      const c = classOf(w);
      if (w !== BOUNDARY) {
        take(table.get(w)?.uni);
        real++;
      }
      if (c !== NO_CLASS && c !== BOUNDARY) take(table.get(c)?.uni);
      take(table.get(prev)?.next?.get(w));
      take(table.get(prevC)?.next?.get(c));
      prev = w;
      prevC = c;
    }
    take(table.get(prev)?.next?.get(END));
    take(table.get(prevC)?.next?.get(END));
    if (law) take(flagLaw);
    if (real <= SHORT_WORDS) take(flagShort);
    out[0] = zi;
    out[1] = za;
  };

  return {
    thresholds: model.thresholds,
    score(words, law) {
      let bestI = Number.NEGATIVE_INFINITY;
      let bestA = Number.NEGATIVE_INFINITY;
      for (let from = 0; from < words.length || from === 0; from += chunk) {
        windowSum(words, from, Math.min(words.length, from + chunk), law);
        bestI = Math.max(bestI, out[0] ?? 0);
        bestA = Math.max(bestA, out[1] ?? 0);
        if (from + chunk >= words.length) break;
      }
      return { immediate: sigmoid(bestI), any: sigmoid(bestA) };
    },
  };
}
