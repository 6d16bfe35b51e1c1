/**
 * Frames for danger that is told indirectly (round 9 of generalisation):
 * - digital presence: a picture or stream that shows he is near now ("a photo of my front door
 *   from outside just now", "he's live streaming outside my house", "he can see me");
 * - covert writing: he is with the writer, reading or listening ("talk to me normally, he's
 *   reading over my shoulder", "pretend we're talking about the weather");
 * - violence overheard now ("i just heard a crash and her scream");
 * - presence by reference ("he's been there since 9").
 * Each is triggered by one word and looks at most ~12 words around it. Ids never echo text.
 */
import * as L from './lexicon.ts';
import {
  at,
  back,
  fwd,
  hit,
  lawGeneric,
  negatedBetween,
  type Rule,
  type RuleFn,
  rel,
  type Scan,
} from './scan.ts';

const RECENT = new Set([
  'now',
  'just',
  'tonight',
  'currently',
  'still',
  'minute',
  'minutes',
  'seconds',
  'live',
]);
const LONG_AGO = new Set(['last', 'yesterday', 'weeks', 'months', 'years', 'week', 'month', 'year', 'was']);
const VICTIM_SPOT = new Set([
  'door',
  'window',
  'windows',
  'house',
  'flat',
  'street',
  'road',
  'car',
  'garden',
  'home',
  'drive',
  'building',
  'me',
  'us',
  'bedroom',
  'address',
  'curtains',
  // Where the writer spends the day: "a story outside my college", "a pic of my work".
  'college',
  'school',
  'uni',
  'work',
  'office',
  'gym',
]);
const OWN = new Set(['my', 'our', 'me', 'us']);
const VANTAGE = new Set(['outside', 'through', 'across', 'opposite']);

/** Something he sent or posted that shows where I am, with a sign that it is now. */
function recentInSentence(s: Scan, i: number): boolean {
  return back(s, i, 10, RECENT) >= 0 || fwd(s, i, 12, RECENT) >= 0;
}
function longAgoInSentence(s: Scan, i: number): boolean {
  return back(s, i, 10, LONG_AGO) >= 0 || fwd(s, i, 12, LONG_AGO) >= 0;
}

/** "he sent a photo of my front door from outside just now", "a pic of me through the cafe window". */
const capturedNow: RuleFn = (s, i) => {
  if (lawGeneric(s, i)) return;
  const of = rel(s, i, 1) === 'of' ? i + 1 : -1;
  const spot = fwd(s, i, 5, VICTIM_SPOT);
  if (spot < 0 || (of < 0 && fwd(s, i, 6, VANTAGE) < 0)) return;
  if (fwd(s, i, 4, OWN) < 0) return;
  if (back(s, i, 10, L.PERSON) < 0) return;
  const weapon = fwd(s, i, 8, L.WEAPON) >= 0;
  if (weapon) {
    hit(s, 'immediate.weapon-image', 'immediate');
    return;
  }
  if (longAgoInSentence(s, i)) return;
  if (!recentInSentence(s, i)) return;
  if (fwd(s, i, 8, VANTAGE) < 0 && back(s, i, 4, new Set(['just'])) < 0 && fwd(s, i, 12, RECENT) < 0) return;
  hit(s, 'immediate.seen-now', 'immediate');
};

/** "he's live streaming outside my house", "livestreaming himself driving to my house". */
const streamingNear: RuleFn = (s, i) => {
  if (lawGeneric(s, i)) return;
  const t = at(s, i);
  if (t === 'live' && !L.STREAMING.has(rel(s, i, 1)) && rel(s, i, -1) !== 'going' && rel(s, i, -1) !== 'is')
    return;
  if (back(s, i, 4, L.PERSON) < 0) return;
  if (longAgoInSentence(s, i) || back(s, i, 4, new Set(['went', 'did', 'used'])) >= 0) return;
  const place = fwd(s, i, 8, VICTIM_SPOT);
  if (place < 0 || back(s, place, 3, OWN) < 0) return;
  hit(s, 'immediate.streaming-near', 'immediate');
};

/** "he can see me", "he can see us right now": he is in sight of the writer. */
const canSee: RuleFn = (s, i) => {
  if (lawGeneric(s, i) || rel(s, i, -1) !== 'can') return;
  const o = rel(s, i, 1);
  if (o !== 'me' && o !== 'us') return;
  const subj = rel(s, i, -2);
  if (!L.PERSON.has(subj) || subj === 'her' || subj === 'his' || subj === 'them') return;
  if (s.hyp[i] === 1) return;
  hit(s, 'immediate.in-sight', 'immediate');
};

