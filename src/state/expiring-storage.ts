/**
 * Wraps any botbuilder Storage so that state older than the TTL reads as missing.
 * Each write stamps the item with `_touched` (ms since epoch, the writer's clock); each read strips
 * it and drops items that are expired or carry no stamp. Deleting expired items for good is the
 * sweep's job (sweepContainer in blob-store.ts): a read never deletes, so it cannot race a fresh
 * write from another instance.
 */
import type { Storage, StoreItem, StoreItems } from 'botbuilder';

export const TOUCHED_FIELD = '_touched';

export interface ExpiringStorageOptions {
  readonly ttlMs: number;
  readonly now?: () => number;
}

export class ExpiringStorage implements Storage {
  readonly #inner: Storage;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(inner: Storage, options: ExpiringStorageOptions) {
    if (!(options.ttlMs > 0)) throw new RangeError('ttlMs must be positive');
    this.#inner = inner;
    this.#ttlMs = options.ttlMs;
    this.#now = options.now ?? Date.now;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.#inner.read(keys);
    const now = this.#now();
    const out: StoreItems = {};
    for (const [key, item] of Object.entries(items)) {
      if (!item || typeof item !== 'object') continue;
      const { [TOUCHED_FIELD]: touched, ...rest } = item as StoreItem;
      if (typeof touched !== 'number' || !(now - touched < this.#ttlMs)) continue;
      out[key] = rest;
    }
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    const now = this.#now();
    const stamped: StoreItems = {};
    for (const [key, item] of Object.entries(changes)) {
      stamped[key] = { ...item, [TOUCHED_FIELD]: now };
    }
    await this.#inner.write(stamped);
  }

  async delete(keys: string[]): Promise<void> {
    await this.#inner.delete(keys);
  }
}
