/**
 * Risk rules over canonical tokens. Each rule is triggered by a few words and looks at a small
 * window around them, so a message costs O(tokens × window). Rule ids never contain user text.
 * General frames (actor + place, intrusion verb + entry point, ...) live in frames.ts.
 */

import { COVERT_RULES } from './covert.ts';
import { FRAME_RULES, isStory, runNumberFrames } from './frames.ts';
import * as L from './lexicon.ts';
import { BOUNDARY, EMPH_BANG, EMPH_STRETCHED } from './normalise.ts';
import {
  at,
  back,
  backWord,
  fwd,
  fwdWord,
  hit,
  isGenericWord,
  lawGeneric,
  lawOnly,
  negatedBetween,
  nowOrPast,
  personBack,
  presentBetween,
  type Rule,
  type RuleFn,
  rel,
  type Scan,
  sentenceHas,
  sentenceLength,
  setTriggerWords,
  subjectBefore,
  tense,
} from './scan.ts';

export { buildScan, type Scan } from './scan.ts';

const IDIOM_AFTER_OUTSIDE = new Set([
  'league',
  'comfort',
  'control',
  'area',
  'remit',
  'expertise',
  'hours',
  'scope',
]);

const DETERMINER = new Set([
  'my',
  'our',
  'the',
  'her',
  'this',
  'mums',
  'mum',
  'nans',
  'kids',
  'sisters',
  'front',
]);

const ACCUSED = new Set(['accused', 'accusing', 'accuses', 'claims', 'claiming', 'alleged']);

/** Presence: "he's outside", "my ex is at the door", "someone is in my garden", "he's here". */
const presence: RuleFn = (s, i) => {
  const t = at(s, i);
  if (L.BUILDING.has(t)) {
    // "in the house", "at my work", "in the car park" (not "he's at work", "he's at home")
    const p1 = rel(s, i, -1);
    const p2 = rel(s, i, -2);
    const p3 = rel(s, i, -3);
    const det = DETERMINER.has(p1) ? 1 : DETERMINER.has(p2) ? 2 : 0;
    if (t === 'park' && p1 !== 'car') return;
    if (det === 0) return;
    const into = det === 1 ? p2 : p3;
    if (!L.INTO.has(into) && !(t === 'park' && L.INTO.has(p3))) return;
    if ((t === 'road' || t === 'street') && into !== 'down' && into !== 'outside') return;
  }
  if (t === 'behind' || t === 'beside') {
    const nx = rel(s, i, 1);
    if (nx !== 'me' && nx !== 'us' && nx !== 'her' && nx !== 'the') return;
  }
  if (t === 'across' || t === 'opposite') {
    const nx = rel(s, i, 1);
    const nx2 = rel(s, i, 2);
    const from =
      nx === 'from' && (nx2 === 'my' || nx2 === 'me' || nx2 === 'the' || nx2 === 'our' || nx2 === 'her');
    if (!from && (nx !== 'the' || !(nx2 === 'road' || nx2 === 'street' || nx2 === 'way' || nx2 === 'car')))
      return;
  }
  if (t === 'corner' && rel(s, i, -2) !== 'round' && rel(s, i, -2) !== 'around') return;
  if (t === 'outside' && IDIOM_AFTER_OUTSIDE.has(rel(s, i, 2))) return; // "outside my league"

  const subj = subjectBefore(s, i, 8);
  if (subj < 0) return;
  if (negatedBetween(s, subj, i)) return;
  if (isGenericWord(at(s, subj)) && (s.law[i] === 1 || s.hyp[i] === 1)) return;
  nowOrPast(s, i, subj, 'immediate.presence', 'concern.presence-past');
};

/** "he's here", "he is here now", "he'll be here", "he's back", "he's still out there". */
const here: RuleFn = (s, i) => {
  const t = at(s, i);
  let k = i - 1;
  while (k >= (s.sStart[i] ?? 0) && (at(s, k) === 'right' || at(s, k) === 'already' || at(s, k) === 'just'))
    k--;
  const p = at(s, k);
  if (t === 'there') {
    if (p !== 'still' && p !== 'out') return;
    const subj = back(s, i, 12, L.PERSON);
    if (subj < 0 || negatedBetween(s, subj, i)) return;
    nowOrPast(s, i, subj, 'immediate.presence', 'concern.presence-past');
    return;
  }
  if (t === 'back') {
    const nx = rel(s, i, 1);
    if (
      !(
        nx === BOUNDARY ||
        nx === 'now' ||
        nx === 'again' ||
        nx === 'tonight' ||
        nx === 'here' ||
        nx === 'outside'
      )
    )
      return;
  }
  if (p === 'be' && (at(s, k - 1) === 'will' || at(s, k - 1) === 'would' || at(s, k - 1) === 'to')) {
    // "he'll be here in 10 minutes"
    if (L.PERSON.has(at(s, k - 2)) || L.PERSON.has(at(s, k - 3))) hit(s, 'immediate.on-the-way', 'immediate');
    return;
  }
  const personAt = L.PERSON.has(p) ? k : L.BE_PRESENT.has(p) && L.PERSON.has(at(s, k - 1)) ? k - 1 : -1;
  if (personAt < 0) return;
  if (t === 'hear' && !L.BE_PRESENT.has(p)) return; // "he is hear" (here), not "he can hear"

  if (at(s, personAt) === 'his' || at(s, personAt) === 'her') return;
  if (isGenericWord(at(s, personAt)) && s.law[i] === 1) return;
  if (rel(s, i, 1) === 'to' || rel(s, i, 1) === 'for') return; // "he's here to collect the kids" -> still, keep? no: purpose
  nowOrPast(s, i, personAt, 'immediate.presence', 'concern.presence-past');
};

/** Following now: "he's following me", "someone is following me", "i'm being followed". */
const following: RuleFn = (s, i) => {
  const t = at(s, i);
  const nx = rel(s, i, 1);
  if (t === 'flowing' && nx !== 'me' && nx !== 'her' && nx !== 'us') return;
  if (isGenericWord(nx) || nx === 'you' || nx === 'your' || nx === 'instructions' || nx === 'advice') return;
  if (
    nx === 'on' &&
    (rel(s, i, 2) === 'instagram' || rel(s, i, 2) === 'social' || rel(s, i, 2) === 'twitter')
  )
    return;
  if (t === 'following' && (nx === 'the' || nx === 'a' || nx === 'this' || nx === 'that' || nx === 'up'))
    return;
  const subj = subjectBefore(s, i, 7);
  if (subj < 0) return;
  if (negatedBetween(s, subj, i)) return;
  if (lawGeneric(s, i)) return;
  const tn = tense(s, i, subj - 2, i + 8);
  // "what should i do if someone is following me": a question about what might happen
  const whatIf = s.hyp[i] === 1 && isGenericWord(at(s, subj)) && QUESTION_START.has(at(s, s.sStart[i] ?? 0));
  if (tn === 'past' || s.law[i] === 1 || whatIf) hit(s, 'concern.followed', 'concern');
  else hit(s, 'immediate.following', 'immediate');
};

const QUESTION_START = new Set(['what', 'how', 'should', 'can', 'could', 'is', 'who', 'where']);

/** "he followed me home", "he follows me", "being followed". */
const followedSimple: RuleFn = (s, i) => {
  const p = rel(s, i, -1);
  const nx = rel(s, i, 1);
  if (p === 'being' && (at(s, i) === 'followed' || at(s, i) === 'chased')) {
    if (rel(s, i, -2) === 'was' || rel(s, i, -2) === 'were' || lawGeneric(s, i))
      hit(s, 'concern.followed', 'concern');
    else hit(s, 'immediate.following', 'immediate');
    return;
  }
  if (!(nx === 'me' || nx === 'us' || nx === 'her' || nx === 'my')) return;
  if (lawGeneric(s, i)) return;
  if (rel(s, i, 2) === 'on' && (rel(s, i, 3) === 'instagram' || rel(s, i, 3) === 'social')) return;
  if (subjectBefore(s, i, 6) < 0) return;
  hit(s, 'concern.followed', 'concern');
};

/** On the way: "he's coming over", "coming round", "coming to get me", "he is coming". */
const coming: RuleFn = (s, i) => {
  const t = at(s, i);
  const nx = rel(s, i, 1);
  const nx2 = rel(s, i, 2);
  let ok = false;
  if (t === 'come') {
    const lead = back(s, i, 3, new Set(['going', 'will', 'would', 'gonna', 'to']));
    if (lead < 0) return;
    ok =
      ((nx === 'and' || nx === 'to') &&
        (nx2 === 'get' || nx2 === 'find' || nx2 === 'kill' || nx2 === 'hurt')) ||
      ((nx === 'round' || nx === 'over' || nx === 'here') &&
        (nx2 === BOUNDARY || nx2 === 'now' || nx2 === 'tonight' || nx2 === 'and' || nx2 === 'to')) ||
      (nx === 'for' && (nx2 === 'me' || nx2 === 'us' || nx2 === 'her'));
  } else if (t === 'coming' || t === 'comin') {
    ok =
      L.COMING_TO.has(nx) ||
      nx === BOUNDARY ||
      (nx === 'to' &&
        (nx2 === 'get' ||
          nx2 === 'my' ||
          nx2 === 'find' ||
          nx2 === 'kill' ||
          nx2 === 'hurt' ||
          nx2 === 'the' ||
          nx2 === 'see' ||
          nx2 === 'take' ||
          nx2 === 'sort' ||
          nx2 === 'me'));
    if (nx === 'for' && !(nx2 === 'me' || nx2 === 'us' || nx2 === 'her' || nx2 === 'the' || nx2 === 'my'))
      ok = false;
    if (nx === 'back' && (nx2 === 'to' || nx2 === 'from')) ok = nx2 === 'to' && rel(s, i, 3) === 'get';
    if (nx === 'up' && nx2 !== 'the' && nx2 !== 'my' && nx2 !== 'to') ok = false;
    if (nx === 'in' && nx2 !== BOUNDARY && nx2 !== 'now' && nx2 !== 'the') ok = false;
    if (nx === 'home' && nx2 !== BOUNDARY && nx2 !== 'now' && nx2 !== 'tonight') ok = false;
  } else {
    // heading, driving, walking, running, racing: only toward the person
    ok =
      ((nx === 'towards' || nx === 'toward' || nx === 'after') &&
        (nx2 === 'me' || nx2 === 'us' || nx2 === 'her')) ||
      (nx === 'here' && t !== 'walking') ||
      ((nx === 'over' || nx === 'round') &&
        (nx2 === BOUNDARY || nx2 === 'now' || nx2 === 'here' || nx2 === 'tonight')) ||
      (t === 'heading' && (nx === 'over' || nx === 'round' || nx === 'to'));
  }
  if (!ok) return;
  const subj = subjectBefore(s, i, 6);
  if (subj < 0) return;
  if (negatedBetween(s, subj, i)) return;
  if (isGenericWord(at(s, subj)) && s.law[i] === 1) return;
  // "he's coming round next month" -> not now
  const nm = fwdWord(s, i, 6, 'next');
  if (nm >= 0) {
    const after = rel(s, nm, 1);
    if (after === 'week' || after === 'month' || after === 'year') {
      hit(s, 'concern.visit-planned', 'concern');
      return;
    }
  }
  nowOrPast(s, i, subj, 'immediate.on-the-way', 'concern.presence-past');
};

/** "on his way", "5 minutes away". */
const onTheWay: RuleFn = (s, i) => {
  const t = at(s, i);
  if (t === 'way') {
    const p = rel(s, i, -1);
    if (!((p === 'his' || p === 'her' || p === 'their' || p === 'the') && rel(s, i, -2) === 'on')) return;
    if (p === 'the') {
      const subj = subjectBefore(s, i - 2, 4);
      if (subj < 0 || !presentBetween(s, subj, i)) return;
    }
    const nx = rel(s, i, 1);
    if (nx === 'to' && rel(s, i, 2) !== 'me' && rel(s, i, 2) !== 'my' && rel(s, i, 2) !== 'get') {
      if (rel(s, i, 2) !== 'the') return;
    }
    if (tense(s, i, i - 5, i + 4) === 'past') {
      hit(s, 'concern.presence-past', 'concern');
      return;
    }
    hit(s, 'immediate.on-the-way', 'immediate');
    return;
  }
  // away
  const p = rel(s, i, -1);
  if (
    !(
      p === 'minutes' ||
      p === 'minute' ||
      p === 'seconds' ||
      p === 'miles' ||
      p === 'mile' ||
      p === 'streets'
    )
  )
    return;
  if (back(s, i, 6, L.PERSON) < 0) return;
  hit(s, 'immediate.on-the-way', 'immediate');
};

