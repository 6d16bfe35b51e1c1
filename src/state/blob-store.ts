/**
 * Azure Blob state: botbuilder-azure-blobs BlobsStorage, made to fail fast and recover.
 *
 * Two pitfalls of BlobsStorage 4.23 handled here (both seen against Azurite):
 * - With the storage SDK's default retries, a read against a stopped store takes ~16 s to fail.
 *   We pass short retry options, so a turn fails in well under a second and the bot can apologise.
 * - BlobsStorage caches its first createIfNotExists() promise, a rejected one included: if the
 *   store was down at its first call, it fails for ever, even after the store is back.
 *   ResilientStorage builds a fresh BlobsStorage after any failure.
 *
 * The Azure modules are loaded only when a blob store is configured (about 130 ms, plus about
 * 250 ms for @azure/identity), so the memory store starts fast.
 */
import { createRequire } from 'node:module';
import type { ContainerClient, StoragePipelineOptions } from '@azure/storage-blob';
import type { Storage, StoreItems } from 'botbuilder';
import { errorSummary, type Logger } from '../logger.ts';

const require = createRequire(import.meta.url);

/** Per-call retries for the data path: about 0.3 s to give up when the store refuses connections. */
const DATA_PIPELINE: StoragePipelineOptions = {
  retryOptions: { maxTries: 3, retryDelayInMs: 100, maxRetryDelayInMs: 800, tryTimeoutInMs: 3000 },
};
/** The readiness probe tries once: its own timeout bounds it. */
const PROBE_PIPELINE: StoragePipelineOptions = {
  retryOptions: { maxTries: 1, tryTimeoutInMs: 2000 },
};

export type BlobTarget =
  | { readonly kind: 'connection-string'; readonly connectionString: string; readonly container: string }
  | { readonly kind: 'identity'; readonly accountUrl: string; readonly container: string };

export interface BlobParts {
  /** Raw BlobsStorage (no TTL), rebuilt after failures. */
  readonly storage: Storage;
  /** For the sweep (retries like the data path). */
  readonly container: ContainerClient;
  /** For the readiness probe (one try). */
  readonly probe: ContainerClient;
}

export function containerUrl(accountUrl: string, container: string): string {
  return `${accountUrl.replace(/\/+$/, '')}/${container}`;
}

export function createBlobParts(target: BlobTarget): BlobParts {
  const blobSdk: typeof import('@azure/storage-blob') = require('@azure/storage-blob');
  const { BlobsStorage }: typeof import('botbuilder-azure-blobs') = require('botbuilder-azure-blobs');

  if (target.kind === 'connection-string') {
    const { connectionString, container } = target;
    const make = (): Storage =>
      new BlobsStorage(connectionString, container, { storagePipelineOptions: DATA_PIPELINE });
    return {
      storage: new ResilientStorage(make),
      container: new blobSdk.ContainerClient(connectionString, container, DATA_PIPELINE),
      probe: new blobSdk.ContainerClient(connectionString, container, PROBE_PIPELINE),
    };
  }

  const { DefaultAzureCredential }: typeof import('@azure/identity') = require('@azure/identity');
  const credential = new DefaultAzureCredential();
  const url = containerUrl(target.accountUrl, target.container);
  const make = (): Storage =>
    new BlobsStorage('', target.container, { storagePipelineOptions: DATA_PIPELINE }, url, credential);
  return {
    storage: new ResilientStorage(make),
    container: new blobSdk.ContainerClient(url, credential, DATA_PIPELINE),
    probe: new blobSdk.ContainerClient(url, credential, PROBE_PIPELINE),
  };
}

/** Delegates to a Storage; after any failure, the next call uses a freshly built one. */
export class ResilientStorage implements Storage {
  readonly #make: () => Storage;
  #inner: Storage;

  constructor(make: () => Storage) {
    this.#make = make;
    this.#inner = make();
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.#run((s) => s.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.#run((s) => s.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.#run((s) => s.delete(keys));
  }

  async #run<T>(op: (s: Storage) => Promise<T>): Promise<T> {
    const used = this.#inner;
    try {
      return await op(used);
    } catch (err) {
      // An eTag conflict is an answer, not a broken client.
      if (!isETagConflict(err) && this.#inner === used) this.#inner = this.#make();
      throw err;
    }
  }
}

function isETagConflict(err: unknown): boolean {
  return err instanceof Error && err.message.includes('eTag conflict');
}

/**
 * True if the container answers within timeoutMs (creating it if it is missing). Never hangs:
 * the abort signal stops the request, and a timer stops anything that ignores it (token fetches).
 */
export async function probeContainer(probe: ContainerClient, timeoutMs = 2000): Promise<boolean> {
  const abortSignal = AbortSignal.timeout(timeoutMs);
  const check = async (): Promise<boolean> => {
    if (await probe.exists({ abortSignal })) return true;
    await probe.createIfNotExists({ abortSignal });
    return true;
  };
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs + 100);
    timer.unref();
  });
  try {
    return await Promise.race([check().catch(() => false), giveUp]);
  } finally {
    clearTimeout(timer);
  }
}

/** Creates the container if it is missing. Logs and carries on if the store is unavailable. */
export async function ensureContainer(container: ContainerClient, logger: Logger): Promise<void> {
  const started = performance.now();
  try {
    const res = await container.createIfNotExists({ abortSignal: AbortSignal.timeout(10_000) });
    logger.info(
      { store: 'blob', container: container.containerName, created: res.succeeded, ms: elapsed(started) },
      'state container ready',
    );
  } catch (err) {
    logger.warn(
      { store: 'blob', container: container.containerName, err: errorSummary(err), ms: elapsed(started) },
      'state container unavailable at start; will retry on use',
    );
  }
}

/**
 * Deletes blobs not written for the TTL. Each delete is conditional on the eTag seen in the
 * listing, so a conversation written by another instance in between is left alone.
 */
export async function sweepContainer(
  container: ContainerClient,
  ttlMs: number,
  now: number,
): Promise<number> {
  const cutoff = now - ttlMs;
  let removed = 0;
  for await (const blob of container.listBlobsFlat()) {
    const modified = blob.properties.lastModified.getTime();
    if (modified > cutoff) continue;
    try {
      await container.deleteBlob(blob.name, { conditions: { ifMatch: blob.properties.etag } });
      removed++;
    } catch (err) {
      const status = (err as { statusCode?: number }).statusCode;
      if (status !== 404 && status !== 412) throw err;
    }
  }
  return removed;
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
