import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import {
  isLiveChatOpen,
  nextOpening,
  parseTimetable,
  TimetableError,
  timetableConfigSchema,
  timetableFromConfig,
} from '../../src/livechat/hours.ts';

// Instants are written in UTC. In January London is on GMT, so London time = UTC.
const at = (iso: string): Date => new Date(iso);
const open = (spec: string, iso: string, closed: readonly string[] = []): boolean =>
  isLiveChatOpen(parseTimetable(spec, closed), at(iso));

describe('parseTimetable: the hours staff can write', () => {
  it('reads the default Mon-Fri 09:00-17:00', () => {
    // Mon 5 Jan 2026 and Sat 10 Jan 2026
    expect(open('Mon-Fri 09:00-17:00', '2026-01-05T09:00:00Z')).toBe(true);
    expect(open('Mon-Fri 09:00-17:00', '2026-01-05T08:59:00Z')).toBe(false);
    expect(open('Mon-Fri 09:00-17:00', '2026-01-05T17:00:00Z')).toBe(false);
    expect(open('Mon-Fri 09:00-17:00', '2026-01-10T12:00:00Z')).toBe(false);
  });

  it('reads several entries separated by semicolons', () => {
    const spec = 'Mon-Fri 09:00-17:00; Sat 10:00-14:00';
    expect(open(spec, '2026-01-10T11:00:00Z')).toBe(true); // Sat
    expect(open(spec, '2026-01-10T14:00:00Z')).toBe(false); // Sat, just closed
    expect(open(spec, '2026-01-11T11:00:00Z')).toBe(false); // Sun, not listed
  });

  it('reads a list of days', () => {
    const spec = 'Mon,Wed 18:00-21:00';
    expect(open(spec, '2026-01-05T19:00:00Z')).toBe(true); // Mon
    expect(open(spec, '2026-01-06T19:00:00Z')).toBe(false); // Tue
    expect(open(spec, '2026-01-07T19:00:00Z')).toBe(true); // Wed
  });

  it('reads several ranges on one day, closed over lunch', () => {
    const spec = 'Mon 09:00-12:00,13:00-17:00';
    expect(open(spec, '2026-01-05T11:59:00Z')).toBe(true);
    expect(open(spec, '2026-01-05T12:30:00Z')).toBe(false);
    expect(open(spec, '2026-01-05T13:00:00Z')).toBe(true);
  });

  it('accepts full day names, any case, spaces around dashes and 9:00', () => {
    const spec = 'monday - FRIDAY 9:00 - 17:00';
    expect(open(spec, '2026-01-09T16:59:00Z')).toBe(true); // Fri
    expect(open(spec, '2026-01-10T12:00:00Z')).toBe(false); // Sat
  });

  it('lets a day range wrap over the weekend (Fri-Mon)', () => {
    const spec = 'Fri-Mon 10:00-12:00';
    expect(open(spec, '2026-01-11T11:00:00Z')).toBe(true); // Sun
    expect(open(spec, '2026-01-07T11:00:00Z')).toBe(false); // Wed
  });

  it("treats 'Sun closed' as closed on Sunday", () => {
    const spec = 'Mon-Sat 09:00-17:00; Sun closed';
    expect(open(spec, '2026-01-11T12:00:00Z')).toBe(false);
    expect(open(spec, '2026-01-10T12:00:00Z')).toBe(true);
  });

  it.each(['', '   ', 'closed', 'Closed'])('%j means live chat never opens', (spec) => {
    const timetable = parseTimetable(spec, []);
    expect(isLiveChatOpen(timetable, at('2026-01-05T12:00:00Z'))).toBe(false);
    expect(nextOpening(timetable, at('2026-01-05T12:00:00Z'))).toBeUndefined();
  });
});

