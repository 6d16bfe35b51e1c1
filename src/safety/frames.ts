/**
 * General frames: danger described by word classes, not by fixed phrases.
 *
 * A frame fires when one word of each class meets inside a small window of the same sentence:
 * - intrusion: forcing verb + way in ("booting the back door in", "jumped over the wall")
 * - presence: person + being-there verb + locative + place ("he's round the back of the house")
 * - arrival: person + has/is + arrival verb ("he's found me", "he's turned up", "nearly here")
 * - on the way: movement + destination or purpose ("leaving now to come to mine", "en route")
 * - captivity, smothering, hiding places, child harm and abduction, death-threat idioms,
 *   self-harm intent, and a few concern frames (where I am, looking for me, N texts a day).
 *
 * Every frame is triggered by one word and looks at most ~12 words around it, so a message still
 * costs O(tokens). Rule ids never contain user text.
 */
import * as L from './lexicon.ts';
import { BOUNDARY } from './normalise.ts';
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
  presentBetween,
  type Rule,
  type RuleFn,
  rel,
  type Scan,
  sentenceHas,
  subjectBefore,
  tense,
} from './scan.ts';

// ---- shared checks ---------------------------------------------------------------------------

const FIRST_PERSON = new Set(['i', 'me', 'my', 'we', 'us', 'our', 'mine']);
const FIRST_OBJECT = new Set(['me', 'my', 'us', 'our', 'mine']);
const NOW_WORD = new Set(['now', 'right', 'tonight', 'currently', 'moment']);

/**
 * "in the film he broke into her house": a film, book or show is named within 10 words and the
 * writer is not in the picture (no "me / my / i" near the trigger, no "now").
 */
export function isStory(s: Scan, i: number): boolean {
  const lo = Math.max(s.sStart[i] ?? 0, i - 10);
  const hi = Math.min(s.sEnd[i] ?? 0, i + 11);
  if ((s.mediaBefore[hi] ?? 0) - (s.mediaBefore[lo] ?? 0) === 0) return false;
  // "i was watching a film and now he's outside my house": the writer is in it
  // ("in my novel", "had me screaming" do not put the writer in the story)
  const fp = back(s, i, 4, FIRST_PERSON);
  if (fp >= 0 && !L.MEDIA.has(at(s, fp + 1))) return false;
  const fo = fwd(s, i, 4, FIRST_OBJECT);
  if (fo >= 0 && !L.MEDIA.has(at(s, fo + 1)) && at(s, fo - 1) !== 'had') return false;
  if (back(s, i, 6, NOW_WORD) >= 0 || fwd(s, i, 6, NOW_WORD) >= 0) return false;
  return true;
}

/** Long ago: "years ago", "last month", "when we were together", "used to". */
function farPast(s: Scan, i: number): boolean {
  return (
    fwdWord(s, i, 10, 'years') >= 0 ||
    fwdWord(s, i, 10, 'year') >= 0 ||
    fwdWord(s, i, 10, 'months') >= 0 ||
    fwdWord(s, i, 10, 'month') >= 0 ||
    backWord(s, i, 6, 'used') >= 0 ||
    backWord(s, i, 8, 'when') >= 0 ||
    fwdWord(s, i, 8, 'together') >= 0
  );
}

/**
 * The person doing something at i: a danger person or name before it (subjectBefore), whose
 * subject is not a helper ("the taxi driver", "my sister"). -1 when there is none.
 */
function threatActor(s: Scan, i: number, dist: number): number {
  const subj = subjectBefore(s, i, dist);
  if (subj < 0) return -1;
  // "my sister is on her way": the nearest noun before the pronoun is a helper, not a threat.
  const t = at(s, subj);
  if (t === 'her' || t === 'his' || t === 'she' || t === 'they' || t === 'their') {
    const lo = Math.max(s.sStart[i] ?? 0, subj - 4);
    for (let j = subj - 1; j >= lo; j--) {
      if (L.NOT_THREAT.has(at(s, j))) return -1;
      if (L.PERSON.has(at(s, j))) break;
    }
  }
  if (L.NOT_THREAT.has(at(s, subj + 1)) || L.NOT_THREAT.has(t)) return -1;
  return subj;
}

function skip(s: Scan, i: number): boolean {
  return lawGeneric(s, i) || isStory(s, i);
}

/** Present or no tense -> immediate; past -> concern (far past or recent). */
function nowOrPastHit(s: Scan, i: number, subj: number, id: string, pastId: string): void {
  const t = tense(s, i, subj - 2, i + 8);
  if (t === 'past' && !presentBetween(s, subj, i)) hit(s, pastId, 'concern');
  else hit(s, id, 'immediate');
}

// ---- intrusion -------------------------------------------------------------------------------

const IN_NOT_ENTRY = new Set([
  'touch',
  'trouble',
  'contact',
  'line',
  'time',
  'bed',
  'shape',
  'love',
  'debt',
  'charge',
  'tears',
  'half',
  'two',
  'pieces',
  'shoes',
  'boots',
  'case',
  'mind',
  'front',
]);
const DET = new Set(['the', 'my', 'our', 'her', 'his', 'a', 'me', 'their', 'this', 'that', 'mums', 'nans']);
const INTO_PLACE = new Set([
  'house',
  'home',
  'flat',
  'place',
  'room',
  'bedroom',
  'bathroom',
  'kitchen',
  'garden',
  'building',
  'garage',
  'shed',
  'apartment',
  'property',
  'loft',
  'hall',
  'hallway',
  'lounge',
  'back',
  'front',
  'mine',
  'house',
]);
const CAR = new Set(['car', 'van', 'truck', 'cars']);
const SKIP_TO_ENTRY = new Set([
  'straight',
  'right',
  'the',
  'my',
  'our',
  'her',
  'a',
  'me',
  'back',
  'front',
  'side',
  'kitchen',
  'bedroom',
  'bathroom',
  'french',
  'living',
  'room',
  'patio',
  'garden',
  'open',
  'down',
  'up',
  'over',
  'off',
  'through',
  'to',
  'get',
  'at',
  'on',
  'its',
  'bloody',
  'fucking',
  'effing',
  'whole',
  'upstairs',
  'downstairs',
  'window',
  'car',
]);

/** "in" as a way in: "breaking in right now", "got in through the back", not "got in the car". */
function inIsEntry(s: Scan, k: number): boolean {
  const b = rel(s, k, 1);
  if (IN_NOT_ENTRY.has(b)) return false;
  if (DET.has(b)) {
    const c = rel(s, k, 2);
    const d = rel(s, k, 3);
    return INTO_PLACE.has(c) || INTO_PLACE.has(d) || L.ENTRY_POINT.has(c) || L.ENTRY_POINT.has(d);
  }
  return true;
}

/** Finds the way in after a forcing verb at i: index of the entry word, or -1. */
function entryAfter(s: Scan, i: number, strong: boolean): number {
  const hi = Math.min((s.sEnd[i] ?? 0) - 1, i + 5);
  for (let k = i + 1; k <= hi; k++) {
    const w = at(s, k);
    if (w === 'in' || w === 'inside') return inIsEntry(s, k) ? k : -1;
    if (w === 'into') {
      const b = rel(s, k, 1);
      const c = rel(s, k, 2);
      return INTO_PLACE.has(b) || INTO_PLACE.has(c) || L.ENTRY_POINT.has(c) ? k : -1;
    }
    if (L.ENTRY_POINT.has(w)) {
      if (CAR.has(rel(s, k, -1))) return strong ? k : -1;
      return k;
    }
    if (w === 'over' && strong) continue;
    if (!SKIP_TO_ENTRY.has(w)) return -1;
  }
  return -1;
}

const PET = new Set(['cat', 'dog', 'cats', 'dogs', 'puppy', 'kitten', 'fox', 'bird', 'wind']);

const WEAK_NEED_POINT = new Set([
  'open',
  'opening',
  'opened',
  'try',
  'trying',
  'tried',
  'rattle',
  'rattling',
  'rattled',
  'push',
  'pushing',
  'pushed',
  'pull',
  'pulling',
]);
const ING_ALONE = new Set([
  'breaking',
  'kicking',
  'smashing',
  'forcing',
  'booting',
  'busting',
  'barging',
  'ramming',
  'prising',
  'climbing',
  'trying',
  'rattling',
  'getting',
  'battering',
]);

const intrusion: RuleFn = (s, i) => {
  const t = at(s, i);
  const strong = L.INTRUDE_STRONG.has(t);
  if (t === 'trying' || t === 'tried' || t === 'try') {
    // "trying to get in": the verb after "to" carries it
    if (rel(s, i, 1) === 'to') return;
  }
  const e = entryAfter(s, i, strong);
  if (e < 0) return;
  const ew = at(s, e);
  if (WEAK_NEED_POINT.has(t) && !L.ENTRY_POINT.has(ew)) return;
  if ((t === 'let' || t === 'letting') && !(rel(s, i, 1) === 'himself' || rel(s, i, 1) === 'herself')) return;
  if (
    (t === 'jump' || t === 'jumping' || t === 'jumped' || t === 'hop' || t === 'hopping' || t === 'hopped') &&
    ew === 'in'
  )
    return; // "jump in the shower"
  if (skip(s, i)) return;
  let subj = threatActor(s, i, 8);
  if (subj < 0) {
    // "to get in": look from the verb that leads it ("he's trying to get in")
    const lead = back(
      s,
      i,
      3,
      new Set(['trying', 'tried', 'try', 'tryna', 'wants', 'want', 'going', 'attempting']),
    );
    if (lead >= 0) subj = threatActor(s, lead, 8);
  }
  if (subj < 0) {
    // "my son keeps trying the door handle", "my cat got in through the window": not a person to fear
    if (back(s, i, 4, L.CHILD) >= 0 || back(s, i, 4, L.NOT_THREAT) >= 0 || back(s, i, 4, PET) >= 0) return;
    const lead = back(s, i, 3, ING_ALONE);
    if (!ING_ALONE.has(t) && lead < 0) return;
    if (back(s, i, 6, L.FIRST_SUBJECT) >= 0) return; // "I'm trying to get in touch"
    subj = i;
  }
  if (subj < i && negatedBetween(s, subj, i)) return;
  if (s.hyp[i] === 1 && tense(s, i, i - 6, i + 6) !== 'present') return;
  const car = CAR.has(rel(s, e, -1)) || CAR.has(rel(s, e, -2));
  const tn = tense(s, i, subj - 2, i + 8);
  if (tn === 'past' && !presentBetween(s, subj, i)) {
    if (farPast(s, i) || car || backWord(s, i, 4, 'was') >= 0) {
      hit(s, car ? 'concern.damage' : 'concern.break-in-past', 'concern');
      return;
    }
  }
  hit(s, 'immediate.break-in', 'immediate');
};

// ---- presence --------------------------------------------------------------------------------

const SEE = new Set(['seen', 'see', 'saw', 'spotted', 'noticed', 'seeing', 'spot']);
const OWNER = new Set(['my', 'our', 'the', 'her', 'me', 'this', 'that', 'mums', 'nans', 'sisters', 'kids']);