const WITH_ME = new Set([
  'reading',
  'looking',
  'watching',
  'checking',
  'standing',
  'sat',
  'sitting',
  'leaning',
]);

/** "he's reading over my shoulder", "he is looking over my shoulder right now". */
const overShoulder: RuleFn = (s, i) => {
  if (rel(s, i, -1) !== 'my' || rel(s, i, -2) !== 'over') return;
  const verb = back(s, i, 4, WITH_ME);
  if (verb < 0) return;
  const subj = back(s, verb, 3, L.PERSON);
  if (subj < 0 || negatedBetween(s, subj, verb)) return;
  if (back(s, verb, 3, L.BE_PRESENT) < 0) return;
  hit(s, 'immediate.overseen', 'immediate');
};

const TALK = new Set(['talking', 'chatting', 'texting', 'messaging', 'discussing']);

/** "pretend we're talking about the weather", "act like we are chatting about recipes". */
const pretend: RuleFn = (s, i) => {
  if (lawGeneric(s, i)) return;
  const we = fwd(s, i, 3, new Set(['we', 'i', 'this']));
  if (we < 0 || fwd(s, we, 3, TALK) < 0) return;
  hit(s, 'immediate.covert', 'immediate');
};

const TALK_VERB = new Set(['talk', 'reply', 'replies', 'answer', 'act', 'chat', 'type', 'respond', 'write']);
const NEAR_NOW = new Set(['reading', 'watching', 'looking', 'checking', 'here', 'next', 'behind', 'beside']);

/** "just talk to me normally, he's reading over my shoulder": normal-looking replies because he is there. */
const actNormal: RuleFn = (s, i) => {
  if (back(s, i, 4, TALK_VERB) < 0) return;
  const lo = Math.max(0, i - 20);
  const hi = Math.min(s.n - 1, i + 20);
  for (let k = lo; k <= hi; k++) {
    if (!L.PERSON.has(at(s, k)) || at(s, k) === 'his' || at(s, k) === 'her') continue;
    if (!L.BE_PRESENT.has(at(s, k + 1))) continue;
    for (let j = k + 2; j <= Math.min(hi, k + 4); j++) {
      if (NEAR_NOW.has(at(s, j))) {
        hit(s, 'immediate.covert', 'immediate');
        return;
      }
    }
  }
};

const SOUND = new Set([
  'scream',
  'screams',
  'screaming',
  'crash',
  'smash',
  'smashing',
  'thud',
  'thump',
  'screamed',
]);
const HABIT = new Set(['sometimes', 'always', 'often', 'usually', 'used', 'last', 'every']);

/** "i just heard a crash and her scream", "i can hear her screaming": violence overheard now. */
const heardNow: RuleFn = (s, i) => {
  if (lawGeneric(s, i)) return;
  const t = at(s, i);
  const now =
    t === 'hearing' || rel(s, i, -1) === 'just' || rel(s, i, -1) === 'can' || fwd(s, i, 8, RECENT) >= 0;
  if (!now || fwd(s, i, 6, SOUND) < 0) return;
  if (back(s, i, 6, HABIT) >= 0 || fwd(s, i, 8, HABIT) >= 0) return;
  if (rel(s, i, -1) === 'can' && rel(s, i, -2) === 'i' && rel(s, i, -3) === 'if') return;
  hit(s, 'immediate.heard-violence', 'immediate');
};

/** "he's been there since 9", "he has been out there for an hour": still there. */
const stillThere: RuleFn = (s, i) => {
  const nx = rel(s, i, 1);
  if (nx !== 'there' && nx !== 'here') return;
  const nx2 = rel(s, i, 2);
  if (nx2 !== 'since' && nx2 !== 'for' && nx2 !== 'all') return;
  const be = rel(s, i, -1);
  if (be !== 'is' && be !== 'has') return;
  const subj = rel(s, i, -2);
  if (!L.PERSON.has(subj) || subj === 'his' || subj === 'her') return;
  if (lawGeneric(s, i) || s.hyp[i] === 1) return;
  hit(s, 'immediate.presence', 'immediate');
};

/** A weapon sent as a picture or emoji: "my address with a knife emoji". */
const weaponEmoji: RuleFn = (s, i) => {
  if (rel(s, i, 1) !== 'emoji' && rel(s, i, 1) !== 'emojis') return;
  if (lawGeneric(s, i) || back(s, i, 12, L.PERSON) < 0) return;
  hit(s, 'immediate.weapon-image', 'immediate');
};

const CLOTHES = new Set([
  'pyjamas',
  'pajamas',
  'dress',
  'dressing',
  'nightie',
  'hoodie',
  'jumper',
  'coat',
  'jacket',
  'top',
  'shirt',
  'towel',
  'underwear',
]);

