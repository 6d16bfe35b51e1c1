/**
 * Live-chat service hours: a weekly timetable in Europe/London local time, plus closed dates.
 *
 * Format of LIVE_CHAT_HOURS (entries separated by ';' or new lines):
 *   Mon-Fri 09:00-17:00; Sat 10:00-14:00
 *   Mon,Wed 18:00-21:00
 *   Mon 09:00-12:00,13:00-17:00
 *   Sun closed
 *   Fri 22:00-24:00; Sat 00:00-02:00      (24:00 ends a range at midnight; split ranges that cross it)
 * '' or 'closed' means live chat never opens. Days not listed are closed. Each day may be listed once.
 *
 * Opening is judged on the London wall clock: 09:00-17:00 is 08:00Z-16:00Z in BST and 09:00Z-17:00Z in GMT.
 * Framework-free and pure: no botbuilder, no clock reads (callers pass `now`).
 */
import { z } from 'zod';
import type { Config } from '../config.ts';
import {
  assertValidInstant,
  civilDayOf,
  DAY_MS,
  dateOfCivilDay,
  instantsAtLondonWallTime,
  isoDateOf,
  londonOffsetChanges,
  londonWallTime,
} from './london-time.ts';

export type Weekday = 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun';

/** Index 0 = Sunday, matching Date#getUTCDay. */
export const WEEKDAYS_FROM_SUNDAY: readonly Weekday[] = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WEEKDAYS_FROM_MONDAY: readonly Weekday[] = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** One open period in London local time: minutes after midnight, start inclusive, end exclusive (end <= 1440). */
export interface OpenRange {
  readonly start: number;
  readonly end: number;
}

export interface Timetable {
  /** Open ranges for each day, sorted and non-overlapping. Missing or empty means closed all day. */
  readonly days: Readonly<Record<Weekday, readonly OpenRange[]>>;
  /** London-local dates (YYYY-MM-DD) when live chat is closed all day. */
  readonly closedDates: ReadonlySet<string>;
}

/** How far ahead nextOpening looks before giving up. */
export const NEXT_OPENING_HORIZON_DAYS = 21;

export type TimetableVariable = 'LIVE_CHAT_HOURS' | 'LIVE_CHAT_CLOSED_DATES';

/** A configuration mistake. The message names the variable and the bad part. */
export class TimetableError extends Error {
  readonly variable: TimetableVariable;
  /** The message without the variable name, e.g. "'Mnday' is not a day (use Mon, ...)". */
  readonly problem: string;
  constructor(variable: TimetableVariable, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'TimetableError';
    this.variable = variable;
    this.problem = problem;
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing

const DAY_NAMES: ReadonlyMap<string, Weekday> = new Map<string, Weekday>([
  ['mon', 'Mon'],
  ['monday', 'Mon'],
  ['tue', 'Tue'],
  ['tues', 'Tue'],
  ['tuesday', 'Tue'],
  ['wed', 'Wed'],
  ['weds', 'Wed'],
  ['wednesday', 'Wed'],
  ['thu', 'Thu'],
  ['thur', 'Thu'],
  ['thurs', 'Thu'],
  ['thursday', 'Thu'],
  ['fri', 'Fri'],
  ['friday', 'Fri'],
  ['sat', 'Sat'],
  ['saturday', 'Sat'],
  ['sun', 'Sun'],
  ['sunday', 'Sun'],
]);

const hoursError = (problem: string): TimetableError => new TimetableError('LIVE_CHAT_HOURS', problem);

function parseDay(text: string): Weekday {
  const day = DAY_NAMES.get(text.trim().toLowerCase());
  if (day === undefined) {
    throw hoursError(`'${text.trim()}' is not a day (use Mon, Tue, Wed, Thu, Fri, Sat, Sun)`);
  }
  return day;
}

/** 'Mon-Fri,Sun' -> [Mon, Tue, Wed, Thu, Fri, Sun]. A range may wrap the weekend: 'Fri-Mon'. */
function parseDays(text: string): Weekday[] {
  const days: Weekday[] = [];
  for (const item of text.split(',')) {
    const trimmed = item.trim();
    const dash = trimmed.indexOf('-');
    if (dash < 0) {
      days.push(parseDay(trimmed));
      continue;
    }
    const fromText = trimmed.slice(0, dash);
    const toText = trimmed.slice(dash + 1);
    if (fromText.trim() === '' || toText.trim() === '') {
      throw hoursError(`'${trimmed}' is not a range of days (write it like Mon-Fri)`);
    }
    const from = WEEKDAYS_FROM_MONDAY.indexOf(parseDay(fromText));
    const to = WEEKDAYS_FROM_MONDAY.indexOf(parseDay(toText));
    for (let i = from; ; i = (i + 1) % 7) {
      days.push(WEEKDAYS_FROM_MONDAY[i]!);
      if (i === to) break;
    }
  }
  return days;
}

const TIME = /^(\d{1,2}):(\d{2})$/;
const TIME_HINT = 'use 24-hour HH:MM, e.g. 09:00 or 17:30';

/** 'HH:MM' -> minutes after midnight. 24:00 is allowed only as an end. */
function parseTime(text: string, isEnd: boolean): number {
  const match = TIME.exec(text);
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 24 || minute > 59 || (hour === 24 && minute !== 0)) {
    throw hoursError(`'${text}' is not a time (${TIME_HINT})`);
  }
  if (hour === 24 && !isEnd) {
    throw hoursError(`'${text}' can only end a range, not start one (use 00:00 for midnight at the start)`);
  }
  return hour * 60 + minute;
}

const formatHHMM = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function parseRange(text: string): OpenRange {
  const match = /^(.+?)\s*-\s*(.+)$/.exec(text);
  if (!match) {
    throw hoursError(`'${text}' is not a time range (write it like 09:00-17:00)`);
  }
  const start = parseTime(match[1]!, false);
  const end = parseTime(match[2]!, true);
  const shown = `${formatHHMM(start)}-${formatHHMM(end)}`;
  if (end === start) throw hoursError(`'${shown}' is empty (it ends when it starts)`);
  if (end < start) {
    throw hoursError(
      `'${shown}' ends before it starts (to run past midnight, split it, e.g. 'Fri 22:00-24:00; Sat 00:00-02:00')`,
    );
  }
  return { start, end };
}

function parseRanges(text: string, dayText: string): OpenRange[] {
  if (text.trim().toLowerCase() === 'closed') return [];
  const ranges = text
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '')
    .map(parseRange)
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < ranges.length; i++) {
    const prev = ranges[i - 1]!;
    const cur = ranges[i]!;
    if (cur.start < prev.end) {
      throw hoursError(
        `${dayText} has overlapping times '${formatHHMM(prev.start)}-${formatHHMM(prev.end)}' and '${formatHHMM(cur.start)}-${formatHHMM(cur.end)}'`,
      );
    }
  }
  return ranges;
}

