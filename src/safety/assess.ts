/**
 * assessRisk(text): pure, synchronous and total. Any string (empty, huge, lone surrogates) gives
 * a level and rule ids; nothing throws. Everything is compiled once, at module load.
 */
import { resolvedStory } from './covert.ts';
import { CUE_WORDS, KNOWN_WORDS, MEDIA } from './lexicon.ts';
import MODEL_FILE from './model.json' with { type: 'json' };
import { createScorer, type ModelFile, type Scorer } from './model.ts';
import { isSpeakWord, tokenise } from './normalise.ts';
import { buildScan, hasLawQuestion, runRules, TRIGGER_WORDS } from './rules.ts';
import { createSpeller } from './spelling.ts';
import type { RiskAssessment, RiskLevel } from './types.ts';

const TARGETS: ReadonlySet<string> = new Set(
  [...CUE_WORDS, ...TRIGGER_WORDS].filter((w) => w.length >= 4 && /^[a-z]+$/.test(w)),
);
const SPELLER = createSpeller(TARGETS, KNOWN_WORDS);
const MODEL: Scorer | undefined = createScorer(MODEL_FILE as ModelFile);

const MAX_SEGMENT_WORD = 12;
const SINGLE_LETTER_WORDS = new Set(['i', 'a', 'u', 'r', 'n']);

function isDictionaryWord(w: string): boolean {
  if (w.length === 1) return SINGLE_LETTER_WORDS.has(w);
  return KNOWN_WORDS.has(w) || TARGETS.has(w) || isSpeakWord(w);
}

/** Splits "hesoutside" into ["hes", "outside"] with the fewest words, or undefined. O(n × 12). */
function segment(letters: string): readonly string[] | undefined {
  const n = letters.length;
  const best: number[] = new Array(n + 1).fill(Number.POSITIVE_INFINITY);
  const from: number[] = new Array(n + 1).fill(-1);
  best[0] = 0;
  for (let end = 1; end <= n; end++) {
    for (let len = 1; len <= Math.min(MAX_SEGMENT_WORD, end); len++) {
      const start = end - len;
      const prev = best[start] ?? Number.POSITIVE_INFINITY;
      if (prev === Number.POSITIVE_INFINITY) continue;
      if (!isDictionaryWord(letters.slice(start, end))) continue;
      const cost = prev + (len === 1 ? 2 : 1);
      if (cost < (best[end] ?? Number.POSITIVE_INFINITY)) {
        best[end] = cost;
        from[end] = start;
      }
    }
  }
  if (best[n] === Number.POSITIVE_INFINITY) return undefined;
  const parts: string[] = [];
  for (let end = n; end > 0; end = from[end] ?? 0) parts.push(letters.slice(from[end] ?? 0, end));
  return parts.reverse();
}

/**
 * The bot's own button titles: pressing one must never look like danger, whatever words it uses.
 * Compared after normalisation, whole message only.
 */
const BUTTON_TITLES = [
  'Yes, keep chatting',
  'I need to go',
  'Am I being stalked or harassed?',
  'Laws that protect me',
  'Orders a court can make',
  'Threats online',
  'Get help now',
  'Which protection might fit me?',
  'Tell me more',
  'Back to menu',
  'Call 999',
  'Call Essex Compass',
];

const NONE: RiskAssessment = Object.freeze({ level: 'none', rules: Object.freeze([]) as readonly string[] });

/** Canonical words for a text (exported for tests and tools; never logged). */
export function normaliseForRisk(text: string): readonly string[] {
  return tokenise(typeof text === 'string' ? text : '', SPELLER.canon, segment).words;
}

function key(text: string): string {
  return normaliseForRisk(text)
    .filter((w) => w !== '.')
    .join(' ');
}

const BUTTON_KEYS: ReadonlySet<string> = new Set(BUTTON_TITLES.map(key));

/** What the rules alone make of a message, plus what the model needs (words never leave this module's callers' process). */
export interface RuleReading {
  readonly level: RiskLevel;
  readonly rules: readonly string[];
  readonly words: readonly string[];
  readonly law: boolean;
  /** Empty text or one of the bot's own buttons: always 'none', the model is not asked. */
  readonly fixed: boolean;
}

const FIXED_NONE: RuleReading = Object.freeze({
  level: 'none',
  rules: NONE.rules,
  words: Object.freeze([]) as readonly string[],
  law: false,
  fixed: true,
});