/** Arrival: "he's just pulled up", "he turned up at my door 5 minutes ago", "keeps turning up". */
const arrival: RuleFn = (s, i) => {
  const t = at(s, i);
  const nx = rel(s, i, 1);
  if (t === 'arrived' || t === 'arrives') {
    const subj = subjectBefore(s, i, 5);
    if (subj < 0) return;
    nowOrPast(s, i, subj, 'immediate.on-the-way', 'concern.turning-up');
    return;
  }
  if (nx !== 'up') return;
  const subj = subjectBefore(s, i, 6);
  if (subj < 0) return;
  if (negatedBetween(s, subj, i)) return;
  if (lawGeneric(s, i) || s.hyp[i] === 1) return;
  if (t === 'pulled' || t === 'pulling') {
    nowOrPast(s, i, subj, 'immediate.on-the-way', 'concern.turning-up');
    return;
  }
  const tn = tense(s, i, subj - 2, i + 8);
  if (tn === 'present' && rel(s, i, -1) !== 'keeps' && rel(s, i, -1) !== 'keep') {
    const j = fwd(s, i, 8, new Set(['now', 'just', 'still', 'minutes', 'right']));
    if (j >= 0 || backWord(s, i, 3, 'just') >= 0) {
      hit(s, 'immediate.presence', 'immediate');
      return;
    }
  }
  hit(s, 'concern.turning-up', 'concern');
};

const PLACE_TARGETS = new Set([
  'house',
  'home',
  'flat',
  'room',
  'bedroom',
  'place',
  'garden',
  'building',
  'kitchen',
  'garage',
  'shed',
  'apartment',
  'back',
  'front',
  'bathroom',
]);
const DEVICE = new Set([
  'whatsapps',
  'texts',
  'dms',
  'chats',
  'diary',
  'email',
  'emails',
  'phone',
  'account',
  'accounts',
  'instagram',
  'facebook',
  'icloud',
  'snapchat',
  'laptop',
  'computer',
  'ipad',
  'tablet',
  'gmail',
  'whatsapp',
  'messages',
  'bank',
  'tiktok',
  'twitter',
  'google',
  'apple',
  'cloud',
  'photos',
]);

/** Break-in: "he's breaking in", "trying to get in", "kicking the door in", "broke into my flat". */
const breakIn: RuleFn = (s, i) => {
  const t = at(s, i);
  const nx = rel(s, i, 1);
  const nx2 = rel(s, i, 2);
  const nx3 = rel(s, i, 3);
  let ok = false;
  const intoPlace = (k: number): boolean => {
    const a = rel(s, i, k);
    const b = rel(s, i, k + 1);
    const c = rel(s, i, k + 2);
    if (DEVICE.has(b) || DEVICE.has(c)) return false;
    if (a === 'into') return PLACE_TARGETS.has(b) || PLACE_TARGETS.has(c) || DETERMINER.has(b);
    if (a === 'in' || a === 'inside')
      return (
        b === BOUNDARY ||
        b === 'through' ||
        b === 'now' ||
        b === 'here' ||
        b === 'and' ||
        b === 'somehow' ||
        b === 'the' ||
        b === 'my' ||
        b === 'again' ||
        b === 'he' ||
        b === 'she' ||
        b === 'i' ||
        b === 'please' ||
        b === 'with' ||
        b === 'from' ||
        b === 'downstairs' ||
        b === 'upstairs'
      );
    return false;
  };
  if (t === 'break' || t === 'breaking' || t === 'broke' || t === 'broken') {
    ok =
      intoPlace(1) ||
      (nx === 'down' && (nx2 === 'the' || nx2 === 'my') && (nx3 === 'door' || nx3 === 'doors')) ||
      ((nx === 'the' || nx === 'my' || nx === 'her' || nx === 'through') &&
        (L.ENTRY_TARGET.has(nx2) || L.ENTRY_TARGET.has(nx3))) ||
      (nx === 'the' && (nx2 === 'back' || nx2 === 'front') && (nx3 === 'door' || nx3 === 'window'));
    if (nx === 'down' && (nx2 === BOUNDARY || nx2 === 'and' || nx2 === 'crying')) ok = false;
  } else if (t === 'trying' || t === 'tried') {
    ok =
      nx === 'to' && (nx2 === 'get' || nx2 === 'break' || nx2 === 'force' || nx2 === 'climb') && intoPlace(3);
    if (ok && rel(s, i, 4) === 'touch') ok = false;
  } else if (t === 'get' || t === 'getting' || t === 'got' || t === 'let') {
    if (t === 'let' && nx !== 'himself' && nx !== 'herself' && nx !== 'themselves') return;
    ok = t === 'let' ? intoPlace(2) : intoPlace(1);
    if (nx === 'in' && (nx2 === 'touch' || nx2 === 'trouble' || nx2 === 'contact')) ok = false;
  } else {
    // smash / kick / force / bang / climb + door, window, fence, in
    ok =
      ((nx === 'the' || nx === 'my' || nx === 'her' || nx === 'our' || nx === 'down') &&
        (L.ENTRY_TARGET.has(nx2) ||
          ((nx2 === 'back' || nx2 === 'front' || nx2 === 'kitchen' || nx2 === 'bedroom') &&
            L.ENTRY_TARGET.has(nx3)))) ||
      ((t === 'climb' || t === 'climbing' || t === 'climbed') &&
        (nx === 'over' || nx === 'in' || nx === 'through' || nx === 'up')) ||
      intoPlace(1) ||
      (nx === 'in' && nx2 === 'the');
    if ((t === 'bang' || t === 'banging' || t === 'banged') && nx === 'in') ok = false;
    if ((t === 'kick' || t === 'kicking' || t === 'kicked') && nx === 'down' && nx2 !== 'the') ok = false;
  }
  if (!ok) return;
  const subj = subjectBefore(s, i, 8);
  const someone = subj >= 0 || t === 'breaking' || t === 'smashing' || t === 'kicking' || t === 'forcing';
  if (!someone) return;
  if (subj >= 0 && negatedBetween(s, subj, i)) return;
  if (lawGeneric(s, i) || (s.hyp[i] === 1 && tense(s, i, i - 6, i + 6) !== 'present')) return;
  const from = subj >= 0 ? subj : i - 4;
  const tn = tense(s, i, from - 2, i + 8);
  if (tn === 'past' && !presentBetween(s, from, i)) {
    // A break-in long ago is a concern; last night, earlier or no time given is immediate.
    const far =
      fwdWord(s, i, 10, 'years') >= 0 ||
      fwdWord(s, i, 10, 'year') >= 0 ||
      fwdWord(s, i, 10, 'months') >= 0 ||
      fwdWord(s, i, 10, 'month') >= 0 ||
      backWord(s, i, 6, 'used') >= 0 ||
      backWord(s, i, 8, 'when') >= 0 ||
      backWord(s, i, 4, 'was') >= 0 ||
      backWord(s, i, 8, 'year') >= 0 ||
      backWord(s, i, 8, 'years') >= 0 ||
      backWord(s, i, 8, 'month') >= 0;
    if (far) {
      hit(s, 'concern.break-in-past', 'concern');
      return;
    }
  }
  hit(s, 'immediate.break-in', 'immediate');
};

/** Violence happening now: "he's hitting me", "he's smashing up the house", "she is being attacked". */
const violenceNow: RuleFn = (s, i) => {
  const t = at(s, i);
  if (t === 'shaking' && rel(s, i, 1) !== 'the' && rel(s, i, 1) !== 'me' && rel(s, i, 1) !== 'her') return;
  const subj = subjectBefore(s, i, 5);
  if (subj < 0) return;
  if (negatedBetween(s, subj, i)) return;
  if (lawGeneric(s, i)) return;
  const be = presentBetween(s, subj, i);
  const tn = tense(s, i, subj - 2, i + 8);
  if (tn === 'past' || !be) {
    if (backWord(s, i, 3, 'was') >= 0 || tn === 'past' || backWord(s, i, 3, 'been') >= 0) {
      hit(s, 'concern.past-violence', 'concern');
      return;
    }
  }
  if (!be && tn !== 'present') {
    hit(s, 'concern.past-violence', 'concern');
    return;
  }
  hit(s, 'immediate.violence-now', 'immediate');
};

const VICTIM_AFTER = new Set(['me', 'us', 'her', 'my', 'mum', 'our', 'him', 'them', 'his']);

/** Past violence to the person: "he hit me", "he pushed me down the stairs"; "he just hit me" is now. */
const violencePast: RuleFn = (s, i) => {
  const t = at(s, i);
  const nx = rel(s, i, 1);
  const p = rel(s, i, -1);
  if (p === 'being' || p === 'been' || p === 'getting' || p === 'got') {
    // "she is being attacked", "i've been hurt"
    const be = rel(s, i, -2);
    if (p === 'being' && (be === 'is' || be === 'am' || be === 'are')) {
      if (lawGeneric(s, i)) return;
      hit(s, 'immediate.violence-now', 'immediate');
      return;
    }
    if (p === 'been' || p === 'got' || p === 'getting') {
      if (lawGeneric(s, i) || t === 'hit' || t === 'hurt') return;
      hit(s, 'concern.past-violence', 'concern');
    }
    return;
  }
  if (!VICTIM_AFTER.has(nx) && !(nx === 'the' && L.CHILD.has(rel(s, i, 2)))) return;
  if (t === 'hit' && (rel(s, i, 2) === 'up' || rel(s, i, 2) === 'back')) return;
  // "my son fell off his bike and hurt his arm": his own injury, an accident
  if (nx === 'his' && L.BODY_PART.has(rel(s, i, 2))) return;
  if (sentenceHas(s, i, L.ACCIDENT) && back(s, i, 8, L.PERSON) < 0) return;
  if ((t === 'hurt' || t === 'harmed') && rel(s, i, 2) === 'feelings') return;
  if (t === 'beat' && (rel(s, i, 2) === 'to' || rel(s, i, 2) === 'at')) return;
  const subj = subjectBefore(s, i, 6);
  if (subj < 0) return;
  if (negatedBetween(s, subj, i)) return;
  if (lawGeneric(s, i) || s.hyp[i] === 1) return;
  // "he's headbutted me", "he has hit me": the perfect means it has just happened
  const perfect = (rel(s, i, -1) === 'is' || rel(s, i, -1) === 'has') && L.PERSON.has(rel(s, i, -2));
  if (
    perfect &&
    tense(s, i, i - 4, i + 8) !== 'past' &&
    fwd(s, i, 8, new Set(['before', 'loads', 'lots', 'times', 'ever'])) < 0
  ) {
    hit(s, 'immediate.violence-now', 'immediate');
    return;
  }
  if (backWord(s, i, 2, 'just') >= 0 || fwdWord(s, i, 6, 'now') >= 0) {
    if (tense(s, i, i - 4, i + 6) !== 'past' || backWord(s, i, 2, 'just') >= 0) {
      hit(s, 'immediate.violence-now', 'immediate');
      return;
    }
  }
  hit(s, 'concern.past-violence', 'concern');
};

const HOLD_AFTER = new Set(['on', 'at', 'to', 'against']);
const FIRE_WORDS = new Set(['lighter', 'matches', 'fire', 'burn', 'light', 'lit', 'torch']);

