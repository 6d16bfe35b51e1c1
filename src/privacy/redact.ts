/**
 * redact(text): the same text with personal details replaced by placeholders:
 * [phone], [email], [url], [ip], [postcode], [handle], [name].
 *
 * Two layers, merged: Microsoft Recognizers-Text (phone, e-mail, URL, IP; Culture.English) and our
 * own linear checks for what they miss (UK phone layouts, any long run of digits, e-mails, URLs,
 * IPs, UK postcodes, @handles, names after "my name is" and friends). Where spans overlap they
 * are joined, so no part of a detail is left behind.
 *
 * Total: never throws. On an internal error it returns REDACTION_FAILED, never the original.
 * No botbuilder here, and nothing is logged.
 */
import { createRequire } from 'node:module';

type Suite = typeof import('@microsoft/recognizers-text-suite');

export type RedactionKind = 'phone' | 'email' | 'url' | 'ip' | 'postcode' | 'handle' | 'name';

/** What redact() returns if it fails inside: nothing of the original survives. */
export const REDACTION_FAILED = '[redacted]';

interface Span {
  start: number;
  /** Exclusive. */
  end: number;
  kind: RedactionKind;
}

const require = createRequire(import.meta.url);
let suite: Suite | undefined;

function recognizers(): Suite {
  suite ??= require('@microsoft/recognizers-text-suite') as Suite;
  return suite;
}

/**
 * Loads the recognizers (about 200 ms) and runs each once, so the first real message is fast.
 * Call it at start-up, after the server listens. Safe to call more than once.
 */
export function warmRedaction(): void {
  redact('my name is Alex, call 07700 900123, alex@example.com, https://example.com, 192.0.2.1, CM1 1AA');
}

export function redact(text: string): string {
  if (typeof text !== 'string') return '';
  if (text.length === 0) return text;
  try {
    const spans = [
      ...recognizerSpans(text),
      ...phoneSpans(text),
      ...tokenSpans(text),
      ...postcodeSpans(text),
      ...nameSpans(text),
    ];
    if (spans.length === 0) return text;
    return apply(text, merge(spans));
  } catch {
    return REDACTION_FAILED;
  }
}

// --- Recognizers ---------------------------------------------------------------------------------

/**
 * The recognizers' e-mail and IP patterns backtrack: a long word costs time growing with the
 * square of its length (8,000 characters without a space: ~60 ms). So they see the text in pieces
 * of at most CHUNK characters, cut at a space where there is one; our own scanners, which see the
 * whole text, cover anything a cut splits.
 */
const CHUNK = 1000;

function recognizerSpans(text: string): Span[] {
  const out: Span[] = [];
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + CHUNK);
    if (to < text.length) {
      const space = text.lastIndexOf(' ', to);
      if (space > from + CHUNK / 2) to = space;
    }
    recognizeChunk(text.slice(from, to), from, out);
    from = to;
  }
  return out;
}

const HAS_DIGIT = /\d/;

function recognizeChunk(chunk: string, offset: number, out: Span[]): void {
  const s = recognizers();
  const culture = s.Culture.English;
  const add = (results: ReturnType<Suite['recognizeEmail']>, kind: RedactionKind): void => {
    for (const r of results) {
      // start/end are inclusive offsets into the text given (r.text may be lower-cased).
      if (Number.isInteger(r.start) && Number.isInteger(r.end) && r.end >= r.start) {
        out.push({ start: offset + r.start, end: offset + r.end + 1, kind });
      }
    }
  };
  // Each recognizer only where its kind could be: saves most of the time on ordinary messages.
  const hasDigit = HAS_DIGIT.test(chunk);
  const hasDot = chunk.includes('.');
  if (hasDigit) add(s.recognizePhoneNumber(chunk, culture), 'phone');
  if (chunk.includes('@')) add(s.recognizeEmail(chunk, culture), 'email');
  if (hasDot) add(s.recognizeURL(chunk, culture), 'url');
  if (hasDigit && (hasDot || chunk.includes(':'))) add(s.recognizeIpAddress(chunk, culture), 'ip');
}

// --- Phone numbers: any run of 9+ digits joined by spaces, dashes or brackets (one pass) ----------

const MIN_PHONE_DIGITS = 9;
const MAX_SEPARATORS_IN_A_ROW = 3;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isPhoneSeparator(c: number): boolean {
  // space, no-break space, '-', '(', ')', en dash
  return c === 32 || c === 160 || c === 45 || c === 40 || c === 41 || c === 8211;
}

function phoneSpans(text: string): Span[] {
  const out: Span[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const startsRun = isDigit(c) || ((c === 43 || c === 40) && i + 1 < n && isDigit(text.charCodeAt(i + 1)));
    if (!startsRun) {
      i++;
      continue;
    }
    let j = isDigit(c) ? i : i + 1;
    let digits = 0;
    let lastDigitEnd = j;
    let separators = 0;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (isDigit(d)) {
        digits++;
        separators = 0;
        lastDigitEnd = j + 1;
      } else if (isPhoneSeparator(d) && separators < MAX_SEPARATORS_IN_A_ROW) {
        separators++;
      } else {
        break;
      }
      j++;
    }
    if (digits >= MIN_PHONE_DIGITS) out.push({ start: i, end: lastDigitEnd, kind: 'phone' });
    i = Math.max(lastDigitEnd, i + 1);
  }
  return out;
}

