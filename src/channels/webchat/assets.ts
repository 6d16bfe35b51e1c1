/**
 * Static files for the widget, served from memory with gzip / Brotli done once per process.
 * Web Chat comes from node_modules (never a CDN). Only the files listed here are served.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Request, Response } from 'restify';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

export const PUBLIC_DIR = fileURLToPath(new URL('../../../public/', import.meta.url));

/** dist/webchat.js of botframework-webchat: the full bundle (see README: the minimal one has no cards). */
export function webChatBundlePath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

export interface AssetSpec {
  readonly type: string;
  /** Read (and transform) the body the first time it is asked for. */
  readonly load: () => Buffer;
  readonly cacheControl: string;
  /** Extra headers, e.g. Cross-Origin-Resource-Policy for the launcher. */
  readonly headers?: Readonly<Record<string, string>>;
}

interface Loaded {
  readonly body: Buffer;
  readonly etag: string;
  gzip?: Promise<Buffer>;
  br?: Buffer;
  brPending?: boolean;
}

export interface AssetServer {
  serve(req: Request, res: Response, spec: AssetSpec): Promise<void>;
  /** The bytes as served (decoded), for tests and size reports. */
  body(spec: AssetSpec): Buffer;
}

/**
 * @param brotliQuality 11 in production (about 5 s of a worker thread once, 32% smaller than
 *   gzip for Web Chat); lower elsewhere so tests and restarts stay quick.
 */
export function createAssetServer(brotliQuality: number): AssetServer {
  const cache = new Map<AssetSpec, Loaded>();

  function loaded(spec: AssetSpec): Loaded {
    let l = cache.get(spec);
    if (!l) {
      const body = spec.load();
      l = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
      cache.set(spec, l);
    }
    return l;
  }

  function startBrotli(l: Loaded): void {
    if (l.br || l.brPending || l.body.length < 1024) return;
    l.brPending = true;
    brotli(l.body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: brotliQuality,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: l.body.length,
      },
    }).then(
      (b) => {
        l.br = b;
      },
      () => {
        l.brPending = false;
      },
    );
  }

  return {
    body: (spec) => loaded(spec).body,
    async serve(req, res, spec) {
      const l = loaded(spec);
      const headers: Record<string, string> = {
        'Content-Type': spec.type,
        'Cache-Control': spec.cacheControl,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        ETag: l.etag,
        Vary: 'Accept-Encoding',
        ...spec.headers,
      };
      if (req.headers['if-none-match'] === l.etag) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      const accept = String(req.headers['accept-encoding'] ?? '');
      let out = l.body;
      if (l.body.length >= 1024) {
        startBrotli(l);
        if (l.br && /\bbr\b/.test(accept)) {
          out = l.br;
          headers['Content-Encoding'] = 'br';
        } else if (/\bgzip\b/.test(accept)) {
          l.gzip ??= gzip(l.body, { level: 9 });
          out = await l.gzip;
          headers['Content-Encoding'] = 'gzip';
        }
      }
      headers['Content-Length'] = String(out.length);
      res.writeHead(200, headers);
      res.end(out);
    },
  };
}

export function readPublic(name: string): Buffer {
  return readFileSync(join(PUBLIC_DIR, name));
}