/** A weapon in the hands of the person: "he's got a knife", "outside with a bat", "🔪 he's got one". */
const weapon: RuleFn = (s, i) => {
  const t = at(s, i);
  const nx = rel(s, i, 1);
  const p = rel(s, i, -1);
  if (nx === 'crime' || nx === 'crimes' || nx === 'amnesty' || nx === 'law' || nx === 'laws') return;
  if (t === 'bat' && (nx === 'an' || nx === 'eye' || nx === 'eyelid' || p === 'cricket' || p === 'the')) {
    if (!(p === 'cricket' || p === 'baseball')) return;
  }
  if (
    t === 'bottle' ||
    t === 'brick' ||
    t === 'petrol' ||
    t === 'scissors' ||
    t === 'screwdriver' ||
    t === 'spanner'
  ) {
    // Everyday objects: only as a weapon ("threatened me with a bottle", "held scissors to my throat").
    const used = new Set([
      'with',
      'threatened',
      'threatening',
      'holding',
      'waving',
      'pointing',
      'pour',
      'poured',
    ]);
    // "threatened me with a bottle", "he's got a screwdriver and he's waving it at me",
    // "he's got petrol and a lighter"
    const fire = t === 'petrol' && sentenceHas(s, i, FIRE_WORDS);
    if (back(s, i, 4, used) < 0 && fwd(s, i, 6, used) < 0 && !fire) return;
  }
  if (lawGeneric(s, i)) return;
  const before = personBack(s, i, 8);
  const after = fwd(s, i, 6, L.PERSON);
  if (before < 0 && after < 0) {
    // "i've got a knife to protect myself": arming yourself means you are afraid.
    if (back(s, i, 5, L.FIRST_SUBJECT) >= 0 && back(s, i, 4, L.HOLD) >= 0)
      hit(s, 'concern.self-protection', 'concern');
    return;
  }
  const hold = back(s, i, 4, L.HOLD) >= 0 || fwd(s, i, 5, L.HOLD) >= 0;
  const aimed = HOLD_AFTER.has(nx) && VICTIM_AFTER.has(rel(s, i, 2));
  if (!hold && !aimed) return;
  const neg = before >= 0 && negatedBetween(s, before, i);
  if (neg) return;
  hit(s, 'immediate.weapon', 'immediate');
};

const KILL_EXCLUDE_NEXT = new Set(['time', 'it', 'two', 'off', 'the', 'a', 'for', 'of', 'up', 'an']);
const KILL_OBJECT = new Set([
  'me',
  'us',
  'you',
  'her',
  'him',
  'them',
  'my',
  'our',
  'your',
  'his',
  'the',
  'everyone',
  'mum',
  'both',
  'himself',
  'herself',
]);

/** Threats to kill: "he said he'll kill me", "threatened to kill", "he's going to stab me". */
const killThreat: RuleFn = (s, i) => {
  const t = at(s, i);
  const nx = rel(s, i, 1);
  const nx2 = rel(s, i, 2);
  if (nx === 'myself' || nx === 'ourselves') return; // self-harm rule
  if (t === 'end' || t === 'finish') {
    if (!(nx === 'me' || nx === 'you' || nx === 'us' || nx === 'her')) return;
  }
  if (t === 'burn' && !(fwd(s, i, 3, new Set(['house', 'flat', 'home', 'down', 'me', 'us', 'car'])) >= 0))
    return;
  if (t === 'bury' && !(nx === 'me' || nx === 'you' || nx === 'us' || nx === 'her')) return;
  if ((t === 'shot' || t === 'slice') && !(nx === 'me' || nx === 'us' || nx === 'her' || nx === 'at')) return;
  if (t === 'slit' && !(nx === 'my' || nx === 'her' || nx === 'your' || nx === 'me')) return;
  if (t === 'strangle') return; // strangulation rule
  const threatLead = back(s, i, 4, L.THREAT) >= 0;
  const objectOk =
    KILL_OBJECT.has(nx) || nx === BOUNDARY || nx === 'and' || nx === 'if' || nx === 'when' || threatLead;
  if (!objectOk) return;
  if (
    KILL_EXCLUDE_NEXT.has(nx) &&
    !(nx === 'the' && (L.CHILD.has(nx2) || nx2 === 'house' || nx2 === 'dog'))
  ) {
    if (!threatLead) return;
  }
  if (nx === BOUNDARY && !threatLead && back(s, i, 6, L.KILL_LEAD) < 0) return;
  if (lawGeneric(s, i)) return;
  if (s.law[i] === 1 && isGenericWord(nx)) return;
  const subj = subjectBefore(s, i, 7);
  const passive = (rel(s, i, -1) === 'be' || rel(s, i, -1) === 'get') && (t === 'killed' || t === 'murdered');
  if (subj < 0 && !threatLead && !passive) return;
  if (subj >= 0 && negatedBetween(s, subj, i) && !threatLead) return;
  // "coach said he'll kill him if he misses training lol": banter about someone else
  if (nx !== 'me' && nx !== 'us' && sentenceHas(s, i, L.LAUGHTER)) {
    hit(s, 'concern.threat', 'concern');
    return;
  }
  hit(s, 'immediate.threat-to-kill', 'immediate');
};

/** Death threats in other words: "you're dead", "he wants me dead", "he said i won't live". */
const deathThreat: RuleFn = (s, i) => {
  const t = at(s, i);
  const p = rel(s, i, -1);
  const p2 = rel(s, i, -2);
  if (t === 'dead') {
    if (
      p === 'you' ||
      p === 'your' ||
      (p === 'are' && p2 === 'you') ||
      p === 'me' ||
      (p === 'be' && p2 === 'will')
    ) {
      if (p === 'me' && back(s, i, 4, L.PERSON) < 0) return;
      if (p === 'be' && !sentenceHas(s, i, L.SAID)) return;
      if (lawGeneric(s, i)) return;
      const nx = rel(s, i, 1);
      if (nx === 'mum' || nx === 'dad' || nx === 'phone' || nx === 'battery') return;
      hit(s, 'immediate.threat-to-kill', 'immediate');
    }
    return;
  }
  // die / live
  if (!sentenceHas(s, i, L.SAID)) return;
  if (t === 'die' || t === 'dying') {
    const subj = back(s, i, 3, new Set(['i', 'you', 'we', 'she']));
    if (subj < 0) return;
    if (rel(s, i, -1) === 'could' || fwdWord(s, i, 2, 'of') >= 0) return;
    hit(s, 'immediate.threat-to-kill', 'immediate');
    return;
  }
  // "won't live to see", "never live"
  if (
    (p === 'not' || p === 'never') &&
    (rel(s, i, 1) === 'to' || rel(s, i, 1) === 'long' || rel(s, i, 1) === BOUNDARY)
  ) {
    hit(s, 'immediate.threat-to-kill', 'immediate');
  }
};

/** Strangulation and choking: "he tried to strangle me", "he choked me", "hands round my neck". */
const strangle: RuleFn = (s, i) => {
  const nx = rel(s, i, 1);
  if (nx === 'on' || nx === 'up' || nx === 'back') return;
  if (lawGeneric(s, i)) return;
  const t = at(s, i);
  if (t === 'strangulation' || t === 'strangulated') {
    if (s.law[i] === 1 || back(s, i, 8, L.PERSON) < 0) return;
  }
  const person = personBack(s, i, 8) >= 0;
  const victim = VICTIM_AFTER.has(nx) || nx === 'the' || L.CHILD.has(rel(s, i, 2));
  if (!person && !victim) return;
  hit(s, 'immediate.strangulation', 'immediate');
};

/** "hands round my neck", "grabbed me by the throat", "squeezed my neck", "knife to my throat". */
const neck: RuleFn = (s, i) => {
  if (back(s, i, 5, L.NECK_LEAD) < 0) return;
  if (lawGeneric(s, i)) return;
  const own = back(s, i, 3, new Set(['my', 'her', 'the', 'his', 'our', 'your']));
  if (own < 0) return;
  hit(s, 'immediate.strangulation', 'immediate');
};

/** "couldn't breathe" after something he did; "can't breathe" now. */
const breathe: RuleFn = (s, i) => {
  if (rel(s, i, -1) !== 'not') return;
  const p2 = rel(s, i, -2);
  if (p2 !== 'can' && p2 !== 'could') return;
  const nx = rel(s, i, 1);
  if (nx === 'without' || nx === 'properly' || nx === 'through') return;
  if (p2 === 'could' && back(s, i, 12, L.PERSON) < 0) return;
  hit(s, 'immediate.strangulation', 'immediate');
};

const CHILD_STATE = new Set(['is', 'are', 'was', 'were', 'being', 'got', 'been']);
const DRUNK = new Set(['drunk', 'drinking', 'wasted', 'high', 'off']);
const HIGH_LEAD = new Set(['is', 'am', 'are', 'was', 'so', 'really', 'getting', 'he', 'she', 'off']);

/** "he's drunk", "off his face", "he's high": not "fell off his bike", not "high school". */
function drunkNear(s: Scan, i: number): boolean {
  const lo = Math.max(s.sStart[i] ?? 0, i - 30);
  const hi = Math.min(s.sEnd[i] ?? 0, i + 31);
  for (let j = lo; j < hi; j++) {
    const w = at(s, j);
    if (!DRUNK.has(w)) continue;
    if (w === 'off') {
      const f = rel(s, j, 2);
      if ((rel(s, j, 1) === 'his' || rel(s, j, 1) === 'her') && (f === 'face' || f === 'head' || f === 'nut'))
        return true;
      continue;
    }
    if (w === 'high' && !HIGH_LEAD.has(rel(s, j, -1))) continue;
    return true;
  }
  return false;
}

/** Hurting a child: "he's hurting my son", "he hit my daughter", "he shook the baby", "taken the kids". */
const childHarm: RuleFn = (s, i) => {
  const t = at(s, i);
  if (t === 'little' && rel(s, i, 1) !== 'one' && rel(s, i, 1) !== 'ones' && rel(s, i, 1) !== 'boy') return;
  if (t === 'boys' || t === 'girls') {
    if (rel(s, i, -1) !== 'my' && rel(s, i, -1) !== 'our' && rel(s, i, -1) !== 'the') return;
  }
  // the child's owner: "my son", "the kids", "our baby", "my 2 kids", "my little boy"
  const d1 = rel(s, i, -1);
  const d2 = rel(s, i, -2);
  const det = L.CHILD_DET.has(d1) ? 1 : L.CHILD_DET.has(d2) ? 2 : 0;
  if (det === 0) return;
  if (lawGeneric(s, i)) return;
  const detAt = i - det;
  // harm verb before the child: "he hit my daughter", "screaming at the kids"
  let harm = back(s, detAt, 3, L.CHILD_HARM);
  if (harm < 0) {
    // child first: "my son is being hurt", "the baby was hit"
    const st = fwd(s, i, 2, CHILD_STATE);
    if (st >= 0) harm = fwd(s, st, 2, L.CHILD_HARM);
  }
  if (harm >= 0) {
    const h = at(s, harm);
    // "my son got hit by a ball at football": an accident, not a person
    if (harm > i && sentenceHas(s, i, L.ACCIDENT)) return;
    const after = rel(s, i, 1);
    if (
      (h === 'took' || h === 'taken') &&
      (after === 'to' || after === 'for' || after === 'out' || after === 'swimming')
    )
      return;
    if ((h === 'touching' || h === 'touched') && back(s, harm, 6, L.PERSON) < 0) return;
    if (harm < i && personBack(s, harm, 8) < 0 && rel(s, harm, -1) !== 'being') return;
    if (harm < i && negatedBetween(s, Math.max(s.sStart[i] ?? 0, harm - 4), harm)) return;
    hit(s, 'immediate.child-harm', 'immediate');
    return;
  }
  // drunk or drinking with the children now
  if (drunkNear(s, i) && sentenceHas(s, i, L.PERSON) && tense(s, i, i - 12, i + 12) !== 'past') {
    hit(s, 'immediate.child-harm', 'immediate');
  }
};

/** Hiding: "i'm hiding in the bathroom", "hiding from him", "locked myself in the toilet". */
const hiding: RuleFn = (s, i) => {
  const t = at(s, i);
  const nx = rel(s, i, 1);
  if (lawGeneric(s, i)) return;
  if (t === 'barricaded' || t === 'barricade' || t === 'cowering') {
    hit(s, 'immediate.hiding', 'immediate');
    return;
  }
  if (t === 'hide') {
    if (!(nx === 'from' || nx === 'in' || nx === 'under' || nx === 'behind')) return;
    if (nx === 'from' && DEVICE.has(rel(s, i, 2))) return;
    if (s.w[s.sStart[i] ?? 0] === 'how' || rel(s, i, -1) === 'to') {
      // "how do i hide from him" is still a person in danger, but a question: concern
      hit(s, 'concern.hiding-question', 'concern');
      return;
    }
    hit(s, 'immediate.hiding', 'immediate');
    return;
  }
  // hiding
  if (!(L.HIDING_NEXT.has(nx) || nx === BOUNDARY)) return;
  // "hiding from my kids so i can eat chocolate", "hiding the presents from the kids"
  if (nx === 'from' && (L.CHILD.has(rel(s, i, 3)) || L.CHILD.has(rel(s, i, 2)))) return;
  if (nx === 'from' && (DEVICE.has(rel(s, i, 2)) || rel(s, i, 2) === 'the')) {
    if (rel(s, i, 3) !== 'house' && rel(s, i, 2) !== 'him') return;
  }
  if (nx === 'in' && rel(s, i, 2) === 'plain') return;
  // "hiding in the wardrobe for hide and seek": a game
  if (fwdWord(s, i, 10, 'seek') >= 0) return;
  if (backWord(s, i, 3, 'was') >= 0 || backWord(s, i, 3, 'used') >= 0) {
    hit(s, 'concern.hiding-past', 'concern');
    return;
  }
  hit(s, 'immediate.hiding', 'immediate');
};

