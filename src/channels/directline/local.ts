/**
 * A local Direct Line 3.0 channel inside our own server, for development and tests only, so that
 * `npm start` gives a working Web Chat with no Azure account. It speaks the polling half of
 * Direct Line (what botframework-directlinejs uses with `webSocket: false`):
 *
 *   POST /v3/directline/tokens/refresh                       Bearer token -> fresh token
 *   POST /v3/directline/conversations                        Bearer token -> start (welcome sent)
 *   GET  /v3/directline/conversations/:id                    Bearer token -> reconnect
 *   POST /v3/directline/conversations/:id/activities         Bearer token -> send to the bot
 *   GET  /v3/directline/conversations/:id/activities?watermark=N   long poll for new activities
 *
 * It hands each activity to the bot at `${selfUrl()}/api/messages` with serviceUrl
 * `${selfUrl()}/local-connector`, and implements the Bot Connector routes the CloudAdapter calls
 * there for the bot's replies. Tokens come from the token route (see ../webchat/token.ts).
 * Never enabled in production. Never logs message text.
 */
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Logger } from '../../logger.ts';
import { bearer, isLoopback, param, query, sendError, sendJson } from './http.ts';
import {
  DEFAULT_LIMITS,
  type LocalConversation,
  LocalDirectLineStore,
  type LocalToken,
  type StoredActivity,
  type StoreLimits,
} from './store.ts';

export const LOCAL_DIRECT_LINE_PATH = '/v3/directline';
export const LOCAL_CONNECTOR_PATH = '/local-connector';
export const LOCAL_CHANNEL_ID = 'webchat';
export const LOCAL_BOT_ACCOUNT = { id: 'bot', name: 'Support bot', role: 'bot' } as const;

export interface LocalDirectLineOptions {
  readonly logger: Logger;
  /** http://127.0.0.1:PORT of this server, known after listen. */
  readonly selfUrl: () => string;
  readonly limits?: StoreLimits;
  /** How long a poll with nothing new waits for an activity before answering empty. */
  readonly longPollMs?: number;
  /** How long to wait for the bot to answer one activity. */
  readonly botTimeoutMs?: number;
}

export interface LocalDirectLine {
  readonly store: LocalDirectLineStore;
  close(): void;
}

const MAX_TEXT = 20_000;

/** What Web Chat may post. Everything else it sends is dropped; the server sets ids and accounts. */
const postedActivitySchema = z
  .object({
    type: z.enum(['message', 'event', 'typing']),
    text: z.string().max(MAX_TEXT).optional(),
    textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
    locale: z.string().max(35).optional(),
    name: z.string().max(200).optional(),
    value: z.unknown().optional(),
    entities: z.array(z.record(z.string(), z.unknown())).max(20).optional(),
    attachments: z.array(z.unknown()).max(0, 'file uploads are not supported').optional(),
    channelData: z
      .object({
        clientActivityID: z.string().max(200).optional(),
        clientTimestamp: z.string().max(64).optional(),
      })
      .optional(),
  })
  .refine((a) => a.type !== 'message' || a.text !== undefined || a.value !== undefined, {
    message: 'a message needs text or a value',
  })
  .refine((a) => a.type !== 'event' || (a.name !== undefined && a.name.length > 0), {
    message: 'an event needs a name',
  });

const startBodySchema = z
  .object({
    user: z.object({ id: z.string().max(200).optional() }).optional(),
    locale: z.string().max(35).optional(),
  })
  .optional()
  .nullable();

/** What the bot (CloudAdapter's ConnectorClient) sends back. */
const botActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
  })
  .loose();

