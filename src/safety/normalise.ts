/**
 * Text -> canonical word tokens for the risk rules.
 *
 * One linear pass over the code points, then one pass over the tokens. No regular expressions run
 * over the whole text, so the cost grows with the length of the text and nothing can backtrack.
 * Sentence ends ('.', '!', '?', ';', ':') become BOUNDARY tokens. A new line is just a space, so
 * reflowing a message never changes its meaning.
 */

/** Stands between sentences in the token list. Never a real word (words hold only a-z, 0-9). */
export const BOUNDARY = '.';

/** The tokens of one message, and per-token emphasis (written in capitals, stretched, or with '!'). */
export interface Tokens {
  readonly words: readonly string[];
  /** Same length as words. Bits: EMPH_STRETCHED, EMPH_BANG, EMPH_QUESTION. (Case is never used.) */
  readonly emphasis: readonly number[];
}

export const EMPH_STRETCHED = 2;
export const EMPH_BANG = 4;
/** The token ends a sentence written as a question ('?'). */
export const EMPH_QUESTION = 8;

/** Emoji and symbols that carry meaning: mapped to a word. Other symbols become spaces. */
const SYMBOL_WORDS: ReadonlyMap<number, string> = new Map([
  [0x1f52a, 'knife'], // 🔪
  [0x1f5e1, 'knife'], // 🗡
  [0x2694, 'knife'], // ⚔
  [0x1f52b, 'gun'], // 🔫
  [0x1f3cf, 'bat'], // 🏏
  [0x1fa93, 'axe'], // 🪓
  [0x1f528, 'hammer'], // 🔨
  [0x1f198, 'sos'], // 🆘
  [0x1f6a8, 'emergency'], // 🚨
  [0x1f6aa, 'door'], // 🚪
  [0x1f3e0, 'house'], // 🏠
  [0x1f3e1, 'house'], // 🏡
]);

/** Cyrillic and Greek letters that look like Latin ones (after lower-casing). */
const LOOK_ALIKES: ReadonlyMap<number, string> = new Map([
  [0x0430, 'a'],
  [0x0435, 'e'],
  [0x0451, 'e'],
  [0x043e, 'o'],
  [0x0440, 'p'],
  [0x0441, 'c'],
  [0x0443, 'y'],
  [0x0445, 'x'],
  [0x0456, 'i'],
  [0x0457, 'i'],
  [0x0458, 'j'],
  [0x0455, 's'],
  [0x04bb, 'h'],
  [0x043a, 'k'],
  [0x043c, 'm'],
  [0x0442, 't'],
  [0x0432, 'b'],
  [0x043d, 'h'],
  [0x0438, 'u'],
  [0x0433, 'r'],
  [0x0501, 'd'],
  [0x050d, 'g'],
  [0x051b, 'q'],
  [0x051d, 'w'],
  [0x03b1, 'a'],
  [0x03b5, 'e'],
  [0x03bf, 'o'],
  [0x03b9, 'i'],
  [0x03ba, 'k'],
  [0x03bd, 'v'],
  [0x03c1, 'p'],
  [0x03c4, 't'],
  [0x03c5, 'u'],
  [0x03c7, 'x'],
  [0x03b7, 'n'],
  [0x0131, 'i'], // dotless i
  [0x00df, 'ss'],
  [0x00f8, 'o'],
  [0x0142, 'l'],
  [0x00e6, 'ae'],
  [0x0153, 'oe'],
]);

/** Leet digits and symbols inside a word: "h3's 0uts1de", "kn1fe", "h@te". */
const LEET: ReadonlyMap<string, string> = new Map([
  ['0', 'o'],
  ['1', 'i'],
  ['3', 'e'],
  ['4', 'a'],
  ['5', 's'],
  ['7', 't'],
  ['8', 'b'],
  ['9', 'g'],
  ['@', 'a'],
  ['$', 's'],
  ['!', 'i'],
  ['|', 'l'],
]);

function isInvisible(cp: number): boolean {
  return (
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space, joiners, marks
    (cp >= 0x2060 && cp <= 0x2064) ||
    cp === 0xfeff ||
    cp === 0x00ad || // soft hyphen
    cp === 0x034f ||
    cp === 0x180e ||
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    (cp >= 0x0300 && cp <= 0x036f) || // combining accents (after NFKD)
    (cp >= 0x1f3fb && cp <= 0x1f3ff) // skin tones
  );
}

