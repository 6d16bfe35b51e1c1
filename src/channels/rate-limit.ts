/**
 * A simple in-memory fixed-window rate limit per client address. Bounded: the table is emptied at
 * each new window, and a flood of distinct addresses inside one window is capped.
 */
import type { Request } from 'restify';

export interface RateLimiter {
  /** True if this request may go ahead; counts it. */
  take(key: string): boolean;
  /** Seconds until the current window ends. */
  retryAfterSeconds(): number;
}

export function createRateLimiter(
  perWindow: number,
  windowMs = 60_000,
  now: () => number = Date.now,
  maxKeys = 100_000,
): RateLimiter {
  let windowStart = now();
  let counts = new Map<string, number>();
  function roll(): void {
    const t = now();
    if (t - windowStart >= windowMs) {
      windowStart = t - ((t - windowStart) % windowMs);
      counts = new Map();
    }
  }
  return {
    take(key: string): boolean {
      roll();
      const n = counts.get(key) ?? 0;
      if (n >= perWindow) return false;
      if (n === 0 && counts.size >= maxKeys) return false;
      counts.set(key, n + 1);
      return true;
    },
    retryAfterSeconds(): number {
      roll();
      return Math.max(1, Math.ceil((windowStart + windowMs - now()) / 1000));
    },
  };
}

/**
 * The client's address. Behind Azure App Service every request comes from the front end, which
 * appends the real client address to X-Forwarded-For; we take that last entry (earlier entries can
 * be written by the client). Only trusted in production, where the front end is always there.
 */
export function clientAddress(req: Request, behindProxy: boolean): string {
  if (behindProxy) {
    const xff = req.headers['x-forwarded-for'];
    const value = Array.isArray(xff) ? xff[xff.length - 1] : xff;
    const last = value?.split(',').pop()?.trim();
    if (last) {
      // "1.2.3.4:5678" (App Service adds the port) or "[::1]:5678" -> the address alone.
      const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(last);
      if (bracketed?.[1]) return bracketed[1];
      const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/.exec(last);
      if (v4?.[1]) return v4[1];
      return last;
    }
  }
  return req.socket.remoteAddress ?? 'unknown';
}
