/**
 * Child server processes for the bench: spawn, find the listening port, wait for /healthz,
 * sample memory from /proc, stop. Linux only (reads /proc).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerSpec {
  /** A short label for tables: "ours", "baseline". */
  readonly name: string;
  /** The entry script, relative to the project root. */
  readonly script: string;
  readonly env: Readonly<Record<string, string>>;
  /** Extra node flags, e.g. --cpu-prof. */
  readonly nodeArgs?: readonly string[];
  /** Start with the inspector on 127.0.0.1 (an ephemeral port), to force GC and read heap figures. */
  readonly inspect?: boolean;
}

export interface ServerProcess {
  readonly name: string;
  readonly pid: number;
  readonly url: string;
  /** ws:// URL of the inspector when spec.inspect was set. */
  readonly inspectorUrl: string | undefined;
  /** ms from spawn to the listening socket being seen */
  readonly listenMs: number;
  /** performance.now() just before spawn */
  readonly spawnedAt: number;
  exited(): boolean;
  logs(): string[];
  stop(): Promise<number | null>;
}

export interface ProcMemory {
  /** current resident set, KB */
  readonly rssKb: number;
  /** peak resident set since start (VmHWM), KB */
  readonly hwmKb: number;
}

/** VmRSS and VmHWM from /proc/<pid>/status, or undefined once the process has gone. */
export function readProcMemory(pid: number): ProcMemory | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const field = (name: string): number => {
    const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text);
    return m?.[1] ? Number(m[1]) : 0;
  };
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
}

/** Clock ticks per second for /proc/<pid>/stat (USER_HZ; 100 on Linux x86-64 and arm64). */
const USER_HZ = 100;

/** CPU time (user + system, all threads) the process has used so far, in ms; undefined once gone. */
export function readProcCpuMs(pid: number): number | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis are plain.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so utime (14) and stime (15) are fields[11] and fields[12].
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return undefined;
  return ((utime + stime) * 1000) / USER_HZ;
}

/** Ports of the TCP sockets in LISTEN state that this process holds open. */
export function listeningPorts(pid: number): number[] {
  const inodes = new Set<string>();
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return [];
  }
  for (const fd of fds) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m?.[1]) inodes.add(m[1]);
    } catch {
      // the fd closed while we looked
    }
  }
  const ports: number[] = [];
  for (const table of ['tcp', 'tcp6']) {
    let text = '';
    try {
      text = readFileSync(`/proc/${pid}/net/${table}`, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
      const local = cols[1];
      const state = cols[3];
      const inode = cols[9];
      if (!local || state !== '0A' || !inode || !inodes.has(inode)) continue;
      const port = Number.parseInt(local.split(':')[1] ?? '', 16);
      if (Number.isInteger(port)) ports.push(port);
    }
  }
  return ports;
}

function cleanEnv(extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
}

/**
 * Spawns the server and resolves once a listening port is known: from a `{"msg":"listening","port":N}`
 * stdout line when the server prints one, otherwise from /proc (our bot at LOG_LEVEL=warn prints nothing).
 */
export async function startServer(spec: ServerSpec, timeoutMs = 30_000): Promise<ServerProcess> {
  const args = [...(spec.nodeArgs ?? []), ...(spec.inspect ? ['--inspect=127.0.0.1:0'] : []), spec.script];
  const spawnedAt = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: cleanEnv(spec.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let announcedPort: number | undefined;
  let inspectorUrl: string | undefined;
  let inspectorPort: number | undefined;
  const collect = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.length === 0) continue;
      if (lines.length < 200) lines.push(line);
      const inspector = /Debugger listening on (ws:\/\/127\.0\.0\.1:(\d+)\/\S+)/.exec(line);
      if (inspector?.[1]) {
        inspectorUrl = inspector[1];
        inspectorPort = Number(inspector[2]);
      }
      if (line.includes('"listening"')) {
        const m = /"port":(\d+)/.exec(line);
        if (m?.[1]) announcedPort = Number(m[1]);
      }
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code;
      resolve(code);
    }),
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${spec.name}: spawn failed`);

  const stop = async (): Promise<number | null> => {
    if (exitCode === undefined) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };

  const deadline = spawnedAt + timeoutMs;
  let port: number | undefined;
  while (port === undefined) {
    if (exitCode !== undefined) {
      throw new Error(
        `${spec.name} exited with ${exitCode} before listening:\n${lines.slice(0, 30).join('\n')}`,
      );
    }
    if (performance.now() > deadline) {
      await stop();
      throw new Error(
        `${spec.name} did not listen within ${timeoutMs} ms:\n${lines.slice(0, 30).join('\n')}`,
      );
    }
    if (announcedPort !== undefined) {
      port = announcedPort;
      break;
    }
    if (!spec.inspect || inspectorPort !== undefined) {
      port = listeningPorts(pid).find((p) => p !== inspectorPort);
    }
    if (port === undefined) await sleep(5);
  }
  const listenMs = performance.now() - spawnedAt;
  return {
    name: spec.name,
    pid,
    url: `http://127.0.0.1:${port}`,
    inspectorUrl,
    listenMs,
    spawnedAt,
    exited: () => exitCode !== undefined,
    logs: () => [...lines],
    stop,
  };
}

/** Polls GET /healthz until it answers 200; resolves with performance.now() at that moment. */
export async function waitHealthy(server: ServerProcess, timeoutMs = 30_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (server.exited()) throw new Error(`${server.name} exited while starting`);
    try {
      const res = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now();
    } catch {
      // not accepting yet
    }
    await sleep(5);
  }
  throw new Error(`${server.name}: /healthz did not answer 200 within ${timeoutMs} ms`);
}

/** Samples VmRSS every `everyMs` and keeps the peak; VmHWM is read on demand. */
export class RssSampler {
  private readonly pid: number;
  private readonly timer: NodeJS.Timeout;
  private peakKb = 0;

  constructor(pid: number, everyMs = 100) {
    this.pid = pid;
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  private sample(): void {
    const mem = readProcMemory(this.pid);
    if (mem && mem.rssKb > this.peakKb) this.peakKb = mem.rssKb;
  }

  /** The peak VmRSS since the last reset, in KB; then starts a new window. */
  takePeak(): number {
    this.sample();
    const peak = this.peakKb;
    this.peakKb = 0;
    return peak;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/**
 * The servers a bench script has started, killed for sure when it exits, is interrupted, or
 * runs past its time limit (a bench must stop by itself).
 */
export function guardServers(
  label: string,
  deadlineMs: number,
): {
  start(spec: ServerSpec, opts?: { healthy?: boolean }): Promise<ServerProcess>;
  stop(server: ServerProcess): Promise<void>;
} {
  const live = new Set<ServerProcess>();
  const killAll = (): void => {
    for (const server of live) {
      try {
        process.kill(server.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  process.on('exit', killAll);
  process.on('SIGINT', () => {
    killAll();
    process.exit(130);
  });
  setTimeout(() => {
    console.error(`${label}: stopped after ${deadlineMs / 60_000} minutes (time limit)`);
    killAll();
    process.exit(3);
  }, deadlineMs).unref();
  return {
    async start(spec, opts = {}) {
      const server = await startServer(spec);
      live.add(server);
      if (opts.healthy) await waitHealthy(server);
      return server;
    },
    async stop(server) {
      await server.stop();
      live.delete(server);
    },
  };
}