function isLatinLetter(c: string): boolean {
  return c >= 'a' && c <= 'z';
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

interface RawToken {
  text: string;
  emphasis: number;
}

/**
 * Pass 1: NFKD, strip invisibles and accents, map emoji and look-alikes, lower-case, split into raw
 * tokens and sentence boundaries. Total: never throws (lone surrogates are replaced first).
 * ASCII runs are cut out with slice(); only non-ASCII characters take the slow path.
 */
function scan(input: string): RawToken[] {
  const text = input.toWellFormed().normalize('NFKD').toLowerCase();
  const out: RawToken[] = [];
  const n = text.length;
  let tokStart = -1; // start of the pending ASCII slice, or -1
  let prefix = ''; // mapped text before tokStart, when the token held non-ASCII characters
  let hasBang = false;
  const flush = (end: number): void => {
    const cur = tokStart >= 0 ? prefix + text.slice(tokStart, end) : prefix;
    if (cur.length > 0) out.push({ text: cur, emphasis: 0 });
    tokStart = -1;
    prefix = '';
  };
  const appendMapped = (i: number, mapped: string): void => {
    if (tokStart >= 0) prefix += text.slice(tokStart, i);
    prefix += mapped;
    tokStart = -1;
  };
  const boundary = (i: number, cp: number): void => {
    flush(i);
    const last = out[out.length - 1];
    if (last === undefined || last.text === BOUNDARY) return;
    if (cp === 0x21) last.emphasis |= EMPH_BANG;
    if (cp === 0x3f) last.emphasis |= EMPH_QUESTION;
    out.push({ text: BOUNDARY, emphasis: 0 });
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      // a-z, 0-9, ' @ $ | stay in the token
      if (
        (c >= 0x61 && c <= 0x7a) ||
        (c >= 0x30 && c <= 0x39) ||
        c === 0x27 ||
        c === 0x40 ||
        c === 0x24 ||
        c === 0x7c
      ) {
        if (tokStart < 0) tokStart = i;
      } else if (c === 0x21 && (tokStart >= 0 || prefix.length > 0)) {
        // "k!ll": '!' inside a word may be a leet 'i'; splitBangs decides later.
        if (tokStart < 0) tokStart = i;
        hasBang = true;
      } else if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x3a) {
        boundary(i, c);
      } else if (c === 0x60) {
        appendMapped(i, "'");
      } else {
        flush(i);
      }
      i++;
      continue;
    }
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    if (isInvisible(cp)) {
      if (tokStart >= 0) {
        prefix += text.slice(tokStart, i);
        tokStart = -1;
      }
      i += width;
      continue;
    }
    const word = SYMBOL_WORDS.get(cp);
    if (word !== undefined) {
      flush(i);
      out.push({ text: word, emphasis: 0 });
      i += width;
      continue;
    }
    if (cp === 0x2026) {
      boundary(i, 0x2e);
      i += width;
      continue;
    }
    if (cp === 0x2018 || cp === 0x2019 || cp === 0x201b || cp === 0x2032 || cp === 0xb4) {
      appendMapped(i, "'");
      i += width;
      continue;
    }
    const look = LOOK_ALIKES.get(cp);
    if (look !== undefined) {
      appendMapped(i, look);
      i += width;
      continue;
    }
    flush(i);
    i += width;
  }
  flush(n);
  return hasBang ? splitBangs(out) : out;
}

/** A raw token that kept '!' characters: "help!!!" -> "help" + boundary, "k!ll" stays for leet. */
function splitBangs(raw: RawToken[]): RawToken[] {
  const out: RawToken[] = [];
  for (const t of raw) {
    if (!t.text.includes('!')) {
      out.push(t);
      continue;
    }
    let end = t.text.length;
    while (end > 0 && t.text[end - 1] === '!') end--;
    const core = t.text.slice(0, end);
    if (core.length > 0)
      out.push({ text: core, emphasis: t.emphasis | (end < t.text.length ? EMPH_BANG : 0) });
    if (end < t.text.length && core.length > 0) out.push({ text: BOUNDARY, emphasis: 0 });
  }
  return out;
}

const MIN_SPACED_RUN = 4;
const MAX_SPACED_RUN = 40;

/**
 * "h e s o u t s i d e" -> "he's outside": a run of 4 or more single letters is joined and split
 * into known words (when `segment` can). Bounded: runs longer than 40 letters are left alone.
 */
