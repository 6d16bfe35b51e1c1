/**
 * One CPU profile of a server under load: starts it with `--cpu-prof`, warms it up, drives the
 * message mix for 10 s at 50 connections, stops it (the profile is written on exit), and prints
 * the summary of just the measured window (bench/cpuprofile-top.ts).
 *
 *   npx node bench/profile.ts            # our bot
 *   npx node bench/profile.ts baseline   # the baseline echo bot
 *
 * Env: PROFILE_SECONDS (default 10), PROFILE_CONNECTIONS (default 50), PROFILE_DIR (default /tmp/prof).
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadProfile, printSummary, summarise } from './cpuprofile-top.ts';
import { driveLoad } from './harness/load.ts';
import { startServer, waitHealthy } from './harness/proc.ts';
import { makeBodies } from './harness/traffic.ts';
import { round } from './lib.ts';

const target = process.argv[2] === 'baseline' ? 'baseline' : 'ours';
const seconds = Math.min(60, Number(process.env.PROFILE_SECONDS ?? '10') || 10);
const connections = Math.min(500, Number(process.env.PROFILE_CONNECTIONS ?? '50') || 50);
const dir = join(process.env.PROFILE_DIR ?? '/tmp/prof', `${target}-${Date.now()}`);
mkdirSync(dir, { recursive: true });

const env: Record<string, string> =
  target === 'ours'
    ? {
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        PORT: '0',
        RATE_LIMIT_PER_MINUTE: '100000',
        CONVERSATION_TURNS_PER_MINUTE: '10000',
      }
    : { HOST: '127.0.0.1', PORT: '0' };

const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);

const server = await startServer({
  name: target,
  script: target === 'ours' ? 'src/index.ts' : 'bench/baseline/index.ts',
  env,
  nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
});
const hardStop = setTimeout(() => {
  console.error('profile: time limit reached');
  process.kill(server.pid, 'SIGKILL');
  process.exit(3);
}, 180_000);
hardStop.unref();

let result: Awaited<ReturnType<typeof driveLoad>>;
const window = { fromUs: 0, toUs: 0 };
try {
  await waitHealthy(server);
  const bodies = makeBodies({ count: 20_000, conversations: 1_000, prefix: 'prof' });
  // warm-up (JIT, caches, every conversation's state created), not measured
  await driveLoad({ url: server.url, connections, bodies, measureMs: 3_000, warmCapMs: 15_000, settleMs: 0 });
  result = await driveLoad({
    url: server.url,
    connections,
    bodies,
    measureMs: seconds * 1000,
    warmCapMs: 15_000,
    settleMs: 500,
    onWindow: (event) => {
      // V8 profile timestamps use CLOCK_MONOTONIC µs, as process.hrtime does.
      if (event === 'open') window.fromUs = nowUs();
      else window.toUs = nowUs();
    },
  });
} finally {
  await server.stop();
}

const files = readdirSync(dir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .map((f) => join(dir, f))
  .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
const file = files[0];
if (!file) {
  console.error(`no .cpuprofile written in ${dir}`);
  process.exit(1);
}
console.log(
  `${target}: ${round(result.turnsPerSec, 0)} turns/s, p50 ${round(result.p50Ms, 1)} ms, ` +
    `p99 ${round(result.p99Ms, 1)} ms over ${seconds} s at ${connections} connections (profiling slows it down)`,
);
console.log(`profile: ${file}`);
const profile = loadProfile(file);
const inside = window.fromUs >= profile.startTime && window.toUs <= profile.endTime;
if (!inside) console.log('note: window clocks do not line up; summarising the whole profile');
const summary = summarise(profile, { window: inside ? window : undefined, turns: result.ok });
printSummary(summary, result.ok);
if (inside) {
  console.log(
    `\nagain: npx node bench/cpuprofile-top.ts ${file} --window-us ${window.fromUs},${window.toUs} --turns ${result.ok}`,
  );
}
process.exit(0);
