/** Small response helpers shared by the web channel routes. */
import type { Request, Response } from 'restify';

export function sendJson(
  res: Response,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/** Direct Line's error shape: { error: { code, message } }. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  sendJson(res, status, { error: { code, message } });
}

/** The bearer token from the Authorization header, if any. */
export function bearer(req: Request): string | undefined {
  const h = req.headers.authorization;
  if (typeof h !== 'string') return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(h.trim());
  return m?.[1];
}

/** A route parameter as a string ('' when missing). */
export function param(req: Request, name: string): string {
  const params: unknown = req.params;
  if (params && typeof params === 'object' && name in params) {
    const v = (params as Record<string, unknown>)[name];
    return typeof v === 'string' ? v : '';
  }
  return '';
}

/** A query parameter as a string, or undefined. */
export function query(req: Request, name: string): string | undefined {
  const q: unknown = req.query;
  if (q && typeof q === 'object' && name in q) {
    const v = (q as Record<string, unknown>)[name];
    return typeof v === 'string' ? v : undefined;
  }
  return undefined;
}

/** True when the request came from this machine (this process calling itself through selfUrl). */
export function isLoopback(req: Request): boolean {
  const a = req.socket.remoteAddress ?? '';
  if (a === '127.0.0.1' || a === '::1' || a === '::ffff:127.0.0.1') return true;
  // Listening on one LAN address (HOST=192.168.x.y): the server calls itself from that address.
  return a !== '' && a === req.socket.localAddress;
}
