/**
 * Talks to the bot over real HTTP with deliveryMode "expectReplies": the turn's replies come
 * back in the response body. One Client is one conversation.
 */
import { randomUUID } from 'node:crypto';

export interface BotActivity {
  type: string;
  text?: string;
  channelData?: { topic?: string; escalation?: string; [k: string]: unknown };
  suggestedActions?: { actions: { title: string; value?: unknown; type: string }[] };
  attachments?: { contentType: string; content?: unknown }[];
  name?: string;
  value?: unknown;
}

export interface PostResult {
  readonly status: number;
  readonly activities: BotActivity[];
}

export class Client {
  readonly conversationId: string;
  readonly userId: string;
  readonly url: string;
  readonly channelId: string;
  readonly extra: Record<string, unknown>;
  private seq = 0;

  constructor(
    url: string,
    opts: { channelId?: string; conversationId?: string; extra?: Record<string, unknown> } = {},
  ) {
    this.url = url;
    this.channelId = opts.channelId ?? 'test';
    this.conversationId = opts.conversationId ?? `conv-${randomUUID()}`;
    this.userId = `user-${randomUUID()}`;
    this.extra = opts.extra ?? {};
  }

  activity(partial: Record<string, unknown>): Record<string, unknown> {
    this.seq += 1;
    return {
      id: `act-${this.seq}`,
      channelId: this.channelId,
      serviceUrl: 'http://127.0.0.1:1/unused',
      conversation: { id: this.conversationId },
      from: { id: this.userId, name: 'User' },
      recipient: { id: 'bot', name: 'Bot' },
      deliveryMode: 'expectReplies',
      timestamp: new Date().toISOString(),
      locale: 'en-GB',
      ...this.extra,
      ...partial,
    };
  }

  async post(body: unknown, headers: Record<string, string> = {}): Promise<PostResult> {
    const res = await fetch(`${this.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    let activities: BotActivity[] = [];
    try {
      const parsed = JSON.parse(text) as { activities?: BotActivity[] };
      activities = parsed.activities ?? [];
    } catch {
      activities = [];
    }
    return { status: res.status, activities };
  }

  join(): Promise<PostResult> {
    return this.post(
      this.activity({
        type: 'conversationUpdate',
        membersAdded: [{ id: this.userId, name: 'User' }],
      }),
    );
  }

  say(text: string): Promise<PostResult> {
    return this.post(this.activity({ type: 'message', text }));
  }
}

/** All the words a person would see in these replies: text, buttons and card text. */
export function visibleText(activities: readonly BotActivity[]): string {
  const parts: string[] = [];
  for (const a of activities) {
    if (a.text) parts.push(a.text);
    for (const s of a.suggestedActions?.actions ?? []) parts.push(s.title);
    for (const att of a.attachments ?? []) parts.push(JSON.stringify(att.content ?? ''));
  }
  return parts.join('\n');
}

/** The buttons offered by the last reply (suggested actions or a card's buttons). */
export function buttonsOf(activities: readonly BotActivity[]): string[] {
  const last = activities.filter((a) => a.type === 'message').at(-1);
  if (!last) return [];
  const fromActions = last.suggestedActions?.actions.map((a) => a.title) ?? [];
  const fromCards = (last.attachments ?? []).flatMap((att) => {
    const content = att.content as
      | { buttons?: { title: string }[]; actions?: { title: string }[] }
      | undefined;
    return [...(content?.buttons ?? []), ...(content?.actions ?? [])].map((b) => b.title);
  });
  return [...fromActions, ...fromCards];
}