function describe(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

function tokenResponse(t: LocalToken, store: LocalDirectLineStore) {
  return {
    conversationId: t.conversationId,
    token: t.token,
    expires_in: Math.round(store.limits.tokenTtlMs / 1000),
  };
}

export function registerLocalDirectLine(server: Server, options: LocalDirectLineOptions): LocalDirectLine {
  const { logger, selfUrl } = options;
  const store = new LocalDirectLineStore(options.limits ?? DEFAULT_LIMITS);
  const longPollMs = options.longPollMs ?? 10_000;
  const botTimeoutMs = options.botTimeoutMs ?? 15_000;
  const log = logger.child({ component: 'local-directline' });
  const sweeper = setInterval(() => store.sweep(), 60_000);
  sweeper.unref();

  /** The token from the request, or an error response already sent. */
  function authorise(req: Request, res: Response): LocalToken | undefined {
    const value = bearer(req);
    const t = value ? store.token(value) : undefined;
    if (!t) {
      sendError(res, 403, 'TokenExpired', 'Missing, unknown or expired token.');
      return undefined;
    }
    return t;
  }

  /** The conversation named in the path that this token may use, or an error response already sent. */
  function conversationFor(req: Request, res: Response, t: LocalToken): LocalConversation | undefined {
    const c = store.conversation(param(req, 'conversationId'));
    if (!c) {
      sendError(res, 404, 'BadArgument', 'Conversation not found.');
      return undefined;
    }
    if (t.conversationId !== c.id) {
      sendError(res, 403, 'BadArgument', 'This token is not valid for this conversation.');
      return undefined;
    }
    return c;
  }

  /** Hands one activity to the bot. Resolves with the bot's HTTP status (0 if unreachable). */
  async function deliver(c: LocalConversation, activity: Record<string, unknown>): Promise<number> {
    const started = performance.now();
    try {
      const res = await fetch(`${selfUrl()}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          ...activity,
          channelId: LOCAL_CHANNEL_ID,
          serviceUrl: `${selfUrl()}${LOCAL_CONNECTOR_PATH}`,
          conversation: { id: c.id },
          recipient: { id: LOCAL_BOT_ACCOUNT.id, name: LOCAL_BOT_ACCOUNT.name, role: 'bot' },
        }),
        signal: AbortSignal.timeout(botTimeoutMs),
      });
      await res.arrayBuffer();
      const ms = Math.round(performance.now() - started);
      if (res.status >= 400) {
        log.warn({ status: res.status, type: activity.type, ms }, 'bot refused an activity');
      } else {
        log.debug({ status: res.status, type: activity.type, ms }, 'activity delivered');
      }
      return res.status;
    } catch (err) {
      log.warn({ err: (err as Error).name, type: activity.type }, 'bot did not answer');
      return 0;
    }
  }

  // --- Direct Line, as the browser sees it -------------------------------------------------------

  server.post(`${LOCAL_DIRECT_LINE_PATH}/tokens/refresh`, async (req: Request, res: Response) => {
    const t = authorise(req, res);
    if (!t) return;
    sendJson(res, 200, tokenResponse(store.refreshToken(t), store));
  });

  server.post(`${LOCAL_DIRECT_LINE_PATH}/conversations`, async (req: Request, res: Response) => {
    const t = authorise(req, res);
    if (!t) return;
    const body = startBodySchema.safeParse(req.body === '' ? undefined : req.body);
    if (!body.success) {
      sendError(res, 400, 'BadArgument', describe(body.error));
      return;
    }
    const existing = t.conversationId ? store.conversation(t.conversationId) : undefined;
    const c = existing ?? store.startConversation(t);
    if (!c) {
      sendError(res, 503, 'ServiceUnavailable', 'Too many conversations. Try again soon.');
      return;
    }
    if (!existing) {
      log.info({ conversationId: c.id }, 'local conversation started');
      // Direct Line tells the bot who joined, so that the bot can send its welcome.
      await deliver(c, {
        type: 'conversationUpdate',
        id: `${c.id}|start`,
        timestamp: new Date().toISOString(),
        from: { id: c.userId, role: 'user' },
        membersAdded: [{ id: c.userId, role: 'user' }],
        locale: body.data?.locale,
      });
    }
    sendJson(res, existing ? 200 : 201, tokenResponse(t, store));
  });

  server.get(
    `${LOCAL_DIRECT_LINE_PATH}/conversations/:conversationId`,
    async (req: Request, res: Response) => {
      const t = authorise(req, res);
      if (!t) return;
      const c = conversationFor(req, res, t);
      if (!c) return;
      store.touch(c);
      sendJson(res, 200, tokenResponse(t, store));
    },
  );

  server.post(
    `${LOCAL_DIRECT_LINE_PATH}/conversations/:conversationId/activities`,
    async (req: Request, res: Response) => {
      const t = authorise(req, res);
      if (!t) return;
      const c = conversationFor(req, res, t);
      if (!c) return;
      const parsed = postedActivitySchema.safeParse(req.body);
      if (!parsed.success) {
        sendError(res, 400, 'BadArgument', describe(parsed.error));
        return;
      }
      const a = parsed.data;
      const activity: Record<string, unknown> = {
        type: a.type,
        timestamp: new Date().toISOString(),
        from: { id: c.userId, role: 'user' },
        ...(a.text !== undefined ? { text: a.text } : {}),
        ...(a.textFormat ? { textFormat: a.textFormat } : {}),
        ...(a.locale ? { locale: a.locale } : {}),
        ...(a.name ? { name: a.name } : {}),
        ...(a.value !== undefined ? { value: a.value } : {}),
        ...(a.entities ? { entities: a.entities } : {}),
        ...(a.channelData ? { channelData: a.channelData } : {}),
      };
      // The echo comes first in the stream, as in Direct Line: Web Chat marks the message as sent.
      const echo =
        a.type === 'typing'
          ? undefined
          : store.append(c, {
              ...activity,
              type: a.type,
              channelId: LOCAL_CHANNEL_ID,
              conversation: { id: c.id },
            });
      const id = echo?.id ?? `${c.id}|typing`;
      const status = await deliver(c, { ...activity, id });
      if (status === 0 || status >= 500) {
        sendError(res, 502, 'BotError', 'The bot did not answer. Try again.');
        return;
      }
      sendJson(res, 200, { id });
    },
  );

  server.get(
    `${LOCAL_DIRECT_LINE_PATH}/conversations/:conversationId/activities`,
    async (req: Request, res: Response) => {
      const t = authorise(req, res);
      if (!t) return;
      const c = conversationFor(req, res, t);
      if (!c) return;
      const raw = query(req, 'watermark');
      const watermark = raw === undefined || raw === '' ? 0 : Number(raw);
      if (!Number.isSafeInteger(watermark) || watermark < 0) {
        sendError(res, 400, 'BadArgument', 'watermark must be a whole number.');
        return;
      }
      store.touch(c);
      let batch = store.since(c, watermark);
      if (batch.activities.length === 0 && longPollMs > 0) {
        const wait = store.waitForActivity(c);
        const timer = setTimeout(wait.cancel, longPollMs);
        const onClose = () => wait.cancel();
        req.once('close', onClose);
        await wait.promise;
        clearTimeout(timer);
        req.off('close', onClose);
        if (res.writableEnded || res.destroyed) return;
        if (!store.conversation(c.id)) {
          sendError(res, 404, 'BadArgument', 'Conversation not found.');
          return;
        }
        batch = store.since(c, watermark);
      }
      sendJson(res, 200, batch);
    },
  );

  // --- Bot Connector, as the CloudAdapter sees it (replies from the bot) -----------------------------

  const connector = `${LOCAL_CONNECTOR_PATH}/v3/conversations/:conversationId/activities`;

  async function receiveFromBot(req: Request, res: Response): Promise<void> {
    if (!isLoopback(req)) {
      sendError(res, 403, 'Forbidden', 'Only this server may post bot replies.');
      return;
    }
    const c = store.conversation(param(req, 'conversationId'));
    if (!c) {
      sendError(res, 404, 'BadArgument', 'Conversation not found.');
      return;
    }
    const parsed = botActivitySchema.safeParse(req.body);
    if (!parsed.success) {
      sendError(res, 400, 'BadArgument', describe(parsed.error));
      return;
    }
    const { id: _ignoredId, serviceUrl: _internal, ...rest } = parsed.data;
    if (rest.type === 'trace') {
      // Emulator-only activities: never shown in Web Chat.
      sendJson(res, 200, { id: '' });
      return;
    }
    const replyToId =
      param(req, 'activityId') || (typeof rest.replyToId === 'string' ? rest.replyToId : undefined);
    const stored = store.append(c, {
      ...rest,
      type: rest.type,
      timestamp: new Date().toISOString(),
      channelId: LOCAL_CHANNEL_ID,
      conversation: { id: c.id },
      from: { ...LOCAL_BOT_ACCOUNT },
      recipient: { id: c.userId, role: 'user' },
      ...(replyToId ? { replyToId } : {}),
    });
    sendJson(res, 200, { id: stored.id });
  }

  server.post(connector, receiveFromBot);
  server.post(`${connector}/:activityId`, receiveFromBot);

  server.put(`${connector}/:activityId`, async (req: Request, res: Response) => {
    if (!isLoopback(req)) {
      sendError(res, 403, 'Forbidden', 'Only this server may update bot replies.');
      return;
    }
    const c = store.conversation(param(req, 'conversationId'));
    const parsed = botActivitySchema.safeParse(req.body);
    if (!c || !parsed.success) {
      sendError(res, c ? 400 : 404, 'BadArgument', c ? 'Bad activity.' : 'Conversation not found.');
      return;
    }
    const id = param(req, 'activityId');
    const { serviceUrl: _internal, ...rest } = parsed.data;
    const ok = store.replace(c, id, {
      ...rest,
      type: rest.type,
      conversation: { id: c.id },
      from: { ...LOCAL_BOT_ACCOUNT },
    });
    if (!ok) {
      sendError(res, 404, 'BadArgument', 'Activity not found.');
      return;
    }
    sendJson(res, 200, { id });
  });

  server.del(`${connector}/:activityId`, async (req: Request, res: Response) => {
    if (!isLoopback(req)) {
      sendError(res, 403, 'Forbidden', 'Only this server may delete bot replies.');
      return;
    }
    const c = store.conversation(param(req, 'conversationId'));
    if (!c || !store.remove(c, param(req, 'activityId'))) {
      sendError(res, 404, 'BadArgument', 'Not found.');
      return;
    }
    sendJson(res, 200, {});
  });

  log.info('local Direct Line channel enabled (development only)');

  return {
    store,
    close(): void {
      clearInterval(sweeper);
      store.clear();
    },
  };
}

export type { StoredActivity };