/** "he's round the back of the house", "at the end of my road", "in the loft", "at mine". */
const placeFrame: RuleFn = (s, i) => {
  const t = at(s, i);
  let k = i - 1;
  let owned = t === 'mine';
  const lo = Math.max(s.sStart[i] ?? 0, i - 6);
  while (k >= lo && L.PLACE_MODIFIER.has(at(s, k))) {
    if (OWNER.has(at(s, k))) owned = true;
    k--;
  }
  if (k < lo || !L.LOCATIVE.has(at(s, k))) return;
  if (!owned) return; // "he's at home", "at work", "in hospital": his own places
  if (at(s, k) === 'past' && !owned) return;
  if (t === 'close' && at(s, i - 1) !== 'the') return;
  if (t === 'stop' && at(s, i - 1) !== 'bus') return;
  if (t === 'park' && at(s, i - 1) !== 'car' && k !== i - 2) return;
  if (skip(s, i)) return;
  const subj = threatActor(s, k, 8);
  if (subj < 0) return;
  if (negatedBetween(s, subj, k)) return;
  if (isGenericWord(at(s, subj)) && (s.law[i] === 1 || s.hyp[i] === 1)) return;
  // something between the person and the place must say they are (or just got) there
  let being = false;
  for (let j = subj + 1; j < k; j++) if (L.PRESENCE_VERB.has(at(s, j))) being = true;
  // "i've just seen him at the end of my street", "i can see him in the garden"
  const seen =
    SEE.has(rel(s, subj, -1)) && (at(s, subj) === 'him' || at(s, subj) === 'her' || at(s, subj) === 'them');
  if (seen) {
    if (back(s, subj, 4, new Set(['just', 'can', 'now', 'right'])) >= 0 || fwd(s, i, 4, NOW_WORD) >= 0) {
      hit(s, 'immediate.presence', 'immediate');
      return;
    }
    being = true;
  }
  if (!being) return;
  nowOrPastHit(s, i, subj, 'immediate.presence', 'concern.presence-past');
};

const HERE_SKIP = new Set([
  'right',
  'already',
  'just',
  'still',
  'nearly',
  'almost',
  'literally',
  'actually',
  'finally',
  'basically',
  'now',
  'back',
  'probably',
  'definitely',
]);

/** "he's still here", "he's nearly here", "she says he's almost here". */
const hereFrame: RuleFn = (s, i) => {
  let k = i - 1;
  const lo = s.sStart[i] ?? 0;
  let skipped = 0;
  while (k >= lo && HERE_SKIP.has(at(s, k))) {
    k--;
    skipped++;
  }
  if (skipped === 0) return; // plain "he's here" is handled by the here rule
  const be = at(s, k);
  if (!(L.BE_PRESENT.has(be) || be === 'be' || be === 'getting')) return;
  const subj = threatActor(s, k + 1, 3);
  if (subj < 0) return;
  if (lawGeneric(s, i)) return;
  nowOrPastHit(s, i, subj, 'immediate.presence', 'concern.presence-past');
};

const IN_END = new Set([
  BOUNDARY,
  'and',
  'now',
  'again',
  'already',
  'somehow',
  'here',
  'but',
  'i',
  'im',
  'he',
  'omg',
  'please',
  'help',
]);

/** "the back door's open and i think he's in", "he's inside", "he's in!!". */
const heIsIn: RuleFn = (s, i) => {
  const nx = rel(s, i, 1);
  if (!IN_END.has(nx)) return;
  if (
    at(s, i) === 'in' &&
    (nx === 'and' || nx === 'i') &&
    rel(s, i, 2) !== BOUNDARY &&
    L.BUILDING.has(rel(s, i, 2))
  )
    return;
  let k = i - 1;
  while (
    k > (s.sStart[i] ?? 0) &&
    (at(s, k) === 'already' || at(s, k) === 'now' || at(s, k) === 'still' || at(s, k) === 'got')
  )
    k--;
  if (!L.BE_PRESENT.has(at(s, k)) && at(s, k) !== 'got') return;
  const p = at(s, k - 1);
  if (!(L.PERSON.has(p) || isGenericWord(p)) || p === 'his' || p === 'her' || p === 'their') return;
  if (skip(s, i)) return;
  if (s.hyp[i] === 1) return;
  hit(s, 'immediate.presence', 'immediate');
};

/** "he's found me", "he's turned up", "he's shown up at mine", "he has appeared". */
const arrivedFrame: RuleFn = (s, i) => {
  const t = at(s, i);
  const nx = rel(s, i, 1);
  if (t === 'found' || t === 'finds') {
    if (!(nx === 'me' || nx === 'us' || nx === 'her')) return;
    const after = rel(s, i, 2);
    if (after === 'on' || after === 'online' || after === 'through' || after === 'via') {
      hit(s, 'concern.knows-where', 'concern');
      return;
    }
  } else if (t === 'turns' || t === 'shows' || t === 'comes') {
    // "he turns up wherever i go": a habit
    if (nx !== 'up' && t !== 'comes') return;
    if (t === 'comes' && !(nx === 'round' || nx === 'to' || nx === 'over' || nx === 'by' || nx === 'past'))
      return;
    if (skip(s, i) || s.hyp[i] === 1) return;
    if (threatActor(s, i, 6) < 0) return;
    hit(s, 'concern.turning-up', 'concern');
    return;
  } else if (t === 'turned' || t === 'showed' || t === 'shown' || t === 'rocked' || t === 'popped') {
    if (nx !== 'up') return;
  } else if (t === 'appeared' || t === 'arrived') {
    // fine as it is
  } else if (t === 'come' || t === 'got' || t === 'gotten' || t === 'made') {
    // "he's come back", "he's got here", "he's made it here": only in the perfect
    if (!(nx === 'back' || nx === 'here' || (t === 'made' && rel(s, i, 2) === 'here'))) return;
    if (back(s, i, 2, new Set(['is', 'has', 'have'])) < 0) return;
    if (
      nx === 'back' &&
      !(
        rel(s, i, 2) === BOUNDARY ||
        rel(s, i, 2) === 'again' ||
        rel(s, i, 2) === 'here' ||
        rel(s, i, 2) === 'now' ||
        rel(s, i, 2) === 'tonight'
      )
    )
      return;
  } else return;
  if (skip(s, i)) return;
  const subj = threatActor(s, i, 6);
  if (subj < 0) return;
  if (negatedBetween(s, subj, i)) return;
  const perfect = back(s, i, 3, new Set(['is', 'has', 'have', 'just', 'now'])) >= 0;
  const tn = tense(s, i, subj - 2, i + 8);
  if (
    farPast(s, i) ||
    (tn === 'past' && !perfect) ||
    rel(s, i, -1) === 'keeps' ||
    rel(s, i, -1) === 'always'
  ) {
    hit(s, t === 'found' ? 'concern.knows-where' : 'concern.turning-up', 'concern');
    return;
  }
  if (t !== 'found' && !perfect && tn !== 'present') {
    hit(s, 'concern.turning-up', 'concern');
    return;
  }
  hit(s, 'immediate.presence', 'immediate');
};

// ---- on the way ------------------------------------------------------------------------------

const MOVE = new Set([
  'coming',
  'come',
  'comin',
  'heading',
  'driving',
  'walking',
  'running',
  'leaving',
  'left',
  'getting',
  'way',
  'route',
  'train',
  'bus',
  'taxi',
  'cab',
  'drive',
  'travelling',
  'setting',
  'back',
  'round',
  'over',
]);
const PURPOSE = new Set([
  'find',
  'get',
  'kill',
  'hurt',
  'sort',
  'take',
  'grab',
  'batter',
  'deal',
  'finish',
  'teach',
]);

/** "to come to mine", "on route", "be round in 10", "any minute", "on the train to find me". */
const onTheWayFrame: RuleFn = (s, i) => {
  const t = at(s, i);
  const nx = rel(s, i, 1);
  let ok = false;
  if (t === 'mine') {
    // "come to mine", "coming round mine", "heading to mine"
    ok =
      back(s, i, 3, MOVE) >= 0 &&
      (rel(s, i, -1) === 'to' || rel(s, i, -1) === 'round' || rel(s, i, -1) === 'over');
  } else if (t === 'route') {
    ok = rel(s, i, -1) === 'on' || rel(s, i, -1) === 'en';
  } else if (t === 'be') {
    // "he'll be round in half an hour", "he'll be here any minute", "he will be over later"
    const m = rel(s, i, -1);
    if (!(m === 'will' || m === 'would' || m === 'to')) return;
    const at2 = nx === 'at' && (rel(s, i, 2) === 'mine' || rel(s, i, 2) === 'my' || rel(s, i, 2) === 'yours');
    ok =
      (nx === 'round' ||
        nx === 'over' ||
        nx === 'here' ||
        nx === 'outside' ||
        nx === 'back' ||
        nx === 'there' ||
        at2) &&
      fwd(
        s,
        i,
        5,
        new Set(['in', 'soon', 'any', 'later', 'tonight', 'shortly', 'minutes', 'now', BOUNDARY]),
      ) >= 0;
    if (nx === 'back' && rel(s, i, 2) !== BOUNDARY && rel(s, i, 2) !== 'tonight' && rel(s, i, 2) !== 'soon')
      ok = false;
  } else if (t === 'minute' || t === 'second') {
    ok = rel(s, i, -1) === 'any';
  } else if (t === 'from') {
    // "he's five minutes from mine", "10 mins from here"
    const p = rel(s, i, -1);
    ok =
      (p === 'minutes' ||
        p === 'minute' ||
        p === 'seconds' ||
        p === 'miles' ||
        p === 'streets' ||
        p === 'mile') &&
      (nx === 'mine' ||
        nx === 'my' ||
        nx === 'here' ||
        nx === 'me' ||
        nx === 'us' ||
        nx === 'our' ||
        nx === 'the');
  } else if (PURPOSE.has(t)) {
    // "on the train down to find me", "coming to get me", "heading over to sort me out"
    if (rel(s, i, -1) !== 'to' || !(nx === 'me' || nx === 'us' || nx === 'her')) return;
    ok = back(s, i, 6, MOVE) >= 0;
  } else if (t === 'towards' || t === 'toward') {
    // "he's just got off the bus and is coming towards me"
    ok =
      (nx === 'me' || nx === 'us' || nx === 'her' || nx === 'my') &&
      back(
        s,
        i,
        2,
        new Set(['coming', 'walking', 'running', 'heading', 'driving', 'storming', 'marching', 'charging']),
      ) >= 0;
  } else if (t === 'nearly' || t === 'almost') {
    ok = nx === 'there' || nx === 'at' || nx === 'outside' || nx === 'home';
  } else if (t === 'here') {
    // "he's about to get here", "before he gets here"
    const p = rel(s, i, -1);
    ok =
      (p === 'get' || p === 'gets' || p === 'getting') &&
      back(s, i, 4, new Set(['about', 'going', 'will', 'before', 'when', 'until', 'soon'])) >= 0;
  } else if (t === 'down' || t === 'up') {
    // "driving down tonight", "coming up now"
    const p = rel(s, i, -1);
    ok =
      (p === 'driving' ||
        p === 'coming' ||
        p === 'heading' ||
        p === 'travelling' ||
        p === 'come' ||
        p === 'drive') &&
      (nx === 'tonight' ||
        nx === 'now' ||
        nx === 'here' ||
        nx === 'to' ||
        nx === BOUNDARY ||
        nx === 'today' ||
        nx === 'later');
  }
  if (!ok) return;
  if (skip(s, i)) return;
  const subj = threatActor(s, i, 10);
  if (subj < 0) return;
  if (negatedBetween(s, subj, i)) return;
  const nm = fwdWord(s, i, 6, 'next');
  if (nm >= 0 && (rel(s, nm, 1) === 'week' || rel(s, nm, 1) === 'month' || rel(s, nm, 1) === 'year')) {
    hit(s, 'concern.visit-planned', 'concern');
    return;
  }
  nowOrPastHit(s, i, subj, 'immediate.on-the-way', 'concern.presence-past');
};

const DURATION = new Set(['minutes', 'minute', 'mins', 'miles', 'mile', 'ages', 'hour', 'streets', 'half']);