// --- Whitespace-separated tokens: e-mails, URLs, IPs, @handles (one pass) ------------------------

const LEADING_PUNCT = new Set(['(', '[', '{', '<', '"', "'", '“', '‘', '«']);
const TRAILING_PUNCT = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '>', '"', "'", '”', '’', '»']);
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?$/;
const IPV6 = /^[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}$/i;
const HANDLE = /^@[\p{L}\p{N}_.]{2,30}$/u;
const WWW = /^www\./i;

function tokenSpans(text: string): Span[] {
  const out: Span[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    let end = i;
    while (end < n && !isSpace(text.charCodeAt(end))) end++;
    let start = i;
    let stop = end;
    while (start < stop && LEADING_PUNCT.has(text[start]!)) start++;
    while (stop > start && TRAILING_PUNCT.has(text[stop - 1]!)) stop--;
    if (stop > start) {
      const kind = classifyToken(text.slice(start, stop));
      if (kind) out.push({ start, end: stop, kind });
    }
    i = end;
  }
  return out;
}

function classifyToken(token: string): RedactionKind | undefined {
  const at = token.indexOf('@');
  if (at > 0 && token.indexOf('.', at) > at + 1) return 'email';
  if (at === 0 && HANDLE.test(token)) return 'handle';
  if (token.includes('://') || WWW.test(token)) return 'url';
  if (IPV4.test(token)) return 'ip';
  if (token.includes(':') && token.length >= 6 && IPV6.test(token) && /[0-9a-f]{3}/i.test(token)) return 'ip';
  return undefined;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 12 || c === 11 || c === 8203;
}

// --- UK postcodes: a fixed-length pattern, no nested repetition (linear) --------------------------

const POSTCODE = /(?<![\p{L}\p{N}])(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})(?![\p{L}\p{N}])/giu;

function postcodeSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(POSTCODE)) {
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'postcode' });
  }
  return out;
}

// --- Names after an introduction ----------------------------------------------------------------

/**
 * "loose": any word that is not a common word counts as a name ("my name is sarah jones").
 * "capitalised": only Capitalised words count ("call me Sarah", not "call me back").
 */
const INTRODUCTIONS: ReadonlyArray<{ readonly re: RegExp; readonly mode: 'loose' | 'capitalised' }> = [
  {
    re: /\b(?:my name is|my name's|my names|my name’s|i['’]?m called|i am called|i go by)\s+/giu,
    mode: 'loose',
  },
  { re: /\b(?:call me|this is|i['’]?m|i am|it['’]?s)\s+/giu, mode: 'capitalised' },
];

const MAX_NAME_WORDS = 3;
const NAME_WORD = /^[\p{L}][\p{L}\p{M}'’-]*$/u;
const CAPITALISED = /^\p{Lu}/u;

/** Words that end (or are never) a name, lower-cased. */
const NOT_NAMES = new Set(
  (
    "a an and are as at be been but by can could did do does dont don’t don't for from get got had has have he " +
    "help her him his how i if im i’m i'm in into is it its just like me mine my need no not now of " +
    'off ok okay on or our please really she so some that the their them then there they this to too ' +
    'very was we were what when where which who why will with would yes you your hi hello hey thanks ' +
    'thank sorry scared afraid worried frightened here back today tomorrow tonight later again always ' +
    'never sure not fine good okay about after before because being still also only even ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june ' +
    'july august september october november december english british essex police'
  ).split(' '),
);

function nameSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const { re, mode } of INTRODUCTIONS) {
    for (const m of text.matchAll(re)) {
      const span = nameAfter(text, m.index + m[0].length, mode);
      if (span) out.push(span);
    }
  }
  return out;
}

function nameAfter(text: string, from: number, mode: 'loose' | 'capitalised'): Span | undefined {
  let pos = from;
  let end = -1;
  for (let count = 0; count < MAX_NAME_WORDS; count++) {
    let wordEnd = pos;
    while (wordEnd < text.length && !isSpace(text.charCodeAt(wordEnd)) && !isNameBreak(text[wordEnd]!))
      wordEnd++;
    const word = text.slice(pos, wordEnd);
    if (!NAME_WORD.test(word) || NOT_NAMES.has(word.toLowerCase())) break;
    if (mode === 'capitalised' && !CAPITALISED.test(word)) break;
    end = wordEnd;
    // Continue only across a single space to the next word.
    if (text.charCodeAt(wordEnd) !== 32) break;
    pos = wordEnd + 1;
  }
  return end > from ? { start: from, end, kind: 'name' } : undefined;
}

function isNameBreak(ch: string): boolean {
  return TRAILING_PUNCT.has(ch) && ch !== '’' && ch !== "'";
}

// --- Merge and apply ----------------------------------------------------------------------------

function merge(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  let cur: Span | undefined;
  let curLongest = 0;
  for (const s of spans) {
    if (cur && s.start < cur.end) {
      if (s.end - s.start > curLongest) {
        curLongest = s.end - s.start;
        cur.kind = s.kind;
      }
      cur.end = Math.max(cur.end, s.end);
      continue;
    }
    cur = { ...s };
    curLongest = s.end - s.start;
    out.push(cur);
  }
  return out;
}

function apply(text: string, spans: readonly Span[]): string {
  let out = '';
  let pos = 0;
  for (const s of spans) {
    out += `${text.slice(pos, s.start)}[${s.kind}]`;
    pos = s.end;
  }
  return out + text.slice(pos);
}
