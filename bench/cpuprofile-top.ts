/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): top functions by self time, self time by
 * package, our source files by self time, and our functions by total (inclusive) time.
 *
 *   npx node bench/cpuprofile-top.ts /tmp/prof/CPU.<...>.cpuprofile [--turns N]
 *       [--from-ms A --to-ms B]      window relative to the profile's start
 *       [--window-us A,B]            window in the profile's own clock (CLOCK_MONOTONIC µs)
 *
 * With --turns, times are also given per turn (µs/turn).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type BenchRow, printTable, round } from './lib.ts';

const ROOT_URL = new URL('../', import.meta.url).href;

const profileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({
        functionName: z.string(),
        url: z.string(),
        lineNumber: z.number(),
      }),
      children: z.array(z.number()).optional(),
    }),
  ),
  startTime: z.number(),
  endTime: z.number(),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});
export type CpuProfile = z.infer<typeof profileSchema>;

export interface Window {
  /** µs in the profile's clock */
  readonly fromUs: number;
  readonly toUs: number;
}

export interface TopOptions {
  readonly window?: Window;
  readonly turns?: number;
  readonly topSelf?: number;
  readonly topFiles?: number;
}

/** Where a function comes from: our file, a package, node itself, or a V8 pseudo-node. */
export function originOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  if (url.includes('/node_modules/')) {
    // the package chain, so a nested copy shows as "botbuilder > zod"
    const parts = url.split('/node_modules/').slice(1);
    return parts
      .map((part) => {
        const seg = part.split('/');
        return seg[0]?.startsWith('@') ? `${seg[0]}/${seg[1] ?? ''}` : (seg[0] ?? part);
      })
      .join(' > ');
  }
  if (url.startsWith(ROOT_URL)) return url.slice(ROOT_URL.length);
  return url;
}

export function isOurs(url: string): boolean {
  return url.startsWith(`${ROOT_URL}src/`);
}

function shortUrl(url: string): string {
  if (url.startsWith(ROOT_URL)) return url.slice(ROOT_URL.length);
  const nm = url.lastIndexOf('/node_modules/');
  return nm >= 0 ? url.slice(nm + '/node_modules/'.length) : url;
}

export function loadProfile(path: string): CpuProfile {
  return profileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

export interface TopResult {
  readonly windowMs: number;
  readonly busyMs: number;
  readonly tables: { readonly title: string; readonly rows: BenchRow[] }[];
}

export function summarise(profile: CpuProfile, opts: TopOptions = {}): TopResult {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (id: number): string => {
    const f = byId.get(id)?.callFrame;
    if (!f) return '?';
    return `${f.functionName || '(anonymous)'}\t${f.url}\t${f.lineNumber + 1}`;
  };

  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const selfByOrigin = new Map<string, number>();
  const selfByOurFile = new Map<string, number>();
  let windowUs = 0;
  let busyUs = 0;
  let t = profile.startTime;
  const from = opts.window?.fromUs ?? Number.NEGATIVE_INFINITY;
  const to = opts.window?.toUs ?? Number.POSITIVE_INFINITY;
  const add = (m: Map<string, number>, k: string, v: number): void => {
    m.set(k, (m.get(k) ?? 0) + v);
  };

  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    if (t < from || t > to) continue;
    // a sample stands for the time until the next one
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const id = profile.samples[i] ?? 0;
    const node = byId.get(id);
    if (!node) continue;
    windowUs += dt;
    const { functionName, url } = node.callFrame;
    if (functionName !== '(idle)') busyUs += dt;
    add(self, keyOf(id), dt);
    add(selfByOrigin, originOf(url, functionName), dt);
    if (isOurs(url)) add(selfByOurFile, shortUrl(url), dt);
    // inclusive time: every distinct function on the stack, once per sample
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = keyOf(cur);
      if (seen.has(k)) continue;
      seen.add(k);
      add(total, k, dt);
    }
  }

  const turns = opts.turns;
  const perTurn = (us: number): Record<string, number> => (turns ? { 'µs/turn': round(us / turns, 1) } : {});
  const pct = (us: number): number => round((100 * us) / Math.max(1, busyUs), 1);
  const sorted = (m: Map<string, number>): [string, number][] => [...m.entries()].sort((a, b) => b[1] - a[1]);
  const fnRow = ([key, us]: [string, number]): BenchRow => {
    const [name = '', url = '', line = ''] = key.split('\t');
    return {
      name,
      where: url ? `${shortUrl(url)}:${line}` : '',
      ms: round(us / 1000, 0),
      '% busy': pct(us),
      ...perTurn(us),
    };
  };

  const tables: { title: string; rows: BenchRow[] }[] = [];
  tables.push({
    title: `top ${opts.topSelf ?? 10} functions by self time`,
    rows: sorted(self)
      .filter(([k]) => !k.startsWith('(idle)'))
      .slice(0, opts.topSelf ?? 10)
      .map(fnRow),
  });
  tables.push({
    title: 'self time by origin (package, node internals, GC, our files)',
    rows: sorted(selfByOrigin)
      .filter(([k]) => k !== '(idle)')
      .slice(0, 15)
      .map(([name, us]) => ({ name, ms: round(us / 1000, 0), '% busy': pct(us), ...perTurn(us) })),
  });
  tables.push({
    title: `top ${opts.topFiles ?? 5} of our source files by self time`,
    rows: sorted(selfByOurFile)
      .slice(0, opts.topFiles ?? 5)
      .map(([name, us]) => ({ name, ms: round(us / 1000, 0), '% busy': pct(us), ...perTurn(us) })),
  });
  tables.push({
    title: 'our functions by total time (self + callees)',
    rows: sorted(total)
      .filter(([k]) => isOurs(k.split('\t')[1] ?? ''))
      .slice(0, 15)
      .map(fnRow),
  });
  return { windowMs: windowUs / 1000, busyMs: busyUs / 1000, tables };
}

export function printSummary(result: TopResult, turns?: number): void {
  console.log(
    `\nprofile window ${round(result.windowMs, 0)} ms, busy (not idle) ${round(result.busyMs, 0)} ms` +
      (turns ? `, ${turns} turns -> ${round((result.busyMs * 1000) / turns, 0)} µs busy per turn` : ''),
  );
  for (const t of result.tables) printTable(t.title, t.rows);
}

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const file = args.find((a) => a.endsWith('.cpuprofile'));
  if (!file) {
    console.error(
      'usage: npx node bench/cpuprofile-top.ts FILE.cpuprofile [--turns N] [--from-ms A --to-ms B] [--window-us A,B]',
    );
    process.exit(1);
  }
  const profile = loadProfile(file.startsWith('file:') ? fileURLToPath(file) : file);
  const turnsArg = argValue(args, '--turns');
  const turns = turnsArg ? Number(turnsArg) : undefined;
  let window: Window | undefined;
  const windowUs = argValue(args, '--window-us');
  const fromMs = argValue(args, '--from-ms');
  const toMs = argValue(args, '--to-ms');
  if (windowUs) {
    const [a, b] = windowUs.split(',').map(Number);
    if (a !== undefined && b !== undefined) window = { fromUs: a, toUs: b };
  } else if (fromMs || toMs) {
    window = {
      fromUs: profile.startTime + Number(fromMs ?? 0) * 1000,
      toUs: toMs ? profile.startTime + Number(toMs) * 1000 : profile.endTime,
    };
  }
  printSummary(summarise(profile, { window, turns }), turns);
}
