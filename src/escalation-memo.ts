/**
 * Remembers, in this process only, how many times a conversation has been escalated, so a
 * repeat gets a shorter reminder. It is synchronous on purpose: escalation never waits on
 * storage. Bounded and expiring; it holds conversation ids and counts, never text. Another
 * instance that has not seen the conversation gives the full prompt, which fails safe.
 */
export class EscalationMemo {
  private readonly seen = new Map<string, { count: number; at: number }>();
  private readonly max: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(opts: { max?: number; ttlMs?: number; now?: () => number } = {}) {
    this.max = opts.max ?? 10_000;
    this.ttlMs = opts.ttlMs ?? 30 * 60_000;
    this.now = opts.now ?? Date.now;
  }

  /** Records an escalation and returns how many came before it in this conversation. */
  hit(conversationId: string): number {
    const now = this.now();
    const entry = this.seen.get(conversationId);
    const before = entry && now - entry.at < this.ttlMs ? entry.count : 0;
    this.seen.delete(conversationId);
    this.seen.set(conversationId, { count: before + 1, at: now });
    if (this.seen.size > this.max) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return before;
  }

  forget(conversationId: string): void {
    this.seen.delete(conversationId);
  }
}
