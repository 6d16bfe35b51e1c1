/**
 * POST /api/directline/token   -> a short-lived Direct Line token for the widget
 * POST /api/directline/refresh -> a fresh token for the one in `Authorization: Bearer ...`
 *
 * Production: the Direct Line secret is exchanged with Direct Line for a token bound to a user id
 * that we choose (dl_ + random), so the browser never sees the secret and cannot pick its own id.
 * Development (no secret, NODE_ENV not production): a token for the local Direct Line channel, so
 * the widget's code path is the same. Production without a secret: a clear 503.
 * Tokens are never logged.
 */
import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import { bearer, sendError, sendJson } from '../directline/http.ts';
import { LOCAL_DIRECT_LINE_PATH } from '../directline/local.ts';
import type { LocalDirectLineStore } from '../directline/store.ts';
import { clientAddress, createRateLimiter } from '../rate-limit.ts';

export const TOKEN_PATH = '/api/directline/token';
export const REFRESH_PATH = '/api/directline/refresh';

/** What the widget receives. */
export interface WidgetToken {
  readonly token: string;
  readonly conversationId?: string;
  readonly expiresIn: number;
  /** Direct Line base, e.g. https://directline.botframework.com/v3/directline, or /v3/directline locally. */
  readonly domain: string;
  /** Whether the widget should use Direct Line's WebSocket (Azure) or polling (local channel). */
  readonly webSocket: boolean;
}

const directLineTokenSchema = z.object({
  token: z.string().min(1),
  conversationId: z.string().optional(),
  expires_in: z.number().optional(),
});

export type TokenSource =
  | { readonly kind: 'azure'; readonly endpoint: string; readonly secret: string }
  | { readonly kind: 'local'; readonly store: LocalDirectLineStore }
  | { readonly kind: 'none' };

export function directLineDomain(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/v3/directline`;
}

export interface TokenRoutesOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly source: TokenSource;
  readonly timeoutMs?: number;
}

export function registerTokenRoutes(server: Server, options: TokenRoutesOptions): void {
  const { config, source } = options;
  const log = options.logger.child({ component: 'directline-token' });
  const limiter = createRateLimiter(config.RATE_LIMIT_PER_MINUTE);
  const behindProxy = config.NODE_ENV === 'production';
  const timeoutMs = options.timeoutMs ?? 10_000;

  /** False (and a response sent) if this request must not go ahead. */
  function admit(req: Request, res: Response): boolean {
    // Browsers say where a request comes from: only our own pages may ask for a token.
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site') {
      sendError(res, 403, 'Forbidden', 'Tokens are only given to this site’s own chat page.');
      return false;
    }
    if (!limiter.take(clientAddress(req, behindProxy))) {
      res.setHeader('Retry-After', String(limiter.retryAfterSeconds()));
      sendError(res, 429, 'TooManyRequests', 'Too many requests. Wait a minute and try again.');
      return false;
    }
    if (source.kind === 'none') {
      sendError(
        res,
        503,
        'DirectLineNotConfigured',
        'Web chat is not set up on this server: DIRECT_LINE_SECRET is not configured. ' +
          'If you are in danger now, call 999. Essex Compass: 0330 333 7 444, 24 hours a day.',
      );
      return false;
    }
    return true;
  }

  async function callDirectLine(path: string, authorization: string, body?: unknown): Promise<WidgetToken> {
    if (source.kind !== 'azure') throw new Error('not azure');
    const res = await fetch(`${directLineDomain(source.endpoint)}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${authorization}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) {
      await res.arrayBuffer();
      throw Object.assign(new Error(`Direct Line answered ${res.status}`), { status: res.status });
    }
    const parsed = directLineTokenSchema.parse(await res.json());
    return {
      token: parsed.token,
      ...(parsed.conversationId ? { conversationId: parsed.conversationId } : {}),
      expiresIn: parsed.expires_in ?? 1800,
      domain: directLineDomain(source.endpoint),
      webSocket: true,
    };
  }

  function unavailable(res: Response, err: unknown, what: string): void {
    const status = (err as { status?: number }).status;
    log.warn({ err: (err as Error).name, status }, `${what} failed`);
    if (status === 401 || status === 403) {
      sendError(res, 403, 'TokenExpired', 'This chat has expired. Close it and start a new one.');
      return;
    }
    sendError(
      res,
      502,
      'DirectLineUnavailable',
      'The chat service is not available right now. If you are in danger now, call 999. ' +
        'Essex Compass: 0330 333 7 444, 24 hours a day.',
    );
  }

  server.post(TOKEN_PATH, async (req: Request, res: Response) => {
    if (!admit(req, res)) return;
    if (source.kind === 'local') {
      const t = source.store.issueToken();
      const body: WidgetToken = {
        token: t.token,
        expiresIn: Math.round(source.store.limits.tokenTtlMs / 1000),
        domain: LOCAL_DIRECT_LINE_PATH,
        webSocket: false,
      };
      sendJson(res, 200, body);
      return;
    }
    try {
      const userId = `dl_${randomBytes(12).toString('base64url')}`;
      const body = await callDirectLine('/tokens/generate', source.kind === 'azure' ? source.secret : '', {
        user: { id: userId },
      });
      log.info('token issued');
      sendJson(res, 200, body);
    } catch (err) {
      unavailable(res, err, 'token exchange');
    }
  });

  server.post(REFRESH_PATH, async (req: Request, res: Response) => {
    if (!admit(req, res)) return;
    const old = bearer(req);
    if (!old) {
      sendError(res, 400, 'BadArgument', 'Send the token to refresh as Authorization: Bearer <token>.');
      return;
    }
    if (source.kind === 'local') {
      const t = source.store.token(old);
      if (!t) {
        sendError(res, 403, 'TokenExpired', 'This chat has expired. Close it and start a new one.');
        return;
      }
      const fresh = source.store.refreshToken(t);
      const body: WidgetToken = {
        token: fresh.token,
        ...(fresh.conversationId ? { conversationId: fresh.conversationId } : {}),
        expiresIn: Math.round(source.store.limits.tokenTtlMs / 1000),
        domain: LOCAL_DIRECT_LINE_PATH,
        webSocket: false,
      };
      sendJson(res, 200, body);
      return;
    }
    try {
      sendJson(res, 200, await callDirectLine('/tokens/refresh', old));
    } catch (err) {
      unavailable(res, err, 'token refresh');
    }
  });
}
