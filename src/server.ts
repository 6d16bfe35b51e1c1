/**
 * The HTTP surface (restify 12): POST /api/messages, GET /healthz, GET /readyz, and the web
 * channels (widget, token route, local Direct Line). Bad input never reaches the adapter, never
 * gets a 500 and never sees a stack.
 */
import type { IncomingMessage } from 'node:http';
import type { CloudAdapter } from 'botbuilder';
import restify from 'restify';
import { activitySchema } from './channels/activity-schema.ts';
import { clientAddress, createRateLimiter } from './channels/rate-limit.ts';
import type { Config } from './config.ts';
import { errorSummary, type Logger } from './logger.ts';

export const MAX_BODY_BYTES = 256 * 1024;

/** The bot as the server sees it: one turn handler. */
export interface TurnRunner {
  run(context: import('botbuilder').TurnContext): Promise<void>;
}

export interface ServerDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly adapter: CloudAdapter;
  readonly bot: TurnRunner;
  /** true when state storage answers now */
  readonly ready: () => Promise<boolean>;
  /** Adds the widget, token and local Direct Line routes. Optional so tests can leave them out. */
  readonly registerChannels?: (server: restify.Server, selfUrl: () => string) => { close(): void };
}

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function sendJson(res: restify.Response, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.status(status);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

const DANGER = "If you are in danger, call 999. If you can't speak, call 999 and press 55.";

function tooMany(res: restify.Response, retryAfter: number): void {
  res.setHeader('Retry-After', String(retryAfter));
  sendJson(res, 429, { error: `Too many messages. Please wait a moment. ${DANGER}` });
}

export function createServer(deps: ServerDeps): { server: restify.Server; close(): Promise<void> } {
  const { config, logger, adapter, bot } = deps;
  const server = restify.createServer({ handleUncaughtExceptions: false } as restify.ServerOptions);
  const allowedChannels = new Set(config.ALLOWED_CHANNELS);
  const behindProxy = config.NODE_ENV === 'production';
  const perAddress = createRateLimiter(config.RATE_LIMIT_PER_MINUTE);
  const perConversation = createRateLimiter(config.CONVERSATION_TURNS_PER_MINUTE);

  server.pre((_req, res, next) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    res.removeHeader('X-Powered-By');
    return next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(
    restify.plugins.bodyParser({
      maxBodySize: MAX_BODY_BYTES,
      mapParams: false,
      mapFiles: false,
      keepExtensions: false,
    } as restify.plugins.BodyParserOptions),
  );

  server.get('/healthz', async (_req, res) => {
    sendJson(res, 200, { status: 'ok' });
  });

  server.get('/readyz', async (_req, res) => {
    let ok = false;
    try {
      ok = await deps.ready();
    } catch {
      ok = false;
    }
    sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'storage unavailable' });
  });

  server.post('/api/messages', async (req, res) => {
    const started = performance.now();
    const body: unknown = req.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      sendJson(res, 400, { error: 'The body must be a JSON activity object.' });
      return;
    }
    const parsed = activitySchema.safeParse(body);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? 'body');
      sendJson(res, 400, { error: `The activity is not valid (${field}).` });
      return;
    }
    if (!allowedChannels.has(parsed.data.channelId)) {
      sendJson(res, 403, { error: 'This channel is not allowed.' });
      return;
    }
    // Per address: requests without credentials (and, below, those that fail them). Real channel
    // traffic all comes from the Bot Service's few addresses with valid tokens, so it is never
    // limited here; the per-conversation cap covers it.
    const address = clientAddress(req, behindProxy);
    const hasAuth = typeof req.headers.authorization === 'string';
    if ((!hasAuth || !config.MicrosoftAppId) && !perAddress.take(address)) {
      tooMany(res, perAddress.retryAfterSeconds());
      return;
    }
    if (!perConversation.take(parsed.data.conversation.id)) {
      tooMany(res, perConversation.retryAfterSeconds());
      return;
    }
    try {
      await adapter.process(req, res, (context) => bot.run(context));
      if (res.statusCode === 401 && hasAuth) perAddress.take(address);
    } catch (err) {
      logger.error({ err: errorSummary(err) }, 'adapter.process failed');
      sendJson(res, 500, { error: `Something went wrong. ${DANGER}` });
    } finally {
      logger.debug({ ms: Math.round(performance.now() - started), type: parsed.data.type }, 'turn');
    }
  });

  let baseUrl = '';
  const channels = deps.registerChannels?.(server, () => baseUrl);

  // Methods other than POST on the bot endpoint: 405 (restify would otherwise answer 404).
  for (const method of ['get', 'put', 'del', 'patch'] as const) {
    server[method]('/api/messages', async (_req, res) => {
      res.setHeader('Allow', 'POST');
      sendJson(res, 405, { error: 'Use POST.' });
    });
  }

  server.on('restifyError', (req: IncomingMessage, _res: restify.Response, err: Error, cb: () => void) => {
    // Never leak internals: restify's own errors (400 bad JSON, 404, 405, 413) keep their status
    // with a short message; anything else becomes a plain 500 without a stack.
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    const known: Record<number, string> = {
      400: 'The body must be valid JSON.',
      404: 'Not found.',
      405: 'Method not allowed.',
      413: 'The body is too large.',
      429: `Too many requests. ${DANGER}`,
      415: 'Unsupported content type.',
    };
    (err as { toJSON?: () => unknown }).toJSON = () => ({
      error: known[status] ?? `Something went wrong. ${DANGER}`,
    });
    if (status >= 500) logger.error({ err: errorSummary(err), url: req.url?.split('?')[0] }, 'server error');
    return cb();
  });

  server.on('listening', () => {
    const addr = server.address();
    const host = addr.address === '0.0.0.0' || addr.address === '::' ? '127.0.0.1' : addr.address;
    baseUrl = `http://${host}:${addr.port}`;
  });

  async function close(): Promise<void> {
    channels?.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.server.closeIdleConnections();
    });
  }

  return { server, close };
}
