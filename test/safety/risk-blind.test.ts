/**
 * Generalisation checks. Each risk-blind*.json was written before its messages were run through
 * the detector, and its first-pass score was recorded before any fix:
 *
 *   set      written                         first pass (immediate recall / concern recall / none->any)
 *   blind    before reading src/safety       85.1% / 82.8% / 1.9%  (original detector)
 *   blind2   before any change               77.7% / 70.0% / 10.3% (original detector)
 *   blind3   after the first frames          82.9% / 84.2% / 3.4%
 *   blind4   after the second round          69.4% / 70.0% / 8.0%  (deliberately harder)
 *   blind5   after the third round           80.9% / 80.0% / 5.0%
 *   blind6   older / formal / non-native /    87.7% / 75.0% / 4.4%  (rules only, before the model)
 *            third-person writers
 *   blind7   young people: slang, fragments,  84.6% / 85.0% / 6.7%  (rules only, before the model)
 *            badly transcribed voice notes
 *
 *   With the statistical scorer trained WITHOUT blind6/blind7 (scripts/safety/cross-validate.ts):
 *   blind6 92.3% / 95.0% / 4.4%, blind7 86.2% / 97.5% / 6.7% (no false alarms added).
 *
 *   blind8   questions mixed with danger,     98.5% / 97.5% / 26.7% (none->immediate 13.3%)
 *            long narratives, calm-then-turn, (rules only: 92.4% / 92.5% / 26.7%)
 *            downplaying, past-into-present
 *   blind9   coded / covert, children about a 83.1% / 95.0% / 26.1% (none->immediate 6.5%)
 *            parent, third parties now,       (rules only: 73.8% / 75.0% / 21.7%)
 *            digital-only presence, hard negatives
 *   blind10  negation / hypotheticals, danger  94.2% / 86.7% / 5.0%  (none->immediate 5.0%)
 *            replies to yes/no questions, one-   misses: "knife", "outside", "followed"; "what if he
 *            or two-word fragments, new typos,   comes round tonight", "what if he breaks in while
 *            law questions during live danger,   im asleep"; an app "i didn't put there"; airpods
 *            everyday none messages              as "someone else's in find my"; "it was just the
 *                                                neighbour at the door"; "he's not outside anymore,
 *                                                he left ... safe" (model.immediate)
 *   blind11  ongoing patterns (gifts on the     96.0% / 98.2% / 15.0% (none->immediate 0.0%)
 *            doorstep, gym / school run / church, (rules only: 96.0% / 70.9% / 12.5%)
 *            new accounts after blocking, orders  misses: "i've got the pills ready" ("ready" was
 *            ran out, released, found new address, spell-corrected to "reads"); "the same car parked
 *            police did nothing, can't sleep),    outside my house" (none); false alarms: flowers
 *            parents / friends / colleagues,      from a new partner, a new instagram account for
 *            close neutral neighbours             a business, supporting someone who's been
 *                                                 stalked, "released from his job", son "keeps
 *                                                 calling" from uni, a fake profile of a business
 *   (blind8/blind9/blind10/blind11 first pass with the rules + the model shipped before them; written
 *   before reading src/safety or any fixture.)
 *
 *   dev      after the first frames          89.8% immediate, 0 of 104 hard negatives immediate
 *
 * The first pass is the honest measure of generalisation; after it, each set became a regression
 * set and must meet the same targets as the corpus. Misses are printed so a failure says what to
 * look at.
 */
import { describe, expect, it } from 'vitest';
import { assessRisk } from '../../src/safety/index.ts';
import { expectTargets, loadCorpus } from './corpus.ts';

const level = (t: string) => assessRisk(t).level;
const BLIND_SETS = [
  'risk-blind.json',
  'risk-blind2.json',
  'risk-blind3.json',
  'risk-blind4.json',
  'risk-blind5.json',
  'risk-blind6.json',
  'risk-blind7.json',
  'risk-blind8.json',
  'risk-blind9.json',
  'risk-blind10.json',
  'risk-blind11.json',
  'risk-dev.json',
];

describe('blind sets', () => {
  for (const name of BLIND_SETS) {
    it(`${name}: finds every danger and rarely raises a false alarm`, () => {
      expectTargets(name, loadCorpus(name));
    });
  }

  it('risk-blind.json is big enough and balanced', () => {
    const entries = loadCorpus('risk-blind.json');
    const count = (l: string) => entries.filter((e) => e.level === l).length;
    expect(entries.length).toBeGreaterThanOrEqual(300);
    expect(count('immediate')).toBeGreaterThanOrEqual(130);
    expect(count('concern')).toBeGreaterThanOrEqual(80);
    expect(count('none')).toBeGreaterThanOrEqual(90);
  });
});

describe('short messages that must always be caught', () => {
  it.each([
    "he's breaking in right now",
    'hes breakin in',
    "he's kicking the door in",
    "he's trying to get in",
    'someone is trying to get in my house',
    'he is in the house',
    'hes here',
    'he found me',
    "he's got a knife",
    'he has a gun',
    'he said he will kill me tonight',
    'he strangled me',
    "he's choking me",
    'i want to kill myself',
    "i'm going to end it",
    "he's hurting my son",
    "I'm hiding in the bathroom",
    "he's on his way over",
    "he's following me home right now",
    'he is outside',
    "HELP HE'S HERE",
    // the same ideas in other words
    'hes booting the door in',
    'someones in my house',
    'he jumped over the back fence',
    "he's round the back of the house",
    'hes in the loft',
    'he says hes nearly here',
    "he's come back",
    'he said i wont see christmas',
    'hes got something sharp',
    'he put a pillow over my face',
    'im under the bed',
    'hes not letting me leave',
    'he ran off with my daughter',
    'i cant see a way out',
    "i'm going to jump",
  ])('immediate: %s', (t) => {
    expect(level(t)).toBe('immediate');
  });

  it.each([
    'Yes, keep chatting',
    'I need to go',
    'Yes',
    'No',
    'Not sure',
    'Skip',
    'menu',
    'help',
    'Which protection might fit me?',
    'Get help now',
    'Talk to a person',
    'Tell me more',
    'Back to menu',
  ])('button stays none: %s', (t) => {
    expect(level(t)).toBe('none');
  });

  it.each([
    'in the film he broke into her house and i couldnt watch',
    'my son got hit by a ball at football today but hes fine',
    'my son fell off his bike and hurt his arm',
    'the delivery driver is at the door',
    'my sister is on her way to help me pack',
    'i locked myself out of my account',
    "i won't see my family at christmas this year",
    "i'm going to jump in the shower",
    'how do I get in touch with a solicitor',
    'my cat got in through the window again',
  ])('hard negative stays none: %s', (t) => {
    expect(level(t)).toBe('none');
  });
});
