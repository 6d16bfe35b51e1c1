/**
 * Europe/London wall-clock helpers built on Intl (full ICU in Node 24).
 * No fixed offsets: every offset is read from the time-zone database, so BST and GMT are both right.
 */

export const LONDON_TIME_ZONE = 'Europe/London';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** A London wall-clock reading. month is 1-12; weekday is 0 = Sunday ... 6 = Saturday. */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly weekday: number;
  /** Days since 1970-01-01 for this London date (a "civil day" number). */
  readonly civilDay: number;
  /** Minutes since London midnight, 0-1439. */
  readonly minuteOfDay: number;
  /** The London date as YYYY-MM-DD. */
  readonly isoDate: string;
}

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The civil-day number of a calendar date (proleptic Gregorian, UTC arithmetic). */
export function civilDayOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** The calendar date of a civil-day number. */
export function dateOfCivilDay(civilDay: number): {
  year: number;
  month: number;
  day: number;
  weekday: number;
} {
  const d = new Date(civilDay * DAY_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
  };
}

export function isoDateOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function assertValidInstant(t: number, name = 'now'): void {
  if (!Number.isFinite(t)) throw new TypeError(`${name} is not a valid date`);
}

/** The London wall-clock reading at an instant (milliseconds since the epoch). */
export function londonWallTime(t: number): WallTime {
  assertValidInstant(t);
  const values: Record<string, number> = {};
  for (const part of formatter.formatToParts(t)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  const year = values.year ?? Number.NaN;
  const month = values.month ?? Number.NaN;
  const day = values.day ?? Number.NaN;
  const hour = values.hour ?? Number.NaN;
  const minute = values.minute ?? Number.NaN;
  const second = values.second ?? Number.NaN;
  const civilDay = civilDayOf(year, month, day);
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    weekday: dateOfCivilDay(civilDay).weekday,
    civilDay,
    minuteOfDay: hour * 60 + minute,
    isoDate: isoDateOf(year, month, day),
  };
}

/** London's offset from UTC at an instant, in milliseconds (0 in GMT, 3,600,000 in BST). */
export function londonOffsetMs(t: number): number {
  const w = londonWallTime(t);
  const wholeSecond = Math.floor(t / 1000) * 1000;
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - wholeSecond;
}

/**
 * Every instant at which the London clock reads `minuteOfDay` on `civilDay`, earliest first.
 * Usually one; none in the spring-forward gap; two in the repeated autumn hour.
 */
export function instantsAtLondonWallTime(civilDay: number, minuteOfDay: number): number[] {
  const asIfUtc = civilDay * DAY_MS + minuteOfDay * MINUTE_MS;
  // Any offset in force near this wall time is in force within a day of it.
  const offsets = new Set([
    londonOffsetMs(asIfUtc - DAY_MS),
    londonOffsetMs(asIfUtc),
    londonOffsetMs(asIfUtc + DAY_MS),
  ]);
  const found = new Set<number>();
  for (const offset of offsets) {
    const t = asIfUtc - offset;
    const w = londonWallTime(t);
    if (w.civilDay === civilDay && w.minuteOfDay === minuteOfDay && w.second === 0) found.add(t);
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * The instants in [from, to] at which London's offset changes (the clocks go forward or back),
 * each the first whole minute with the new offset.
 */
export function londonOffsetChanges(from: number, to: number): number[] {
  const step = 6 * 60 * MINUTE_MS; // far shorter than the months between clock changes
  const changes: number[] = [];
  let lo = Math.floor(from / MINUTE_MS) * MINUTE_MS;
  let before = londonOffsetMs(lo);
  while (lo <= to) {
    const hi = lo + step;
    const after = londonOffsetMs(hi);
    if (after !== before) {
      let a = lo;
      let b = hi;
      while (b - a > MINUTE_MS) {
        const mid = a + Math.floor((b - a) / 2 / MINUTE_MS) * MINUTE_MS;
        if (londonOffsetMs(mid) === before) a = mid;
        else b = mid;
      }
      if (b >= from && b <= to) changes.push(b);
    }
    lo = hi;
    before = after;
  }
  return changes;
}
