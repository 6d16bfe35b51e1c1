/**
 * Structured JSON logs (pino). Logs carry ids, timings, topic ids and escalation levels only:
 * never message text. Callers pass explicit fields; nothing logs an activity object whole.
 */
import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      // Belt and braces: if someone ever logs an activity or a body, its text is removed.
      redact: {
        paths: ['text', '*.text', '*.*.text', 'body', 'activity', '*.activity', 'value', '*.value'],
        remove: true,
      },
    },
    destination,
  );
}
