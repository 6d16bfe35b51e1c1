/**
 * In-memory state of the local Direct Line channel (development and tests only).
 * Bounded: conversations expire after a quiet period, there is a cap on how many exist at once,
 * and each conversation keeps only its most recent activities. Nothing here is ever logged.
 */
import { randomBytes } from 'node:crypto';

/** A Bot Framework activity as JSON. Only the fields the channel itself reads are typed. */
export interface StoredActivity {
  readonly [key: string]: unknown;
  readonly id: string;
  readonly type: string;
}

export interface LocalConversation {
  readonly id: string;
  readonly userId: string;
  /** Activities in order; `seq` of activities[i] is firstSeq + i. */
  activities: StoredActivity[];
  firstSeq: number;
  nextSeq: number;
  lastActive: number;
  /** Pollers waiting for the next activity (long poll). */
  waiters: Set<() => void>;
}

export interface LocalToken {
  readonly token: string;
  readonly userId: string;
  conversationId: string | undefined;
  expiresAt: number;
}

export interface StoreLimits {
  /** Conversations (and tokens) expire after this much quiet. */
  readonly idleMs: number;
  readonly maxConversations: number;
  readonly maxActivitiesPerConversation: number;
  /** Lifetime of a token, as Direct Line's (30 minutes). */
  readonly tokenTtlMs: number;
}

export const DEFAULT_LIMITS: StoreLimits = {
  idleMs: 30 * 60_000,
  maxConversations: 2_000,
  maxActivitiesPerConversation: 500,
  tokenTtlMs: 30 * 60_000,
};

export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

export class LocalDirectLineStore {
  readonly limits: StoreLimits;
  readonly #conversations = new Map<string, LocalConversation>();
  readonly #tokens = new Map<string, LocalToken>();
  readonly #now: () => number;

  constructor(limits: StoreLimits = DEFAULT_LIMITS, now: () => number = Date.now) {
    this.limits = limits;
    this.#now = now;
  }

  get conversationCount(): number {
    return this.#conversations.size;
  }

  get tokenCount(): number {
    return this.#tokens.size;
  }

  /** A new token for a new user id that the browser cannot choose. */
  issueToken(): LocalToken {
    this.sweep();
    const t: LocalToken = {
      token: `local.${randomId(24)}`,
      userId: `dl_${randomId(12)}`,
      conversationId: undefined,
      expiresAt: this.#now() + this.limits.tokenTtlMs,
    };
    this.#tokens.set(t.token, t);
    return t;
  }

  /** The token, if it exists and has not expired. */
  token(value: string): LocalToken | undefined {
    const t = this.#tokens.get(value);
    if (!t) return undefined;
    if (t.expiresAt <= this.#now()) {
      this.#tokens.delete(value);
      return undefined;
    }
    return t;
  }

  /** Replaces a token with a fresh one for the same user and conversation. */
  refreshToken(old: LocalToken): LocalToken {
    this.#tokens.delete(old.token);
    const t: LocalToken = {
      token: `local.${randomId(24)}`,
      userId: old.userId,
      conversationId: old.conversationId,
      expiresAt: this.#now() + this.limits.tokenTtlMs,
    };
    this.#tokens.set(t.token, t);
    return t;
  }

  /** Starts the token's conversation, or returns it if it was already started. Undefined when full. */
  startConversation(token: LocalToken): LocalConversation | undefined {
    if (token.conversationId) {
      const existing = this.conversation(token.conversationId);
      if (existing) return existing;
    }
    this.sweep();
    if (this.#conversations.size >= this.limits.maxConversations) return undefined;
    const conversation: LocalConversation = {
      id: randomId(18),
      userId: token.userId,
      activities: [],
      firstSeq: 1,
      nextSeq: 1,
      lastActive: this.#now(),
      waiters: new Set(),
    };
    this.#conversations.set(conversation.id, conversation);
    token.conversationId = conversation.id;
    return conversation;
  }

  conversation(id: string): LocalConversation | undefined {
    const c = this.#conversations.get(id);
    if (!c) return undefined;
    if (this.#now() - c.lastActive >= this.limits.idleMs) {
      this.#end(c);
      return undefined;
    }
    return c;
  }

  touch(c: LocalConversation): void {
    c.lastActive = this.#now();
  }

  /** Adds an activity with the next id; returns it as stored. Wakes any waiting poll. */
  append(c: LocalConversation, activity: Omit<StoredActivity, 'id'> & { type: string }): StoredActivity {
    const seq = c.nextSeq;
    c.nextSeq += 1;
    const stored: StoredActivity = {
      ...activity,
      id: `${c.id}|${String(seq).padStart(7, '0')}`,
    };
    c.activities.push(stored);
    if (c.activities.length > this.limits.maxActivitiesPerConversation) {
      c.activities.shift();
      c.firstSeq += 1;
    }
    c.lastActive = this.#now();
    this.#wake(c);
    return stored;
  }

  /** Replaces a stored activity (the connector's update). False if it is not there. */
  replace(c: LocalConversation, id: string, activity: Omit<StoredActivity, 'id'>): boolean {
    const i = c.activities.findIndex((a) => a.id === id);
    if (i < 0) return false;
    c.activities[i] = { ...activity, type: String(activity.type ?? 'message'), id };
    this.#wake(c);
    return true;
  }

  remove(c: LocalConversation, id: string): boolean {
    const i = c.activities.findIndex((a) => a.id === id);
    if (i < 0) return false;
    // Keep the sequence numbering: replace with a tombstone Web Chat ignores.
    c.activities[i] = { id, type: 'messageDelete' };
    return true;
  }

  /** Activities after the watermark, and the new watermark. */
  since(c: LocalConversation, watermark: number): { activities: StoredActivity[]; watermark: string } {
    const last = c.nextSeq - 1;
    const from = Math.max(watermark + 1, c.firstSeq);
    const start = from - c.firstSeq;
    const activities = start < c.activities.length ? c.activities.slice(start) : [];
    return { activities, watermark: String(Math.max(last, 0)) };
  }

  /** Resolves when a new activity arrives or the conversation ends; call the returned cancel otherwise. */
  waitForActivity(c: LocalConversation): { promise: Promise<void>; cancel(): void } {
    let wake: () => void = () => {};
    const promise = new Promise<void>((resolve) => {
      wake = resolve;
    });
    c.waiters.add(wake);
    return {
      promise,
      cancel: () => {
        c.waiters.delete(wake);
        wake();
      },
    };
  }

  /** Removes expired conversations and tokens. */
  sweep(): void {
    const now = this.#now();
    for (const c of this.#conversations.values()) {
      if (now - c.lastActive >= this.limits.idleMs) this.#end(c);
    }
    for (const [key, t] of this.#tokens) {
      if (t.expiresAt <= now) this.#tokens.delete(key);
    }
  }

  clear(): void {
    for (const c of this.#conversations.values()) this.#end(c);
    this.#tokens.clear();
  }

  #end(c: LocalConversation): void {
    this.#conversations.delete(c.id);
    c.activities = [];
    this.#wake(c);
  }

  #wake(c: LocalConversation): void {
    const waiters = [...c.waiters];
    c.waiters.clear();
    for (const w of waiters) w();
  }
}