/** "locked in the bathroom", "locked myself in", "he locked me in". */
const locked: RuleFn = (s, i) => {
  const nx = rel(s, i, 1);
  if (lawGeneric(s, i)) return;
  const self = nx === 'myself' || nx === 'ourselves' || nx === 'me' || nx === 'us' || nx === 'herself';
  const inRoom = fwdWord(s, i, 3, 'in') >= 0 && fwd(s, i, 5, L.ROOM) >= 0;
  // "we're all in the bathroom with the door locked"
  const roomFirst =
    back(s, i, 7, L.ROOM) >= 0 &&
    back(s, i, 9, new Set(['i', 'we'])) >= 0 &&
    back(s, i, 3, new Set(['door', 'doors'])) >= 0;
  if (!(self || (nx === 'in' && inRoom) || inRoom || roomFirst)) return;
  if (nx === 'out' || rel(s, i, 2) === 'out') return; // "locked myself out of my account"
  if (backWord(s, i, 3, 'was') >= 0 && fwdWord(s, i, 8, 'now') < 0) {
    hit(s, 'concern.hiding-past', 'concern');
    return;
  }
  hit(s, 'immediate.hiding', 'immediate');
};

const NOT_SAFE_GAP = new Set([
  'feel',
  'feeling',
  'think',
  'i',
  'am',
  'is',
  'are',
  'we',
  'it',
  'really',
  'very',
  'totally',
  'completely',
  'that',
  'being',
  'be',
  'ever',
  'even',
  'at',
  'all',
  'so',
  'safe',
  'kept',
  'anywhere',
]);

const SAFE_SUBJECT = new Set([
  'i',
  'we',
  'me',
  'us',
  'kids',
  'children',
  'baby',
  'son',
  'daughter',
  'life',
  'she',
  'they',
]);

/** "I'm not safe", "we're not safe", "i don't feel safe", "my life is in danger". */
const notSafe: RuleFn = (s, i) => {
  const t = at(s, i);
  const start = s.sStart[i] ?? 0;
  const subj = back(s, i, 6, SAFE_SUBJECT);
  const you = back(s, i, 6, new Set(['you', 'your']));
  const itSubj = back(s, i, 4, new Set(['it']));
  const atStart = i - start <= 2;
  if (you >= 0 && you > subj) return;
  if (t === 'safe' || t === 'unsafe') {
    const negAt = back(s, i, 5, new Set(['not', 'never', 'longer']));
    let neg = t === 'unsafe' || negAt >= 0;
    for (let k = negAt + 1; negAt >= 0 && k < i; k++) if (!NOT_SAFE_GAP.has(at(s, k))) neg = false;
    if (!neg) return;
    if (
      rel(s, i, 1) === 'to' &&
      (rel(s, i, 2) === 'keep' || rel(s, i, 2) === 'chat' || rel(s, i, 2) === 'talk')
    ) {
      hit(s, 'immediate.not-safe', 'immediate');
      return;
    }
    if (subj < 0 && !atStart && itSubj < 0) return;
    if (itSubj >= 0 && subj < 0) {
      const nx = rel(s, i, 1);
      if (nx === 'to' || nx === 'for' || nx === 'if') {
        hit(s, 'concern.not-safe', 'concern');
        return;
      }
    }
    if (s.law[i] === 1 && s.personal[i] === 0) return;
    if (backWord(s, i, 4, 'was') >= 0 || backWord(s, i, 4, 'were') >= 0) {
      hit(s, 'concern.not-safe', 'concern');
      return;
    }
    hit(s, 'immediate.not-safe', 'immediate');
    return;
  }
  if (t === 'danger') {
    if (rel(s, i, -1) !== 'in' && !(rel(s, i, -1) === 'immediate' && rel(s, i, -2) === 'in')) {
      if (rel(s, i, 1) === 'to' && VICTIM_AFTER.has(rel(s, i, 2))) hit(s, 'concern.dangerous', 'concern');
      return;
    }
    if (subj < 0 && back(s, i, 5, L.PERSON) < 0) return;
    if (s.hyp[i] === 1 || lawGeneric(s, i)) return;
    hit(s, 'immediate.not-safe', 'immediate');
    return;
  }
  // dangerous
  if (back(s, i, 5, L.PERSON) >= 0 && !lawGeneric(s, i)) hit(s, 'concern.dangerous', 'concern');
};

const HELP_PREV_URGENT = new Set([
  'please',
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'god',
  'omg',
  'just',
  'help',
  'sos',
]);
const HELP_PREV_CALM = new Set([
  'get',
  'for',
  'the',
  'some',
  'any',
  'more',
  'of',
  'to',
  'and',
  'this',
  'your',
]);

/** Pleas: "please help", "help me", "HELP", "hellllp", "help!!", "sos", "i need help now". */
const helpPlea: RuleFn = (s, i) => {
  const t = at(s, i);
  if (t === 'sos' || t === 'mayday') {
    if (!lawOnly(s, i)) hit(s, 'immediate.plea', 'immediate');
    return;
  }
  const e = s.emph[i] ?? 0;
  const p = rel(s, i, -1);
  const nx = rel(s, i, 1);
  const nx2 = rel(s, i, 2);
  if (p === 'get' || (p === 'for' && rel(s, i, -2) !== 'please')) {
    return;
  }
  if (lawOnly(s, i)) return;
  // Capitals alone do not count: changing case must never change the level ("HELP" = "help").
  const emphatic = (e & (EMPH_STRETCHED | EMPH_BANG)) !== 0;
  if (emphatic && !HELP_PREV_CALM.has(p)) {
    hit(s, 'immediate.plea', 'immediate');
    return;
  }
  if (HELP_PREV_URGENT.has(p) && p !== 'help') {
    if (nx === 'me' && L.HELP_NOT_URGENT_NEXT.has(nx2) && nx2 !== 'please' && nx2 !== 'me') return;
    if (nx === 'with' || nx === 'understanding' || nx === 'finding') return;
    hit(s, 'immediate.plea', 'immediate');
    return;
  }
  if (L.URGENT.has(nx) && nx !== 'please' && nx !== 'someone' && nx !== 'somebody' && nx !== 'anyone') {
    hit(s, 'immediate.plea', 'immediate');
    return;
  }
  if (nx === 'please' || nx === 'someone' || nx === 'somebody' || nx === 'help' || nx === 'us') {
    if (p === 'you' || p === 'can' || p === 'could') hit(s, 'concern.asks-for-help', 'concern');
    else hit(s, 'immediate.plea', 'immediate');
    return;
  }
  if (nx === 'me' || nx === 'her' || nx === 'him') {
    if (L.HELP_NOT_URGENT_NEXT.has(nx2) && nx2 !== 'please') return;
    if (nx2 === 'get' && rel(s, i, 3) !== 'away' && rel(s, i, 3) !== 'out') return;
    if (p === 'you' || p === 'can' || p === 'could' || p === 'to' || p === 'will' || p === 'would') {
      if (nx2 === BOUNDARY || nx2 === 'please') hit(s, 'concern.asks-for-help', 'concern');
      return;
    }
    hit(s, 'immediate.plea', 'immediate');
    return;
  }
  // "help he's here": help at the start, then a person
  if (i === (s.sStart[i] ?? 0) && L.PERSON.has(nx)) {
    hit(s, 'immediate.plea', 'immediate');
    return;
  }
  if ((p === 'need' || p === 'needs') && (nx === BOUNDARY || nx === 'please')) {
    hit(s, 'concern.asks-for-help', 'concern');
  }
};

const CALL_PREV_CALM = new Set([
  'i',
  'we',
  'should',
  'to',
  'do',
  'did',
  'if',
  'when',
  'whether',
  'not',
  'could',
  'would',
  'will',
  'they',
  'he',
  'she',
  'how',
]);

/** "call the police", "please ring 999", "someone call the police", "send help", "i need the police". */
const callPolice: RuleFn = (s, i) => {
  const t = at(s, i);
  if (t === 'need' || t === 'want') {
    const k = rel(s, i, 1) === 'the' || rel(s, i, 1) === 'an' ? 2 : 1;
    const w = rel(s, i, k);
    if (!(w === 'police' || w === 'ambulance' || w === 'cops' || w === '999')) return;
    const after = rel(s, i, k + 1);
    if (
      !(
        after === BOUNDARY ||
        after === 'now' ||
        after === 'please' ||
        after === 'here' ||
        after === 'asap' ||
        after === 'quick' ||
        after === 'urgently'
      )
    )
      return;
    if (
      rel(s, i, -1) !== 'i' &&
      rel(s, i, -1) !== 'we' &&
      rel(s, i, -1) !== 'just' &&
      i !== (s.sStart[i] ?? 0)
    )
      return;
    if (lawOnly(s, i)) return;
    hit(s, 'immediate.call-police', 'immediate');
    return;
  }
  const nx = rel(s, i, 1);
  const nx2 = rel(s, i, 2);
  const target = L.AUTHORITY.has(nx)
    ? i + 1
    : L.AUTHORITY.has(nx2) && (nx === 'the' || nx === 'an')
      ? i + 2
      : -1;
  if (target < 0) return;
  const what = at(s, target);
  if (what === 'help' && t !== 'send') return;
  if (what === 'someone' && t !== 'send' && t !== 'get') return;
  if (t === 'contact' || t === 'dial') {
    if (what !== '999') return;
  }
  if (lawOnly(s, i)) return;
  const p = rel(s, i, -1);
  const p2 = rel(s, i, -2);
  const urgentAfter = fwd(
    s,
    target,
    3,
    new Set(['now', 'please', 'asap', 'quick', 'quickly', 'immediately', 'here']),
  );
  const forMe = rel(s, target, 1) === 'for' && (rel(s, target, 2) === 'me' || rel(s, target, 2) === 'us');
  if (p === 'you' && (p2 === 'can' || p2 === 'could' || p2 === 'will' || p2 === 'would' || p2 === 'please')) {
    hit(s, 'immediate.call-police', 'immediate');
    return;
  }
  if (urgentAfter >= 0 || forMe) {
    if (!(CALL_PREV_CALM.has(p) && urgentAfter < 0)) {
      hit(s, 'immediate.call-police', 'immediate');
      return;
    }
  }
  if (CALL_PREV_CALM.has(p) || p === 'you') {
    hit(s, 'concern.police-question', 'concern');
    return;
  }
  hit(s, 'immediate.call-police', 'immediate');
};

const CANT_NEXT_CALM = new Set([
  'to',
  'about',
  'with',
  'properly',
  'english',
  'welsh',
  'much',
  'long',
  'on',
  'for',
  'it',
  'him',
  'her',
  'anyone',
  'them',
  'you',
  'the',
  'a',
  'back',
  'out',
  'any',
  'there',
  'that',
  'this',
  'during',
  'in',
  'at',
  'until',
]);

/** "can't talk", "i can't speak", "can't call": someone may be listening. */
const cantTalk: RuleFn = (s, i) => {
  const t = at(s, i);
  if (rel(s, i, -1) !== 'not') return;
  const p2 = rel(s, i, -2);
  if (p2 !== 'can' && p2 !== 'could') return;
  const nx = rel(s, i, 1);
  if (CANT_NEXT_CALM.has(nx)) return;
  if (t === 'move' && (nx === 'on' || nx === 'house' || nx === 'out' || nx === 'away')) return;
  if (t === 'type' && nx !== BOUNDARY && nx !== 'he' && nx !== 'she') return;
  if (p2 === 'could' && backWord(s, i, 3, 'i') < 0) return;
  if (rel(s, i, -3) === 'you' || rel(s, i, -3) === 'they') return;
  if (lawOnly(s, i)) return;
  if (t === 'breathe') {
    breathe(s, i);
    return;
  }
  hit(s, 'immediate.cannot-talk', 'immediate');
};

