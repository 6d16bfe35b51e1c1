/**
 * The normalisation layer of the matcher. The same steps run over the content (when the index is built)
 * and over what people type, so that "non-mol", "nonmol" and "NMO" all become one term, "insta" and
 * "snapchat" become "online", "harrassed" and "harassing" become "harass", and so on.
 */
import { distance } from 'fastest-levenshtein';

/** Multi-word phrases and spellings that stand for one idea. Applied in order, to lower-case text. */
const PHRASES: readonly (readonly [RegExp, string])[] = [
  // Orders and acts
  [/\bnon ?-? ?molest\w*( orders?)?\b/g, ' nonmol '],
  [/\bnon ?-? ?mols?( orders?)?\b/g, ' nonmol '],
  [/\bnmos?\b/g, ' nonmol '],
  [/\bstalking protection orders?\b/g, ' spo '],
  [/\bstalking orders?\b/g, ' spo '],
  [/\bs ?p ?os?\b/g, ' spo '],
  [/\bstalking protection act\b/g, ' spo act '],
  [/\bprotection from harassment act\b/g, ' pha harassment '],
  [/\bharassment act\b/g, ' pha harassment '],
  [/\bonline safety act\b/g, ' osa online '],
  [/\bosa\b/g, ' osa online '],
  [/\bfamily law act\b/g, ' nonmol '],
  [/\brestrain(ing|t)? orders?\b/g, ' restrainingorder '],
  [/\bcourse of conduct\b/g, ' courseofconduct '],
  [/\bsilent solution\b/g, ' silent 55 '],
  [/\bessex compass\b/g, ' compass '],
  [/\bwithout notice\b/g, ' withoutnotice '],
  [/\blegal aid\b/g, ' legalaid '],
  [/\bperpetrator programmes?\b/g, ' programme perpetrator '],
  // Online
  [/\bsocial media\b/g, ' online '],
  [/\bdirect messages?\b/g, ' online '],
  [/\bdick ?pics?\b/g, ' cyberflash '],
  [/\bcyber ?flash\w*/g, ' cyberflash '],
  [/\brevenge porn\b/g, ' nude share '],
  [/\bdeep ?fakes?\b/g, ' nude fake '],
  // People
  [/\bex ?-? ?(partner|boyfriend|girlfriend|husband|wife|bf|gf)\b/g, ' partner '],
  [/\b(kids?|childs?|child's|childrens?|babys?|baby's) (dad|father|mum|mom|mother)\b/g, ' childparent '],
  [/\b(liv(e|ed|es|ing)) with\b/g, ' livewith '],
  // Police and danger
  [/\b(non|not an?|not) ?-? ?emergency\b/g, ' nonemergency '],
  [/\bnot urgent\b/g, ' nonemergency '],
  [/\b(found )?not guilty\b/g, ' acquit '],
  [/\bold bill\b/g, ' police '],
  [/\b(locked|lock) up\b/g, ' prison '],
  [/\bsent down\b/g, ' prison '],
  [/\bpress(ing)? charges\b/g, ' prosecution '],
  [/\b(can ?not|cant|unable to|not able to|too scared to) (speak|talk)\b/g, ' silent '],
  [/\b(say|saying|said) nothing\b/g, ' silent '],
  [/\bwithout (speaking|talking)\b/g, ' silent '],
  [/\b(hard of hearing|deaf)\b/g, ' deaf '],
  [/\bcrime and policing bill\b/g, ' policingbill update '],
  [/\bfamily court\b/g, ' familycourt court '],
  // Intents
  [/\bwhat (does|do|can|could|will|would) ((?:\w+ ){0,4})do\b/g, ' whatdo $2 '],
  [/\b(am i|are we|is (he|she|this|that|it)|are they) (being )?(stalk\w*)/g, ' recognise $4 '],
  [/\b(am i|are we|is (he|she|this|that|it)|are they) (being )?(harass\w*)/g, ' courseofconduct $4 '],
  [
    /\bhow (do|can|would|will|could|should) (i|you|we|someone|people) (know|tell|recognise|spot)\b/g,
    ' recognise ',
  ],
  [
    /\bhow (long|many years|much time) (do|would|will|could|can|did|might|does) (you|he|she|they|someone|people|a stalker|stalkers|a harasser|harassers|the stalker|the sender) (get|go|serve|spend|be sent|be put)\b/g,
    ' penalty prison ',
  ],
  [/\bhow (long|many years) (in|behind) (prison|jail|bars)\b/g, ' penalty prison '],
  [/\bhow (long|many years) for\b/g, ' penalty prison '],
  [
    /\bhow (do|can|could|would|to|does) (i|you|we|someone|one|people|victims?)? ?(get|apply for|obtain|ask for|go about getting)\b/g,
    ' howget ',
  ],
  [/\b(wont|will not|doesnt|does not|never|not) stop\b/g, ' repeated unwanted '],
  [/\bhow long (does|do|will|would|is|are|can|before)\b/g, ' duration '],
  [/\bhow long\b/g, ' duration '],
  [/\bhow many times\b/g, ' courseofconduct '],
  [/\bmore than once\b/g, ' courseofconduct '],
  [
    /\b(does|do|did|didn't|didnt|doesn't|doesnt|not|wont|won't) (follow|obey|stick to|keep to)\b/g,
    ' breach ',
  ],
  [/\b(won'?t|will not|doesn'?t|does not) leave me alone\b/g, ' stalk unwanted '],
  [/\b(talk|speak|chat) to (someone|somebody|anyone|anybody)\b/g, ' support talk '],
];

/** Single words: text-speak, spelling slips and words for the same idea. */
const WORDS: Readonly<Record<string, string>> = {
  // text-speak
  u: 'you',
  ur: 'your',
  r: 'are',
  im: 'i',
  pls: 'please',
  plz: 'please',
  wat: 'what',
  wot: 'what',
  wht: 'what',
  hw: 'how',
  cn: 'can',
  tho: 'though',
  bc: 'because',
  cos: 'because',
  coz: 'because',
  cuz: 'because',
  ppl: 'people',
  some1: 'someone',
  sum1: 'someone',
  any1: 'anyone',
  msg: 'message',
  msgs: 'messages',
  txt: 'text',
  txts: 'texts',
  pic: 'picture',
  pics: 'pictures',
  pix: 'pictures',
  photo: 'picture',
  photos: 'pictures',
  image: 'picture',
  images: 'pictures',
  shld: 'should',
  // spelling slips that fuzzy matching cannot reach
  stocking: 'stalking',
  stocked: 'stalked',
  stoking: 'stalking',
  stalkd: 'stalked',
  stalkin: 'stalking',
  harrased: 'harassed',
  harased: 'harassed',
  // online
  insta: 'online',
  instagram: 'online',
  ig: 'online',
  fb: 'online',
  facebook: 'online',
  snap: 'online',
  snapchat: 'online',
  whatsapp: 'online',
  tiktok: 'online',
  dm: 'online',
  dms: 'online',
  twitter: 'online',
  messenger: 'online',
  telegram: 'online',
  internet: 'online',
  socials: 'online',
  // people
  ex: 'partner',
  bf: 'partner',
  gf: 'partner',
  boyfriend: 'partner',
  girlfriend: 'partner',
  husband: 'partner',
  hubby: 'partner',
  wife: 'partner',
  spouse: 'partner',
  fiance: 'partner',
  fiancee: 'partner',
  partners: 'partner',
  mum: 'relative',
  mom: 'relative',
  mother: 'relative',
  dad: 'relative',
  father: 'relative',
  brother: 'relative',
  sister: 'relative',
  uncle: 'relative',
  aunt: 'relative',
  cousin: 'relative',
  stepdad: 'relative',
  stepmum: 'relative',
  nan: 'relative',
  grandad: 'relative',
  relatives: 'relative',
  flatmate: 'livewith',
  housemate: 'livewith',
  roommate: 'livewith',
  lodger: 'livewith',
  kid: 'child',
  kids: 'child',
  children: 'child',
  son: 'child',
  daughter: 'child',
  // police, prison, courts
  cops: 'police',
  coppers: 'police',
  feds: 'police',
  jail: 'prison',
  gaol: 'prison',
  prisoner: 'prison',
  judge: 'court',
  magistrate: 'magistrates',
  acquitted: 'acquit',
  acquittal: 'acquit',
  // breaking an order
  break: 'breach',
  breaks: 'breach',
  broke: 'breach',
  broken: 'breach',
  breaking: 'breach',
  breaches: 'breach',
  breached: 'breach',
  breaching: 'breach',
  ignore: 'breach',
  ignores: 'breach',
  ignored: 'breach',
  ignoring: 'breach',
  violate: 'breach',
  violates: 'breach',
  violated: 'breach',
  disobey: 'breach',
  disobeys: 'breach',
  disobeyed: 'breach',
  // threats
  threaten: 'threat',
  threatens: 'threat',
  threatened: 'threat',
  threatening: 'threat',
  threats: 'threat',
  // images
  nudes: 'nude',
  naked: 'nude',
  // news and changes
  new: 'update',
  newer: 'update',
  latest: 'update',
  recent: 'update',
  recently: 'update',
  updates: 'update',
  updated: 'update',
  news: 'update',
  change: 'update',
  changes: 'update',
  changed: 'update',
  changing: 'update',
  future: 'update',
  plans: 'update',
  planned: 'update',
  plan: 'update',
  announced: 'update',
  amended: 'update',
  amendment: 'update',
  amend: 'update',
  strengthen: 'update',
  strengthened: 'update',
  strengthening: 'update',
  stronger: 'update',
  convicted: 'convict',
  convicts: 'convict',
  conviction: 'convict',
  convictions: 'convict',
  family: 'relative',
  // how long
  expire: 'duration',
  expires: 'duration',
  forever: 'duration',
  permanent: 'duration',
  // help
  helpline: 'support',
  helplines: 'support',
  ring: 'call',
  phone: 'call',
};

/** Function words that say nothing about the topic. */
const STOP_WORDS = new Set(
  (
    'a about above after again all also am an and any anyone are as at be because been being but by can could did do ' +
    'does doing done for from get gets getting got had has have having he hes her here hers him his how i id ill if ' +
    'in into is it its ive just keep keeps kept like me might more most much my myself of off oh on or our out over ' +
    'please really so some someone somebody person people guy man woman that thats the their them then there these ' +
    'they theyre this those to too um us very was we were what whats which while why will with would you youre ' +
    'your yours yourself she shes want wants wanted go going gonna wanna need needs happen happens happened hi hello ' +
    'thanks thank ok okay still even ever just any my mine should shall must would dont cant wont doesnt didnt isnt ' +
    'arent thing lot tell me whether way time day good nice'
  ).split(' '),
);
// "tell" is a stop word, but "tell the police" survives as "police".

/**
 * Words the typo step corrects towards (only long, distinctive words, so that ordinary words such as
 * "talking" are never turned into "stalking").
 */
const TYPO_TARGETS = [
  'stalking',
  'stalker',
  'stalked',
  'harassment',
  'harassing',
  'harassed',
  'protection',
  'molestation',
  'restraining',
  'threatening',
  'prosecution',
  'magistrates',
  'programme',
  'emergency',
  'helpline',
  'cyberflashing',
  'intimate',
  'perpetrator',
  'interim',
  'consent',
  'online',
  'safety',
  'harass',
  'threats',
  'threat',
  'breached',
  'arrested',
  'compass',
  'police',
  'prison',
  'support',
  'order',
];
const TYPO_PROTECTED = new Set([
  'talking',
  'walking',
  'stalk',
  'orders',
  'order',
  'older',
  'other',
  'safely',
  'prisons',
  'threaten',
  'breaches',
  'arrest',
  'police',
  'policy',
  'protected',
  'protecting',
  'protect',
  'supporting',
  'supported',
  'harassing',
  'harasser',
  'thread',
  'poison',
  'polite',
  'content',
  'border',
]);

/** Words already looked at (bounded, as people can type anything). */
const typoCache = new Map<string, string>();

function fixTypo(word: string): string {
  if (word.length < 6 || TYPO_PROTECTED.has(word) || /\d/.test(word)) return word;
  const cached = typoCache.get(word);
  if (cached !== undefined) return cached;
  if (typoCache.size > 5000) typoCache.clear();
  const fixed = closestTarget(word);
  typoCache.set(word, fixed);
  return fixed;
}

function closestTarget(word: string): string {
  const max = word.length >= 9 ? 2 : 1;
  let best = word;
  let bestD = max + 1;
  for (const target of TYPO_TARGETS) {
    if (Math.abs(target.length - word.length) > max) continue;
    const d = distance(word, target);
    if (d < bestD) {
      bestD = d;
      best = target;
    }
  }
  return bestD === 0 ? word : bestD <= max ? best : word;
}

const IRREGULAR: Readonly<Record<string, string>> = {
  threaten: 'threat',
  children: 'child',
  lives: 'live',
  living: 'live',
  lived: 'live',
  married: 'marry',
  court: 'court',
  courts: 'court',
};

/** A light suffix stripper: both sides of the match go through it, so it only needs to be consistent. */
export function stem(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  if (word.length <= 4 || /\d/.test(word)) return word;
  let w = word;
  for (const suffix of [
    'ations',
    'ation',
    'ments',
    'ment',
    'ings',
    'ing',
    'ions',
    'ion',
    'ers',
    'er',
    'ed',
  ]) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w === word) {
    if (w.endsWith('ies') && w.length > 5) w = `${w.slice(0, -3)}y`;
    else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && w.length > 4) w = w.slice(0, -1);
  }
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  // stopped -> stopp -> stop
  if (/([^aeiouls])\1$/.test(w)) w = w.slice(0, -1);
  return IRREGULAR[w] ?? w;
}

