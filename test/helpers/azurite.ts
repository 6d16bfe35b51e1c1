/**
 * Real Azurite (blob only) for tests: a child process on 127.0.0.1, a free port, a temp folder.
 * stop() kills it (fault tests); restart() starts it again on the same port and folder, so the
 * blobs written before the stop are still there.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface AzuriteHandle {
  readonly connectionString: string;
  readonly port: number;
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** Stops Azurite and removes its folder. */
  dispose(): Promise<void>;
}

/** The well-known Azurite development account key (public, documented by Microsoft). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const BIN = resolve(import.meta.dirname, '../../node_modules/.bin/azurite-blob');
const READY = /listens on http:\/\/127\.0\.0\.1:(\d+)/;

function launch(port: number, location: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    BIN,
    [
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
      '--location',
      location,
      '--skipApiVersionCheck',
      '--loose',
      '--silent',
      '--disableTelemetry',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // If the test process exits without stopping it (a crash, a timeout), do not leave it running.
  const reap = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', reap);
  child.once('exit', () => process.off('exit', reap));
  return new Promise((resolvePort, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Azurite did not start in time:\n${out}`));
    }, 30_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = READY.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolvePort({ child, port: Number(m[1]) });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited early (code ${code}):\n${out}`));
    });
  });
}

/** SIGTERM lets Azurite save its metadata (blobs survive a restart); SIGKILL if it lingers. */
function kill(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}

export async function startAzurite(): Promise<AzuriteHandle> {
  const location = mkdtempSync(join(tmpdir(), 'azurite-'));
  const removeFolder = (): void => rmSync(location, { recursive: true, force: true });
  process.once('exit', removeFolder);
  let { child, port } = await launch(0, location);
  let current: ChildProcess | undefined = child;
  const connectionString =
    `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
    `BlobEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`;
  return {
    connectionString,
    port,
    async stop() {
      await kill(current);
      current = undefined;
    },
    async restart() {
      await kill(current);
      ({ child, port } = await launch(port, location));
      current = child;
    },
    async dispose() {
      await kill(current);
      current = undefined;
      process.off('exit', removeFolder);
      removeFolder();
    },
  };
}