/** "this is an emergency", "emergency!". */
const emergency: RuleFn = (s, i) => {
  if (lawOnly(s, i)) return;
  const p = rel(s, i, -1);
  const p2 = rel(s, i, -2);
  if (sentenceLength(s, i) <= 2 && p !== 'an' && p !== 'in') {
    hit(s, 'immediate.plea', 'immediate');
    return;
  }
  if (p === 'an' && (p2 === 'is' || p2 === 'having' || p2 === 'its' || p2 === 'emergency')) {
    if (rel(s, i, -3) === 'what' || rel(s, i, -3) === 'if') return;
    hit(s, 'immediate.plea', 'immediate');
  }
};

/** Watching now: "he's watching me type this", "he's watching me right now". */
const watchingNow: RuleFn = (s, i) => {
  const nx = rel(s, i, 1);
  if (!(nx === 'me' || nx === 'us' || nx === 'her' || nx === 'my' || nx === 'the' || nx === 'our')) return;
  if (nx === 'the' && rel(s, i, 2) !== 'house' && rel(s, i, 2) !== 'flat') return;
  const subj = subjectBefore(s, i, 5);
  if (subj < 0 || lawGeneric(s, i)) return;
  const typing = fwd(s, i, 3, new Set(['type', 'typing', 'text', 'write', 'writing', 'chat']));
  const now = fwd(s, i, 6, new Set(['now', 'currently']));
  // "he's watching me from his car / from across the road / through the window": he is there
  const from = fwd(s, i, 3, new Set(['from', 'through', 'outside', 'across', 'opposite']));
  const there =
    from >= 0 &&
    (at(s, from) !== 'from' ||
      fwd(
        s,
        from,
        3,
        new Set(['car', 'van', 'outside', 'across', 'window', 'street', 'road', 'garden', 'opposite']),
      ) >= 0);
  if ((typing >= 0 || now >= 0 || there) && presentBetween(s, subj, i))
    hit(s, 'immediate.presence', 'immediate');
  else hit(s, 'concern.watched', 'concern');
};

// ---- self-harm ----------------------------------------------------------------------------

const selfHarmWord: RuleFn = (s, i) => {
  if (lawOnly(s, i)) return;
  if (at(s, i) === 'hanging' && rel(s, i, 1) !== 'myself') return;
  hit(s, 'immediate.self-harm', 'immediate');
};

const SELF_OBJ = new Set(['myself', 'ourselves']);
/** "kill myself", "hurt myself", "cutting myself", "end my life", "take my own life". */
const selfObject: RuleFn = (s, i) => {
  const p = rel(s, i, -1);
  const p2 = rel(s, i, -2);
  const verbs = new Set([
    'kill',
    'killing',
    'hurt',
    'hurting',
    'harm',
    'harming',
    'cut',
    'cutting',
    'cuts',
    'hang',
    'hanging',
    'hurts',
    'starve',
    'starving',
    'burn',
    'burning',
    'drown',
    'poison',
    'suffocate',
    'stab',
    'throw',
    'throwing',
    'chuck',
    'launch',
  ]);
  if (!verbs.has(p) && !verbs.has(p2)) return;
  if (lawOnly(s, i)) return;
  hit(s, 'immediate.self-harm', 'immediate');
};

const END_LIFE_PREV = new Set(['end', 'ending', 'take', 'taking', 'ended', 'took']);
/** "end my life", "take my own life", "end it all", "i'm going to end it tonight", "want it all to end". */
const endLife: RuleFn = (s, i) => {
  const t = at(s, i);
  if (t === 'life') {
    const p = rel(s, i, -1);
    const p2 = rel(s, i, -2);
    const p3 = rel(s, i, -3);
    if ((p === 'my' && END_LIFE_PREV.has(p2)) || (p === 'own' && p2 === 'my' && END_LIFE_PREV.has(p3))) {
      if (!lawOnly(s, i)) hit(s, 'immediate.self-harm', 'immediate');
    }
    return;
  }
  // end / ending
  const nx = rel(s, i, 1);
  const nx2 = rel(s, i, 2);
  if (
    nx === 'it' &&
    (nx2 === 'all' || nx2 === BOUNDARY || nx2 === 'tonight' || nx2 === 'now' || nx2 === 'today')
  ) {
    const lead = new Set(['i', 'me', 'just', 'going', 'want', 'will', 'thinking', 'about', 'of']);
    if (back(s, i, 6, lead) < 0 && i !== (s.sStart[i] ?? 0)) return;
    if (lawOnly(s, i)) return;
    hit(s, 'immediate.self-harm', 'immediate');
    return;
  }
  if (rel(s, i, -1) === 'to' && (nx === BOUNDARY || nx === 'now' || nx === 'soon')) {
    // "i just want it all to end"
    if (backWord(s, i, 4, 'it') >= 0 && backWord(s, i, 7, 'want') >= 0)
      hit(s, 'immediate.self-harm', 'immediate');
  }
};

const DIE_WISH = new Set([
  'want',
  'wanna',
  'wish',
  'rather',
  'ready',
  'deserve',
  'better',
  'wanted',
  'hope',
  'going',
]);
/** "i want to die", "i wish i was dead", "better off dead", "i don't want to be alive". */
const dieWish: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawOnly(s, i)) return;
  if (t === 'die' || t === 'dead') {
    if (rel(s, i, -1) === 'could' || rel(s, i, 1) === 'of' || rel(s, i, 1) === 'for') return;
    const wish = back(s, i, 4, DIE_WISH);
    const better = backWord(s, i, 8, 'better') >= 0 && backWord(s, i, 8, 'off') >= 0;
    if (wish < 0 && !better) return;
    if (at(s, wish) === 'going' && back(s, i, 5, new Set(['i', 'am'])) < 0) return;
    if (back(s, i, 8, new Set(['i', 'me', 'im', 'myself'])) < 0 && rel(s, i, -2) !== 'to') return;
    if (back(s, i, 6, new Set(['he', 'she', 'they', 'him', 'phone', 'battery'])) >= 0 && !better) {
      const iNear = back(s, i, 4, new Set(['i', 'me']));
      if (iNear < 0) return;
    }
    hit(s, 'immediate.self-harm', 'immediate');
    return;
  }
  // alive / live / living / anymore / here
  if (t === 'alive' || t === 'live' || t === 'exist') {
    if (back(s, i, 5, new Set(['not'])) >= 0 && back(s, i, 5, new Set(['want', 'wanna', 'wish'])) >= 0) {
      if (back(s, i, 8, new Set(['i', 'me'])) >= 0) hit(s, 'immediate.self-harm', 'immediate');
    }
    // "there's no reason to live", "nothing to live for", "i don't see the point in being alive"
    if (
      (back(s, i, 5, new Set(['reason', 'point'])) >= 0 && back(s, i, 9, new Set(['no', 'not'])) >= 0) ||
      (rel(s, i, 1) === 'for' && (rel(s, i, -2) === 'nothing' || rel(s, i, -3) === 'nothing'))
    )
      hit(s, 'immediate.self-harm', 'immediate');
    return;
  }
  if (t === 'living') {
    const prev = back(s, i, 3, new Set(['point', 'worth', 'reason', 'stop']));
    if (prev >= 0 && back(s, i, 4, new Set(['no', 'not'])) >= 0) hit(s, 'immediate.self-harm', 'immediate');
    return;
  }
  if (t === 'anymore') {
    // "i don't want to be here anymore"
    if (rel(s, i, -1) === 'here' && backWord(s, i, 6, 'want') >= 0 && backWord(s, i, 7, 'not') >= 0) {
      hit(s, 'immediate.self-harm', 'immediate');
    }
  }
};

/** "take all my pills", "i've taken an overdose", "jump off the bridge", "can't go on". */
const selfHarmAct: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawOnly(s, i)) return;
  if (t === 'pills' || t === 'tablets' || t === 'paracetamol') {
    const take = back(
      s,
      i,
      4,
      new Set(['take', 'taken', 'took', 'swallow', 'swallowed', 'taking', 'overdose']),
    );
    const lots = back(
      s,
      i,
      3,
      new Set(['all', 'loads', 'lots', 'bunch', 'whole', 'box', 'packet', 'handful', 'bottle']),
    );
    const have = back(s, i, 6, new Set(['got', 'have', 'holding', 'saved', 'collected', 'stockpiled']));
    if ((take >= 0 || have >= 0) && lots >= 0) hit(s, 'immediate.self-harm', 'immediate');
    return;
  }
  if (t === 'jump') {
    const nx = rel(s, i, 1);
    if (
      (nx === 'off' || nx === 'in' || nx === 'from') &&
      back(s, i, 4, new Set(['i', 'going', 'want'])) >= 0
    ) {
      const nx2 = rel(s, i, 2);
      const nx3 = rel(s, i, 3);
      const high = new Set([
        'bridge',
        'building',
        'roof',
        'cliff',
        'front',
        'balcony',
        'train',
        'river',
        'car',
      ]);
      if (high.has(nx2) || high.has(nx3)) hit(s, 'immediate.self-harm', 'immediate');
    }
    return;
  }
  if (t === 'self' && (rel(s, i, 1) === 'harm' || rel(s, i, 1) === 'harming' || rel(s, i, 1) === 'harmed')) {
    if (s.law[i] === 1) return;
    hit(s, 'immediate.self-harm', 'immediate');
    return;
  }
  if (t === 'go' && rel(s, i, 1) === 'on' && rel(s, i, -1) === 'not') {
    const nx2 = rel(s, i, 2);
    if (nx2 === BOUNDARY || nx2 === 'anymore' || nx2 === 'like' || nx2 === 'living' || nx2 === 'any') {
      hit(s, 'immediate.self-harm', 'immediate');
    }
  }
};

// ---- concern ------------------------------------------------------------------------------

const fear: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawGeneric(s, i)) return;
  const nx = rel(s, i, 1);
  if (t === 'afraid' && (nx === 'i' || nx === 'not' || nx === 'that' || nx === 'so')) return;
  // "the offence of stalking involving fear of violence": the legal phrase, nobody's fear
  if (
    t === 'fear' &&
    nx === 'of' &&
    (rel(s, i, 2) === 'violence' || rel(s, i, 2) === 'violent') &&
    (s.law[i] === 1 || s.personal[i] === 0)
  )
    return;
  if (t === 'worried' || t === 'worrying' || t === 'anxious') {
    const about =
      sentenceHas(s, i, L.PERSON) ||
      sentenceHas(s, i, new Set(['safety', 'kids', 'children', 'life', 'safe']));
    if (!about) return;
  }
  if (t === 'shaking' || t === 'trembling') {
    if (back(s, i, 3, new Set(['i', 'am', 'im', 'still'])) < 0) return;
  }
  if (t === 'panic' && (nx === 'button' || nx === 'alarm' || nx === 'alarms' || nx === 'room')) return;
  hit(s, 'concern.fear', 'concern');
};

const threat: RuleFn = (s, i) => {
  if (lawGeneric(s, i)) return;
  const t = at(s, i);
  if (t === 'warned' && back(s, i, 3, new Set(['police', 'officer', 'they', 'court'])) >= 0) return;
  if (t === 'warned' && rel(s, i, 1) !== 'me' && rel(s, i, 1) !== 'her' && rel(s, i, 1) !== 'us') return;
  if (s.law[i] === 1 && back(s, i, 12, L.PERSON) < 0 && fwd(s, i, 6, VICTIM_AFTER) < 0) return;
  if (s.personal[i] === 0 && !sentenceHas(s, i, L.PERSON)) return; // "Threats online" (a menu title)
  hit(s, 'concern.threat', 'concern');
};

const VEILED_PHRASES: readonly (readonly string[])[] = [
  ['regret'],
  ['be', 'sorry'],
  ['life', 'hell'],
  ['life', 'a', 'living', 'hell'],
  ['watch', 'my', 'back'],
  ['watch', 'your', 'back'],
  ['let', 'me', 'go'],
  ['let', 'me', 'be'],
  ['let', 'me', 'leave'],
  ['let', 'me', 'move'],
  ['be', 'free'],
  ['knows', 'people'],
  ['end', 'up', 'like'],
  ['pay', 'for'],
  ['make', 'me', 'pay'],
  ['make', 'you', 'pay'],
  ['teach', 'me', 'a', 'lesson'],
  ['ruin', 'my'],
  ['ruin', 'your'],
  ['coming', 'for', 'me'],
  ['coming', 'for', 'you'],
  ['find', 'me'],
  ['find', 'you'],
  ['get', 'me'],
  ['get', 'you'],
  ['hurt', 'me'],
  ['hurt', 'you'],
  ['harm', 'me'],
  ['not', 'have', 'me'],
  ['never', 'escape'],
  ['always', 'find'],
  ['what', 'is', 'coming'],
  ['make', 'me', 'suffer'],
  ['destroy', 'me'],
  ['destroy', 'you'],
  ['never', 'see', 'my', 'kids'],
  ['never', 'see', 'the', 'kids'],
  ['take', 'the', 'kids'],
  ['take', 'my', 'kids'],
];

