import { describe, expect, it } from 'vitest';
import {
  describeNextOpening,
  describeWhen,
  isLiveChatOpen,
  nextOpening,
  parseTimetable,
} from '../../src/livechat/hours.ts';

// Every instant is written in UTC so the tests check the London conversion, not repeat it.
// 2026 clock changes: Sun 29 Mar 01:00 GMT -> 02:00 BST; Sun 25 Oct 02:00 BST -> 01:00 GMT.
const at = (iso: string): Date => new Date(iso);
const iso = (date: Date | undefined): string | undefined => date?.toISOString();

const everyDay = parseTimetable('Mon-Sun 09:00-17:00', []);

describe('British Summer Time: 09:00-17:00 London time', () => {
  it('is 09:00Z-17:00Z on the Saturday before the clocks go forward (GMT)', () => {
    expect(isLiveChatOpen(everyDay, at('2026-03-28T08:59:00Z'))).toBe(false);
    expect(isLiveChatOpen(everyDay, at('2026-03-28T09:00:00Z'))).toBe(true);
    expect(isLiveChatOpen(everyDay, at('2026-03-28T16:59:59Z'))).toBe(true);
    expect(isLiveChatOpen(everyDay, at('2026-03-28T17:00:00Z'))).toBe(false);
  });

  it('is 08:00Z-16:00Z on the Sunday the clocks go forward (BST)', () => {
    expect(isLiveChatOpen(everyDay, at('2026-03-29T07:59:00Z'))).toBe(false);
    expect(isLiveChatOpen(everyDay, at('2026-03-29T08:00:00Z'))).toBe(true);
    expect(isLiveChatOpen(everyDay, at('2026-03-29T15:59:00Z'))).toBe(true);
    expect(isLiveChatOpen(everyDay, at('2026-03-29T16:00:00Z'))).toBe(false);
  });

  it('next opens at 9am BST (08:00Z) after the clocks go forward, 23 hours after closing', () => {
    const next = nextOpening(everyDay, at('2026-03-28T17:00:00Z'));
    expect(iso(next)).toBe('2026-03-29T08:00:00.000Z');
    expect(describeWhen(next!, at('2026-03-28T17:00:00Z'))).toBe('tomorrow at 9am');
  });

  it('is 08:00Z-16:00Z on the Saturday before the clocks go back, 09:00Z-17:00Z on the Sunday', () => {
    expect(isLiveChatOpen(everyDay, at('2026-10-24T08:00:00Z'))).toBe(true);
    expect(isLiveChatOpen(everyDay, at('2026-10-24T16:00:00Z'))).toBe(false);
    expect(isLiveChatOpen(everyDay, at('2026-10-25T08:30:00Z'))).toBe(false);
    expect(isLiveChatOpen(everyDay, at('2026-10-25T09:00:00Z'))).toBe(true);
    expect(isLiveChatOpen(everyDay, at('2026-10-25T16:30:00Z'))).toBe(true);
    expect(isLiveChatOpen(everyDay, at('2026-10-25T17:00:00Z'))).toBe(false);
  });

  it('next opens at 9am GMT (09:00Z) after the clocks go back, 25 hours after closing', () => {
    expect(iso(nextOpening(everyDay, at('2026-10-24T16:00:00Z')))).toBe('2026-10-25T09:00:00.000Z');
  });

  it('Mon-Fri hours over the March weekend: Friday close to Monday 9am BST', () => {
    const weekdays = parseTimetable('Mon-Fri 09:00-17:00', []);
    const fridayEvening = at('2026-03-27T17:30:00Z');
    const next = nextOpening(weekdays, fridayEvening);
    expect(iso(next)).toBe('2026-03-30T08:00:00.000Z');
    expect(describeNextOpening(next!, fridayEvening)).toBe('Live chat opens again Monday at 9am.');
  });

  it('an early Sunday slot is one hour shorter in March and one hour longer in October', () => {
    const early = parseTimetable('Sun 00:00-03:00', []);
    // March: 00:00 GMT to 03:00 BST is 00:00Z to 02:00Z.
    expect(isLiveChatOpen(early, at('2026-03-29T00:59:00Z'))).toBe(true);
    expect(isLiveChatOpen(early, at('2026-03-29T01:00:00Z'))).toBe(true); // 02:00 BST
    expect(isLiveChatOpen(early, at('2026-03-29T02:00:00Z'))).toBe(false); // 03:00 BST
    // October: 00:00 BST to 03:00 GMT is Sat 23:00Z to 03:00Z.
    expect(isLiveChatOpen(early, at('2026-10-24T22:59:00Z'))).toBe(false);
    expect(isLiveChatOpen(early, at('2026-10-24T23:00:00Z'))).toBe(true);
    expect(isLiveChatOpen(early, at('2026-10-25T02:59:00Z'))).toBe(true);
    expect(isLiveChatOpen(early, at('2026-10-25T03:00:00Z'))).toBe(false);
    expect(iso(nextOpening(early, at('2026-10-24T12:00:00Z')))).toBe('2026-10-24T23:00:00.000Z');
  });

  it('a slot starting in the skipped hour opens when the clocks jump to 2am', () => {
    const gap = parseTimetable('Sun 01:30-03:00', []);
    const saturdayNoon = at('2026-03-28T12:00:00Z');
    const next = nextOpening(gap, saturdayNoon);
    expect(iso(next)).toBe('2026-03-29T01:00:00.000Z');
    expect(describeWhen(next!, saturdayNoon)).toBe('tomorrow at 2am');
  });

  it('a slot wholly inside the skipped hour does not happen that week', () => {
    const gap = parseTimetable('Sun 01:00-02:00', []);
    // Next Sunday, 5 April, 01:00 BST = 00:00Z.
    expect(iso(nextOpening(gap, at('2026-03-28T12:00:00Z')))).toBe('2026-04-05T00:00:00.000Z');
  });

  it('a slot in the repeated hour in October is open both times the clock shows it', () => {
    const repeated = parseTimetable('Sun 01:00-01:30', []);
    expect(isLiveChatOpen(repeated, at('2026-10-25T00:15:00Z'))).toBe(true); // 01:15 BST
    expect(isLiveChatOpen(repeated, at('2026-10-25T00:45:00Z'))).toBe(false); // 01:45 BST
    expect(isLiveChatOpen(repeated, at('2026-10-25T01:15:00Z'))).toBe(true); // 01:15 GMT
    expect(iso(nextOpening(repeated, at('2026-10-25T00:45:00Z')))).toBe('2026-10-25T01:00:00.000Z');
  });
});