/** "a car has followed me for 20 mins", "he's been behind me since the station". */
const followedFor: RuleFn = (s, i) => {
  const nx = rel(s, i, 1);
  if (!(nx === 'me' || nx === 'us' || nx === 'her' || nx === 'my')) return;
  const f = fwd(s, i, 4, new Set(['for', 'since', 'all']));
  if (f < 0) return;
  if (at(s, f) === 'for' && fwd(s, f, 3, DURATION) < 0) return;
  if (at(s, f) === 'all' && rel(s, f, 1) !== 'the') return;
  if (skip(s, i)) return;
  const subj = threatActor(s, i, 8);
  const car = back(s, i, 6, new Set(['car', 'van', 'man', 'someone', 'bike']));
  if (subj < 0 && car < 0) return;
  const from = subj >= 0 ? subj : car;
  if (
    farPast(s, i) ||
    (tense(s, i, from - 2, i + 8) === 'past' && back(s, i, 3, new Set(['has', 'have', 'is', 'been'])) < 0)
  ) {
    hit(s, 'concern.followed', 'concern');
    return;
  }
  hit(s, 'immediate.following', 'immediate');
};

const DOOR_SIDE = new Set([
  'back',
  'front',
  'side',
  'bedroom',
  'kitchen',
  'bathroom',
  'living',
  'room',
  'patio',
  'french',
]);
const KNOCK = new Set([
  'banging',
  'knocking',
  'hammering',
  'pounding',
  'tapping',
  'bashing',
  'thumping',
  'peering',
  'peeping',
  'looking',
  'staring',
  'shouting',
  'screaming',
  'kicking',
  'rattling',
]);

/** "my ex is banging on the glass", "someone's tapping on my window", "he's peering through the letterbox". */
const atTheDoor: RuleFn = (s, i) => {
  let k = i - 1;
  const lo = Math.max(s.sStart[i] ?? 0, i - 4);
  while (k >= lo && (DET.has(at(s, k)) || DOOR_SIDE.has(at(s, k)))) k--;
  const q = at(s, k);
  if (!(q === 'on' || q === 'at' || q === 'through' || q === 'against')) return;
  if (!KNOCK.has(at(s, k - 1))) return;
  if (skip(s, i)) return;
  const subj = threatActor(s, k - 1, 6);
  if (subj < 0) return;
  if (negatedBetween(s, subj, i)) return;
  nowOrPastHit(s, i, subj, 'immediate.presence', 'concern.presence-past');
};

const VEHICLE = new Set(['car', 'van', 'motorbike', 'bike', 'taxi', 'truck', 'lorry']);

/** "there's a van following me", "a car's been behind me since the station". */
const vehicleFollowing: RuleFn = (s, i) => {
  const nx = rel(s, i, 1);
  if (!(nx === 'me' || nx === 'us' || nx === 'her' || nx === 'my')) return;
  const v = back(s, i, 4, VEHICLE);
  if (v < 0) return;
  if (skip(s, i)) return;
  if (back(s, v, 3, FIRST_PERSON) >= 0 && rel(s, v, -1) !== 'a') return; // "my car following me"?
  if (tense(s, i, v - 2, i + 8) === 'past' && back(s, i, 3, new Set(['has', 'have', 'is', 'been'])) < 0) {
    hit(s, 'concern.followed', 'concern');
    return;
  }
  hit(s, 'immediate.following', 'immediate');
};

const HARM_VERB = new Set([
  'hurt',
  'harm',
  'attack',
  'batter',
  'beat',
  'hit',
  'stab',
  'smash',
  'kill',
  'rape',
  'strangle',
]);

/** "he's going to hurt me", "he's gonna batter me": harm on its way. */
const goingToHarm: RuleFn = (s, i) => {
  const nx = rel(s, i, 1);
  if (!(nx === 'me' || nx === 'us' || nx === 'her' || nx === 'my')) return;
  if (rel(s, i, -1) !== 'to' || rel(s, i, -2) !== 'going') return;
  if (skip(s, i) || s.hyp[i] === 1) return;
  const subj = threatActor(s, i - 2, 6);
  if (subj < 0) return;
  if (negatedBetween(s, subj, i)) return;
  if (tense(s, i, subj - 2, i + 6) === 'past' && !presentBetween(s, subj, i)) {
    hit(s, 'concern.threat', 'concern');
    return;
  }
  hit(s, 'immediate.threat-of-harm', 'immediate');
};

// ---- captivity -------------------------------------------------------------------------------

const LEAVE = new Set(['leave', 'go', 'out', 'escape', 'get', 'move']);

/** "he's not letting me leave", "he won't let me out", "he's keeping me here", "i'm trapped". */
const captive: RuleFn = (s, i) => {
  const t = at(s, i);
  const nx = rel(s, i, 1);
  const nx2 = rel(s, i, 2);
  if (lawGeneric(s, i)) return;
  if (t === 'let' || t === 'letting') {
    if (!(nx === 'me' || nx === 'us' || nx === 'her') || !LEAVE.has(nx2)) return;
    if (back(s, i, 3, L.NEGATION) < 0 && back(s, i, 3, new Set(['refuses', 'refusing', 'refused'])) < 0)
      return;
    if (sentenceHas(s, i, L.SAID) && t === 'let') return; // "keeps saying he'll never let me go": possessive, concern
    if (nx2 === 'go' && t === 'let' && backWord(s, i, 3, 'never') >= 0) return;
    if (nx2 === 'get' && rel(s, i, 3) !== 'out' && rel(s, i, 3) !== 'away') return;
    if (
      nx2 === 'go' &&
      t === 'let' &&
      fwd(s, i, 4, new Set(['out', 'outside', 'home', 'now', 'anywhere'])) < 0
    ) {
      if (back(s, i, 12, new Set(['took', 'taken', 'locked', 'holding', 'keeping'])) < 0) return;
    }
    const subj = threatActor(s, i, 10);
    if (subj < 0) return;
    hit(s, 'immediate.captive', 'immediate');
    return;
  }
  if (t === 'keeping' || t === 'holding' || t === 'kept' || t === 'held') {
    if (!(nx === 'me' || nx === 'us' || nx === 'her')) return;
    if (
      !(
        nx2 === 'here' ||
        nx2 === 'hostage' ||
        nx2 === 'prisoner' ||
        nx2 === 'captive' ||
        nx2 === 'in' ||
        nx2 === 'locked'
      )
    )
      return;
    if (
      nx2 === 'in' &&
      !(rel(s, i, 3) === 'the' || rel(s, i, 3) === 'my' || rel(s, i, 3) === 'his' || rel(s, i, 3) === 'here')
    )
      return;
    if (subjectBefore(s, i, 6) < 0) return;
    if (t === 'kept' || t === 'held') {
      if (farPast(s, i)) {
        hit(s, 'concern.past-violence', 'concern');
        return;
      }
    }
    hit(s, 'immediate.captive', 'immediate');
    return;
  }
  if (t === 'blocking' || t === 'blocked' || t === 'cornered' || t === 'boxed') {
    // "he's blocking me in", "he's got me cornered", "he's blocked the door"
    const obj = nx === 'me' || nx === 'us' || nx === 'her';
    const door =
      (nx === 'the' || nx === 'my') &&
      (nx2 === 'door' || nx2 === 'doorway' || nx2 === 'way' || nx2 === 'exit' || nx2 === 'car');
    if (!obj && !door && t !== 'cornered') return;
    if (t === 'blocked' && nx === 'me' && (nx2 === 'on' || nx2 === 'from' || nx2 === BOUNDARY)) return; // blocked me on facebook
    if (t === 'blocking' && nx === 'me' && (nx2 === 'on' || nx2 === 'from')) return;
    const subj = threatActor(s, i, 8);
    if (subj < 0) return;
    if (tense(s, i, subj - 2, i + 6) === 'past' && !presentBetween(s, subj, i)) return;
    hit(s, 'immediate.captive', 'immediate');
    return;
  }
  // trapped / hostage
  if (back(s, i, 4, new Set(['i', 'we', 'me', 'us'])) < 0 && subjectBefore(s, i, 6) < 0) return;
  if (
    nx === 'in' &&
    (nx2 === 'this' || nx2 === 'a' || rel(s, i, 3) === 'relationship' || rel(s, i, 3) === 'marriage')
  ) {
    hit(s, 'concern.fear', 'concern');
    return;
  }
  if (backWord(s, i, 3, 'feel') >= 0 && nx !== 'in') {
    hit(s, 'concern.fear', 'concern');
    return;
  }
  if (tense(s, i, i - 4, i + 6) === 'past' || farPast(s, i)) {
    hit(s, 'concern.fear', 'concern');
    return;
  }
  hit(s, 'immediate.captive', 'immediate');
};

// ---- strangulation and smothering ------------------------------------------------------------

/** "pushed my head under the water", "held me under in the bath". */
const drown: RuleFn = (s, i) => {
  const t = at(s, i);
  if (t === 'under') {
    const w = rel(s, i, 1) === 'the' ? rel(s, i, 2) : rel(s, i, 1);
    if (!(w === 'water' || w === 'bath' || w === 'tap')) return;
  } else if (rel(s, i, -1) !== 'under' && !(rel(s, i, -1) === 'the' && rel(s, i, -2) === 'under')) return;
  if (lawGeneric(s, i) || isStory(s, i)) return;
  if (back(s, i, 8, L.PERSON) < 0) return;
  if (
    back(s, i, 6, new Set(['head', 'me', 'her', 'face', 'held', 'pushed', 'holding', 'pushing', 'forced'])) <
    0
  )
    return;
  hit(s, 'immediate.strangulation', 'immediate');
};

/** "put a pillow over my face", "hand over my mouth so i couldn't scream". */
const smother: RuleFn = (s, i) => {
  const thing = back(s, i, 2, L.SMOTHER_THING);
  if (thing < 0) return;
  const own = rel(s, i, 1);
  if (!(own === 'my' || own === 'her' || own === 'our' || own === 'his' || own === 'the')) return;
  if (!L.FACE.has(rel(s, i, 2))) return;
  if (lawGeneric(s, i) || isStory(s, i)) return;
  if (back(s, i, 8, L.PERSON) < 0) return;
  if (own === 'his' && back(s, i, 8, new Set(['i', 'me'])) >= 0) return;
  hit(s, 'immediate.strangulation', 'immediate');
};

// ---- weapons in other words ------------------------------------------------------------------

const HELD_TO = new Set([
  'held',
  'holding',
  'holds',
  'put',
  'putting',
  'pressed',
  'pressing',
  'pointed',
  'pointing',
]);
const TARGET_BODY = new Set([
  'throat',
  'neck',
  'face',
  'head',
  'hair',
  'eye',
  'eyes',
  'chest',
  'stomach',
  'belly',
  'skin',
  'temple',
]);
const FIRST_SUBJ = new Set(['i', 'we']);

/** "he held a lighter to my hair", "he's pointing it at my head": an object aimed at the body. */
const heldTo: RuleFn = (s, i) => {
  const own = rel(s, i, -1);
  if (!(own === 'my' || own === 'her' || own === 'our')) return;
  const prep = rel(s, i, -2);
  if (!(prep === 'to' || prep === 'at' || prep === 'against')) return;
  const v = back(s, i, 7, HELD_TO);
  if (v < 0) return;
  if (skip(s, i)) return;
  if (back(s, v, 6, L.PERSON) < 0) return;
  if (back(s, v, 3, FIRST_SUBJ) >= 0) return;
  // "he put his hand to my face" is a touch; a throat or neck is not
  if (
    back(s, i, 6, new Set(['hand', 'hands', 'finger', 'lips', 'mouth', 'phone'])) >= 0 &&
    at(s, i) !== 'throat' &&
    at(s, i) !== 'neck'
  )
    return;
  hit(s, 'immediate.weapon', 'immediate');
};

