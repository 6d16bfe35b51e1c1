/**
 * The one place that knows which state store is in use (STATE_STORE).
 *
 * - memory (default): TtlMemoryStorage, swept on a timer.
 * - blob: BlobsStorage from BLOB_CONNECTION_STRING + BLOB_CONTAINER.
 * - blob-identity: BlobsStorage from BLOB_ACCOUNT_URL + DefaultAzureCredential.
 *
 * Every store forgets: state not written for STATE_TTL_MINUTES reads as missing, and a sweep
 * (unref'd timer) deletes it for good. Logs carry store kinds, counts and timings only.
 */
import { ConversationState, type Storage, UserState } from 'botbuilder';
import type { Config } from '../config.ts';
import { errorSummary, type Logger } from '../logger.ts';
import {
  type BlobTarget,
  createBlobParts,
  ensureContainer,
  probeContainer,
  sweepContainer,
} from './blob-store.ts';
import { ExpiringStorage } from './expiring-storage.ts';
import { TtlMemoryStorage } from './ttl-memory-storage.ts';

export interface StateStore {
  /** botbuilder Storage, already wrapped with TTL expiry. */
  readonly storage: Storage;
  readonly conversationState: ConversationState;
  readonly userState: UserState;
  /** For GET /readyz: true only if the store answers now (blob: one call, 2 s at most). */
  ready(): Promise<boolean>;
  /** Deletes expired state now; returns how many items went. The timer calls this too. */
  sweepNow(): Promise<number>;
  /** Stops the sweep timer. */
  close(): Promise<void>;
}

export interface StateStoreOptions {
  /** The clock used for expiry (tests pass a fake one). */
  readonly now?: () => number;
  /** Sweep period; defaults to half the TTL, between 10 s and 5 min. */
  readonly sweepIntervalMs?: number;
}

export const READY_TIMEOUT_MS = 2000;

export function sweepInterval(ttlMs: number): number {
  return Math.min(5 * 60_000, Math.max(10_000, Math.floor(ttlMs / 2)));
}

export function createStateStore(config: Config, logger: Logger, opts: StateStoreOptions = {}): StateStore {
  const now = opts.now ?? Date.now;
  const ttlMs = config.STATE_TTL_MINUTES * 60_000;
  const intervalMs = opts.sweepIntervalMs ?? sweepInterval(ttlMs);
  const log = logger.child({ component: 'state', store: config.STATE_STORE });

  let storage: Storage;
  let ready: () => Promise<boolean>;
  let sweep: () => Promise<number>;

  if (config.STATE_STORE === 'memory') {
    const memory = new TtlMemoryStorage({ ttlMs, now });
    storage = memory;
    ready = async () => true;
    sweep = async () => memory.sweep();
  } else {
    const parts = createBlobParts(blobTarget(config));
    storage = new ExpiringStorage(parts.storage, { ttlMs, now });
    ready = () => probeContainer(parts.probe, READY_TIMEOUT_MS);
    sweep = () => sweepContainer(parts.container, ttlMs, now());
    void ensureContainer(parts.container, log);
  }

  let sweeping = false;
  const sweepNow = async (): Promise<number> => {
    if (sweeping) return 0;
    sweeping = true;
    const started = performance.now();
    try {
      const removed = await sweep();
      if (removed > 0) log.debug({ removed, ms: Math.round(performance.now() - started) }, 'state swept');
      return removed;
    } finally {
      sweeping = false;
    }
  };

  const timer = setInterval(() => {
    sweepNow().catch((err: unknown) => log.warn({ err: errorSummary(err) }, 'state sweep failed'));
  }, intervalMs);
  timer.unref();

  log.info({ ttlMinutes: config.STATE_TTL_MINUTES, sweepMs: intervalMs }, 'state store created');

  return {
    storage,
    conversationState: new ConversationState(storage),
    userState: new UserState(storage),
    ready,
    sweepNow,
    async close() {
      clearInterval(timer);
    },
  };
}

function blobTarget(config: Config): BlobTarget {
  if (config.STATE_STORE === 'blob') {
    if (!config.BLOB_CONNECTION_STRING)
      throw new Error('BLOB_CONNECTION_STRING is required when STATE_STORE=blob');
    return {
      kind: 'connection-string',
      connectionString: config.BLOB_CONNECTION_STRING,
      container: config.BLOB_CONTAINER,
    };
  }
  if (!config.BLOB_ACCOUNT_URL)
    throw new Error('BLOB_ACCOUNT_URL is required when STATE_STORE=blob-identity');
  return { kind: 'identity', accountUrl: config.BLOB_ACCOUNT_URL, container: config.BLOB_CONTAINER };
}