/** The rules alone (exported for scripts/safety and tests). May throw; assessRisk catches. */
export function readRules(text: string): RuleReading {
  if (typeof text !== 'string' || text.length === 0) return FIXED_NONE;
  const tokens = tokenise(text, SPELLER.canon, segment);
  if (tokens.words.length <= 8 && BUTTON_KEYS.has(tokens.words.filter((w) => w !== '.').join(' ')))
    return FIXED_NONE;
  const scan = buildScan(tokens.words, tokens.emphasis);
  runRules(scan);
  let level: RiskLevel = 'none';
  const rules: string[] = [];
  for (const [id, lv] of scan.hits) {
    rules.push(id);
    if (lv === 'immediate') level = 'immediate';
    else if (level === 'none') level = 'concern';
  }
  if (level === 'concern' && resolvedStory(scan)) {
    // "he followed me home every day when i was 15 ... i've had counselling and i'm okay": over
    level = 'none';
    rules.length = 0;
    rules.push('context.resolved');
  }
  const law = hasLawQuestion(scan);
  if (law) rules.push('context.law-question');
  return { level, rules, words: tokens.words, law, fixed: false };
}

const MODEL_MIN_WORDS = 2;

/**
 * Words that mark a message as being about a film, a novel, a soap or the news. Word
 * statistics cannot tell "the twist where he's outside the house" (a review) from a real account,
 * so when the rules found nothing and one of these is present, the model may not raise the level.
 * MEDIA less the words people also use about their own lives ("he posted a story outside my
 * college", "he keeps logging into my netflix").
 */
const OWN_LIFE_MEDIA: ReadonlySet<string> = new Set([
  'story',
  'netflix',
  'game',
  'tv',
  'telly',
  'book',
  'books',
  'series',
  'programme',
  'program',
]);
const TOPICAL: ReadonlySet<string> = new Set([...MEDIA].filter((w) => !OWN_LIFE_MEDIA.has(w)));

/** True when the model may raise a rules-'none' reading: no topical (media, news) word in it. */
export function modelMayRaiseNone(words: readonly string[]): boolean {
  for (const w of words) if (TOPICAL.has(w)) return false;
  return true;
}

/**
 * "he's not outside anymore, he left", "false alarm", "i'm safe now": the writer says the danger
 * has passed. When the rules found nothing, the model may still say 'concern' but not 'immediate'. O(n).
 */
export function saysAllClear(words: readonly string[]): boolean {
  let lastNot = -10;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const prev = words[i - 1] ?? '';
    if (w === 'not') lastNot = i;
    else if (w === 'anymore' && i - lastNot <= 4) return true;
    else if (w === 'longer' && prev === 'no') return true;
    else if (w === 'alarm' && prev === 'false') return true;
    else if (w === 'now' && prev === 'safe') return true;
    else if (w === 'safe' && (prev === 'am' || prev === 'feel') && words[i + 1] !== 'to') return true;
  }
  return false;
}

function realWords(words: readonly string[]): number {
  let n = 0;
  for (const w of words) if (w !== '.') n++;
  return n;
}

/**
 * Rules first; the model can only raise a level, never lower one:
 * rules none/concern and P(immediate) >= T1 -> immediate ('model.immediate');
 * rules none and P(concern or immediate) >= T2 -> concern ('model.concern').
 * A rules-'none' message about a film, a review or the news is never raised (modelMayRaiseNone).
 */
export function combine(r: RuleReading, scorer: Scorer | undefined): RiskAssessment {
  if (r.fixed) return NONE;
  let level = r.level;
  const rules = [...r.rules];
  // One word ("he", "scared") is too little for a statistical guess: the rules alone decide.
  // A story the writer has closed ("it's all over now") is not reopened by word statistics.
  const resolved = r.rules.includes('context.resolved');
  const topical = level === 'none' && !modelMayRaiseNone(r.words);
  if (
    scorer !== undefined &&
    !resolved &&
    !topical &&
    level !== 'immediate' &&
    realWords(r.words) >= MODEL_MIN_WORDS
  ) {
    const p = scorer.score(r.words, r.law);
    const capped = level === 'none' && saysAllClear(r.words);
    if (p.immediate >= scorer.thresholds.immediate && !capped) {
      level = 'immediate';
      rules.push('model.immediate');
    } else if (
      level === 'none' &&
      (p.any >= scorer.thresholds.concern || p.immediate >= scorer.thresholds.immediate)
    ) {
      level = 'concern';
      rules.push('model.concern');
    }
  }
  rules.sort();
  return { level, rules };
}

export function assessRisk(text: string): RiskAssessment {
  try {
    return combine(readRules(text), MODEL);
  } catch {
    // Never fail closed to "none" silently on a bug: a crash here means we could not read the
    // message, so we show the person the safety numbers.
    return { level: 'concern', rules: ['error.unreadable'] };
  }
}