/** "he's put his fist through the glass", "a brick through the window". */
const throughEntry: RuleFn = (s, i) => {
  let e = rel(s, i, 1) === 'the' || rel(s, i, 1) === 'my' || rel(s, i, 1) === 'our' ? i + 2 : i + 1;
  if (DOOR_SIDE.has(at(s, e))) e++;
  if (e >= (s.sEnd[i] ?? 0) || !L.ENTRY_POINT.has(at(s, e))) return;
  if (
    back(
      s,
      i,
      4,
      new Set([
        'fist',
        'hand',
        'arm',
        'foot',
        'head',
        'brick',
        'stone',
        'bat',
        'hammer',
        'punched',
        'kicked',
        'smashed',
        'threw',
        'thrown',
      ]),
    ) < 0
  )
    return;
  if (skip(s, i)) return;
  const subj = threatActor(s, i, 8);
  if (subj < 0) return;
  if (farPast(s, i)) {
    hit(s, 'concern.break-in-past', 'concern');
    return;
  }
  hit(s, 'immediate.break-in', 'immediate');
};

/** "he's got something sharp", "he's waving something sharp about". */
const sharpThing: RuleFn = (s, i) => {
  const p = rel(s, i, -1);
  if (!(p === 'something' || p === 'somethin' || p === 'summat' || p === 'anything')) return;
  if (skip(s, i)) return;
  if (back(s, i, 8, L.PERSON) < 0) return;
  if (back(s, i, 5, L.HOLD) < 0 && fwd(s, i, 4, new Set(['hand', 'hands', 'pocket'])) < 0) return;
  hit(s, 'immediate.weapon', 'immediate');
};

/** "he said he'd slash my face", "he's going to glass me", "cut me up", "break my neck". */
const cutThreat: RuleFn = (s, i) => {
  const nx = rel(s, i, 1);
  const t = at(s, i);
  if (t === 'smash' || t === 'kick' || t === 'punch' || t === 'cave' || t === 'bash' || t === 'batter') {
    // "he's threatening to come and smash my face in", "kick my head in"
    if (
      !(
        (nx === 'my' || nx === 'your' || nx === 'her') &&
        (rel(s, i, 2) === 'face' || rel(s, i, 2) === 'head')
      )
    )
      return;
    if (skip(s, i)) return;
    if (subjectBefore(s, i, 8) < 0 && back(s, i, 6, L.SAID) < 0) return;
    hit(s, 'immediate.threat-of-harm', 'immediate');
    return;
  }
  if (t === 'break' || t === 'snap') {
    if (!((nx === 'my' || nx === 'your' || nx === 'her') && rel(s, i, 2) === 'neck')) return;
    if (skip(s, i)) return;
    if (subjectBefore(s, i, 8) < 0 && back(s, i, 6, L.SAID) < 0) return;
    hit(s, 'immediate.threat-to-kill', 'immediate');
    return;
  }
  if (!(nx === 'me' || nx === 'my' || nx === 'her' || nx === 'us' || nx === 'you' || nx === 'your')) return;
  if (
    (t === 'cut' || t === 'cutting') &&
    rel(s, i, 2) !== 'up' &&
    rel(s, i, 2) !== 'open' &&
    rel(s, i, 3) !== 'throat'
  )
    return;
  if (
    (nx === 'my' || nx === 'your' || nx === 'her') &&
    !L.FACE.has(rel(s, i, 2)) &&
    rel(s, i, 2) !== 'throat' &&
    rel(s, i, 2) !== 'tyres'
  )
    return;
  if (rel(s, i, 2) === 'tyres') return;
  if (skip(s, i)) return;
  const subj = subjectBefore(s, i, 8);
  if (subj < 0 && back(s, i, 6, L.SAID) < 0) return;
  hit(s, 'immediate.threat-to-kill', 'immediate');
};

// ---- death threats in other words -------------------------------------------------------------

/** "he said i won't see christmas", "i won't make it to the morning", "i'm a dead woman", "i'm next". */
const deathIdiom: RuleFn = (s, i) => {
  const t = at(s, i);
  if (skip(s, i)) return;
  const said = sentenceHas(s, i, L.SAID) || sentenceHas(s, i, L.THREAT) || back(s, i, 10, L.PERSON) >= 0;
  if (t === 'see' || t === 'make' || t === 'wake' || t === 'last') {
    // "won't see", "not going to see", "never gonna see"
    if (back(s, i, 4, new Set(['not', 'never'])) < 0) return;
    let k = i + 1;
    if (t === 'make') {
      if (rel(s, i, 1) !== 'it') return;
      k++;
      if (at(s, k) === 'to' || at(s, k) === 'through' || at(s, k) === 'till' || at(s, k) === 'until') k++;
      else return;
    }
    if (t === 'wake') {
      if (rel(s, i, 1) !== 'up') return;
      if (!said) return;
      hit(s, 'immediate.threat-to-kill', 'immediate');
      return;
    }
    if (t === 'last') {
      // "i won't last the night"
      if (!(rel(s, i, 1) === 'the' && (rel(s, i, 2) === 'night' || rel(s, i, 2) === 'week'))) return;
      hit(s, 'immediate.threat-to-kill', 'immediate');
      return;
    }
    // "i'd never see my kids grow up"
    const grow = fwd(s, i, 4, new Set(['grow']));
    if (grow >= 0 && rel(s, grow, 1) === 'up' && fwd(s, i, 3, L.CHILD) >= 0 && said) {
      hit(s, 'immediate.threat-to-kill', 'immediate');
      return;
    }
    let w = at(s, k);
    if (
      w === 'the' ||
      w === 'your' ||
      w === 'my' ||
      w === 'her' ||
      w === 'another' ||
      w === 'this' ||
      w === 'next'
    )
      w = at(s, k + 1) === BOUNDARY ? w : at(s, k + 1);
    if (!L.TIME_HORIZON.has(w) && w !== 'day' && w !== 'week' && w !== 'year' && w !== 'night') return;
    if (!said) return;
    // the one who will not see it is the writer or the person threatened
    if (back(s, i, 7, new Set(['i', 'you', 'she', 'we'])) < 0) return;
    hit(s, 'immediate.threat-to-kill', 'immediate');
    return;
  }
  if (t === 'dead') {
    const p = rel(s, i, -1);
    const nx = rel(s, i, 1);
    const victim = back(s, i, 3, new Set(['i', 'you', 'she', 'we', 'am', 'are']));
    if (victim < 0) return;
    if (p === 'a' && (nx === 'woman' || nx === 'man' || nx === 'girl' || nx === 'body' || nx === 'meat')) {
      hit(s, 'immediate.threat-to-kill', 'immediate');
      return;
    }
    if (
      (p === 'am' || p === 'are' || p === 'is') &&
      said &&
      !(nx === 'to' || nx === 'tired' || nx === 'on')
    ) {
      if (back(s, i, 3, new Set(['i', 'you', 'she', 'we'])) < 0) return;
      hit(s, 'immediate.threat-to-kill', 'immediate');
    }
    return;
  }
  if (t === 'disappear' || t === 'vanish') {
    // "he said he'd make me disappear"
    if (
      !(rel(s, i, -1) === 'me' || rel(s, i, -1) === 'you' || rel(s, i, -1) === 'her') ||
      rel(s, i, -2) !== 'make'
    )
      return;
    if (!said) return;
    hit(s, 'immediate.threat-to-kill', 'immediate');
    return;
  }
  if (t === 'bullet' || t === 'bullets') {
    // "he's going to put a bullet in me", "a bullet with my name on it"
    if (fwd(s, i, 3, new Set(['me', 'my', 'you', 'your', 'her', 'head', 'name'])) < 0) return;
    if (!said) return;
    hit(s, 'immediate.threat-to-kill', 'immediate');
    return;
  }
  if (t === 'goodbye' || t === 'prayers') {
    // "he told me to say goodbye to my kids", "say your prayers"
    if (rel(s, i, -1) !== 'say' && !(rel(s, i, -1) === 'your' && rel(s, i, -2) === 'say')) return;
    if (!said) return;
    if (back(s, i, 4, new Set(['i', 'me', 'you', 'her'])) < 0) return;
    hit(s, 'immediate.threat-to-kill', 'immediate');
    return;
  }
  if (t === 'night' || t === 'day' || t === 'christmas' || t === 'birthday' || t === 'breath') {
    // "this is my last night", "it's your last day on earth"
    if (rel(s, i, -1) !== 'last') return;
    const own = rel(s, i, -2);
    if (!(own === 'my' || own === 'your' || own === 'her')) return;
    if (!said && own !== 'my') return;
    hit(s, 'immediate.threat-to-kill', 'immediate');
    return;
  }
  if (t === 'you') {
    // "he just text me saying see you in 10", "see you tonight" from him
    if (rel(s, i, -1) !== 'see') return;
    const nx = rel(s, i, 1);
    if (!(nx === 'in' || nx === 'soon' || nx === 'tonight' || nx === 'shortly' || nx === 'later')) return;
    if (
      nx === 'in' &&
      !(
        (rel(s, i, 2) >= '0' && rel(s, i, 2) <= '9') ||
        rel(s, i, 2) === 'a' ||
        rel(s, i, 2) === 'ten' ||
        rel(s, i, 2) === 'five'
      )
    )
      return;
    if (
      !sentenceHas(s, i, L.SAID) &&
      back(s, i, 8, new Set(['text', 'texted', 'saying', 'said', 'messaged', 'message'])) < 0
    )
      return;
    if (back(s, i, 10, L.PERSON) < 0) return;
    hit(s, 'immediate.on-the-way', 'immediate');
    return;
  }
  if (t === 'next') {
    // "he says i'm next", "you're next"
    const p = rel(s, i, -1);
    if (!(p === 'am' || p === 'are' || p === 'be')) return;
    if (back(s, i, 3, new Set(['i', 'you', 'she', 'we'])) < 0) return;
    const nx = rel(s, i, 1);
    if (!(nx === BOUNDARY || nx === 'and' || nx === 'if' || nx === 'after' || nx === 'unless')) return;
    if (!said) return;
    hit(s, 'immediate.threat-to-kill', 'immediate');
    return;
  }
  // "end up in a box", "six feet under"
  if (t === 'under') {
    if (rel(s, i, -1) === 'feet' && rel(s, i, -2) === 'six' && said)
      hit(s, 'immediate.threat-to-kill', 'immediate');
    return;
  }
  if (L.GRAVE_WORD.has(t)) {
    // "end up in a box", "going home in a body bag", "put me in the ground"
    const inAt = back(s, i, 3, new Set(['in', 'into']));
    if (t === 'body') {
      // "nobody will find my body", "they'll never find your body"
      const own = rel(s, i, -1);
      if (
        (own === 'my' || own === 'your' || own === 'her') &&
        back(s, i, 4, new Set(['find', 'found', 'dump', 'bury', 'hide'])) >= 0 &&
        said
      ) {
        hit(s, 'immediate.threat-to-kill', 'immediate');
        return;
      }
      if (rel(s, i, 1) !== 'bag') return;
    }
    if (inAt < 0) return;
    const det = rel(s, inAt, 1);
    if (!(det === 'a' || det === 'the' || det === 'my' || det === 'your' || det === 'an')) return;
    if (
      t === 'box' &&
      back(s, i, 10, new Set(['dead', 'die', 'kill', 'end', 'going', 'leave', 'leaving', 'put'])) < 0
    )
      return;
    if (!said) return;
    if (back(s, i, 10, new Set(['i', 'me', 'you', 'her', 'she'])) < 0) return;
    hit(s, 'immediate.threat-to-kill', 'immediate');
  }
};

// ---- hiding places ---------------------------------------------------------------------------