function joinSpacedLetters(
  raw: RawToken[],
  segment: ((letters: string) => readonly string[] | undefined) | undefined,
): RawToken[] {
  if (segment === undefined) return raw;
  const out: RawToken[] = [];
  let i = 0;
  while (i < raw.length) {
    let j = i;
    while (j < raw.length && (raw[j]?.text.length ?? 0) === 1 && isLatinLetter(raw[j]?.text ?? '')) j++;
    const run = j - i;
    if (run >= MIN_SPACED_RUN && run <= MAX_SPACED_RUN) {
      let letters = '';
      for (let k = i; k < j; k++) letters += raw[k]?.text ?? '';
      const parts = segment(letters);
      if (parts !== undefined) {
        for (const p of parts) out.push({ text: p, emphasis: 0 });
        i = j;
        continue;
      }
    }
    const t = raw[i];
    if (t !== undefined) out.push(t);
    i = j > i ? i + 1 : i + 1;
  }
  return out;
}

/** Words written with an apostrophe: "he's" -> he is. Keyed by the part before the apostrophe. */
const S_IS_BASES: ReadonlySet<string> = new Set([
  'he',
  'she',
  'it',
  'that',
  'there',
  'here',
  'who',
  'what',
  'where',
  'someone',
  'somebody',
  'everyone',
  'nobody',
  'ex',
  'let',
]);

/** Text-speak and contractions written without an apostrophe. */
const SPEAK: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['hes', ['he', 'is']],
  ['shes', ['she', 'is']],
  ['im', ['i', 'am']],
  ['ive', ['i', 'have']],
  ['iam', ['i', 'am']],
  ['theyre', ['they', 'are']],
  ['theres', ['there', 'is']],
  ['thats', ['that', 'is']],
  ['whats', ['what', 'is']],
  ['wats', ['what', 'is']],
  ['wat', ['what']],
  ['cant', ['can', 'not']],
  ['cannot', ['can', 'not']],
  ['carnt', ['can', 'not']],
  ['wont', ['will', 'not']],
  ['dont', ['do', 'not']],
  ['dnt', ['do', 'not']],
  ['didnt', ['did', 'not']],
  ['doesnt', ['does', 'not']],
  ['isnt', ['is', 'not']],
  ['wasnt', ['was', 'not']],
  ['arent', ['are', 'not']],
  ['couldnt', ['could', 'not']],
  ['cudnt', ['could', 'not']],
  ['wouldnt', ['would', 'not']],
  ['shouldnt', ['should', 'not']],
  ['havent', ['have', 'not']],
  ['hasnt', ['has', 'not']],
  ['aint', ['is', 'not']],
  ['hell', ['hell']],
  ['u', ['you']],
  ['ya', ['you']],
  ['yu', ['you']],
  ['r', ['are']],
  ['ur', ['your']],
  ['youre', ['you', 'are']],
  ['n', ['and']],
  ['nd', ['and']],
  ['pls', ['please']],
  ['plz', ['please']],
  ['pleas', ['please']],
  ['plez', ['please']],
  ['pleez', ['please']],
  ['bf', ['boyfriend']],
  ['gf', ['girlfriend']],
  ['hubby', ['husband']],
  ['ex', ['ex']],
  ['exs', ['ex']],
  ['rn', ['right', 'now']],
  ['atm', ['at', 'the', 'moment']],
  ['2nite', ['tonight']],
  ['2night', ['tonight']],
  ['tonite', ['tonight']],
  ['2day', ['today']],
  ['2moro', ['tomorrow']],
  ['b4', ['before']],
  ['gonna', ['going', 'to']],
  ['gunna', ['going', 'to']],
  ['goin', ['going']],
  ['wanna', ['want', 'to']],
  ['gotta', ['got', 'to']],
  ['coz', ['because']],
  ['cos', ['because']],
  ['cuz', ['because']],
  ['bc', ['because']],
  ['thru', ['through']],
  ['wiv', ['with']],
  ['abt', ['about']],
  ['ppl', ['people']],
  ['msg', ['message']],
  ['msgs', ['messages']],
  ['txt', ['text']],
  ['txts', ['texts']],
  ['txted', ['texted']],
  ['mins', ['minutes']],
  ['min', ['minutes']],
  ['secs', ['seconds']],
  ['hrs', ['hours']],
  ['nowww', ['now']],
  ['nite', ['night']],
  ['2', ['to']],
  ['nonmol', ['non', 'mol']],
  ['airtag', ['airtag']],
  ['airtags', ['airtag']],
  ['selfharm', ['self', 'harm']],
  // young people's words for suicide and self-harm
  ['kms', ['kill', 'myself']],
  ['kmss', ['kill', 'myself']],
  ['unalive', ['kill']],
  ['unaliving', ['killing']],
  ['sewerslide', ['suicide']],
  ['attempting', ['trying']],
  ['od', ['overdose']],
  ['nife', ['knife']],
  ['nives', ['knives']],
  ['outsid', ['outside']],
  ['someones', ['someone', 'is']],
  ['somebodys', ['somebody', 'is']],
  ['some1', ['someone']],
  ['sum1', ['someone']],
  ['any1', ['anyone']],
  ['no1', ['nobody']],
  ['sum1s', ['someone', 'is']],
  ['some1s', ['someone', 'is']],
  ['tryna', ['trying', 'to']],
  ['trynna', ['trying', 'to']],
  ['tryina', ['trying', 'to']],
  ['sed', ['said']],
  ['sez', ['says']],
  ['sayz', ['says']],
  ['insta', ['instagram']],
  ['fb', ['facebook']],
  ['hre', ['here']],
  ['heer', ['here']],
  ['outsde', ['outside']],
  ['ousside', ['outside']],
]);

