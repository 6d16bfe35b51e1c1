/**
 * The message mix for the load runs: menu clicks, free-text questions, triage answers and 5% risk
 * messages, spread over a fixed set of conversations. Bodies are generated up front (deterministic),
 * so the load generator only picks the next string.
 */

export const MENU_CLICKS = [
  'Laws that protect me',
  'Orders a court can make',
  'Back to menu',
  'Tell me more',
];
export const FREE_TEXT = [
  'how long does an spo last',
  'can the police make him stay away from my work',
  'my ex keeps sending threats on insta is that illegal',
];
export const TRIAGE = ['Which protection might fit me?', 'Yes', 'No', 'Not sure', 'Skip'];
export const RISK = ["he's outside my house right now", "I'm scared he'll find me"];

/** Share of each kind of message (sums to 1). */
export const MIX: readonly {
  readonly kind: string;
  readonly share: number;
  readonly texts: readonly string[];
}[] = [
  { kind: 'menu', share: 0.35, texts: MENU_CLICKS },
  { kind: 'free text', share: 0.3, texts: FREE_TEXT },
  { kind: 'triage', share: 0.3, texts: TRIAGE },
  { kind: 'risk', share: 0.05, texts: RISK },
];

/** mulberry32: a small deterministic PRNG, so every run sends the same sequence. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pickText(random: () => number): string {
  let r = random();
  for (const part of MIX) {
    if (r < part.share)
      return part.texts[Math.floor(random() * part.texts.length)] ?? part.texts[0] ?? 'hello';
    r -= part.share;
  }
  return MENU_CLICKS[0] ?? 'hello';
}

export function activityBody(conversationId: string, seq: number, text: string, channelId: string): string {
  return JSON.stringify({
    type: 'message',
    id: `act-${seq}`,
    channelId,
    serviceUrl: 'http://127.0.0.1:1/unused',
    conversation: { id: conversationId },
    from: { id: `user-${conversationId}`, name: 'User' },
    recipient: { id: 'bot', name: 'Bot' },
    deliveryMode: 'expectReplies',
    timestamp: '2026-12-01T10:00:00.000Z',
    locale: 'en-GB',
    text,
  });
}

export interface BodyOptions {
  /** How many bodies to generate. The load generator cycles over them. */
  readonly count: number;
  /** Conversation ids cycle over this many (body i goes to conversation i % conversations). */
  readonly conversations: number;
  /** Prefix for conversation ids, so separate phases use separate conversations. */
  readonly prefix: string;
  readonly seed?: number;
}

/** Even conversations use channel 'webchat', odd ones 'test'. */
export function makeBodies(opts: BodyOptions): string[] {
  const random = prng(opts.seed ?? 42);
  const bodies: string[] = [];
  for (let i = 0; i < opts.count; i++) {
    const c = i % opts.conversations;
    bodies.push(activityBody(`${opts.prefix}-${c}`, i, pickText(random), c % 2 === 0 ? 'webchat' : 'test'));
  }
  return bodies;
}

/** Counts of each kind in a set of bodies (a check that the mix is what we say it is). */
export function mixOf(bodies: readonly string[]): Record<string, number> {
  const byText = new Map<string, string>();
  for (const part of MIX) for (const t of part.texts) byText.set(t, part.kind);
  const counts: Record<string, number> = {};
  for (const body of bodies) {
    const text = (JSON.parse(body) as { text: string }).text;
    const kind = byText.get(text) ?? 'other';
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}
