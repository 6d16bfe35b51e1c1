/**
 * One zod schema over the environment (and an optional .env file) -> one typed, frozen Config.
 * A bad value gives one clear line per bad variable; src/index.ts exits with code 2 before listening.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1' || v === 'yes'));

const int = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  );

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Every variable the bot reads. deploymentTemplates are tested against these names. */
export const envSchema = z
  .object({
    NODE_ENV: z
      .enum(['development', 'production', 'test'], { message: 'must be development, production or test' })
      .default('development'),
    PORT: int(3978, 0, 65535),
    HOST: z.string().min(1, 'must not be empty').default('0.0.0.0'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),

    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z
      .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
        message: 'must be MultiTenant, SingleTenant or UserAssignedMSI',
      })
      .default('MultiTenant'),
    MicrosoftAppTenantId: optionalText,

    STATE_STORE: z
      .enum(['memory', 'blob', 'blob-identity'], { message: 'must be memory, blob or blob-identity' })
      .default('memory'),
    STATE_TTL_MINUTES: int(30, 1, 24 * 60),
    BLOB_CONNECTION_STRING: optionalText,
    BLOB_CONTAINER: z
      .string()
      .regex(
        /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/,
        'must be a valid container name (3-63 of a-z, 0-9, -)',
      )
      .default('bot-state'),
    BLOB_ACCOUNT_URL: z
      .url({ message: 'must be a URL such as https://ACCOUNT.blob.core.windows.net' })
      .optional(),

    DIRECT_LINE_SECRET: optionalText,
    DIRECT_LINE_ENDPOINT: z.url({ message: 'must be a URL' }).default('https://directline.botframework.com'),
    EXIT_URL: z.url({ message: 'must be a URL' }).default('https://www.bbc.co.uk/weather'),
    FRAME_ANCESTORS: z.string().default("'self'"),
    PUBLIC_BASE_URL: z.url({ message: 'must be a URL' }).optional(),

    STAFF_TENANT_IDS: list.pipe(z.array(z.string().regex(GUID, 'each tenant id must be a GUID'))),

    LIVE_CHAT_HOURS: z.string().default('Mon-Fri 09:00-17:00'),
    LIVE_CHAT_CLOSED_DATES: list.pipe(
      z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'each closed date must be YYYY-MM-DD')),
    ),
    HANDOFF_ENABLED: bool(false),

    RATE_LIMIT_PER_MINUTE: int(120, 1, 100_000),
    CONVERSATION_TURNS_PER_MINUTE: int(30, 1, 10_000),
    ALLOWED_CHANNELS: list.transform((v) =>
      v.length > 0 ? v : ['webchat', 'directline', 'msteams', 'emulator', 'test'],
    ),

    APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText,
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.MicrosoftAppId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppId'],
        message: 'is required when NODE_ENV=production (an open endpoint is never allowed in production)',
      });
    }
    if (env.MicrosoftAppType === 'SingleTenant' && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: 'is required when MicrosoftAppType=SingleTenant',
      });
    }
    if (env.STATE_STORE === 'blob' && !env.BLOB_CONNECTION_STRING) {
      ctx.addIssue({
        code: 'custom',
        path: ['BLOB_CONNECTION_STRING'],
        message: 'is required when STATE_STORE=blob',
      });
    }
    if (env.STATE_STORE === 'blob-identity' && !env.BLOB_ACCOUNT_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['BLOB_ACCOUNT_URL'],
        message: 'is required when STATE_STORE=blob-identity',
      });
    }
  });

export type Config = Readonly<z.infer<typeof envSchema>>;

/** The variable names the bot accepts (used by the deployment-template drift test). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Parses KEY=VALUE lines. Values from the real environment win over the file. */
export function parseDotEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) {
      value = value.slice(1, -1);
    }
    out[key] = value;
  }
  return out;
}

function describeAllowed(issue: z.core.$ZodIssue): string {
  return issue.message;
}

/** Builds the Config, or throws ConfigError with one line per bad variable. Never logs values. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  dotEnvPath: string | undefined = '.env',
): Config {
  const fromFile = dotEnvPath && existsSync(dotEnvPath) ? parseDotEnv(readFileSync(dotEnvPath, 'utf8')) : {};
  const merged: Record<string, string | undefined> = { ...fromFile, ...env };
  const result = envSchema.safeParse(merged);
  if (!result.success) {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const issue of result.error.issues) {
      const name = String(issue.path[0] ?? 'environment');
      if (seen.has(name)) continue;
      seen.add(name);
      problems.push(`${name} ${describeAllowed(issue)}`);
    }
    throw new ConfigError(problems);
  }
  return Object.freeze(result.data);
}