/** Veiled threats reported by the person: "he said i'd regret it", "he'll make my life hell". */
const veiled: RuleFn = (s, i) => {
  if (lawGeneric(s, i)) return;
  const said = sentenceHas(s, i, L.SAID) || back(s, i, 8, L.PERSON) >= 0;
  if (!said) return;
  for (const ph of VEILED_PHRASES) {
    const first = ph[0] ?? '';
    const offset = ph.indexOf(at(s, i));
    if (offset < 0 || (offset !== 0 && first !== at(s, i))) {
      if (first !== at(s, i)) continue;
    }
    let ok = true;
    for (let k = 0; k < ph.length; k++) {
      if (rel(s, i, k) !== ph[k]) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    if (first === 'be' && ph[1] === 'free' && backWord(s, i, 3, 'never') < 0 && backWord(s, i, 3, 'not') < 0)
      continue;
    if (first === 'let' && backWord(s, i, 3, 'never') < 0 && backWord(s, i, 3, 'not') < 0) continue;
    if (
      (first === 'find' || first === 'get') &&
      back(s, i, 4, new Set(['will', 'going', 'would', 'always'])) < 0
    )
      continue;
    if (
      (first === 'hurt' || first === 'harm') &&
      back(s, i, 4, new Set(['will', 'going', 'would', 'could'])) < 0
    )
      continue;
    if (first === 'hurt' || first === 'harm') {
      const soon = fwd(s, i, 6, new Set(['tonight', 'now', 'today']));
      if (soon >= 0) {
        hit(s, 'immediate.threat-of-harm', 'immediate');
        return;
      }
    }
    hit(s, 'concern.threat', 'concern');
    return;
  }
};

const escalation: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawGeneric(s, i)) return;
  const p = rel(s, i, -1);
  if (t === 'worse' || t === 'bad') {
    const lead = back(s, i, 3, new Set(['getting', 'got', 'gets', 'gotten', 'worse', 'become', 'becoming']));
    if (lead < 0) return;
    if (t === 'bad' && p !== 'really' && p !== 'so' && p !== 'very' && p !== 'too' && p !== 'more') return;
    if (backWord(s, i, 6, 'back') >= 0 || backWord(s, i, 6, 'pain') >= 0) return;
    hit(s, 'concern.escalation', 'concern');
    return;
  }
  if (t === 'escalating' || t === 'escalated' || t === 'escalate' || t === 'escalation') {
    hit(s, 'concern.escalation', 'concern');
    return;
  }
  if (back(s, i, 6, L.PERSON) < 0) return;
  if (t === 'frequent' || t === 'intense') {
    if (p !== 'more') return;
  }
  hit(s, 'concern.escalation', 'concern');
};

const TRACK_PERSONAL = new Set(['me', 'my', 'i', 'us', 'our', 'we', 'her', 'mine']);
const tracking: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawGeneric(s, i)) return;
  const nx = rel(s, i, 1);
  if (t === 'watching' || t === 'watched' || t === 'watches') {
    if (rel(s, i, -1) === 'being' || rel(s, i, -2) === 'being') {
      hit(s, 'concern.watched', 'concern');
      return;
    }
    watchingNow(s, i);
    return;
  }
  if (t === 'reading' && !(nx === 'my' && DEVICE.has(rel(s, i, 2)))) return;
  if (t === 'access' && !(nx === 'to' && (rel(s, i, 2) === 'my' || rel(s, i, 2) === 'our'))) return;
  if (
    (t === 'photos' || t === 'pictures' || t === 'photographs') &&
    !(nx === 'of' && TRACK_PERSONAL.has(rel(s, i, 2)))
  )
    return;
  if ((t === 'photos' || t === 'pictures' || t === 'photographs') && back(s, i, 4, L.THREAT) >= 0) return;
  if (t === 'logged' && !(nx === 'into' || nx === 'in')) return;
  if ((t === 'recording' || t === 'recorded' || t === 'filming' || t === 'filmed') && !TRACK_PERSONAL.has(nx))
    return;
  if ((t === 'location' || t === 'locations') && !sentenceHas(s, i, TRACK_PERSONAL)) return;
  if ((t === 'track' || t === 'tracks') && !(TRACK_PERSONAL.has(nx) || nx === 'where')) return;
  if (t === 'spy' && !(nx === 'on' || nx === 'app' || nx === 'apps' || nx === 'camera' || nx === 'software'))
    return;
  if ((t === 'camera' || t === 'cameras' || t === 'cctv') && back(s, i, 8, L.PERSON) < 0) return;
  if ((t === 'password' || t === 'passwords' || t === 'icloud') && back(s, i, 8, L.PERSON) < 0) return;
  if (!sentenceHas(s, i, TRACK_PERSONAL) && back(s, i, 8, L.PERSON) < 0) return;
  if (s.law[i] === 1 && !sentenceHas(s, i, TRACK_PERSONAL)) return;
  hit(s, 'concern.tracking', 'concern');
};

/** "air tag" written as two words. */
const airTag: RuleFn = (s, i) => {
  const nx = rel(s, i, 1);
  if (nx !== 'tag' && nx !== 'tags') return;
  if (lawGeneric(s, i)) return;
  hit(s, 'concern.tracking', 'concern');
};

/** "got into my email", "hacked into my phone". */
const intoDevice: RuleFn = (s, i) => {
  const nx = rel(s, i, 1);
  if (!((nx === 'my' || nx === 'our' || nx === 'her') && DEVICE.has(rel(s, i, 2)))) return;
  if (lawGeneric(s, i)) return;
  if (back(s, i, 4, L.PERSON) < 0) return;
  hit(s, 'concern.tracking', 'concern');
};

/** "he knows where i live", "found out my new address", "found me", "tracked me down". */
const knowsWhere: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawGeneric(s, i)) return;
  let k = i + 1;
  if (rel(s, i, 1) === 'out') k++;
  const a = at(s, k);
  const b = at(s, k + 1);
  const c = at(s, k + 2);
  if (s.sEnd[i] !== undefined && k >= (s.sEnd[i] ?? 0)) return;
  const who = new Set(['i', 'we', 'she', 'my', 'me', 'her', 'us']);
  let ok = false;
  if (a === 'where' && (who.has(b) || b === 'the' || b === 'they')) ok = true;
  if (
    (a === 'my' || a === 'her' || a === 'our') &&
    (b === 'address' || c === 'address' || b === 'new' || b === 'location')
  )
    ok = true;
  if (a === 'everything' && (b === 'i' || b === 'we' || b === 'she' || b === BOUNDARY)) ok = true;
  if (a === 'what' && (b === 'i' || b === 'we') && t !== 'tell') ok = true;
  if ((t === 'found' || t === 'finds') && (a === 'me' || a === 'us' || a === 'her') && rel(s, i, 1) !== 'out')
    ok = true;
  if (t === 'tell' || t === 'see' || t === 'sees') ok = ok && a === 'where';
  if (!ok) return;
  if (back(s, i, 6, L.PERSON) < 0) return;
  if (backWord(s, i, 3, 'not') >= 0 || backWord(s, i, 3, 'if') >= 0) return;
  hit(s, 'concern.knows-where', 'concern');
};

const trackedDown: RuleFn = (s, i) => {
  if (rel(s, i, 1) === 'me' && rel(s, i, 2) === 'down') hit(s, 'concern.knows-where', 'concern');
};

const breach: RuleFn = (s, i) => {
  if (lawGeneric(s, i)) return;
  const ord = fwd(s, i, 5, L.ORDER);
  const ordBack = back(s, i, 4, L.ORDER);
  if (ord < 0 && ordBack < 0) return;
  const o = at(s, ord >= 0 ? ord : ordBack);
  if (o === 'contact' && rel(s, i, 1) !== 'no' && rel(s, i, 2) !== 'no') return;
  if (o === 'court' && at(s, i) !== 'ignored' && at(s, i) !== 'ignoring') return;
  if (s.law[i] === 1 && back(s, i, 8, new Set(['he', 'she', 'him', 'my', 'ex', 'they'])) < 0) return;
  if (s.hyp[i] === 1) return; // "if he breaches the SPO, will he go to prison?"
  const p = rel(s, i, -1);
  const first = at(s, s.sStart[i] ?? 0);
  if (
    (p === 'a' || p === 'the') &&
    (first === 'how' || first === 'what' || first === 'can' || first === 'where')
  )
    return;
  hit(s, 'concern.order-breached', 'concern');
};

const stalking: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawGeneric(s, i)) return;
  const nx = rel(s, i, 1);
  const p = rel(s, i, -1);
  if (t === 'stalker') {
    if (p === 'my' || p === 'the' || p === 'her' || p === 'our' || p === 'a') {
      if (p === 'a' && back(s, i, 4, new Set(['have', 'got', 'has'])) < 0) return;
      hit(s, 'concern.stalking', 'concern');
    }
    return;
  }
  const victim = nx === 'me' || nx === 'us' || nx === 'her' || nx === 'my' || nx === 'our' || nx === 'him';
  const passive = p === 'being' || p === 'been' || p === 'was' || p === 'am' || p === 'getting';
  if (!victim && !passive) return;
  if (passive && s.law[i] === 1 && !sentenceHas(s, i, TRACK_PERSONAL)) return;
  // "told people i stalk her", "accused of harassing her": the writer is the one accused
  if (p === 'i' || (p === 'am' && rel(s, i, -2) === 'i') || back(s, i, 6, ACCUSED) >= 0) return;
  // "i was stalked years ago": long over
  if (p === 'was' && fwdWord(s, i, 3, 'ago') >= 0) return;
  hit(s, 'concern.stalking', 'concern');
};

/** "keeps messaging me", "he won't stop", "won't leave me alone", "still contacting me". */
const persistent: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawGeneric(s, i)) return;
  if (t === 'alone') {
    if (rel(s, i, -1) === 'me' && rel(s, i, -2) === 'leave' && backWord(s, i, 5, 'not') >= 0) {
      hit(s, 'concern.stalking', 'concern');
    }
    return;
  }
  if (t === 'stop') {
    if (rel(s, i, -1) !== 'not' || (rel(s, i, -2) !== 'will' && rel(s, i, -2) !== 'does')) return;
    if (back(s, i, 5, L.PERSON) < 0) return;
    hit(s, 'concern.stalking', 'concern');
    return;
  }
  // contact verbs after keeps / still / constantly / always
  const lead = back(s, i, 2, L.KEEPS);
  if (lead < 0) return;
  if (at(s, lead) === 'stop') return;
  const subj = subjectBefore(s, lead + 1, 5);
  const iKeep = at(s, lead - 1) === 'i' || at(s, lead - 1) === 'we';
  if (subj < 0 && !(iKeep && (t === 'messages' || t === 'calls' || t === 'texts' || t === 'letters'))) {
    if (!(iKeep && rel(s, i, -1) === 'getting')) return;
  }
  if (t === 'doing' && at(s, lead) !== 'still') return;
  // "keeps asking for more money": nagging, not stalking
  if (t === 'asking' && rel(s, i, 1) === 'for' && rel(s, i, 2) !== 'me' && rel(s, i, 2) !== 'us') return;
  if (
    (t === 'coming' || t === 'driving' || t === 'walking') &&
    rel(s, i, 1) !== 'past' &&
    rel(s, i, 1) !== 'round'
  )
    if (at(s, lead) !== 'keeps') return;
  hit(s, 'concern.stalking', 'concern');
};

const BUSINESS = new Set(['business', 'shop', 'company', 'brand', 'charity', 'bakery', 'club']);

const contactPattern: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawGeneric(s, i)) return;
  if (t === 'withheld' || t === 'hundreds') {
    hit(s, 'concern.stalking', 'concern');
    return;
  }
  const obj = fwd(s, i, 2, L.CONTACT_OBJ);
  if (obj < 0) return;
  if (!sentenceHas(s, i, L.PERSON) && !sentenceHas(s, i, TRACK_PERSONAL)) return;
  if (t === 'new' && at(s, obj) !== 'accounts' && at(s, obj) !== 'account' && at(s, obj) !== 'numbers')
    return;
  // "i made a new instagram account for my business": the writer's own account
  if (t === 'new' && sentenceHas(s, i, BUSINESS)) return;
  if (t === 'private' && at(s, obj) !== 'number' && at(s, obj) !== 'numbers') return;
  hit(s, 'concern.stalking', 'concern');
};

