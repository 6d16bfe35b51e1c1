/**
 * The website chat: the launcher script (/widget.js), the demo page (/), the chat page (/chat),
 * its assets, the Direct Line token routes, and (development only) the local Direct Line channel.
 */
import { readFileSync } from 'node:fs';
import type { Request, Response, Server } from 'restify';
import type { Config } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import { type LocalDirectLine, registerLocalDirectLine } from '../directline/local.ts';
import { type AssetSpec, createAssetServer, readPublic, webChatBundlePath } from './assets.ts';
import { chatPage, demoPage, newNonce, safeExitUrl, sendHtml } from './pages.ts';
import { registerTokenRoutes, TOKEN_PATH, type TokenSource } from './token.ts';

export interface WebChannelDeps {
  config: Config;
  logger: Logger;
  /** http://127.0.0.1:PORT of this server, known after listen */
  selfUrl(): string;
}

/** True when the local Direct Line channel runs: no secret, and not production. */
export function localDirectLineEnabled(config: Config): boolean {
  return !config.DIRECT_LINE_SECRET && config.NODE_ENV !== 'production';
}

/** The launcher script with this server's settings written in. */
export function launcherScript(config: Config): Buffer {
  const source = readPublic('widget.js').toString('utf8');
  const settings = JSON.stringify({ exitUrl: safeExitUrl(config) })
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return Buffer.from(source.replace('/*SETTINGS*/ {}', settings), 'utf8');
}

export function registerWebChannels(server: Server, deps: WebChannelDeps): { close(): void } {
  const { config } = deps;
  const logger = deps.logger.child({ component: 'webchat' });
  const assets = createAssetServer(config.NODE_ENV === 'production' ? 11 : 5);
  const isProduction = config.NODE_ENV === 'production';

  let local: LocalDirectLine | undefined;
  let source: TokenSource;
  if (config.DIRECT_LINE_SECRET) {
    source = { kind: 'azure', endpoint: config.DIRECT_LINE_ENDPOINT, secret: config.DIRECT_LINE_SECRET };
  } else if (localDirectLineEnabled(config)) {
    local = registerLocalDirectLine(server, { logger, selfUrl: deps.selfUrl });
    source = { kind: 'local', store: local.store };
  } else {
    source = { kind: 'none' };
    logger.warn('DIRECT_LINE_SECRET is not set: the website chat cannot connect in production');
  }
  registerTokenRoutes(server, { config, logger, source });

  // The chat page's own files are not kept in the browser's cache: nothing left on the device.
  const noStore = 'no-store';
  const files: Record<string, AssetSpec> = {
    'chat.js': {
      type: 'text/javascript; charset=utf-8',
      load: () => readPublic('chat.js'),
      cacheControl: noStore,
    },
    'chat.css': {
      type: 'text/css; charset=utf-8',
      load: () => readPublic('chat.css'),
      cacheControl: noStore,
    },
    'demo.css': {
      type: 'text/css; charset=utf-8',
      load: () => readPublic('demo.css'),
      cacheControl: 'public, max-age=300',
    },
    'webchat.js': {
      type: 'text/javascript; charset=utf-8',
      load: () => readFileSync(webChatBundlePath()),
      cacheControl: noStore,
    },
  };
  const launcher: AssetSpec = {
    type: 'text/javascript; charset=utf-8',
    load: () => launcherScript(config),
    // The launcher is on every page of the host site; caching it reveals nothing the history doesn't.
    cacheControl: isProduction ? 'public, max-age=3600' : 'no-cache',
    headers: { 'Cross-Origin-Resource-Policy': 'cross-origin' },
  };

  server.get('/widget.js', async (req: Request, res: Response) => {
    await assets.serve(req, res, launcher);
  });

  server.get('/assets/:file', async (req: Request, res: Response) => {
    const name = typeof req.params?.file === 'string' ? req.params.file : '';
    const spec = Object.hasOwn(files, name) ? files[name] : undefined;
    if (!spec) {
      res.writeHead(404, {
        'Content-Type': 'text/plain; charset=utf-8',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end('Not found');
      return;
    }
    await assets.serve(req, res, spec);
  });

  server.get('/', async (_req: Request, res: Response) => {
    const nonce = newNonce();
    sendHtml(res, config, nonce, demoPage(nonce), "'self'");
  });

  server.get('/chat', async (_req: Request, res: Response) => {
    const nonce = newNonce();
    sendHtml(res, config, nonce, chatPage(nonce, { exitUrl: safeExitUrl(config), tokenUrl: TOKEN_PATH }));
  });

  return {
    close(): void {
      local?.close();
    },
  };
}