const POSTURE_HIDE = new Set([
  'crouched',
  'crouching',
  'curled',
  'squashed',
  'squeezed',
  'lying',
  'laying',
  'sat',
  'sitting',
  'huddled',
  'tucked',
  'stuck',
]);

const FURNITURE = new Set([
  'chair',
  'chairs',
  'wardrobe',
  'drawers',
  'bed',
  'sofa',
  'settee',
  'table',
  'cupboard',
  'dresser',
  'desk',
  'bin',
]);

/** "a chair against the door", "pushed the wardrobe in front of the door": barricaded in. */
const barricade: RuleFn = (s, i) => {
  const t = at(s, i);
  let k = i + 1;
  if (t === 'front') {
    if (rel(s, i, -1) !== 'in' || rel(s, i, 1) !== 'of') return;
    k = i + 2;
  }
  if (at(s, k) === 'the' || at(s, k) === 'my') k++;
  if (at(s, k) === 'bedroom' || at(s, k) === 'bathroom' || at(s, k) === 'front' || at(s, k) === 'back') k++;
  if (k >= (s.sEnd[i] ?? 0) || !(at(s, k) === 'door' || at(s, k) === 'doors')) return;
  if (back(s, i, 5, FURNITURE) < 0) return;
  if (lawOnly(s, i) || isStory(s, i)) return;
  if (back(s, i, 12, new Set(['i', 'we', 'me', 'us'])) < 0) return;
  if (tense(s, i, i - 8, i + 4) === 'past' && back(s, i, 8, new Set(['have', 'is', 'am', 'are'])) < 0) return;
  hit(s, 'immediate.hiding', 'immediate');
};

/** "the door wedged shut", "i've jammed the door". */
const wedged: RuleFn = (s, i) => {
  if (back(s, i, 4, new Set(['door', 'doors'])) < 0 && fwd(s, i, 3, new Set(['door', 'doors'])) < 0) return;
  if (lawOnly(s, i) || isStory(s, i)) return;
  if (back(s, i, 10, new Set(['i', 'we', 'me', 'us'])) < 0) return;
  if (tense(s, i, i - 8, i + 4) === 'past' && back(s, i, 8, new Set(['have', 'is', 'am', 'are'])) < 0) return;
  hit(s, 'immediate.hiding', 'immediate');
};

/** "i'm under the bed", "we're in the wardrobe", "he doesn't know i'm here". */
const hidingPlace: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawOnly(s, i) || isStory(s, i)) return;
  if (t === 'know' || t === 'knows') {
    // "he doesn't know i'm here", "he can't know where i am"
    if (back(s, i, 2, L.NEGATION) < 0) return;
    if (rel(s, i, 1) !== 'i' || rel(s, i, 2) !== 'am' || rel(s, i, 3) !== 'here') return;
    if (back(s, i, 5, L.PERSON) < 0) return;
    hit(s, 'immediate.hiding', 'immediate');
    return;
  }
  const p = rel(s, i, -1) === 'the' || rel(s, i, -1) === 'my' || rel(s, i, -1) === 'a' ? i - 2 : i - 1;
  const prep = at(s, p);
  if (!(prep === 'under' || prep === 'in' || prep === 'inside' || prep === 'behind')) return;
  if (
    prep === 'in' &&
    (t === 'bed' || t === 'table' || t === 'desk' || t === 'stairs' || t === 'sofa' || t === 'couch')
  )
    return;
  // "i'm under the bed", "i'm crouched behind the bed", "we're curled up in the wardrobe"
  let w = p - 1;
  if (at(s, w) === 'up') w--;
  if (POSTURE_HIDE.has(at(s, w))) w--;
  const who = at(s, w);
  const who2 = at(s, w - 1);
  const hidingVerb = at(s, p - 1) === 'hiding' || at(s, p - 1) === 'hid';
  if (fwdWord(s, i, 8, 'seek') >= 0) return; // "hiding in the wardrobe for hide and seek"
  if (!((who === 'am' || who === 'are') && (who2 === 'i' || who2 === 'we')) && !hidingVerb) return;
  if (tense(s, i, p - 4, i + 6) === 'past') {
    hit(s, 'concern.hiding-past', 'concern');
    return;
  }
  hit(s, 'immediate.hiding', 'immediate');
};

// ---- children --------------------------------------------------------------------------------

const CHILD_HARM_WIDE = new Set([
  ...L.CHILD_HARM,
  'dragging',
  'dragged',
  'bruises',
  'bruised',
  'bruise',
  'bleeding',
  'marks',
  'injuries',
]);
const CHILD_HARM_SKIP = new Set([
  'screaming',
  'touching',
  'touched',
  'taken',
  'took',
  'threatening',
  'threatened',
]);
const AGENT = new Set([
  'he',
  'him',
  'they',
  'ex',
  'husband',
  'boyfriend',
  'partner',
  'dad',
  'daddy',
  'father',
  'stepdad',
  'stepfather',
  'man',
  'someone',
  'somebody',
]);

/** A child and a harm word in one clause with a person who did it: "my 6yo has bruises, daddy hurt him". */
const childWindow: RuleFn = (s, i) => {
  const t = at(s, i);
  if (t === 'yo' || t === 'yr' || t === 'old') {
    // "my 6yo", "my 5 year old"
    const p = rel(s, i, -1);
    const isAge =
      (t !== 'old' && p.length > 0 && p[0] !== undefined && p[0] >= '0' && p[0] <= '9') ||
      (t === 'old' && (p === 'year' || p === 'yr' || p === 'years'));
    if (!isAge) return;
  } else if (!L.CHILD.has(t)) return;
  if (t === 'little' || t === 'boys' || t === 'girls') return;
  if (back(s, i, 3, L.CHILD_DET) < 0) return;
  if (skip(s, i)) return;
  if (sentenceHas(s, i, L.ACCIDENT)) return;
  const lo = Math.max(s.sStart[i] ?? 0, i - 6);
  const hi = Math.min((s.sEnd[i] ?? 0) - 1, i + 10);
  for (let k = lo; k <= hi; k++) {
    const w = at(s, k);
    if (!CHILD_HARM_WIDE.has(w) || CHILD_HARM_SKIP.has(w)) continue;
    // "hurt his arm", "hurt her knee": the child's own injury
    if (
      (at(s, k + 1) === 'his' || at(s, k + 1) === 'her' || at(s, k + 1) === 'their') &&
      L.BODY_PART.has(at(s, k + 2))
    )
      continue;
    let agent = false;
    for (let j = Math.max(lo, k - 6); j <= Math.min(hi, k + 4); j++)
      if (j !== i && AGENT.has(at(s, j))) agent = true;
    if (!agent) continue;
    if (back(s, k, 2, new Set(['i', 'we'])) >= 0) continue;
    hit(s, 'immediate.child-harm', 'immediate');
    return;
  }
};

/** Abduction: "won't give him back", "ran off with my daughter", "won't bring the kids back". */
const abduction: RuleFn = (s, i) => {
  const t = at(s, i);
  if (skip(s, i)) return;
  if (t === 'back') {
    const verb = back(s, i, 4, new Set(['give', 'bring', 'return', 'giving', 'bringing', 'send']));
    if (verb < 0) return;
    if (back(s, verb, 3, L.NEGATION) < 0 && back(s, verb, 3, new Set(['refuses', 'refusing', 'refused'])) < 0)
      return;
    let child = false;
    for (let j = verb + 1; j < i; j++) if (L.CHILD.has(at(s, j))) child = true;
    const pron = fwd(s, verb, 3, new Set(['him', 'her', 'them']));
    if (!child && !(pron >= 0 && pron < i && sentenceHas(s, i, L.CHILD))) return;
    if (subjectBefore(s, verb, 8) < 0 && back(s, verb, 8, L.PERSON) < 0) return;
    hit(s, 'immediate.child-harm', 'immediate');
    return;
  }
  if (t === 'take' || t === 'taking' || t === 'snatch' || t === 'grab') {
    // "he's going to take my baby", "he's threatening to take the kids"
    const det = rel(s, i, 1);
    if (!(det === 'my' || det === 'the' || det === 'our' || det === 'her')) return;
    const c = L.CHILD.has(rel(s, i, 2)) ? i + 2 : L.CHILD.has(rel(s, i, 3)) ? i + 3 : -1;
    if (c < 0) return;
    const after = rel(s, c, 1);
    if (
      after === 'to' ||
      after === 'for' ||
      after === 'out' ||
      after === 'swimming' ||
      after === 'on' ||
      after === 'shopping'
    )
      return;
    if (
      back(
        s,
        i,
        4,
        new Set(['going', 'gonna', 'will', 'threatening', 'threatened', 'trying', 'about', 'wants', 'try']),
      ) < 0
    )
      return;
    if (threatActor(s, i, 8) < 0) return;
    hit(s, 'immediate.child-harm', 'immediate');
    return;
  }
  if (t === 'without' || t === 'answer' || t === 'answering') {
    // "he's picked up my son from school without telling me and won't answer"
    const c = back(s, i, 10, L.CHILD);
    if (c < 0) return;
    if (back(s, c, 4, new Set(['picked', 'collected', 'took', 'taken', 'got', 'grabbed', 'fetched'])) < 0)
      return;
    if (
      t === 'without' &&
      !new Set(['telling', 'asking', 'permission', 'saying', 'warning']).has(rel(s, i, 1))
    )
      return;
    if (t !== 'without' && back(s, i, 3, L.NEGATION) < 0) return;
    if (threatActor(s, c, 10) < 0 && back(s, c, 10, L.PERSON) < 0) return;
    hit(s, 'immediate.child-harm', 'immediate');
    return;
  }
  // "ran off with", "run off with", "driven off with", "disappeared with"
  if (t === 'with' && rel(s, i, -1) !== 'off' && rel(s, i, -1) !== 'disappeared' && rel(s, i, -1) !== 'away')
    return;
  const c = fwd(s, i, 4, L.CHILD);
  if (c < 0) return;
  if (back(s, i, 8, L.PERSON) < 0 && subjectBefore(s, i, 8) < 0) return;
  hit(s, 'immediate.child-harm', 'immediate');
};

// ---- self-harm intent ------------------------------------------------------------------------

const NUMBERISH = new Set([
  '10',
  '12',
  '15',
  '16',
  '20',
  '24',
  '25',
  '28',
  '30',
  '32',
  '40',
  '50',
  '60',
  '100',
  'twenty',
  'thirty',
  'fifty',
]);
const INTENT = new Set(['going', 'gonna', 'want', 'wanna', 'will', 'about', 'ready', 'thinking', 'planning']);

