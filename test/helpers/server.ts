/**
 * Starts the real bot as a child process (`node src/index.ts`) on 127.0.0.1 with an ephemeral
 * port, and talks to it over real HTTP.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BotProcess {
  readonly url: string;
  readonly child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Every line the process wrote to stdout and stderr so far. */
  logs(): string[];
}

export interface ExitResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function baseEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  return {
    ...clean,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    // Tests drive many conversations from one address; the limits have their own test.
    RATE_LIMIT_PER_MINUTE: '100000',
    CONVERSATION_TURNS_PER_MINUTE: '10000',
    ...env,
  };
}

export function startBotProcess(env: Record<string, string | undefined> = {}): Promise<BotProcess> {
  const child = spawn(process.execPath, ['src/index.ts'], {
    cwd: ROOT,
    env: baseEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let pending = '';
  const collect = (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    lines.push(...parts.filter((l) => l.length > 0));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bot did not start in time:\n${lines.join('\n')}`));
    }, 30_000);
    const onData = () => {
      for (const line of lines) {
        if (!line.includes('"listening"')) continue;
        const port = (JSON.parse(line) as { port: number }).port;
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve({
          url: `http://127.0.0.1:${port}`,
          child,
          logs: () => [...lines, ...(pending ? [pending] : [])],
          async stop(signal: NodeJS.Signals = 'SIGTERM') {
            if (child.exitCode === null) child.kill(signal);
            return exited;
          },
        });
        return;
      }
    };
    child.stdout?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`bot exited with ${code} before listening:\n${lines.join('\n')}`));
    });
  });
}

/** Runs the bot expecting it to exit (bad configuration); resolves with its exit code and output. */
export function runBotExpectingExit(
  env: Record<string, string | undefined>,
  timeoutMs = 20_000,
): Promise<ExitResult> {
  const child = spawn(process.execPath, ['src/index.ts'], { cwd: ROOT, env: baseEnv(env) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