/** Splits 'Mon-Fri 09:00-17:00' into its days and its times. Times start with a digit or 'closed'. */
const ENTRY = /^(.*?)\s*((?:closed|\d).*)$/i;

const closedWeek = (): Record<Weekday, readonly OpenRange[]> => ({
  Mon: [],
  Tue: [],
  Wed: [],
  Thu: [],
  Fri: [],
  Sat: [],
  Sun: [],
});

function parseHours(spec: string): Record<Weekday, readonly OpenRange[]> {
  const week = closedWeek();
  const trimmed = spec.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'closed') return week;
  const firstEntry = new Map<Weekday, string>();
  for (const raw of trimmed.split(/[;\n]/)) {
    const entry = raw.trim();
    if (entry === '') continue;
    const match = ENTRY.exec(entry);
    if (!match) {
      throw hoursError(`'${entry}' has no times (write it like 'Mon-Fri 09:00-17:00' or 'Sun closed')`);
    }
    const dayText = match[1]!.trim();
    if (dayText === '') {
      throw hoursError(`'${entry}' has no days (start with the days, e.g. 'Mon-Fri 09:00-17:00')`);
    }
    const days = parseDays(dayText);
    const ranges = parseRanges(match[2]!, dayText);
    for (const day of days) {
      const earlier = firstEntry.get(day);
      if (earlier !== undefined) {
        throw hoursError(
          `${day} is given twice ('${earlier}' and '${entry}'); give all of a day's times once, e.g. 'Mon 09:00-12:00,13:00-17:00'`,
        );
      }
      firstEntry.set(day, entry);
      week[day] = Object.freeze([...ranges]);
    }
  }
  return week;
}

