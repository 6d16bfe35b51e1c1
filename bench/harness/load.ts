/**
 * Drives POST /api/messages with autocannon and measures only after every connection has had a
 * reply (new connections can wait seconds at 200 connections; see STACK-NOTES). Latencies and
 * counts come from autocannon's per-response events inside the measured window.
 */
import { performance } from 'node:perf_hooks';
import autocannon, { type AutocannonInstance } from 'autocannon';
import { percentile } from '../lib.ts';

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  readonly bodies: readonly string[];
  /** Length of the measured window. */
  readonly measureMs: number;
  /** Give up waiting for every connection's first reply after this long, and measure anyway. */
  readonly warmCapMs: number;
  /** Pause between the last connection's first reply and the start of the window. */
  readonly settleMs: number;
  /** Seconds before an unanswered request counts as a timeout (and its connection is reopened). Default 10. */
  readonly timeoutS?: number;
  /** Called when the measured window opens and closes (for RSS windows and profiles). */
  readonly onWindow?: (event: 'open' | 'close', at: number) => void;
}

export interface LoadResult {
  readonly connections: number;
  /** 2xx answers per second in the window */
  readonly turnsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** answers in the window (any status) */
  readonly answered: number;
  /** 2xx answers in the window */
  readonly ok: number;
  readonly non2xx: number;
  /** connection errors, including timeouts */
  readonly errors: number;
  readonly timeouts: number;
  /** 2xx answers without any activity in the body */
  readonly emptyReplies: number;
  /** errors and timeouts before the window opened (new connections left waiting) */
  readonly warmErrors: number;
  /** connections that had a reply before the window opened */
  readonly warmedConnections: number;
  /** ms until every connection had a reply (or the cap) */
  readonly warmMs: number;
  readonly windowMs: number;
}

/** The next body, cycling over the list. Shared by every connection of one run. */
function rotator(bodies: readonly string[]): () => string {
  let next = 0;
  return () => {
    const body = bodies[next % bodies.length] ?? '';
    next += 1;
    return body;
  };
}

const hasReply = (body: string): boolean => body.includes('"activities":[{');

export function driveLoad(opts: LoadOptions): Promise<LoadResult> {
  const nextBody = rotator(opts.bodies);
  const capS = Math.ceil((opts.warmCapMs + opts.settleMs + opts.measureMs) / 1000) + 5;
  const started = performance.now();
  const warmed = new Set<object>();
  const latencies: number[] = [];
  let phase: 'warm' | 'settle' | 'measure' | 'done' = 'warm';
  let warmMs = 0;
  let windowStart = 0;
  let windowMs = 0;
  let answered = 0;
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  let timeouts = 0;
  let emptyReplies = 0;
  let warmErrors = 0;
  let instance: AutocannonInstance | undefined;
  const timers: NodeJS.Timeout[] = [];

  const closeWindow = (): void => {
    if (phase !== 'measure') return;
    phase = 'done';
    const now = performance.now();
    windowMs = now - windowStart;
    opts.onWindow?.('close', now);
    instance?.stop();
  };
  const openWindow = (): void => {
    if (phase === 'measure' || phase === 'done') return;
    phase = 'measure';
    windowStart = performance.now();
    opts.onWindow?.('open', windowStart);
    timers.push(setTimeout(closeWindow, opts.measureMs));
  };
  const allWarm = (): void => {
    if (phase !== 'warm') return;
    phase = 'settle';
    warmMs = performance.now() - started;
    timers.push(setTimeout(openWindow, opts.settleMs));
  };

  return new Promise<LoadResult>((resolve, reject) => {
    instance = autocannon(
      {
        url: `${opts.url}/api/messages`,
        connections: opts.connections,
        duration: capS,
        timeout: opts.timeoutS ?? 10,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        verifyBody: hasReply,
        requests: [
          {
            method: 'POST',
            path: '/api/messages',
            setupRequest: (request) => {
              request.body = nextBody();
              return request;
            },
          },
        ],
      },
      (err) => {
        for (const t of timers) clearTimeout(t);
        if (err) {
          reject(err);
          return;
        }
        if (phase === 'measure') closeWindow();
        const sorted = latencies.sort((a, b) => a - b);
        const seconds = windowMs / 1000;
        resolve({
          connections: opts.connections,
          turnsPerSec: seconds > 0 ? ok / seconds : 0,
          p50Ms: percentile(sorted, 50),
          p99Ms: percentile(sorted, 99),
          maxMs: sorted.at(-1) ?? Number.NaN,
          answered,
          ok,
          non2xx,
          errors,
          timeouts,
          emptyReplies,
          warmErrors,
          warmedConnections: warmed.size,
          warmMs: warmMs || opts.warmCapMs,
          windowMs,
        });
      },
    );
    instance.on('response', (client: object, status: number, _bytes: number, ms: number) => {
      if (phase === 'warm') {
        warmed.add(client);
        if (warmed.size >= opts.connections) allWarm();
        return;
      }
      if (phase !== 'measure') return;
      answered += 1;
      latencies.push(ms);
      if (status >= 200 && status < 300) ok += 1;
      else non2xx += 1;
    });
    instance.on('reqError', (err: Error) => {
      if (phase === 'warm' || phase === 'settle') warmErrors += 1;
      if (phase !== 'measure') return;
      errors += 1;
      if (/timed out/.test(err.message)) timeouts += 1;
    });
    instance.on('reqMismatch', () => {
      if (phase === 'measure') emptyReplies += 1;
    });
    timers.push(
      setTimeout(() => {
        if (phase === 'warm') {
          warmMs = opts.warmCapMs;
          phase = 'settle';
          openWindow();
        }
      }, opts.warmCapMs),
    );
  });
}

export interface FillResult {
  readonly sent: number;
  readonly ok: number;
  readonly failed: number;
  readonly ms: number;
}

/** Sends each body exactly once (e.g. one turn for each of 10,000 new conversations). */
export function sendAll(
  url: string,
  bodies: readonly string[],
  connections: number,
  capMs = 120_000,
): Promise<FillResult> {
  const nextBody = rotator(bodies);
  const started = performance.now();
  let ok = 0;
  let failed = 0;
  return new Promise<FillResult>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/api/messages`,
        connections,
        amount: bodies.length,
        timeout: 10,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: [
          {
            method: 'POST',
            path: '/api/messages',
            setupRequest: (request) => {
              request.body = nextBody();
              return request;
            },
          },
        ],
      },
      (err) => {
        clearTimeout(cap);
        if (err) reject(err);
        else resolve({ sent: bodies.length, ok, failed, ms: performance.now() - started });
      },
    );
    const cap = setTimeout(() => instance.stop(), capMs);
    instance.on('response', (_client: object, status: number) => {
      if (status >= 200 && status < 300) ok += 1;
      else failed += 1;
    });
    instance.on('reqError', () => {
      failed += 1;
    });
  });
}