/** "'nice pyjamas'. i'm in my pyjamas": someone named what the writer is wearing now. */
const wearingEcho: RuleFn = (s, i) => {
  const t = at(s, i);
  const inMy = rel(s, i, -1) === 'my' && rel(s, i, -2) === 'in' && rel(s, i, -3) === 'am';
  const wearing = back(s, i, 3, new Set(['wearing'])) >= 0 && back(s, i, 5, new Set(['am'])) >= 0;
  if (!inMy && !wearing) return;
  for (let k = Math.max(0, i - 30); k < (s.sStart[i] ?? 0); k++) {
    if (at(s, k) === t) {
      hit(s, 'immediate.in-sight', 'immediate');
      return;
    }
  }
};

const MONITOR = new Set(['checks', 'checking', 'reads', 'reading', 'searches', 'goes']);
const DEVICE_OWN = new Set(['phone', 'messages', 'texts', 'emails', 'history', 'laptop', 'tablet']);

/** "he checks my phone every night", "he goes through my messages": monitoring (concern). */
const monitoring: RuleFn = (s, i) => {
  if (lawGeneric(s, i)) return;
  const subj = rel(s, i, -1);
  if (subj !== 'he' && subj !== 'she' && !L.PERSON.has(rel(s, i, -2))) return;
  const own = fwd(s, i, 3, new Set(['my', 'our']));
  if (own < 0 || !DEVICE_OWN.has(at(s, own + 1))) return;
  hit(s, 'concern.monitored', 'concern');
};

/** "i will never see them alive", "you won't see the kids alive again": a threat to kill. */
const neverAlive: RuleFn = (s, i) => {
  if (lawGeneric(s, i) || s.hyp[i] === 1) return;
  if (back(s, i, 3, new Set(['see'])) < 0 || back(s, i, 6, L.NEGATION) < 0) return;
  if (!sentenceHasPerson(s, i)) return;
  hit(s, 'immediate.threat-to-kill', 'immediate');
};

function sentenceHasPerson(s: Scan, i: number): boolean {
  return back(s, i, 12, L.PERSON) >= 0;
}

export const COVERT_RULES: readonly Rule[] = [
  { triggers: CLOTHES, fn: wearingEcho },
  { triggers: MONITOR, fn: monitoring },
  { triggers: ['alive'], fn: neverAlive },
  { triggers: L.CAPTURE, fn: capturedNow },
  { triggers: L.STREAMING, fn: streamingNear },
  { triggers: ['see'], fn: canSee },
  { triggers: ['shoulder'], fn: overShoulder },
  { triggers: ['pretend', 'pretending'], fn: pretend },
  { triggers: ['normally', 'normal', 'casual', 'boring'], fn: actNormal },
  { triggers: ['heard', 'hear', 'hearing'], fn: heardNow },
  { triggers: ['been'], fn: stillThere },
  { triggers: L.WEAPON, fn: weaponEmoji },
];

/** Phrases that close a story: "it's all over now", "i've moved on", "it was actually fine". */
const RESOLVED: readonly (readonly string[])[] = [
  ['all', 'over', 'now'],
  ['moved', 'on'],
  ['means', 'well'],
  ['actually', 'fine'],
  ['was', 'fine'],
  ['i', 'am', 'safe', 'now'],
  ['i', 'am', 'okay'],
  ['i', 'am', 'ok'],
  ['no', 'contact', 'for'],
  ['had', 'counselling'],
];
const FUTURE_LEAD = new Set(['when', 'if', 'once', 'finds', 'out', 'think', 'thinks']);
/** After a closing phrase, these reopen it: "i'm ok now but he's started again". */
const REOPEN = new Set([
  'but',
  'however',
  'though',
  'again',
  'recently',
  'started',
  'still',
  'until',
  'except',
]);

/**
 * True when the message tells of harm that is over: a closing phrase, and nothing after it that
 * reopens the story. Used only to drop concern-level hits (never an immediate one). O(n).
 */
export function resolvedStory(s: Scan): boolean {
  let closedAt = -1;
  for (let i = 0; i < s.n; i++) {
    for (const p of RESOLVED) {
      let ok = true;
      for (let k = 0; k < p.length && ok; k++) if (at(s, i + k) !== p[k]) ok = false;
      // "when he finds out i've moved on" is not closed
      if (ok && back(s, i, 4, FUTURE_LEAD) < 0) closedAt = i + p.length;
    }
  }
  if (closedAt < 0) return false;
  for (let i = closedAt; i < s.n; i++) if (REOPEN.has(at(s, i))) return false;
  return true;
}