const N_T_SPECIAL: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['can', ['can', 'not']],
  ['won', ['will', 'not']],
  ['ain', ['is', 'not']],
  ['shan', ['shall', 'not']],
]);

type Push = (w: string) => void;
type Canon = (w: string) => string;

function expandApostrophe(tok: string, push: Push, canon: Canon): void {
  const parts = tok.split("'").filter((p) => p.length > 0);
  if (parts.length === 0) return;
  if (parts.length === 1) {
    pushWord(parts[0] ?? '', push, canon);
    return;
  }
  const base = parts[0] ?? '';
  const suffix = parts[parts.length - 1] ?? '';
  switch (suffix) {
    case 's':
      pushWord(base, push, canon);
      if (S_IS_BASES.has(base)) push('is');
      return;
    case 'm':
      pushWord(base, push, canon);
      push('am');
      return;
    case 're':
      pushWord(base, push, canon);
      push('are');
      return;
    case 'll':
      pushWord(base, push, canon);
      push('will');
      return;
    case 'd':
      pushWord(base, push, canon);
      push('would');
      return;
    case 've':
      pushWord(base, push, canon);
      push('have');
      return;
    case 't': {
      const special = N_T_SPECIAL.get(base);
      if (special !== undefined) {
        for (const w of special) push(w);
      } else if (base.endsWith('n')) {
        pushWord(base.slice(0, -1), push, canon);
        push('not');
      } else {
        pushWord(base, push, canon);
      }
      return;
    }
    default:
      for (const p of parts) pushWord(p, push, canon);
  }
}

function pushWord(word: string, push: Push, canon: Canon): void {
  const speak = SPEAK.get(word);
  if (speak !== undefined) {
    for (const w of speak) push(w);
    return;
  }
  const c = canon(word);
  const speak2 = c === word ? undefined : SPEAK.get(c);
  if (speak2 !== undefined) {
    for (const w of speak2) push(w);
    return;
  }
  push(c);
}

/** "h3s" -> "hes", "0uts1de" -> "outside". Only when the result is all letters (keeps "s2a", "999"). */
function deLeet(tok: string): string {
  let hasLetter = false;
  let hasLeet = false;
  for (const c of tok) {
    if (isLatinLetter(c)) hasLetter = true;
    else if (LEET.has(c)) hasLeet = true;
  }
  if (!hasLetter || !hasLeet) return tok;
  let out = '';
  for (const c of tok) {
    const m = LEET.get(c);
    if (m !== undefined) out += m;
    else if (isLatinLetter(c) || c === "'") out += c;
    else return tok; // a digit with no leet meaning: leave the token alone
  }
  return out;
}

