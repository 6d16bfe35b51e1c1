/**
 * An in-memory botbuilder Storage that forgets. Each item carries the time it was last written;
 * a read ignores (and drops) anything older than the TTL, and sweep() removes every expired item,
 * so the map stays bounded by the number of conversations active within one TTL.
 *
 * eTags work like botbuilder's MemoryStorage: each write gets a new eTag; a write with a stale
 * eTag is refused; '*' or no eTag always wins (BotState.saveChanges writes with '*').
 */
import type { Storage, StoreItems } from 'botbuilder';

interface Entry {
  /** The item as JSON (a clone, as a network store would give), eTag included. */
  readonly json: string;
  readonly eTag: string;
  readonly touched: number;
}

export interface TtlMemoryStorageOptions {
  readonly ttlMs: number;
  readonly now?: () => number;
}

export class TtlMemoryStorage implements Storage {
  readonly #entries = new Map<string, Entry>();
  readonly #ttlMs: number;
  readonly #now: () => number;
  #nextETag = 1;

  constructor(options: TtlMemoryStorageOptions) {
    if (!(options.ttlMs > 0)) throw new RangeError('ttlMs must be positive');
    this.#ttlMs = options.ttlMs;
    this.#now = options.now ?? Date.now;
  }

  /** How many items are held (expired ones included until a read or sweep drops them). */
  get size(): number {
    return this.#entries.size;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when reading.');
    const now = this.#now();
    const out: StoreItems = {};
    for (const key of keys) {
      const entry = this.#live(key, now);
      if (entry) out[key] = JSON.parse(entry.json);
    }
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes || typeof changes !== 'object')
      throw new ReferenceError('Changes are required when writing.');
    const now = this.#now();
    const keys = Object.keys(changes);
    // Check every eTag first, so a conflict writes nothing.
    for (const key of keys) {
      const eTag: unknown = changes[key]?.eTag;
      const old = this.#live(key, now);
      if (old && typeof eTag === 'string' && eTag !== '*' && eTag !== '' && eTag !== old.eTag) {
        throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
      }
    }
    for (const key of keys) {
      const eTag = String(this.#nextETag++);
      const json = JSON.stringify({ ...changes[key], eTag });
      this.#entries.set(key, { json, eTag, touched: now });
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when deleting.');
    for (const key of keys) this.#entries.delete(key);
  }

  /** Removes every expired item. Returns how many were removed. */
  sweep(): number {
    const now = this.#now();
    let removed = 0;
    for (const [key, entry] of this.#entries) {
      if (this.#expired(entry, now)) {
        this.#entries.delete(key);
        removed++;
      }
    }
    return removed;
  }

  #live(key: string, now: number): Entry | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (this.#expired(entry, now)) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #expired(entry: Entry, now: number): boolean {
    return now - entry.touched >= this.#ttlMs;
  }
}