/** "i'm going to jump", "standing on the bridge", "i can't see a way out", "got the pills ready". */
const selfHarmIntent: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawOnly(s, i) || isStory(s, i)) return;
  const nx = rel(s, i, 1);
  if (t === 'jump') {
    if (
      !(
        nx === BOUNDARY ||
        nx === 'off' ||
        nx === 'from' ||
        nx === 'under' ||
        (nx === 'in' && rel(s, i, 2) === 'front')
      )
    )
      return;
    if (back(s, i, 4, INTENT) < 0) return;
    if (back(s, i, 6, new Set(['i', 'me'])) < 0) return;
    hit(s, 'immediate.self-harm', 'immediate');
    return;
  }
  if (t === 'bridge' || t === 'ledge' || t === 'cliff' || t === 'edge' || t === 'roof') {
    const p = rel(s, i, -1) === 'the' || rel(s, i, -1) === 'a' ? rel(s, i, -2) : rel(s, i, -1);
    if (!(p === 'on' || p === 'at' || p === 'off')) return;
    if (back(s, i, 6, new Set(['i', 'we'])) < 0) return;
    if (back(s, i, 6, L.PERSON) >= 0 && back(s, i, 6, new Set(['i'])) < back(s, i, 6, L.PERSON)) return;
    if (t === 'roof' && back(s, i, 5, new Set(['standing', 'stood', 'sat', 'sitting', 'jump'])) < 0) return;
    if (t === 'edge' && rel(s, i, 1) === 'of' && rel(s, i, 2) !== 'the') return;
    if (tense(s, i, i - 6, i + 6) === 'past') return;
    hit(s, 'immediate.self-harm', 'immediate');
    return;
  }
  if (t === 'out' && rel(s, i, -1) === 'way') {
    // "i can't see a way out", "there's no way out"
    if (rel(s, i, 1) === 'of' && rel(s, i, 2) !== 'this' && rel(s, i, 2) !== 'it') return;
    if (back(s, i, 5, L.NEGATION) < 0) return;
    if (back(s, i, 8, new Set(['i', 'me', 'there'])) < 0) return;
    hit(s, 'immediate.self-harm', 'immediate');
    return;
  }
  if (L.PILLS.has(t)) {
    const ready = fwd(s, i, 3, new Set(['ready', 'lined', 'counted', 'out']));
    const have = back(
      s,
      i,
      5,
      new Set([
        'got',
        'have',
        'taken',
        'took',
        'swallowed',
        'take',
        'taking',
        'swallow',
        'collected',
        'saved',
        'stockpiled',
      ]),
    );
    const lots = back(
      s,
      i,
      4,
      new Set([
        'all',
        'load',
        'loads',
        'lot',
        'lots',
        'packet',
        'packets',
        'box',
        'boxes',
        'whole',
        'handful',
        'bottle',
        'stash',
        'enough',
        'every',
        'bunch',
      ]),
    );
    // "i've just taken 30 paracetamol": a count is a lot
    const num = back(s, i, 3, NUMBERISH);
    if (have < 0) return;
    if (ready < 0 && lots < 0 && num < 0) return;
    if (back(s, i, 8, new Set(['i', 'me', 'we'])) < 0) return;
    hit(s, 'immediate.self-harm', 'immediate');
    return;
  }
  if (t === 'wrists' || t === 'wrist' || t === 'arms' || t === 'veins') {
    // "i've cut my wrists", "slit my wrists"
    if (rel(s, i, -1) !== 'my') return;
    if (
      back(s, i, 3, new Set(['cut', 'slit', 'slashed', 'slash', 'cutting', 'slitting', 'sliced', 'open'])) < 0
    )
      return;
    if (back(s, i, 6, new Set(['i'])) < 0) return;
    hit(s, 'immediate.self-harm', 'immediate');
    return;
  }
  if (t === 'wall' || t === 'tree' || t === 'lorry' || t === 'river' || t === 'sea') {
    // "i'm going to drive into a wall", "crash my car into a tree"
    const into = back(s, i, 3, new Set(['into', 'off']));
    if (into < 0) return;
    if (back(s, into, 4, new Set(['drive', 'driving', 'crash', 'crashing', 'swerve', 'walk', 'walking'])) < 0)
      return;
    if (back(s, i, 8, INTENT) < 0 || back(s, i, 8, new Set(['i'])) < 0) return;
    hit(s, 'immediate.self-harm', 'immediate');
    return;
  }
  if (t === 'enough') {
    // "i've had enough of life", "i've had enough of everything"
    if (rel(s, i, -1) !== 'had' || rel(s, i, 1) !== 'of') return;
    const w = rel(s, i, 2);
    if (
      !(
        w === 'life' ||
        w === 'living' ||
        w === 'everything' ||
        w === 'being' ||
        (w === 'it' && rel(s, i, 3) === 'all')
      )
    )
      return;
    if (back(s, i, 4, new Set(['i'])) < 0) return;
    hit(s, 'immediate.self-harm', 'immediate');
    return;
  }
  if (t === 'myself') {
    // "thinking about using it on myself"
    if (rel(s, i, -1) !== 'on') return;
    if (back(s, i, 4, new Set(['use', 'using', 'used', 'turn', 'turning'])) < 0) return;
    hit(s, 'immediate.self-harm', 'immediate');
    return;
  }
  if (t === 'noose' || t === 'ligature') {
    if (back(s, i, 8, new Set(['i', 'me', 'my'])) < 0) return;
    hit(s, 'immediate.self-harm', 'immediate');
    return;
  }
  if (t === 'rope') {
    // "i have a rope", "i've bought a rope": the writer holding one
    const own = back(s, i, 4, new Set(['have', 'got', 'bought', 'found', 'tied', 'holding']));
    if (own < 0 || back(s, own, 3, new Set(['i', 'we'])) < 0) return;
    hit(s, 'immediate.self-harm', 'immediate');
    return;
  }
  if (t === 'wake') {
    // "i want to go to sleep and never wake up"
    if (rel(s, i, 1) !== 'up' || back(s, i, 3, new Set(['never', 'not'])) < 0) return;
    if (back(s, i, 10, new Set(['want', 'wanna', 'wish', 'hope', 'going'])) < 0) return;
    if (back(s, i, 10, new Set(['i'])) < 0 || back(s, i, 10, L.SAID) >= 0) return;
    hit(s, 'immediate.self-harm', 'immediate');
    return;
  }
  if (t === 'note' || t === 'letter' || t === 'letters') {
    const p = rel(s, i, -1);
    if (p === 'goodbye' || p === 'suicide') {
      hit(s, 'immediate.self-harm', 'immediate');
      return;
    }
    if (back(s, i, 3, new Set(['written', 'wrote', 'writing', 'left'])) < 0) return;
    if (back(s, i, 6, new Set(['i'])) < 0) return;
    if (!(nx === 'for' || nx === 'to')) return;
    const who = rel(s, i, 2) === 'my' ? rel(s, i, 3) : '';
    if (!(L.CHILD.has(who) || who === 'family' || who === 'mum' || who === 'sister' || who === 'parents'))
      return;
    hit(s, 'immediate.self-harm', 'immediate');
  }
};

// ---- concern frames --------------------------------------------------------------------------

const WHERE_VERB = new Set([
  'am',
  'live',
  'lives',
  'work',
  'stay',
  'staying',
  'go',
  'sleep',
  'moved',
  'was',
  'are',
  'is',
  'be',
]);

/** "asks where i am", "telling him where i live", "knows where she works". */
const whereFrame: RuleFn = (s, i) => {
  const a = rel(s, i, 1);
  const b = rel(s, i, 2);
  if (!(a === 'i' || a === 'we' || a === 'she' || a === 'my' || a === 'me')) return;
  if (!WHERE_VERB.has(b) && !(a === 'my' && (b === 'kids' || b === 'children' || b === 'new'))) return;
  if (lawGeneric(s, i) || isStory(s, i)) return;
  if (
    back(s, i, 10, L.PERSON) < 0 &&
    back(s, i, 6, new Set(['find', 'know', 'knows', 'asking', 'asked', 'telling', 'told'])) < 0
  )
    return;
  hit(s, 'concern.knows-where', 'concern');
};

/** "he's still looking for me", "asking about me", "asking my neighbours about me". */
const seeking: RuleFn = (s, i) => {
  let k = i + 1;
  // "asking my neighbours about me": skip who was asked
  if ((rel(s, i, 1) === 'my' || rel(s, i, 1) === 'our' || rel(s, i, 1) === 'her') && rel(s, i, 3) === 'about')
    k = i + 3;
  const nx = at(s, k);
  const nx2 = at(s, k + 1);
  if (k >= (s.sEnd[i] ?? 0)) return;
  if (
    !(
      (nx === 'for' || nx === 'about' || nx === 'around') &&
      (nx2 === 'me' || nx2 === 'us' || nx2 === 'her' || nx === 'around')
    )
  )
    return;
  if (lawGeneric(s, i) || isStory(s, i)) return;
  if (subjectBefore(s, i, 6) < 0) return;
  hit(s, 'concern.stalking', 'concern');
};

const CONTACT_THING = new Set([
  'texts',
  'messages',
  'calls',
  'emails',
  'voicemails',
  'texted',
  'called',
  'rang',
  'times',
]);

/** "50 texts a day", "rang me 30 times", "he's reported 6 times and nothing changed". */
const countFrame: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawGeneric(s, i)) return;
  if (!CONTACT_THING.has(rel(s, i, 1))) return;
  const n = Number.parseInt(t, 10);
  if (!(n >= 5)) return;
  if (rel(s, i, 1) === 'times') {
    if (
      back(s, i, 4, new Set(['reported', 'called', 'rang', 'phoned', 'messaged', 'texted', 'contacted'])) < 0
    )
      return;
  }
  if (back(s, i, 8, L.PERSON) < 0 && back(s, i, 8, new Set(['i', 'me'])) < 0) return;
  hit(s, 'concern.stalking', 'concern');
};

/** "he told me what i was wearing", "he knows things i only said on the phone", "still got a key". */
const knowsFrame: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawGeneric(s, i) || isStory(s, i)) return;
  if (t === 'wearing' || t === 'doing') {
    if (!(rel(s, i, -1) === 'was' && rel(s, i, -2) === 'i' && rel(s, i, -3) === 'what')) return;
    if (back(s, i, 8, L.PERSON) < 0) return;
    hit(s, 'concern.watched', 'concern');
    return;
  }
  if (t === 'key' || t === 'keys') {
    if (!(rel(s, i, 1) === 'to' || rel(s, i, 1) === 'for')) return;
    if (!(rel(s, i, 2) === 'my' || rel(s, i, 2) === 'our' || rel(s, i, 2) === 'the')) return;
    if (subjectBefore(s, i, 6) < 0) return;
    hit(s, 'concern.stalking', 'concern');
    return;
  }
  // knows / knew + things / stuff / everything
  const nx = rel(s, i, 1);
  if (!(nx === 'things' || nx === 'stuff' || nx === 'everything')) return;
  if (subjectBefore(s, i, 4) < 0) return;
  if (fwd(s, i, 5, new Set(['i', 'only', 'me', 'my'])) < 0) return;
  hit(s, 'concern.watched', 'concern');
};

/** "posted my address online", "shared my new address". */
const exposed: RuleFn = (s, i) => {
  if (lawGeneric(s, i)) return;
  const own = fwd(s, i, 2, new Set(['my', 'our', 'her']));
  if (own < 0) return;
  if (
    fwd(s, own, 2, new Set(['address', 'location', 'details', 'number', 'nudes', 'photos', 'pictures'])) < 0
  )
    return;
  if (subjectBefore(s, i, 6) < 0) return;
  hit(s, 'concern.stalking', 'concern');
};

/** "find my iphone", "find my friends", "life 360", "snap map". */
const findMy: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawGeneric(s, i)) return;
  if (t === 'find') {
    if (rel(s, i, 1) !== 'my' || !new Set(['iphone', 'phone', 'friends', 'device']).has(rel(s, i, 2))) return;
  } else if (t === 'map') {
    if (rel(s, i, -1) !== 'snap') return;
  } else return;
  if (back(s, i, 10, L.PERSON) < 0) return;
  hit(s, 'concern.tracking', 'concern');
};

/** "he's not supposed to contact me", "i keep thinking he's going to turn up". */
const supposedTo: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawGeneric(s, i) || s.hyp[i] === 1) return;
  if (t === 'supposed' || t === 'allowed') {
    if (rel(s, i, -1) !== 'not' || rel(s, i, 1) !== 'to') return;
    if (!new Set(['contact', 'come', 'be', 'message', 'call', 'text', 'see', 'go']).has(rel(s, i, 2))) return;
    if (subjectBefore(s, i, 5) < 0) return;
    hit(s, 'concern.order-breached', 'concern');
    return;
  }
  // turn up (future): "he's going to turn up", "he might turn up"
  if (rel(s, i, 1) !== 'up') return;
  if (subjectBefore(s, i, 6) < 0) return;
  hit(s, 'concern.turning-up', 'concern');
};

