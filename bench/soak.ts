/**
 * `npm run bench:soak`: is memory flat over a long soak while the TTL store sweeps?
 * Drives 50 connections for SOAK_MINUTES (default 10) with fresh conversations every minute and
 * STATE_TTL_MINUTES=1, and prints RSS and heap after a forced GC once a minute.
 */
import { openInspector } from './harness/inspector.ts';
import { driveLoad } from './harness/load.ts';
import { readProcMemory, startServer } from './harness/proc.ts';
import { makeBodies } from './harness/traffic.ts';
import { printTable, round } from './lib.ts';

const minutes = Math.min(60, Math.max(1, Number(process.env.SOAK_MINUTES ?? '10') || 10));
const bot = await startServer({
  name: 'ours',
  script: 'src/index.ts',
  inspect: true,
  env: {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    STATE_TTL_MINUTES: '1',
    RATE_LIMIT_PER_MINUTE: '100000',
    CONVERSATION_TURNS_PER_MINUTE: '10000',
  },
});
const inspector = await openInspector(bot.inspectorUrl!);
const rows: { name: string; [k: string]: string | number }[] = [];
try {
  for (let m = 0; m < minutes; m++) {
    const run = await driveLoad({
      url: bot.url,
      connections: 50,
      bodies: makeBodies({ count: 20_000, conversations: 2000, prefix: `soak-${m}`, seed: m + 1 }),
      measureMs: 55_000,
      warmCapMs: 20_000,
      settleMs: 0,
      timeoutS: 20,
    });
    await inspector.gc();
    const mem = await inspector.memoryUsage();
    const rss = readProcMemory(bot.pid)?.rssKb ?? 0;
    rows.push({
      name: `minute ${m + 1}`,
      'turns/s': round(run.turnsPerSec, 0),
      errors: run.errors + run.non2xx,
      'RSS MB (after GC)': round(rss / 1024, 1),
      'heap used MB': round(mem.heapUsed / 1024 / 1024, 1),
    });
    console.log(JSON.stringify(rows.at(-1)));
  }
} finally {
  inspector.close();
  await bot.stop();
}
printTable(`soak: ${minutes} minutes at 50 connections, STATE_TTL_MINUTES=1`, rows);