describe('parseTimetable: a mistake is named clearly', () => {
  const hoursError = (spec: string): string => {
    try {
      parseTimetable(spec, []);
    } catch (error) {
      expect(error).toBeInstanceOf(TimetableError);
      return (error as Error).message;
    }
    throw new Error(`expected ${JSON.stringify(spec)} to be rejected`);
  };

  it('names a misspelt day', () => {
    expect(hoursError('Mnday 09:00-17:00')).toBe(
      "LIVE_CHAT_HOURS: 'Mnday' is not a day (use Mon, Tue, Wed, Thu, Fri, Sat, Sun)",
    );
    expect(hoursError('Mon-Fri 09:00-17:00; Satday 10:00-14:00')).toContain("'Satday' is not a day");
  });

  it.each([
    ['Mon-Fri 17:00-09:00', "LIVE_CHAT_HOURS: '17:00-09:00' ends before it starts"],
    ['Mon 09:00-25:00', "LIVE_CHAT_HOURS: '25:00' is not a time"],
    ['Mon 09:60-17:00', "'09:60' is not a time"],
    ['Mon 24:30-17:00', "'24:30' is not a time"],
    ['Mon 9am-5pm', "'9am' is not a time"],
    ['Mon 0900-1700', "'0900' is not a time"],
    ['Mon 24:00-24:00', "'24:00' can only end a range"],
    ['Mon 09:00-09:00', "'09:00-09:00' is empty"],
    ['Mon 0900', "'0900' is not a time range"],
    ['Mon 09:00-12:00,11:00-13:00', "Mon has overlapping times '09:00-12:00' and '11:00-13:00'"],
    [
      'Mon-Fri 09:00-17:00; Mon 18:00-20:00',
      "Mon is given twice ('Mon-Fri 09:00-17:00' and 'Mon 18:00-20:00')",
    ],
    ['Mon-Fri', "'Mon-Fri' has no times"],
    ['09:00-17:00', "'09:00-17:00' has no days"],
    ['Mon- 09:00-17:00', "'Mon-' is not a range of days"],
  ])('%j -> %s', (spec, expected) => {
    const message = hoursError(spec);
    expect(message.startsWith('LIVE_CHAT_HOURS: ')).toBe(true);
    expect(message).toContain(expected);
  });

  it('names an impossible closed date', () => {
    expect(() => parseTimetable('Mon-Fri 09:00-17:00', ['2026-12-25', '2026-02-30'])).toThrow(
      "LIVE_CHAT_CLOSED_DATES: '2026-02-30' is not a real date",
    );
    expect(() => parseTimetable('', ['2026-13-01'])).toThrow("'2026-13-01' is not a real date");
    expect(() => parseTimetable('', ['2027-02-29'])).toThrow("'2027-02-29' is not a real date");
    expect(() => parseTimetable('', ['25/12/2026'])).toThrow(
      "LIVE_CHAT_CLOSED_DATES: '25/12/2026' is not a date in YYYY-MM-DD form",
    );
  });

  it('accepts 29 February in a leap year as a closed date', () => {
    const timetable = parseTimetable('Mon-Sun 09:00-17:00', ['2028-02-29']);
    expect(isLiveChatOpen(timetable, at('2028-02-29T12:00:00Z'))).toBe(false);
    expect(isLiveChatOpen(timetable, at('2028-02-28T12:00:00Z'))).toBe(true);
  });
});

describe('timetableFromConfig and the zod schema (start-up check)', () => {
  it('the default configuration gives Mon-Fri 9am to 5pm', () => {
    const timetable = timetableFromConfig(loadConfig({}, undefined));
    expect(isLiveChatOpen(timetable, at('2026-01-05T10:00:00Z'))).toBe(true); // Mon
    expect(isLiveChatOpen(timetable, at('2026-01-10T10:00:00Z'))).toBe(false); // Sat
  });

  it('closed dates from the environment close those days', () => {
    const config = loadConfig(
      { LIVE_CHAT_HOURS: 'Mon-Fri 09:00-17:00', LIVE_CHAT_CLOSED_DATES: '2026-01-05, 2026-01-06' },
      undefined,
    );
    const timetable = timetableFromConfig(config);
    expect(isLiveChatOpen(timetable, at('2026-01-05T10:00:00Z'))).toBe(false);
    expect(isLiveChatOpen(timetable, at('2026-01-07T10:00:00Z'))).toBe(true);
  });

  it('a bad value in the environment fails with a message naming it', () => {
    const config = loadConfig({ LIVE_CHAT_HOURS: 'Mon-Fri 09:00-17:00; Sun 25:00-26:00' }, undefined);
    expect(() => timetableFromConfig(config)).toThrow("LIVE_CHAT_HOURS: '25:00' is not a time");
  });

  it('the zod schema reports the variable as the issue path', () => {
    const result = timetableConfigSchema.safeParse({
      LIVE_CHAT_HOURS: 'Mon-Fri 09:00-17:00',
      LIVE_CHAT_CLOSED_DATES: ['2026-02-30'],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['LIVE_CHAT_CLOSED_DATES']);
    expect(result.error?.issues[0]?.message).toBe("'2026-02-30' is not a real date");
    const good = timetableConfigSchema.parse({
      LIVE_CHAT_HOURS: 'Sat 10:00-14:00',
      LIVE_CHAT_CLOSED_DATES: [],
    });
    expect(isLiveChatOpen(good, at('2026-01-10T10:00:00Z'))).toBe(true);
  });
});