const DEVICE_WORD = ['app', 'apps', 'airpods', 'airtag', 'airtags', 'earbuds', 'tile', 'device', 'devices'];
const PUT_THERE = new Set([
  'put',
  'install',
  'installed',
  'download',
  'downloaded',
  'add',
  'added',
  'recognise',
]);

/** "there's an app on my phone i didn't put there", "my airpods show up as someone else's in find my". */
const unknownDevice: RuleFn = (s, i) => {
  if (lawGeneric(s, i) || isStory(s, i)) return;
  if (back(s, i, 3, FIRST_PERSON) < 0 && fwd(s, i, 4, FIRST_PERSON) < 0) return;
  const hi = Math.min((s.sEnd[i] ?? 0) - 1, i + 12);
  for (let j = i + 1; j <= hi; j++) {
    const t = at(s, j);
    const nx = at(s, j + 1);
    const unknown =
      (t === 'not' && (PUT_THERE.has(nx) || nx === 'mine')) ||
      (t === 'someone' && nx === 'else') ||
      (t === 'find' && nx === 'my');
    if (unknown) {
      hit(s, 'concern.unknown-device', 'concern');
      return;
    }
  }
};

const FEARED_LEAD = new Set([
  'what',
  'suppose',
  'imagine',
  'worried',
  'scared',
  'afraid',
  'terrified',
  'petrified',
]);
const FEARED_ACT = new Set([
  'come',
  'comes',
  'turn',
  'turns',
  'show',
  'shows',
  'find',
  'finds',
  'break',
  'breaks',
  'get',
  'gets',
  'kill',
  'kills',
  'hurt',
  'hurts',
  'follow',
  'follows',
  'take',
  'takes',
  'wait',
  'waits',
  'track',
  'tracks',
  'attack',
  'attacks',
  'hit',
  'hits',
]);

/** "what if he comes round tonight", "scared if he finds me": a feared act by a real person. */
const fearedIf: RuleFn = (s, i) => {
  const start = s.sStart[i] ?? 0;
  if (i !== start && !FEARED_LEAD.has(rel(s, i, -1))) return;
  if (s.law[i] === 1 || isStory(s, i)) return;
  let subj = i + 1;
  if (at(s, subj) === 'my') subj++;
  if (subj >= (s.sEnd[i] ?? 0)) return;
  const p = at(s, subj);
  if (!L.PERSON.has(p) || isGenericWord(p)) return;
  if (fwd(s, subj, 4, FEARED_ACT) < 0 || negatedBetween(s, subj, subj + 3)) return;
  hit(s, 'concern.feared-act', 'concern');
};

const FRAGMENT_DANGER = new Set([
  'knife',
  'knives',
  'gun',
  'blade',
  'machete',
  'weapon',
  'outside',
  'followed',
  'following',
  'strangled',
  'strangling',
  'choking',
  'choked',
  'trapped',
  'hiding',
]);

/** A message of one or two words that is itself a danger cue: "knife", "outside", "followed". */
const fragment: RuleFn = (s) => {
  if (s.n > 4) return;
  let words = 0;
  for (let k = 0; k < s.n; k++) if (at(s, k) !== BOUNDARY) words++;
  if (words > 2) return;
  for (let k = 0; k < s.n; k++) if (L.NEGATION.has(at(s, k))) return;
  hit(s, 'immediate.fragment', 'immediate');
};

/** "his car is outside", "i've seen his car on my street". */
const vehicle: RuleFn = (s, i) => {
  const p = rel(s, i, -1);
  if (!(p === 'his' || p === 'her' || p === 'ex' || p === 'their')) return;
  if (lawGeneric(s, i) || isStory(s, i)) return;
  const place = fwd(s, i, 6, new Set([...L.PLACE, 'street', 'road', 'drive', 'outside', 'opposite', 'near']));
  if (place < 0) return;
  if (fwd(s, i, 6, new Set(['my', 'our', 'the', 'outside', 'opposite'])) < 0) return;
  const be = fwd(s, i, 2, L.BE_PRESENT);
  const seenBefore = back(s, i, 4, new Set(['seen', 'saw', 'noticed', 'spotted']));
  const habitual = fwd(s, i, 10, new Set(['times', 'often', 'always', 'every', 'keeps', 'sometimes'])) >= 0;
  if (be >= 0 && !habitual && tense(s, i, i - 4, i + 8) !== 'past') {
    hit(s, 'immediate.presence', 'immediate');
    return;
  }
  if (seenBefore >= 0 || be >= 0 || habitual) hit(s, 'concern.loitering', 'concern');
};

const NASTY = new Set([
  'silent',
  'blank',
  'heavy',
  'anonymous',
  'creepy',
  'weird',
  'scary',
  'nasty',
  'threatening',
  'abusive',
  'horrible',
  'disgusting',
  'sexual',
  'vile',
  'sick',
  'angry',
  'aggressive',
  'frightening',
  'hateful',
]);
const SENT_THING = new Set([
  'messages',
  'texts',
  'letters',
  'emails',
  'voicemails',
  'calls',
  'notes',
  'dms',
  'comments',
]);

const OWN_TRADE = new Set(['business', 'shop', 'company', 'brand', 'bakery']);

/** Concern signs that need no fixed phrase: "creepy messages", "everywhere i go", "told him to stop". */
const concernSigns: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawGeneric(s, i) || isStory(s, i)) return;
  if (SENT_THING.has(t)) {
    if (!NASTY.has(rel(s, i, -1)) && !NASTY.has(rel(s, i, -2))) return;
    if (back(s, i, 8, L.PERSON) < 0 && back(s, i, 8, FIRST_PERSON) < 0) return;
    hit(s, 'concern.threat', 'concern');
    return;
  }
  if (t === 'every') {
    // "he comes to my house every night", "he drives past every day"
    const nx = rel(s, i, 1);
    if (
      !(
        nx === 'night' ||
        nx === 'day' ||
        nx === 'morning' ||
        nx === 'evening' ||
        nx === 'week' ||
        nx === 'weekend' ||
        nx === 'time'
      )
    )
      return;
    if (back(s, i, 10, L.PERSON) < 0) return;
    if (
      back(
        s,
        i,
        10,
        new Set([
          ...L.PLACE,
          'house',
          'work',
          'flat',
          'comes',
          'turns',
          'shows',
          'drives',
          'knocks',
          'waits',
          'calls',
          'rings',
          'texts',
          'messages',
          'follows',
          'sits',
          'parks',
        ]),
      ) < 0
    )
      return;
    hit(s, 'concern.stalking', 'concern');
    return;
  }
  if (t === 'been') {
    // "he's been to my work three times", "he's been at my mums"
    const nx = rel(s, i, 1);
    if (!(nx === 'to' || nx === 'at' || nx === 'outside' || nx === 'round')) return;
    if (!(rel(s, i, 2) === 'my' || rel(s, i, 2) === 'our' || rel(s, i, 2) === 'mine')) return;
    if (threatActor(s, i, 4) < 0) return;
    hit(s, 'concern.turning-up', 'concern');
    return;
  }
  if (t === 'because' || t === 'cause') {
    // "i had to change my route because of him"
    if (rel(s, i, 1) !== 'of' || !(rel(s, i, 2) === 'him' || rel(s, i, 2) === 'them')) return;
    if (back(s, i, 8, new Set(['i', 'we', 'my'])) < 0) return;
    hit(s, 'concern.fear', 'concern');
    return;
  }
  if (t === 'everywhere' || t === 'wherever') {
    // "i keep seeing him everywhere", "he turns up everywhere i go"
    if (back(s, i, 6, L.PERSON) < 0) return;
    hit(s, 'concern.stalking', 'concern');
    return;
  }
  if (t === 'seeing' || t === 'see') {
    // "i keep seeing him", "i always see his car"
    if (back(s, i, 2, L.KEEPS) < 0) return;
    const nx = rel(s, i, 1);
    if (!(nx === 'him' || nx === 'his' || nx === 'her' || nx === 'them')) return;
    hit(s, 'concern.stalking', 'concern');
    return;
  }
  if (t === 'stop') {
    // "even though i told him to stop", "i've asked him to stop"
    if (rel(s, i, -1) !== 'to') return;
    const who = rel(s, i, -2);
    if (!(who === 'him' || who === 'her' || who === 'them')) return;
    if (back(s, i, 4, new Set(['told', 'asked', 'begged', 'tell', 'ask', 'telling', 'asking'])) < 0) return;
    hit(s, 'concern.stalking', 'concern');
    return;
  }
  if (t === 'shoulder') {
    // "looking over my shoulder"
    if (rel(s, i, -1) !== 'my' || rel(s, i, -2) !== 'over') return;
    hit(s, 'concern.fear', 'concern');
    return;
  }
  if (t === 'install' || t === 'installed' || t === 'download' || t === 'downloaded') {
    // "an app on my phone i didn't install", "he installed something on my laptop"
    if (
      back(s, i, 3, L.NEGATION) >= 0 &&
      back(s, i, 4, new Set(['i'])) >= 0 &&
      back(s, i, 10, new Set(['app', 'apps', 'software', 'something'])) >= 0
    ) {
      hit(s, 'concern.tracking', 'concern');
      return;
    }
    if (subjectBefore(s, i, 5) >= 0 && fwd(s, i, 6, new Set(['my', 'our', 'her'])) >= 0)
      hit(s, 'concern.tracking', 'concern');
    return;
  }
  if (t === 'who' || t === 'what') {
    // "he knows who i've been talking to", "he knows what i did today"
    if (rel(s, i, -1) !== 'knows' && rel(s, i, -1) !== 'knew' && rel(s, i, -1) !== 'know') return;
    const nx = rel(s, i, 1) === 'time' ? rel(s, i, 2) : rel(s, i, 1);
    if (nx !== 'i' && nx !== 'we') return;
    if (subjectBefore(s, i - 1, 4) < 0) return;
    hit(s, 'concern.watched', 'concern');
    return;
  }
  if (
    t === 'camera' ||
    t === 'cameras' ||
    t === 'tracker' ||
    t === 'device' ||
    t === 'bug' ||
    t === 'microphone' ||
    t === 'mic'
  ) {
    // "i found a camera in my smoke alarm", "there's a device hidden under my car"
    if (
      back(s, i, 4, new Set(['found', 'find', 'discovered', 'spotted', 'noticed'])) < 0 &&
      fwd(s, i, 4, new Set(['hidden', 'under', 'inside'])) < 0
    )
      return;
    if (fwd(s, i, 6, new Set(['my', 'our', 'her', 'the'])) < 0) return;
    hit(s, 'concern.tracking', 'concern');
    return;
  }
  if (
    t === 'angry' ||
    t === 'violent' ||
    t === 'aggressive' ||
    t === 'nasty' ||
    t === 'obsessed' ||
    t === 'controlling'
  ) {
    // "he's getting more and more angry"
    if (back(s, i, 4, new Set(['more', 'increasingly', 'getting', 'becoming'])) < 0) return;
    if (back(s, i, 8, L.PERSON) < 0) return;
    hit(s, 'concern.escalation', 'concern');
    return;
  }
  if (t === 'posting' || t === 'posted' || t === 'writing' || t === 'spreading' || t === 'sharing') {
    // "he's been posting about me online", "spreading lies about me"
    const about = fwd(s, i, 3, new Set(['about']));
    if (about < 0 || !(rel(s, about, 1) === 'me' || rel(s, about, 1) === 'us' || rel(s, about, 1) === 'her'))
      return;
    if (subjectBefore(s, i, 6) < 0) return;
    hit(s, 'concern.stalking', 'concern');
    return;
  }
  if (t === 'fake') {
    // "made a fake instagram", "fake profiles"
    const nx = rel(s, i, 1);
    if (
      !new Set([
        'instagram',
        'facebook',
        'snapchat',
        'tiktok',
        'twitter',
        'page',
        'profile',
        'profiles',
        'account',
        'accounts',
        'number',
        'numbers',
        'name',
        'names',
        'email',
      ]).has(nx)
    )
      return;
    if (back(s, i, 8, L.PERSON) < 0) return;
    // "a fake profile ... pretending to be my business": not about a person
    for (let j = i + 1; j < Math.min(s.n, i + 16); j++) if (OWN_TRADE.has(at(s, j))) return;
    hit(s, 'concern.stalking', 'concern');
    return;
  }
  // scarier / worse / nastier with "things" or "it" as the subject: "things are getting scarier"
  if (back(s, i, 2, new Set(['getting', 'got', 'gets', 'becoming'])) < 0) return;
  if (back(s, i, 5, new Set(['things', 'it', 'messages', 'situation', 'texts', 'threats', 'behaviour'])) < 0)
    return;
  hit(s, 'concern.escalation', 'concern');
};