describe('closed dates, Sundays and midnight', () => {
  const weekdays = parseTimetable('Mon-Fri 09:00-17:00', ['2026-12-25']);

  it('is closed all Christmas Day and reopens Monday 28 December', () => {
    expect(isLiveChatOpen(weekdays, at('2026-12-25T10:00:00Z'))).toBe(false); // Fri
    expect(isLiveChatOpen(weekdays, at('2026-12-24T10:00:00Z'))).toBe(true); // Thu
    const christmasEve = at('2026-12-24T17:00:00Z');
    const next = nextOpening(weekdays, christmasEve);
    expect(iso(next)).toBe('2026-12-28T09:00:00.000Z');
    expect(describeNextOpening(next!, christmasEve)).toBe('Live chat opens again Monday at 9am.');
  });

  it('a closed date is a London date, even in summer when London is an hour ahead of UTC', () => {
    const allDay = parseTimetable('Mon-Sun 00:00-24:00', ['2026-07-01']);
    expect(isLiveChatOpen(allDay, at('2026-06-30T22:59:00Z'))).toBe(true); // 23:59 BST, 30 June
    expect(isLiveChatOpen(allDay, at('2026-06-30T23:00:00Z'))).toBe(false); // 00:00 BST, 1 July
    expect(iso(nextOpening(allDay, at('2026-06-30T23:00:00Z')))).toBe('2026-07-01T23:00:00.000Z');
  });

  it('is closed on Sunday and opens Monday morning', () => {
    const sunday = at('2026-01-11T12:00:00Z');
    expect(isLiveChatOpen(weekdays, sunday)).toBe(false);
    const next = nextOpening(weekdays, sunday);
    expect(iso(next)).toBe('2026-01-12T09:00:00.000Z');
    expect(describeNextOpening(next!, sunday)).toBe('Live chat opens again tomorrow at 9am.');
  });

  it('a 22:00-23:59 slot closes at 23:59 and is not open after midnight', () => {
    const late = parseTimetable('Mon 22:00-23:59', []);
    expect(isLiveChatOpen(late, at('2026-01-05T23:58:59Z'))).toBe(true);
    expect(isLiveChatOpen(late, at('2026-01-05T23:59:00Z'))).toBe(false);
    expect(isLiveChatOpen(late, at('2026-01-06T00:00:00Z'))).toBe(false);
    expect(iso(nextOpening(late, at('2026-01-05T23:59:00Z')))).toBe('2026-01-12T22:00:00.000Z');
  });

  it('Fri 22:00-24:00 and Sat 00:00-02:00 run on through midnight', () => {
    const overnight = parseTimetable('Fri 22:00-24:00; Sat 00:00-02:00', []);
    expect(isLiveChatOpen(overnight, at('2026-01-09T23:59:59Z'))).toBe(true);
    expect(isLiveChatOpen(overnight, at('2026-01-10T00:00:00Z'))).toBe(true);
    expect(isLiveChatOpen(overnight, at('2026-01-10T01:59:00Z'))).toBe(true);
    expect(isLiveChatOpen(overnight, at('2026-01-10T02:00:00Z'))).toBe(false);
    const evening = at('2026-01-09T20:00:00Z');
    expect(describeNextOpening(nextOpening(overnight, evening)!, evening)).toBe(
      'Live chat opens again today at 10pm.',
    );
  });

  it('gives now itself when live chat is already open', () => {
    const now = at('2026-01-05T10:00:00.123Z');
    expect(iso(nextOpening(weekdays, now))).toBe('2026-01-05T10:00:00.123Z');
  });

  it('gives up after 21 days of closed dates', () => {
    const dates = Array.from({ length: 31 }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}`);
    const january = parseTimetable('Mon-Fri 09:00-17:00', dates);
    expect(nextOpening(january, at('2026-01-01T12:00:00Z'))).toBeUndefined();
    expect(iso(nextOpening(january, at('2026-01-20T12:00:00Z')))).toBe('2026-02-02T09:00:00.000Z');
  });

  it('rejects an invalid date rather than guessing', () => {
    expect(() => isLiveChatOpen(weekdays, new Date(Number.NaN))).toThrow('not a valid date');
  });
});

describe('describeWhen / describeNextOpening wording', () => {
  const now = at('2026-01-05T08:00:00Z'); // Mon 5 Jan 2026, 8am GMT

  it.each([
    ['2026-01-05T17:00:00Z', 'today at 5pm'],
    ['2026-01-05T09:30:00Z', 'today at 9:30am'],
    ['2026-01-05T12:00:00Z', 'today at 12pm'],
    ['2026-01-06T09:00:00Z', 'tomorrow at 9am'],
    ['2026-01-06T00:00:00Z', 'tomorrow at 12am'],
    ['2026-01-07T13:15:00Z', 'Wednesday at 1:15pm'],
    ['2026-01-11T09:00:00Z', 'Sunday at 9am'],
    ['2026-01-12T09:00:00Z', 'Monday 12 January at 9am'],
    ['2026-01-26T21:45:00Z', 'Monday 26 January at 9:45pm'],
  ])('%s -> %s', (when, expected) => {
    expect(describeWhen(at(when), now)).toBe(expected);
  });

  it('uses London dates and times in summer, not UTC', () => {
    // 00:30 BST on Wed 1 July; the opening is 9am BST the same London day.
    expect(describeWhen(at('2026-07-01T08:00:00Z'), at('2026-06-30T23:30:00Z'))).toBe('today at 9am');
  });

  it('makes a full sentence', () => {
    expect(describeNextOpening(at('2026-01-06T09:00:00Z'), now)).toBe(
      'Live chat opens again tomorrow at 9am.',
    );
  });
});