/** Splits "10mins" -> "10", "mins". Returns undefined when the token is not digits then letters. */
function splitNumberUnit(tok: string): [string, string] | undefined {
  let i = 0;
  while (i < tok.length && isDigit(tok[i] ?? '')) i++;
  if (i === 0 || i === tok.length) return undefined;
  for (let j = i; j < tok.length; j++) if (!isLatinLetter(tok[j] ?? '')) return undefined;
  return [tok.slice(0, i), tok.slice(i)];
}

/** True when the word holds a run of 3 or more of the same letter ("hellllp", "pleaseee"). */
export function isStretched(word: string): boolean {
  let run = 1;
  for (let i = 1; i < word.length; i++) {
    if (word[i] === word[i - 1]) {
      run++;
      if (run >= 3) return true;
    } else run = 1;
  }
  return false;
}

/** Collapses every run of a repeated letter to one: "folllowing" -> "folowing". */
export function skeleton(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) if (word[i] !== word[i - 1]) out += word[i];
  return out;
}

/** Collapses runs of 3 or more to 2: "pleaseee" -> "pleasee", "hellllp" -> "hellp". */
export function collapseToTwo(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    if (!(word[i] === word[i - 1] && word[i] === word[i - 2])) out += word[i];
  }
  return out;
}

/**
 * Pass 2: raw tokens -> canonical words. `canon` maps a plain word to the word the rules know
 * (spelling tolerance lives in the caller, so that this file has no rule vocabulary of its own).
 * Text-speak is expanded before and after `canon`, so "hesss" -> "hes" -> "he is".
 */
export function tokenise(
  input: string,
  canon: (word: string) => string,
  segment?: (letters: string) => readonly string[] | undefined,
): Tokens {
  const words: string[] = [];
  const emphasis: number[] = [];
  const memo = memoFor(canon);
  for (const raw of joinSpacedLetters(scan(input), segment)) {
    if (raw.text === BOUNDARY) {
      if (words.length > 0 && words[words.length - 1] !== BOUNDARY) {
        words.push(BOUNDARY);
        emphasis.push(0);
      }
      continue;
    }
    let done = memo.get(raw.text);
    if (done === undefined) {
      done = expandToken(raw.text, canon);
      if (memo.size >= TOKEN_CACHE_LIMIT) memo.clear();
      memo.set(raw.text, done);
    }
    for (let k = 0; k < done.words.length; k++) {
      words.push(done.words[k] ?? '');
      emphasis.push((done.emphasis[k] ?? 0) | raw.emphasis);
    }
  }
  return { words, emphasis };
}

interface Expanded {
  readonly words: readonly string[];
  readonly emphasis: readonly number[];
}

const TOKEN_CACHE_LIMIT = 20_000;
const MEMOS = new WeakMap<(word: string) => string, Map<string, Expanded>>();

/** One bounded cache of raw token -> canonical words per canon function (results never depend on context). */
function memoFor(canon: (word: string) => string): Map<string, Expanded> {
  let m = MEMOS.get(canon);
  if (m === undefined) {
    m = new Map();
    MEMOS.set(canon, m);
  }
  return m;
}

/** One raw token -> its canonical words: "@the" -> at the, "10mins" -> 10 minutes, "h3's" -> he is. */
function expandToken(text: string, canon: (word: string) => string): Expanded {
  const words: string[] = [];
  const emphasis: number[] = [];
  let tok = text;
  if (tok === '@') return { words: ['at'], emphasis: [0] };
  if (tok.startsWith('@') && tok.length > 1) {
    // "@the door", "@home": '@' in front of a word means "at".
    words.push('at');
    emphasis.push(0);
    tok = tok.slice(1);
  }
  const numUnit = splitNumberUnit(tok);
  if (numUnit !== undefined && !SPEAK.has(tok)) {
    words.push(numUnit[0]);
    emphasis.push(0);
    tok = numUnit[1];
  }
  // "some1", "any1": text-speak with a digit is looked up before the digit is read as a letter
  if (!SPEAK.has(tok)) tok = deLeet(tok);
  const emph = isStretched(tok) ? EMPH_STRETCHED : 0;
  const push = (w: string): void => {
    if (w.length === 0) return;
    words.push(w);
    emphasis.push(emph);
  };
  if (tok.includes("'")) expandApostrophe(tok, push, canon);
  else pushWord(tok, push, canon);
  return { words, emphasis };
}

/** Exposed for the canonicaliser: contractions and text-speak it must not "correct". */
export function isSpeakWord(word: string): boolean {
  return SPEAK.has(word);
}
