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

/** Error fields that are safe to log: never a message text or a request body. */
export function errorSummary(err: unknown): { name: string; code?: string | number; stack?: string } {
  if (!(err instanceof Error)) return { name: typeof err };
  const e = err as Error & { code?: unknown; statusCode?: unknown };
  const code = typeof e.code === 'string' || typeof e.code === 'number' ? e.code : e.statusCode;
  return {
    name: e.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    // Stacks carry file and line numbers, not user text. They stay in the server log only.
    ...(e.stack ? { stack: e.stack.split('\n').slice(1, 6).join('\n') } : {}),
  };
}
