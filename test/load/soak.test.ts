/**
 * A small, bounded soak on loopback: 60 s at 50 connections with the realistic message mix,
 * while triage walks run alongside. No errors; every walk ends with the right summary; memory
 * settles back. (Speed itself is measured by `npm run bench`, not here.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Inspector, openInspector } from '../../bench/harness/inspector.ts';
import { driveLoad } from '../../bench/harness/load.ts';
import { readProcMemory, type ServerProcess, startServer } from '../../bench/harness/proc.ts';
import { makeBodies } from '../../bench/harness/traffic.ts';
import { buttonsOf, Client, visibleText } from '../helpers/bot-client.ts';

let bot: ServerProcess;
let inspector: Inspector;

beforeAll(async () => {
  bot = await startServer({
    name: 'ours',
    script: 'src/index.ts',
    inspect: true,
    env: {
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000',
      CONVERSATION_TURNS_PER_MINUTE: '10000',
    },
  });
  inspector = await openInspector(bot.inspectorUrl!);
});

afterAll(async () => {
  inspector?.close();
  await bot?.stop();
});

async function settledRssMb(): Promise<number> {
  await inspector.gc();
  await new Promise((r) => setTimeout(r, 500));
  return (readProcMemory(bot.pid)?.rssKb ?? 0) / 1024;
}

/** Walks the triage with given answers and returns the summary's buttons. */
async function walkTriage(url: string, answers: readonly string[]): Promise<string[]> {
  const c = new Client(url, { channelId: 'webchat' });
  await c.join();
  let last = await c.say('Which protection might fit me?');
  for (const a of answers) last = await c.say(a);
  expect(visibleText(last.activities)).toMatch(/From what you said, these might help/);
  return buttonsOf(last.activities);
}

const PATTERNS: readonly { answers: string[]; expect: string[] }[] = [
  {
    answers: ['Yes', 'Yes', 'Yes', 'Yes', 'Yes'],
    expect: ['Stalking is a crime', 'Protection from Harassment Act 1997', 'Non-Molestation Orders'],
  },
  { answers: ['Yes', 'No', 'No', 'No', 'No'], expect: ['Stalking Protection Orders (SPOs)'] },
  { answers: ['Skip', 'No', 'Yes', 'No', 'Skip'], expect: ['Non-Molestation Orders'] },
  { answers: ['Yes', 'No', 'No', 'Yes', 'No'], expect: ['Online Safety Act 2023'] },
];

describe('under load', () => {
  it('holds 60 s at 50 connections with no errors, keeps every triage right, and memory settles', async () => {
    const warm = await driveLoad({
      url: bot.url,
      connections: 50,
      bodies: makeBodies({ count: 4000, conversations: 1000, prefix: 'warm' }),
      measureMs: 5_000,
      warmCapMs: 20_000,
      settleMs: 500,
      timeoutS: 20,
    });
    expect(warm.errors + warm.non2xx).toBe(0);
    const rssAfterWarm = await settledRssMb();

    let walks = 0;
    let stop = false;
    const walker = async (n: number) => {
      while (!stop) {
        const pattern = PATTERNS[(n + walks) % PATTERNS.length]!;
        const buttons = await walkTriage(bot.url, pattern.answers);
        for (const title of pattern.expect) expect(buttons, pattern.answers.join(',')).toContain(title);
        walks += 1;
      }
    };
    const walkers = Array.from({ length: 4 }, (_, i) => walker(i));
    const soak = await driveLoad({
      url: bot.url,
      connections: 50,
      bodies: makeBodies({ count: 20_000, conversations: 1000, prefix: 'soak', seed: 7 }),
      measureMs: 60_000,
      warmCapMs: 20_000,
      settleMs: 0,
      timeoutS: 20,
    });
    stop = true;
    await Promise.all(walkers);

    console.log(
      `soak: ${Math.round(soak.turnsPerSec)} turns/s, p99 ${Math.round(soak.p99Ms)} ms, ${soak.ok} ok, ` +
        `${soak.errors} errors, ${soak.non2xx} non-2xx, ${walks} triage walks`,
    );
    expect(soak.windowMs).toBeGreaterThanOrEqual(59_000);
    expect(soak.ok).toBeGreaterThan(0);
    expect(soak.errors).toBe(0);
    expect(soak.non2xx).toBe(0);
    expect(soak.emptyReplies).toBe(0);
    expect(walks).toBeGreaterThan(4);

    const rssAfterRun = await settledRssMb();
    console.log(
      `RSS after warm-up ${rssAfterWarm.toFixed(0)} MB, after the soak ${rssAfterRun.toFixed(0)} MB`,
    );
    expect(rssAfterRun).toBeLessThanOrEqual(rssAfterWarm * 1.2);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  }, 180_000);
});
