/** Plain-English measures for the style test (GOV.UK style; Flesch-Kincaid grade). */
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import {
  EMERGENCY,
  ESSEX_COMPASS,
  NATIONAL_DOMESTIC_ABUSE_HELPLINE,
  NATIONAL_STALKING_HELPLINE,
  POLICE_NON_EMERGENCY,
  VICTIM_SUPPORT,
} from '../../src/common/contacts.ts';

export const CANONICAL_NUMBERS: readonly string[] = [
  EMERGENCY,
  ESSEX_COMPASS,
  POLICE_NON_EMERGENCY,
  NATIONAL_STALKING_HELPLINE,
  NATIONAL_DOMESTIC_ABUSE_HELPLINE,
  VICTIM_SUPPORT,
].map((c) => c.display);

/**
 * Names of acts, orders, services and bodies. The style guide lets us leave them out of the reading
 * grade: a person cannot be spared the words "Non-Molestation Order", and they are explained where used.
 */
const NAMES: readonly RegExp[] = [
  /Protection from Harassment Act 1997/g,
  /Protection of Freedoms Act 2012/g,
  /Stalking Protection Act 2019/g,
  /Online Safety Act 2023/g,
  /Family Law Act 1996/g,
  /Crime and Policing Bill/g,
  /Policing and Crime Act 2017/g,
  /Stalking Protection Orders? \(SPOs?\)/g,
  /Stalking Protection Orders?/g,
  /Non-Molestation Orders?/g,
  /National Stalking Helpline/g,
  /National Domestic Abuse Helpline/g,
  /Victim Support/g,
  /Essex Compass/g,
  /Home Office/g,
  /Silent Solution/g,
];

/** Any UK-looking phone number: +44 or 0, then at least 9 more digits with spaces or dashes between. */
const PHONE_LIKE = /(?:\+44[\s-]?|\b0)(?:\d[\s-]?){8,}\d\b/g;

/** Phone numbers that are not written exactly as in src/common/contacts.ts. */
export function nonCanonicalNumbers(text: string): string[] {
  return [...text.matchAll(PHONE_LIKE)].map((m) => m[0].trim()).filter((n) => !CANONICAL_NUMBERS.includes(n));
}

/** A phone number reads as one item, so it counts as one word. */
function withPhonesAsWords(text: string): string {
  let t = text;
  for (const n of CANONICAL_NUMBERS) t = t.split(n).join('Phone');
  return t;
}

export function sentences(text: string): string[] {
  return withPhonesAsWords(text)
    .split('\n')
    .flatMap((line) => line.split(/(?<=[.!?])\s+/))
    .map((s) => s.replace(/^\s*-\s*/, '').trim())
    .filter((s) => s !== '');
}

export function words(text: string): string[] {
  return withPhonesAsWords(text).match(/[A-Za-z0-9][A-Za-z0-9'’-]*/g) ?? [];
}

/** Syllables of one word; numbers are read aloud ("2019" = twenty nineteen). */
function syllables(word: string): number {
  if (/^\d+$/.test(word)) return Math.min(4, Math.max(1, word.length));
  return Math.max(1, syllable(word));
}

export function readingGrade(text: string): number {
  let t = text;
  for (const name of NAMES) t = t.replace(name, 'Name');
  const s = sentences(t);
  const w = words(t);
  return fleschKincaid({
    sentence: Math.max(1, s.length),
    word: Math.max(1, w.length),
    syllable: w.reduce((sum, x) => sum + syllables(x), 0),
  });
}
