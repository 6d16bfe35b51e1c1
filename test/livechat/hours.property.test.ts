import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Timetable } from '../../src/livechat/hours.ts';
import { isLiveChatOpen, nextOpening, parseTimetable } from '../../src/livechat/hours.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const HALF_HOUR = HOUR / 2;
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** London clock changes from 2025 to 2028 (UTC instants), where mistakes are most likely. */
const CLOCK_CHANGES = [
  '2025-03-30T01:00:00Z',
  '2025-10-26T01:00:00Z',
  '2026-03-29T01:00:00Z',
  '2026-10-25T01:00:00Z',
  '2027-03-28T01:00:00Z',
  '2027-10-31T01:00:00Z',
].map((s) => Date.parse(s));

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Up to three non-overlapping ranges on a 30-minute grid (marks up to `maxMark`), as staff would write them. */
const rangesUpTo = (maxMark: number): fc.Arbitrary<string> =>
  fc.uniqueArray(fc.integer({ min: 0, max: maxMark }), { minLength: 0, maxLength: 6 }).map((marks) => {
    const sorted = [...marks].sort((a, b) => a - b);
    const ranges: string[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      ranges.push(`${hhmm(sorted[i]! * 30)}-${hhmm(sorted[i + 1]! * 30)}`);
    }
    return ranges.length === 0 ? 'closed' : ranges.join(',');
  });

const closedDates = fc.uniqueArray(
  fc
    .integer({ min: 0, max: 60 })
    .map((i) => new Date(Date.parse('2026-03-15') + i * DAY).toISOString().slice(0, 10)),
  { maxLength: 10 },
);

const anyWeek = fc.array(rangesUpTo(48), { minLength: 7, maxLength: 7 });
/** Only Sunday before 4am is open: the hours the clocks change in. */
const earlySundays = rangesUpTo(8).map((sunday) => [
  'closed',
  'closed',
  'closed',
  'closed',
  'closed',
  'closed',
  sunday,
]);

const timetables: fc.Arbitrary<Timetable> = fc
  .tuple(fc.oneof(anyWeek, earlySundays), closedDates)
  .map(([ranges, dates]) => parseTimetable(DAYS.map((day, i) => `${day} ${ranges[i]}`).join('; '), dates));

/** Any instant from 2025 to 2028, or one within two days of a clock change. */
const instants = fc.oneof(
  fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2028-12-31T00:00:00Z') }),
  fc
    .tuple(fc.constantFrom(...CLOCK_CHANGES), fc.integer({ min: -2 * DAY, max: 2 * DAY }))
    .map(([change, delta]) => change + delta),
  fc
    .tuple(fc.constantFrom(...CLOCK_CHANGES), fc.integer({ min: -4, max: 4 }))
    .map(([change, half]) => change + half * HALF_HOUR),
);

describe('nextOpening always points at a moment when live chat is really open', () => {
  it('if closed now, the next opening is later, open, and nothing before it is open', () => {
    fc.assert(
      fc.property(
        timetables,
        instants,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
        (timetable, t, fractions) => {
          const now = new Date(t);
          const next = nextOpening(timetable, now);
          if (isLiveChatOpen(timetable, now)) {
            expect(next?.getTime()).toBe(t);
            return;
          }
          const end = next === undefined ? t + 21 * DAY : next.getTime();
          if (next !== undefined) {
            expect(next.getTime()).toBeGreaterThan(t);
            expect(isLiveChatOpen(timetable, next)).toBe(true);
            // The moment just before is closed: the person is not told a later time than the real one.
            expect(isLiveChatOpen(timetable, new Date(next.getTime() - 1))).toBe(false);
          }
          // Nothing in between is open: random moments, plus every half hour around each clock change.
          const nearChanges = CLOCK_CHANGES.flatMap((c) =>
            Array.from({ length: 13 }, (_, i) => c + (i - 6) * HALF_HOUR),
          );
          const between = [...fractions.map((f) => Math.floor(t + f * (end - t - 1))), ...nearChanges];
          for (const b of between.filter((b) => b >= t && b < end)) {
            expect(isLiveChatOpen(timetable, new Date(b))).toBe(false);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('when open all week with no closed dates, live chat is always open', () => {
    const always = parseTimetable('Mon-Sun 00:00-24:00', []);
    fc.assert(
      fc.property(instants, (t) => {
        expect(isLiveChatOpen(always, new Date(t))).toBe(true);
      }),
    );
  });

  it('a weekday 9-to-5 is 8 real hours long in both GMT and BST', () => {
    const weekdays = parseTimetable('Mon-Fri 09:00-17:00', []);
    fc.assert(
      fc.property(instants, (t) => {
        const opens = nextOpening(weekdays, new Date(t));
        expect(opens).toBeDefined();
        const start = opens!.getTime();
        if (start !== t) {
          expect(isLiveChatOpen(weekdays, new Date(start + 8 * HOUR - 1))).toBe(true);
          expect(isLiveChatOpen(weekdays, new Date(start + 8 * HOUR))).toBe(false);
        }
      }),
    );
  });
});