function parseClosedDate(text: string): string {
  const trimmed = text.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (!match) {
    throw new TimetableError('LIVE_CHAT_CLOSED_DATES', `'${trimmed}' is not a date in YYYY-MM-DD form`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const real = dateOfCivilDay(civilDayOf(year, month, day));
  if (month < 1 || month > 12 || real.year !== year || real.month !== month || real.day !== day) {
    throw new TimetableError('LIVE_CHAT_CLOSED_DATES', `'${trimmed}' is not a real date`);
  }
  return isoDateOf(year, month, day);
}

/** Parses the weekly hours and the closed dates. Throws TimetableError naming the bad part. */
export function parseTimetable(spec: string, closedDates: readonly string[]): Timetable {
  const days = Object.freeze(parseHours(spec));
  const dates = new Set(closedDates.filter((d) => d.trim() !== '').map(parseClosedDate));
  return Object.freeze({ days, closedDates: dates });
}

/** Zod schema over the two variables; issues carry the variable name as their path. */
export const timetableConfigSchema = z
  .object({ LIVE_CHAT_HOURS: z.string(), LIVE_CHAT_CLOSED_DATES: z.array(z.string()) })
  .transform((value, ctx): Timetable => {
    try {
      return parseTimetable(value.LIVE_CHAT_HOURS, value.LIVE_CHAT_CLOSED_DATES);
    } catch (error) {
      if (!(error instanceof TimetableError)) throw error;
      ctx.addIssue({ code: 'custom', path: [error.variable], message: error.problem });
      return z.NEVER;
    }
  });

/**
 * The timetable from the loaded config. Throws TimetableError (message like
 * "LIVE_CHAT_HOURS: '25:00' is not a time ...") so start-up can print it and exit with code 2.
 */
export function timetableFromConfig(
  config: Pick<Config, 'LIVE_CHAT_HOURS' | 'LIVE_CHAT_CLOSED_DATES'>,
): Timetable {
  return parseTimetable(config.LIVE_CHAT_HOURS, config.LIVE_CHAT_CLOSED_DATES);
}

// ---------------------------------------------------------------------------------------------
// Open now / next opening

function rangesOn(timetable: Timetable, civilDay: number): readonly OpenRange[] {
  const { year, month, day, weekday } = dateOfCivilDay(civilDay);
  if (timetable.closedDates.has(isoDateOf(year, month, day))) return [];
  return timetable.days[WEEKDAYS_FROM_SUNDAY[weekday]!] ?? [];
}

function isOpenAt(timetable: Timetable, t: number): boolean {
  const wall = londonWallTime(t);
  return rangesOn(timetable, wall.civilDay).some(
    (r) => r.start <= wall.minuteOfDay && wall.minuteOfDay < r.end,
  );
}

/** True when the London wall clock at `now` is inside an open range on a day that is not a closed date. */
export function isLiveChatOpen(timetable: Timetable, now: Date): boolean {
  const t = now.getTime();
  assertValidInstant(t);
  return isOpenAt(timetable, t);
}

/**
 * The first instant at or after `now` when live chat is open (`now` itself if open now),
 * or undefined if it does not open within `horizonDays` (default 21).
 * Exact across clock changes: a range starting in the skipped spring hour opens when the clocks jump.
 */
export function nextOpening(
  timetable: Timetable,
  now: Date,
  horizonDays: number = NEXT_OPENING_HORIZON_DAYS,
): Date | undefined {
  const t0 = now.getTime();
  assertValidInstant(t0);
  if (isOpenAt(timetable, t0)) return new Date(t0);
  const limit = t0 + horizonDays * DAY_MS;

  // Live chat can only become open when the wall clock reaches a range start, or when the clocks change.
  const candidates: number[] = londonOffsetChanges(t0, limit);
  const firstDay = londonWallTime(t0).civilDay;
  const lastDay = londonWallTime(limit).civilDay;
  for (let civilDay = firstDay; civilDay <= lastDay; civilDay++) {
    for (const range of rangesOn(timetable, civilDay)) {
      candidates.push(...instantsAtLondonWallTime(civilDay, range.start));
    }
  }
  const sorted = candidates.filter((c) => c > t0 && c <= limit).sort((a, b) => a - b);
  const first = sorted.find((c) => isOpenAt(timetable, c));
  return first === undefined ? undefined : new Date(first);
}

// ---------------------------------------------------------------------------------------------
// Wording

const DAY_WORDS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_WORDS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 9am, 9:30am, 12pm, 5pm, 12am (London wall clock). */
export function formatClockTime(hour: number, minute: number): string {
  const suffix = hour < 12 ? 'am' : 'pm';
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return minute === 0 ? `${h12}${suffix}` : `${h12}:${String(minute).padStart(2, '0')}${suffix}`;
}

/**
 * When `date` is, seen from `now`, in London time: "today at 5pm", "tomorrow at 9am",
 * "Monday at 9am", or "Monday 5 January at 9am" when it is 7 or more days away.
 */
export function describeWhen(date: Date, now: Date): string {
  assertValidInstant(date.getTime(), 'date');
  assertValidInstant(now.getTime());
  const at = londonWallTime(date.getTime());
  const from = londonWallTime(now.getTime());
  const daysAway = at.civilDay - from.civilDay;
  const time = formatClockTime(at.hour, at.minute);
  const dayWord = DAY_WORDS[at.weekday]!;
  if (daysAway === 0) return `today at ${time}`;
  if (daysAway === 1) return `tomorrow at ${time}`;
  if (daysAway > 1 && daysAway < 7) return `${dayWord} at ${time}`;
  return `${dayWord} ${at.day} ${MONTH_WORDS[at.month - 1]!} at ${time}`;
}

/** "Live chat opens again Monday at 9am." */
export function describeNextOpening(date: Date, now: Date): string {
  return `Live chat opens again ${describeWhen(date, now)}.`;
}