const CONTACT_PEOPLE = new Set([
  'family',
  'friends',
  'friend',
  'work',
  'boss',
  'mum',
  'dad',
  'kids',
  'colleagues',
  'employer',
  'parents',
  'sister',
  'brother',
  'manager',
  'new',
  'neighbours',
  'school',
  'partner',
]);
/** "messaging my family", "ringing my work", "pretending to be ...". */
const contactOthers: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawGeneric(s, i)) return;
  if (t === 'pretending') {
    if (rel(s, i, 1) === 'to' && rel(s, i, 2) === 'be' && back(s, i, 6, L.PERSON) >= 0)
      hit(s, 'concern.stalking', 'concern');
    return;
  }
  const nx = rel(s, i, 1);
  if (!(nx === 'my' || nx === 'her' || nx === 'our') || !CONTACT_PEOPLE.has(rel(s, i, 2))) return;
  if (subjectBefore(s, i, 5) < 0) return;
  hit(s, 'concern.stalking', 'concern');
};

/** "driving past my house", "hanging around my street", "loitering". */
const loitering: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawGeneric(s, i)) return;
  if (t === 'past') {
    const p = rel(s, i, -1);
    const moving = new Set([
      'driving',
      'drives',
      'drove',
      'walking',
      'walks',
      'walked',
      'drive',
      'walk',
      'cycling',
    ]);
    if (!moving.has(p)) return;
    if (subjectBefore(s, i - 1, 5) < 0) return;
    hit(s, 'concern.loitering', 'concern');
    return;
  }
  if (t === 'around' || t === 'round' || t === 'about') {
    const p = rel(s, i, -1);
    if (p !== 'hanging' && p !== 'hangs' && p !== 'hung' && p !== 'lurking') return;
    if (subjectBefore(s, i - 1, 5) < 0) return;
    hit(s, 'concern.loitering', 'concern');
    return;
  }
  if (subjectBefore(s, i, 5) < 0) return;
  hit(s, 'concern.loitering', 'concern');
};

/** Things left or sent: "left flowers on my doorstep", "a picture of my front door". */
const leftThings: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawGeneric(s, i)) return;
  if (t === 'picture' || t === 'photo' || t === 'pictures' || t === 'photos' || t === 'video') {
    if (rel(s, i, 1) !== 'of') return;
    const o = rel(s, i, 2);
    const o2 = rel(s, i, 3);
    const places = new Set([
      'house',
      'door',
      'car',
      'street',
      'flat',
      'kids',
      'work',
      'home',
      'front',
      'garden',
    ]);
    if ((o === 'my' || o === 'our' || o === 'her') && (places.has(o2) || places.has(rel(s, i, 4)))) {
      if (back(s, i, 6, L.PERSON) >= 0) hit(s, 'concern.watched', 'concern');
    }
    return;
  }
  const lead = back(
    s,
    i,
    8,
    new Set([
      'left',
      'leaving',
      'leaves',
      'put',
      'puts',
      'putting',
      'delivered',
      'posted',
      'sent',
      'sends',
      'sending',
      'dumped',
    ]),
  );
  if (lead < 0) return;
  if (back(s, lead, 5, L.PERSON) < 0 && rel(s, lead, -1) !== 'keeps') return;
  hit(s, 'concern.things-left', 'concern');
};

const damage: RuleFn = (s, i) => {
  if (lawGeneric(s, i)) return;
  const own = fwd(s, i, 2, new Set(['my', 'her', 'our']));
  if (own < 0) return;
  if (fwd(s, own, 2, L.PROPERTY) < 0 && at(s, own + 1) !== 'cat' && at(s, own + 1) !== 'dog') return;
  if (subjectBefore(s, i, 5) < 0) return;
  hit(s, 'concern.damage', 'concern');
};

const released: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawGeneric(s, i)) return;
  if (t === 'released' || t === 'release') {
    if (back(s, i, 6, L.PERSON) < 0) return;
    if (
      fwd(
        s,
        i,
        3,
        new Set(['statement', 'guidance', 'report', 'film', 'album', 'song', 'job', 'contract', 'team']),
      ) >= 0
    )
      return;
    hit(s, 'concern.released', 'concern');
    return;
  }
  // prison / jail: "out of prison", "in prison for", "got out of jail"
  const p = rel(s, i, -1);
  const p2 = rel(s, i, -2);
  if ((p === 'of' && p2 === 'out') || (p === 'from' && rel(s, i, -2) === 'released')) {
    hit(s, 'concern.released', 'concern');
    return;
  }
  if (
    p === 'in' &&
    rel(s, i, 1) === 'for' &&
    back(s, i, 5, L.PERSON) >= 0 &&
    !isGenericWord(at(s, back(s, i, 5, L.PERSON)))
  )
    hit(s, 'concern.released', 'concern');
};

/** "i can't leave the house", "too scared to go out". */
const confined: RuleFn = (s, i) => {
  if (lawGeneric(s, i)) return;
  const nx = rel(s, i, 1);
  const nx2 = rel(s, i, 2);
  const t = at(s, i);
  const ok =
    (t === 'leave' &&
      (nx === 'the' || nx === 'my') &&
      (nx2 === 'house' || nx2 === 'flat' || nx2 === 'home')) ||
    (t === 'go' && (nx === 'out' || nx === 'outside'));
  if (!ok) return;
  if (back(s, i, 5, new Set(['not', 'scared', 'frightened', 'afraid', 'terrified', 'never'])) < 0) return;
  if (back(s, i, 8, new Set(['i', 'we', 'me'])) < 0) return;
  hit(s, 'concern.fear', 'concern');
};

const POSTURE = new Set([
  'sat',
  'sitting',
  'stood',
  'standing',
  'waiting',
  'parked',
  'lurking',
  'hiding',
  'crouching',
]);
const POSTURE_PREP = new Set([
  'at',
  'in',
  'on',
  'outside',
  'by',
  'near',
  'across',
  'opposite',
  'down',
  'up',
  'over',
  'behind',
]);

/** "he's stood at the end of my drive", "he is sat in his van", "he's waiting by my car". */
const posture: RuleFn = (s, i) => {
  const prep = fwd(s, i, 2, POSTURE_PREP);
  if (prep < 0) return;
  if (fwd(s, prep, 3, new Set(['my', 'the', 'his', 'her', 'our', 'your', 'me'])) < 0) return;
  if (at(s, prep + 1) === 'home' || at(s, prep + 1) === 'work') return;
  const subj = subjectBefore(s, i, 5);
  if (subj < 0 || negatedBetween(s, subj, i)) return;
  if (isGenericWord(at(s, subj)) && (s.law[i] === 1 || s.hyp[i] === 1)) return;
  if (!presentBetween(s, subj, i) && tense(s, i, subj, i + 8) !== 'present') {
    hit(s, 'concern.presence-past', 'concern');
    return;
  }
  nowOrPast(s, i, subj, 'immediate.presence', 'concern.presence-past');
};

const PROWL = new Set([
  'walking',
  'pacing',
  'circling',
  'prowling',
  'creeping',
  'sneaking',
  'driving',
  'going',
  'hanging',
]);
/** "he's walking round the car", "he keeps circling the block", "hanging about outside". */
const prowling: RuleFn = (s, i) => {
  const t = at(s, i);
  if (t === 'circling' || t === 'prowling') {
    const subj = subjectBefore(s, i, 5);
    if (subj >= 0 && !lawGeneric(s, i)) nowOrPast(s, i, subj, 'immediate.presence', 'concern.loitering');
    return;
  }
  // round / around / about
  const p = rel(s, i, -1);
  if (!PROWL.has(p)) return;
  const nx = rel(s, i, 1);
  if (!(nx === 'it' || nx === 'the' || nx === 'my' || nx === 'outside' || nx === 'our' || nx === 'her'))
    return;
  const subj = subjectBefore(s, i - 1, 5);
  if (subj < 0 || lawGeneric(s, i)) return;
  if (presentBetween(s, subj, i) && tense(s, i, subj, i + 6) !== 'past' && p !== 'hanging') {
    hit(s, 'immediate.presence', 'immediate');
    return;
  }
  hit(s, 'concern.loitering', 'concern');
};

const GRAVE = new Set([
  'ground',
  'hospital',
  'grave',
  'box',
  'coffin',
  'morgue',
  'ditch',
  'bodybag',
  'wheelchair',
]);
/** Death threats in slang: "put me in the ground", "do me in", "finish me off". */
const putMeIn: RuleFn = (s, i) => {
  const t = at(s, i);
  const nx = rel(s, i, 1);
  if (!(nx === 'me' || nx === 'you' || nx === 'her' || nx === 'us')) return;
  if (lawGeneric(s, i)) return;
  if (t === 'put') {
    if (rel(s, i, 2) !== 'in' || !GRAVE.has(rel(s, i, 4))) return;
  } else if (t === 'do') {
    if (rel(s, i, 2) !== 'in') return;
  } else if (rel(s, i, 2) !== 'off') return; // finish me off
  if (back(s, i, 8, L.PERSON) < 0) return;
  hit(s, 'immediate.threat-to-kill', 'immediate');
};

/** "he will hear me", "he's listening": the person cannot talk freely. */
const overheard: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawOnly(s, i)) return;
  if (t === 'hear') {
    const modal = rel(s, i, -1);
    if (!(modal === 'will' || modal === 'might' || modal === 'could' || modal === 'can' || modal === 'would'))
      return;
    if (!L.PERSON.has(rel(s, i, -2))) return;
    const nx = rel(s, i, 1);
    if (!(nx === 'me' || nx === 'us' || nx === 'it' || nx === 'this' || nx === BOUNDARY)) return;
    hit(s, 'immediate.cannot-talk', 'immediate');
    return;
  }
  // listening
  const subj = subjectBefore(s, i, 3);
  if (subj < 0 || !presentBetween(s, subj, i)) return;
  const nx = rel(s, i, 1);
  if (nx === 'to' && rel(s, i, 2) !== 'me' && rel(s, i, 2) !== 'us') return;
  hit(s, 'immediate.cannot-talk', 'immediate');
};

/** "nobody would care if i died", "better off without me", "i want to disappear forever". */
const selfWorth: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawOnly(s, i)) return;
  if (t === 'died' || t === 'gone' || t === 'die' || t === 'dead') {
    if (rel(s, i, -1) !== 'i' && !(rel(s, i, -1) === 'was' && rel(s, i, -2) === 'i')) return;
    if (back(s, i, 4, new Set(['if'])) < 0) return;
    if (back(s, i, 7, new Set(['care', 'notice', 'miss', 'better', 'matter', 'bothered'])) < 0) return;
    hit(s, 'immediate.self-harm', 'immediate');
    return;
  }
  if (t === 'without') {
    if (rel(s, i, 1) === 'me' && rel(s, i, -1) === 'off' && rel(s, i, -2) === 'better')
      hit(s, 'immediate.self-harm', 'immediate');
    return;
  }
  // disappear
  if (back(s, i, 4, new Set(['want', 'wanna', 'wish'])) < 0) return;
  if (back(s, i, 6, new Set(['i'])) < 0) return;
  if (fwd(s, i, 2, new Set(['forever', 'good', 'permanently'])) >= 0)
    hit(s, 'immediate.self-harm', 'immediate');
  else hit(s, 'concern.low-mood', 'concern');
};

/** "my order isn't stopping him", "even though there's an order", "despite the non-mol". */
const orderIgnored: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawGeneric(s, i) || s.hyp[i] === 1) return;
  if (t === 'stopping' || t === 'working') {
    if (rel(s, i, -1) !== 'not' || back(s, i, 6, L.ORDER) < 0) return;
    hit(s, 'concern.order-breached', 'concern');
    return;
  }
  // despite / though
  if (t === 'though' && rel(s, i, -1) !== 'even') return;
  if (fwd(s, i, 6, L.ORDER) < 0) return;
  hit(s, 'concern.order-breached', 'concern');
};

