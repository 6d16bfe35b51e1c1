/**
 * State costs through real bot processes (`npx node bench/state-blob.ts`):
 *
 * 1. Memory per idle conversation, memory store: RSS (/proc/<pid>/status) before and after
 *    10,000 new conversations with one turn each (the welcome), sampled 5 s later, and again after
 *    a forced full GC through the child's inspector (heapUsed too). No route is added to the bot.
 * 2. Stored bytes per conversation, blob store (a local Azurite): the sum of blob sizes after the
 *    welcome, and after a full triage walk to the summary.
 * 3. Turns per second, blob vs memory, in the same run: both bots up at once, rounds alternate
 *    memory, blob, memory, blob; each round is 2,000 turns from 20 concurrent clients, each client
 *    walking whole conversations (welcome, "Which protection might fit me?", five answers).
 *
 * Everything runs on this machine: Azurite's CPU is inside the blob figures, and other work on the
 * machine moves all figures (the load average is printed). Speed lives here, never in tests.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { topicsForAnswers } from '../src/dialogs/triage-dialog.ts';
import { type AzuriteHandle, startAzurite } from '../test/helpers/azurite.ts';
import { buttonsOf, Client, type PostResult, visibleText } from '../test/helpers/bot-client.ts';
import {
  ANSWER_BUTTONS,
  ANSWER_VALUE,
  type AnswerButton,
  blobEnv,
  QUESTION_IDS,
  readAllBlobs,
  SUMMARY_HEADING,
  seeded,
  summaryButtons,
  TRIAGE_START,
} from '../test/state/http-support.ts';
import { openInspector } from './harness/inspector.ts';
import {
  guardServers,
  readProcCpuMs,
  readProcMemory,
  type ServerProcess,
  type ServerSpec,
} from './harness/proc.ts';
import { type BenchRow, percentile, printTable, round } from './lib.ts';

const IDLE_CONVERSATIONS = 10_000;
const BYTES_CONVERSATIONS = 50;
const TURNS_PER_ROUND = 2_000;
const CONCURRENCY = 20;
const SETTLE_MS = 5_000;
const DEADLINE_MS = 10 * 60_000;

const BASE_ENV: Readonly<Record<string, string>> = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  HOST: '127.0.0.1',
  PORT: '0',
  RATE_LIMIT_PER_MINUTE: '100000',
  CONVERSATION_TURNS_PER_MINUTE: '10000',
};

let azurite: AzuriteHandle | undefined;
const servers = guardServers('state-blob bench', DEADLINE_MS);
const start = (spec: ServerSpec): Promise<ServerProcess> => servers.start(spec, { healthy: true });
const stop = servers.stop;

/** Runs `task(i)` for i = 0..count-1 with at most `concurrency` in flight. */
async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

const ok = (r: PostResult): boolean => r.status === 200 && r.activities.length > 0;

// ---------------------------------------------------------------- 1. memory per idle conversation

async function idleMemory(): Promise<BenchRow[]> {
  const server = await start({ name: 'memory', script: 'src/index.ts', env: BASE_ENV, inspect: true });
  try {
    if (!server.inspectorUrl) throw new Error('no inspector URL');
    const inspector = await openInspector(server.inspectorUrl);
    try {
      // Warm the code paths (JIT, lazy caches, sockets) on a few conversations first.
      await pool(300, CONCURRENCY, async () => {
        await new Client(server.url, { channelId: 'webchat' }).join();
      });
      await sleep(SETTLE_MS);
      await inspector.gc();
      const rss0 = readProcMemory(server.pid)?.rssKb ?? 0;
      const heap0 = (await inspector.memoryUsage()).heapUsed;

      let failed = 0;
      const started = performance.now();
      await pool(IDLE_CONVERSATIONS, CONCURRENCY, async () => {
        if (!ok(await new Client(server.url, { channelId: 'webchat' }).join())) failed++;
      });
      const fillS = (performance.now() - started) / 1000;

      await sleep(SETTLE_MS);
      const rssSettled = readProcMemory(server.pid)?.rssKb ?? 0;
      await inspector.gc();
      const rssGc = readProcMemory(server.pid)?.rssKb ?? 0;
      const heapGc = (await inspector.memoryUsage()).heapUsed;

      const per = (kb: number): number => round(kb / IDLE_CONVERSATIONS, 2);
      return [
        {
          name: `memory store: ${IDLE_CONVERSATIONS} conversations, one turn each`,
          'turns failed': failed,
          'fill s': round(fillS, 1),
          'RSS MB before': round(rss0 / 1024, 1),
          [`RSS MB ${SETTLE_MS / 1000} s later`]: round(rssSettled / 1024, 1),
          'RSS MB after forced GC': round(rssGc / 1024, 1),
          [`RSS KB/conv (${SETTLE_MS / 1000} s later)`]: per(rssSettled - rss0),
          'RSS KB/conv (after forced GC)': per(rssGc - rss0),
          'heap KB/conv (after forced GC)': per((heapGc - heap0) / 1024),
        },
      ];
    } finally {
      inspector.close();
    }
  } finally {
    await stop(server);
  }
}