// ---- pattern of behaviour (ongoing, not happening now) ---------------------------------------

const AGAIN_VERB = new Set([
  'texting',
  'messaging',
  'calling',
  'ringing',
  'contacting',
  'emailing',
  'following',
  'turning',
  'turned',
  'showing',
  'showed',
  'had',
  'found',
  'sending',
  'writing',
  'started',
  'watching',
]);
const OWN = new Set(['my', 'our', 'her']);
const ROUTINE = new Set(['routine', 'movements', 'schedule', 'whereabouts', 'shifts', 'timetable']);
const KNOW_VERB = new Set(['knows', 'knew', 'know', 'learned', 'learnt', 'tracking', 'watching', 'worked']);
const RUMMAGED = new Set([
  'bins',
  'bin',
  'post',
  'mail',
  'rubbish',
  'phone',
  'bag',
  'things',
  'stuff',
  'drawers',
]);
const BLOCK_EVADE = new Set([
  'since',
  'new',
  'another',
  'different',
  'other',
  'still',
  'again',
  'mates',
  'friends',
]);
const ORDER_WORD = new Set(['order', 'injunction', 'bail', 'conditions', 'orders']);
const SOMEONE_SAME = new Set(['car', 'van', 'man', 'person', 'bloke', 'guy', 'motorbike']);
const SEEN_AGAIN = new Set(['keep', 'keeps', 'seeing', 'again', 'parked', 'outside', 'always', 'every']);
const SMEAR_WHO = new Set(['people', 'everyone', 'everybody', 'friends', 'family', 'my', 'our', 'her']);
const MANY = new Set([
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'several',
  'multiple',
  'countless',
  'numerous',
]);
const REPORTED = new Set(['reported', 'called', 'rang', 'phoned', 'contacted', 'told']);

/**
 * Ongoing unwanted behaviour without a fixed phrase: "he's started texting again", "won't leave
 * her alone", "turning up uninvited", "knows my routine", "going through my bins", "since i
 * blocked him", "the order ran out", "the same car parked outside", "reported it four times".
 */
const patternFrame: RuleFn = (s, i) => {
  const t = at(s, i);
  if (lawGeneric(s, i) || isStory(s, i) || s.hyp[i] === 1) return;
  const nx = rel(s, i, 1);
  let ok = false;
  if (t === 'again') ok = back(s, i, 5, AGAIN_VERB) >= 0 && threatActor(s, i, 8) >= 0;
  else if (t === 'alone')
    ok =
      (rel(s, i, -1) === 'me' || rel(s, i, -1) === 'her' || rel(s, i, -1) === 'us') &&
      (rel(s, i, -2) === 'leave' || rel(s, i, -2) === 'leaving') &&
      back(s, i, 4, L.NEGATION) >= 0;
  else if (t === 'uninvited' || t === 'unannounced') ok = back(s, i, 10, L.PERSON) >= 0;
  else if (ROUTINE.has(t))
    ok = back(s, i, 3, OWN) >= 0 && back(s, i, 6, KNOW_VERB) >= 0 && subjectBefore(s, i, 8) >= 0;
  else if (t === 'spare') ok = nx === 'key' && threatActor(s, i, 6) >= 0;
  else if (t === 'through')
    ok = OWN.has(nx) && RUMMAGED.has(rel(s, i, 2)) && (rel(s, i, -1) === 'going' || rel(s, i, -1) === 'gone');
  else if (t === 'liking' || t === 'commenting' || t === 'screenshotting')
    ok = fwd(s, i, 4, OWN) >= 0 && threatActor(s, i, 6) >= 0;
  else if (t === 'blocked')
    ok =
      back(s, i, 2, new Set(['i', 'we'])) >= 0 &&
      sentenceHas(s, i, BLOCK_EVADE) &&
      sentenceHas(s, i, L.PERSON);
  else if (t === 'spite') ok = back(s, i, 12, L.PERSON) >= 0;
  else if (t === 'taken')
    ok = (nx === 'off' || nx === 'away') && back(s, i, 4, L.CHILD) >= 0 && threatActor(s, i, 10) >= 0;
  else if (t === 'expired' || t === 'lapsed' || ((t === 'ran' || t === 'run') && nx === 'out'))
    ok = back(s, i, 5, ORDER_WORD) >= 0;
  else if (t === 'same') ok = SOMEONE_SAME.has(nx) && sentenceHas(s, i, SEEN_AGAIN);
  else if (t === 'telling')
    ok = SMEAR_WHO.has(nx) && fwd(s, i, 5, new Set(['i', 'lies', 'she'])) >= 0 && threatActor(s, i, 6) >= 0;
  else if (MANY.has(t)) ok = nx === 'times' && back(s, i, 5, REPORTED) >= 0;
  if (ok) hit(s, 'concern.pattern', 'concern');
};

// ---- dispatch --------------------------------------------------------------------------------

export const FRAME_RULES: readonly Rule[] = [
  { triggers: [...L.INTRUDE_STRONG, ...L.INTRUDE_WEAK], fn: intrusion },
  { triggers: L.LOCATION, fn: placeFrame },
  { triggers: ['in', 'inside'], fn: heIsIn },
  { triggers: ['here', 'there', 'outside', 'back'], fn: hereFrame },
  {
    triggers: [
      'found',
      'finds',
      'turned',
      'showed',
      'shown',
      'rocked',
      'popped',
      'appeared',
      'arrived',
      'come',
      'got',
      'gotten',
      'made',
      'turns',
      'shows',
      'comes',
    ],
    fn: arrivedFrame,
  },
  {
    triggers: [
      'mine',
      'route',
      'be',
      'minute',
      'second',
      'from',
      'towards',
      'toward',
      'nearly',
      'almost',
      'here',
      'down',
      'up',
      ...PURPOSE,
    ],
    fn: onTheWayFrame,
  },
  {
    triggers: [
      'let',
      'letting',
      'keeping',
      'holding',
      'kept',
      'held',
      'trapped',
      'hostage',
      'blocking',
      'blocked',
      'cornered',
      'boxed',
    ],
    fn: captive,
  },
  { triggers: ['over'], fn: smother },
  { triggers: ['under', 'water'], fn: drown },
  { triggers: ['sharp'], fn: sharpThing },
  { triggers: [...TARGET_BODY], fn: heldTo },
  { triggers: ['through', 'thru'], fn: throughEntry },
  {
    triggers: [
      'slash',
      'glass',
      'cut',
      'cutting',
      'knife',
      'break',
      'snap',
      'smash',
      'kick',
      'punch',
      'cave',
      'bash',
      'batter',
    ],
    fn: cutThreat,
  },
  {
    triggers: [
      'see',
      'make',
      'wake',
      'last',
      'dead',
      'next',
      'under',
      'goodbye',
      'prayers',
      'night',
      'day',
      'christmas',
      'birthday',
      'breath',
      'you',
      'disappear',
      'vanish',
      'bullet',
      'bullets',
      ...L.GRAVE_WORD,
    ],
    fn: deathIdiom,
  },
  { triggers: [...L.HIDE_SPOT, 'know', 'knows'], fn: hidingPlace },
  { triggers: ['against', 'front'], fn: barricade },
  { triggers: ['wedged', 'jammed', 'wedge'], fn: wedged },
  { triggers: [...L.CHILD, 'yo', 'yr', 'old'], fn: childWindow },
  {
    triggers: ['back', 'with', 'without', 'answer', 'answering', 'take', 'taking', 'snatch', 'grab'],
    fn: abduction,
  },
  {
    triggers: [
      'jump',
      'bridge',
      'ledge',
      'cliff',
      'edge',
      'roof',
      'out',
      'note',
      'letter',
      'letters',
      'noose',
      'ligature',
      'rope',
      'wall',
      'tree',
      'lorry',
      'river',
      'sea',
      'enough',
      'myself',
      'wrists',
      'wrist',
      'arms',
      'veins',
      'wake',
      ...L.PILLS,
    ],
    fn: selfHarmIntent,
  },
  { triggers: ['where'], fn: whereFrame },
  {
    triggers: [
      ...SENT_THING,
      'everywhere',
      'wherever',
      'been',
      'because',
      'every',
      'seeing',
      'see',
      'stop',
      'shoulder',
      'install',
      'installed',
      'download',
      'downloaded',
      'who',
      'what',
      'fake',
      'camera',
      'cameras',
      'tracker',
      'device',
      'bug',
      'microphone',
      'mic',
      'angry',
      'violent',
      'aggressive',
      'nasty',
      'obsessed',
      'controlling',
      'posting',
      'posted',
      'writing',
      'spreading',
      'sharing',
      'scarier',
      'worse',
      'nastier',
      'creepier',
      'darker',
      'scary',
    ],
    fn: concernSigns,
  },
  { triggers: [...L.ENTRY_POINT], fn: atTheDoor },
  { triggers: ['following', 'tailing', 'chasing'], fn: vehicleFollowing },
  { triggers: [...HARM_VERB], fn: goingToHarm },
  { triggers: ['followed', 'following', 'chased', 'tailed'], fn: followedFor },
  { triggers: ['looking', 'searching', 'asking', 'asked', 'hunting'], fn: seeking },
  { triggers: ['wearing', 'doing', 'key', 'keys', 'knows', 'knew'], fn: knowsFrame },
  { triggers: ['posted', 'shared', 'leaked', 'published'], fn: exposed },
  { triggers: ['find', 'map'], fn: findMy },
  { triggers: ['supposed', 'allowed', 'turn'], fn: supposedTo },
  { triggers: ['car', 'van', 'truck', 'motorbike'], fn: vehicle },
  { triggers: ['if'], fn: fearedIf },
  { triggers: DEVICE_WORD, fn: unknownDevice },
  { triggers: [...FRAGMENT_DANGER], fn: fragment },
  {
    triggers: [
      'again',
      'alone',
      'uninvited',
      'unannounced',
      ...ROUTINE,
      'spare',
      'through',
      'liking',
      'commenting',
      'screenshotting',
      'blocked',
      'spite',
      'taken',
      'expired',
      'lapsed',
      'ran',
      'run',
      'same',
      'telling',
      ...MANY,
    ],
    fn: patternFrame,
  },
];

/** Numbers ("50 texts a day") are not words, so the count frame runs on every number token. */
export function runNumberFrames(s: Scan): void {
  for (let i = 0; i < s.n; i++) {
    const c = (s.w[i] ?? '').charCodeAt(0);
    if (c >= 48 && c <= 57) countFrame(s, i);
  }
}