/** "the police say there's nothing they can do", "it's been going on for 2 years". */
const ongoing: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawGeneric(s, i)) return;
  if (t === 'nothing') {
    if (back(s, i, 8, new Set(['police', 'they', 'court', 'nobody'])) < 0) return;
    if (fwd(s, i, 4, new Set(['do', 'done', 'doing', 'happened'])) < 0) return;
    if (!sentenceHas(s, i, L.PERSON) && !sentenceHas(s, i, new Set(['police']))) return;
    hit(s, 'concern.ongoing', 'concern');
    return;
  }
  // "going on for" + time
  if (rel(s, i, -1) !== 'going' || rel(s, i, 1) !== 'for') return;
  if (fwd(s, i, 4, new Set(['years', 'months', 'weeks', 'year', 'month', 'ages'])) < 0) return;
  hit(s, 'concern.ongoing', 'concern');
};

/** "he knows stuff he shouldn't know", "he knows things only i would know". */
const knowsTooMuch: RuleFn = (s, i) => {
  if (lawGeneric(s, i)) return;
  if (back(s, i, 8, L.PERSON) < 0) return;
  const nxWhere = fwd(s, i, 8, new Set(['where']));
  if (nxWhere >= 0 && new Set(['i', 'we', 'she', 'my']).has(at(s, nxWhere + 1))) {
    hit(s, 'concern.knows-where', 'concern');
    return;
  }
  const should = fwd(s, i, 5, new Set(['should', 'shouldnt']));
  if (should >= 0 && (rel(s, should, 1) === 'not' || at(s, should) === 'shouldnt'))
    hit(s, 'concern.knows-where', 'concern');
};

// ---- dispatch table ------------------------------------------------------------------------

const YOUNG = new Set([...L.CHILD, 'bro', 'brother', 'sis', 'sister', 'cousin']);
const SIBLING = new Set(['sister', 'brother', 'bro', 'sis', 'cousin']);
const NIGHT_HOURS = new Set(['1', '2', '3', '4', '5']);

/** "he hit my little sister": harm to a younger sibling is harm to a child. */
const youngSibling: RuleFn = (s, i) => {
  const p = rel(s, i, -1);
  if (!(p === 'little' || p === 'baby' || p === 'younger')) return;
  if (lawGeneric(s, i) || back(s, i, 5, L.CHILD_HARM) < 0) return;
  hit(s, 'immediate.child-harm', 'immediate');
};

/** "he keeps ringing the bell. it's 3am.": at the door in the small hours. */
const nightCaller: RuleFn = (s, i) => {
  if (lawGeneric(s, i)) return;
  if (fwd(s, i, 3, new Set(['bell', 'doorbell', 'door', 'buzzer', 'window'])) < 0) return;
  if (back(s, i, 4, L.PERSON) < 0) return;
  for (let k = 0; k + 1 < s.n; k++) {
    const t = at(s, k);
    if (NIGHT_HOURS.has(t) && at(s, k + 1) === 'am') {
      hit(s, 'immediate.presence', 'immediate');
      return;
    }
  }
};

/** "gonna cut tonight", "want to cut again": self-harm intent without naming the body. */
const cutIntent: RuleFn = (s, i) => {
  if (rel(s, i, -1) !== 'to' || lawGeneric(s, i)) return;
  const nx = rel(s, i, 1);
  if (!(nx === BOUNDARY || nx === '' || nx === 'tonight' || nx === 'again' || nx === 'myself')) return;
  hit(s, 'immediate.self-harm', 'immediate');
};

/** "pills r in my hand", "the tablets are ready": the means in hand. */
const pillsReady: RuleFn = (s, i) => {
  if (lawGeneric(s, i)) return;
  if (fwd(s, i, 5, new Set(['hand', 'hands', 'ready', 'counted', 'lined'])) < 0) return;
  hit(s, 'immediate.self-harm', 'immediate');
};

/** "he has taken my sister and i do not know where": someone taken, whereabouts unknown. */
const takenAway: RuleFn = (s, i) => {
  if (rel(s, i, -1) !== 'know' || lawGeneric(s, i)) return;
  if (back(s, i, 4, L.NEGATION) < 0) return;
  if (back(s, i, 14, new Set(['taken', 'took', 'snatched', 'abducted'])) < 0) return;
  hit(s, 'immediate.child-harm', 'immediate');
};

const FRAGMENT_STATE = new Set(['outside', 'inside', 'followed', 'following', 'downstairs', 'behind']);
const FRAGMENT_URGENT = new Set(['now', 'help', 'sos', 'please', 'quick', 'hurry']);

/**
 * A whole message of a few words, a danger state and an urgent word: "outside. now.",
 * "followed. help." Someone typing fast under threat drops the subject. Not when the writer is
 * the subject ("i'm outside now").
 */
const fragment: RuleFn = (s, i) => {
  if (s.n > 10 || s.law[i] === 1) return;
  let real = 0;
  let state = false;
  for (let k = 0; k < s.n; k++) {
    const t = at(s, k);
    if (t === BOUNDARY) continue;
    real++;
    if (L.FIRST_SUBJECT.has(t) || t === 'am' || t === 'we') return;
    if (FRAGMENT_STATE.has(t)) state = true;
  }
  if (real <= 4 && state) hit(s, 'immediate.fragment', 'immediate');
};

const RULES: readonly Rule[] = [
  { triggers: L.PLACE, fn: presence },
  { triggers: L.BUILDING, fn: presence },
  { triggers: ['here', 'there', 'back', 'hear'], fn: here },
  { triggers: L.FOLLOWING, fn: following },
  { triggers: ['followed', 'follows', 'follow', 'chased', 'chases'], fn: followedSimple },
  { triggers: [...L.COMING, 'come'], fn: coming },
  { triggers: ['way', 'away'], fn: onTheWay },
  { triggers: L.ARRIVE, fn: arrival },
  { triggers: L.BREAK, fn: breakIn },
  { triggers: L.VIOLENT_ING, fn: violenceNow },
  { triggers: L.VIOLENT_PAST, fn: violencePast },
  { triggers: L.WEAPON, fn: weapon },
  { triggers: L.KILL, fn: killThreat },
  { triggers: ['dead', 'die', 'dying', 'live'], fn: deathThreat },
  { triggers: L.STRANGLE, fn: strangle },
  { triggers: L.NECK, fn: neck },
  { triggers: L.CHILD, fn: childHarm },
  { triggers: L.HIDING, fn: hiding },
  { triggers: L.LOCKED, fn: locked },
  { triggers: L.SAFE, fn: notSafe },
  { triggers: L.HELP, fn: helpPlea },
  { triggers: [...L.CALL, 'need', 'want'], fn: callPolice },
  { triggers: L.SPEAK_VERBS, fn: cantTalk },
  { triggers: ['emergency'], fn: emergency },
  { triggers: L.SELF_HARM_WORDS, fn: selfHarmWord },
  { triggers: SELF_OBJ, fn: selfObject },
  { triggers: ['life', 'end', 'ending'], fn: endLife },
  { triggers: ['die', 'dead', 'alive', 'live', 'living', 'anymore', 'exist'], fn: dieWish },
  { triggers: ['pills', 'tablets', 'paracetamol', 'jump', 'self', 'go'], fn: selfHarmAct },
  { triggers: L.FEAR, fn: fear },
  { triggers: L.THREAT, fn: threat },
  { triggers: [...new Set(VEILED_PHRASES.map((p) => p[0] ?? ''))], fn: veiled },
  { triggers: L.ESCALATE, fn: escalation },
  { triggers: L.TRACK, fn: tracking },
  { triggers: ['air'], fn: airTag },
  { triggers: ['into'], fn: intoDevice },
  { triggers: L.KNOW, fn: knowsWhere },
  { triggers: ['tracked'], fn: trackedDown },
  { triggers: L.BREACH, fn: breach },
  { triggers: L.STALK, fn: stalking },
  { triggers: [...L.CONTACT_VERB, 'alone', 'stop'], fn: persistent },
  { triggers: L.CONTACT_NOUN, fn: contactPattern },
  {
    triggers: [
      'messaging',
      'texting',
      'calling',
      'ringing',
      'phoning',
      'contacting',
      'emailing',
      'pretending',
    ],
    fn: contactOthers,
  },
  { triggers: ['past', 'around', 'round', 'about', 'loitering', 'lurking'], fn: loitering },
  {
    triggers: [
      'doorstep',
      'windscreen',
      'picture',
      'photo',
      'pictures',
      'photos',
      'video',
      'notes',
      'note',
      'letters',
      'gifts',
      'flowers',
    ],
    fn: leftThings,
  },
  { triggers: L.DAMAGE, fn: damage },
  { triggers: ['released', 'release', 'prison', 'jail'], fn: released },
  { triggers: ['leave', 'go'], fn: confined },
  { triggers: POSTURE, fn: posture },
  { triggers: ['round', 'around', 'about', 'circling', 'prowling'], fn: prowling },
  { triggers: ['put', 'do', 'finish'], fn: putMeIn },
  { triggers: ['hear', 'listening'], fn: overheard },
  { triggers: ['died', 'gone', 'die', 'dead', 'without', 'disappear'], fn: selfWorth },
  { triggers: ['stopping', 'working', 'despite', 'though'], fn: orderIgnored },
  { triggers: ['nothing', 'on'], fn: ongoing },
  { triggers: ['knows', 'know'], fn: knowsTooMuch },
  { triggers: FRAGMENT_URGENT, fn: fragment },
  { triggers: SIBLING, fn: youngSibling },
  { triggers: ['ringing', 'knocking', 'banging', 'buzzing', 'tapping'], fn: nightCaller },
  { triggers: ['cut', 'cutting'], fn: cutIntent },
  { triggers: L.PILLS, fn: pillsReady },
  { triggers: ['where'], fn: takenAway },
  ...FRAME_RULES,
  ...COVERT_RULES,
];

/** Built once at module load: trigger word -> rules it starts. */
const DISPATCH: ReadonlyMap<string, readonly RuleFn[]> = (() => {
  const m = new Map<string, RuleFn[]>();
  for (const r of RULES) {
    for (const t of r.triggers) {
      const list = m.get(t);
      if (list === undefined) m.set(t, [r.fn]);
      else if (!list.includes(r.fn)) list.push(r.fn);
    }
  }
  return m;
})();

/** All words any rule starts from (they are spelling targets too). */
export const TRIGGER_WORDS: ReadonlySet<string> = new Set(DISPATCH.keys());
setTriggerWords(TRIGGER_WORDS);

export function runRules(s: Scan): void {
  for (let i = 0; i < s.n; i++) {
    const fns = DISPATCH.get(s.w[i] ?? '');
    if (fns === undefined) continue;
    // "in the film he broke into her house": a story, not the writer's danger.
    if (isStory(s, i)) continue;
    // "my neighbour's cat keeps coming into my house": an animal is the one doing it.
    if (animalSubject(s, i)) continue;
    // "my little bro is outside playing footy": a child at play, not a threat
    if (rel(s, i, 1) === 'playing' && back(s, i, 4, YOUNG) >= 0) continue;
    for (const fn of fns) fn(s, i);
  }
  runNumberFrames(s);
}

const ANIMAL = new Set([
  'cat',
  'cats',
  'dog',
  'dogs',
  'puppy',
  'kitten',
  'hamster',
  'rabbit',
  'bird',
  'fox',
  'foxes',
  'squirrel',
  'mouse',
  'mice',
  'rat',
  'rats',
]);

/**
 * True when the sentence's subject is an animal ("my cat is hiding under the bed", "lol the dog's
 * at the door") and no person word stands between it and the trigger at i.
 */
function animalSubject(s: Scan, i: number): boolean {
  const start = s.sStart[i] ?? 0;
  let pet = -1;
  for (let k = start; k < Math.min(i, start + 4); k++) {
    if (ANIMAL.has(at(s, k))) {
      pet = k;
      break;
    }
  }
  if (pet < 0) {
    // "it's probably nothing but my neighbour's cat has been sitting outside my door": the nearest
    // subject before the trigger is an animal
    const lo = Math.max(start, i - 8);
    for (let k = i - 1; k >= lo; k--) {
      const w = at(s, k);
      if (L.PERSON.has(w) || L.FIRST_SUBJECT.has(w)) return false;
      if (ANIMAL.has(w)) return k + 1 < s.n && (at(s, k + 1) === 'is' || at(s, k + 1) === 'has');
    }
    return false;
  }
  for (let k = pet + 1; k < i; k++) if (L.PERSON.has(at(s, k)) || L.FIRST_SUBJECT.has(at(s, k))) return false;
  return true;
}

/** True when any sentence is a law question (reported as a context rule). */
export function hasLawQuestion(s: Scan): boolean {
  for (let i = 0; i < s.n; i++) if (s.law[i] === 1) return true;
  return false;
}