// ---------------------------------------------------------------- conversations

const answersFor = (random: () => number): AnswerButton[] => [
  // Q1 never "No" (the danger prompt would end the questions).
  (['Yes', 'Not sure', 'Skip'] as const)[Math.floor(random() * 3)] ?? 'Yes',
  ...Array.from({ length: 4 }, () => ANSWER_BUTTONS[Math.floor(random() * 4)] ?? 'Yes'),
];

interface WalkResult {
  readonly turns: number;
  readonly failed: number;
  /** true if the summary matched the answers */
  readonly correct: boolean;
  readonly latencies: number[];
}

/** Welcome, "Which protection might fit me?", five answers: seven turns, each timed. */
async function walkTriage(url: string, random: () => number, maxTurns = 7): Promise<WalkResult> {
  const c = new Client(url, { channelId: 'webchat' });
  const answers = answersFor(random);
  const latencies: number[] = [];
  let failed = 0;
  let last: PostResult | undefined;
  const timed = async (send: () => Promise<PostResult>): Promise<void> => {
    const t0 = performance.now();
    last = await send();
    latencies.push(performance.now() - t0);
    if (!ok(last)) failed++;
  };
  const steps: (() => Promise<PostResult>)[] = [
    () => c.join(),
    () => c.say(TRIAGE_START),
    ...answers.map((a) => () => c.say(a)),
  ];
  for (const step of steps.slice(0, maxTurns)) await timed(step);
  const expected = summaryButtons(
    topicsForAnswers(
      Object.fromEntries(QUESTION_IDS.map((id, q) => [id, ANSWER_VALUE[answers[q] ?? 'Skip']])),
    ),
  );
  const correct =
    maxTurns >= steps.length &&
    last !== undefined &&
    visibleText(last.activities).includes(SUMMARY_HEADING) &&
    JSON.stringify(buttonsOf(last.activities)) === JSON.stringify(expected);
  return { turns: latencies.length, failed, correct, latencies };
}

// ---------------------------------------------------------------- 2. stored bytes per conversation

async function storedBytes(blobBot: ServerProcess, connectionString: string, container: string) {
  const random = seeded(11);
  const sizes = async (): Promise<{ total: number; count: number; max: number }> => {
    const blobs = await readAllBlobs(connectionString, container);
    return {
      total: blobs.reduce((s, b) => s + b.size, 0),
      count: blobs.length,
      max: Math.max(0, ...blobs.map((b) => b.size)),
    };
  };
  // Welcome only.
  const joined: Client[] = [];
  for (let i = 0; i < BYTES_CONVERSATIONS; i++) {
    const c = new Client(blobBot.url, { channelId: 'webchat' });
    await c.join();
    joined.push(c);
  }
  const afterJoin = await sizes();
  // Then each of those conversations through the questions to the summary.
  let correct = 0;
  for (const c of joined) {
    const answers = answersFor(random);
    await c.say(TRIAGE_START);
    let last: PostResult | undefined;
    for (const a of answers) last = await c.say(a);
    if (last && visibleText(last.activities).includes(SUMMARY_HEADING)) correct++;
  }
  const afterTriage = await sizes();
  const row = (name: string, s: { total: number; count: number; max: number }): BenchRow => ({
    name,
    conversations: BYTES_CONVERSATIONS,
    blobs: s.count,
    'total bytes': s.total,
    'bytes/conv': round(s.total / BYTES_CONVERSATIONS, 0),
    'largest blob bytes': s.max,
  });
  return [
    row('blob: after the welcome (menu showing)', afterJoin),
    { ...row(`blob: after a triage walk to the summary (${correct} ok)`, afterTriage) },
  ];
}