function applyPhrases(text: string): string {
  let t = ` ${text.replace(/\s+/g, ' ').trim()} `;
  for (const [pattern, replacement] of PHRASES) {
    if (pattern.test(t)) t = t.replace(pattern, replacement).replace(/\s+/g, ' ');
    pattern.lastIndex = 0;
  }
  return t;
}

/** Lower-case, plain characters, text-speak spelled out; no phrases replaced (for the advice check). */
export function simplifyText(text: string): string {
  const t = text
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, ' ');
  return t
    .split(' ')
    .map((w) => WORDS[w] ?? w)
    .join(' ')
    .trim();
}

/** Lower-case, plain characters, apostrophes dropped, phrases replaced. */
export function normaliseText(text: string): string {
  let t = ` ${text.toLowerCase()} `
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  // "s.p.o" -> "s p o"; "non-mol" -> "non mol"
  t = t.replace(/'s\b/g, 's').replace(/'/g, '');
  t = t.replace(/[^a-z0-9]+/g, ' ');
  t = applyPhrases(t);
  // Fix typos word by word, then look for phrases again ("stalking protecton order").
  t = t
    .split(' ')
    .map((w) => {
      const mapped = WORDS[w];
      return mapped ?? fixTypo(w);
    })
    .join(' ');
  return applyPhrases(t).trim();
}

/** The terms the matcher indexes and searches for. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const word of normaliseText(text).split(' ')) {
    if (word === '' || STOP_WORDS.has(word)) continue;
    const mapped = WORDS[word] ?? word;
    if (STOP_WORDS.has(mapped)) continue;
    out.push(stem(mapped));
  }
  return out;
}