// ---------------------------------------------------------------- 3. turns per second

async function throughputRound(server: ServerProcess, label: string, seed: number): Promise<BenchRow> {
  const random = seeded(seed);
  let turns = 0;
  let failed = 0;
  let conversations = 0;
  let correct = 0;
  const latencies: number[] = [];
  const started = performance.now();
  const botCpu0 = readProcCpuMs(server.pid) ?? 0;
  const worker = async (): Promise<void> => {
    while (turns < TURNS_PER_ROUND) {
      const left = TURNS_PER_ROUND - turns;
      const planned = Math.min(7, left);
      turns += planned; // reserve, so the round stops at exactly TURNS_PER_ROUND
      const r = await walkTriage(server.url, random, planned);
      failed += r.failed;
      latencies.push(...r.latencies);
      if (planned === 7) {
        conversations++;
        if (r.correct) correct++;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  const botCpuMs = (readProcCpuMs(server.pid) ?? 0) - botCpu0;
  latencies.sort((x, y) => x - y);
  return {
    name: label,
    turns: latencies.length,
    failed,
    'whole walks right': `${correct}/${conversations}`,
    'turns/s': round(latencies.length / seconds, 0),
    'p50 ms': round(percentile(latencies, 50), 1),
    'p95 ms': round(percentile(latencies, 95), 1),
    'p99 ms': round(percentile(latencies, 99), 1),
    'bot CPU ms/turn': round(botCpuMs / latencies.length, 2),
  };
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  console.log(
    `state-blob bench: node ${process.version}, ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );

  printTable(`1. memory per idle conversation (memory store, ${IDLE_CONVERSATIONS} conversations)`, [
    ...(await idleMemory()),
  ]);

  azurite = await startAzurite();
  const container = `bench-state-${Date.now().toString(36)}`;
  const [memoryBot, blobBot] = await Promise.all([
    start({ name: 'memory', script: 'src/index.ts', env: BASE_ENV }),
    start({
      name: 'blob',
      script: 'src/index.ts',
      env: { ...BASE_ENV, ...blobEnv(azurite.connectionString, container) },
    }),
  ]);
  try {
    printTable('2. stored bytes per conversation (blob store)', [
      ...(await storedBytes(blobBot, azurite.connectionString, container)),
    ]);

    // Warm both (JIT, sockets, Azurite) before measuring.
    await throughputRound(memoryBot, 'warm-up memory', 1);
    await throughputRound(blobBot, 'warm-up blob', 2);
    const rows: BenchRow[] = [];
    const order: [ServerProcess, string][] = [
      [memoryBot, 'memory'],
      [blobBot, 'blob (Azurite)'],
      [memoryBot, 'memory'],
      [blobBot, 'blob (Azurite)'],
    ];
    for (const [i, [server, label]] of order.entries()) {
      rows.push(await throughputRound(server, `round ${i + 1}: ${label}`, 100 + i));
    }
    const mean = (label: string): number => {
      const picked = rows.filter((r) => String(r.name).endsWith(label)).map((r) => Number(r['turns/s']));
      return picked.reduce((s, v) => s + v, 0) / picked.length;
    };
    const memoryTps = mean(': memory');
    const blobTps = mean(': blob (Azurite)');
    rows.push({
      name: 'mean turns/s: memory | blob | blob/memory',
      turns: 0,
      failed: 0,
      'whole walks right': '',
      'turns/s': `${round(memoryTps, 0)} | ${round(blobTps, 0)} | ${round(blobTps / memoryTps, 2)}`,
    });
    printTable(
      `3. turns per second, ${TURNS_PER_ROUND} turns per round, ${CONCURRENCY} concurrent clients, alternating`,
      rows,
    );
  } finally {
    await Promise.all([stop(memoryBot), stop(blobBot)]);
    await azurite.dispose();
  }
  console.log(
    `\nload average after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

main().then(
  () => process.exit(0),
  async (err: unknown) => {
    console.error(err);
    await azurite?.dispose();
    process.exit(1);
  },
);
