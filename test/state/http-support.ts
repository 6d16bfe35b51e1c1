/**
 * Shared pieces for the bot-level state tests (real bot processes, real Azurite): a conversation
 * that a load balancer sends to either instance, the triage answers and what the summary should
 * offer for them, and a direct look at the blobs in a container.
 */
import { ContainerClient } from '@azure/storage-blob';
import type { TriageAnswer } from '../../src/dialogs/answer-prompt.ts';
import type { TriageQuestionId } from '../../src/dialogs/facts.ts';
import { getKnowledge, type TopicId } from '../../src/knowledge/index.ts';
import { Client, type PostResult } from '../helpers/bot-client.ts';

export function blobEnv(connectionString: string, container: string): Record<string, string> {
  return { STATE_STORE: 'blob', BLOB_CONNECTION_STRING: connectionString, BLOB_CONTAINER: container };
}

/**
 * One conversation (one conversation id, one user, one activity sequence) whose turns can go to
 * any of several bot instances, as behind a load balancer.
 */
export class RoamingConversation {
  readonly #clients: readonly Client[];

  constructor(urls: readonly string[], channelId = 'webchat') {
    const first = new Client(urls[0] ?? '', { channelId });
    this.#clients = [
      first,
      ...urls.slice(1).map((url) => new Client(url, { channelId, conversationId: first.conversationId })),
    ];
  }

  get conversationId(): string {
    return this.#home.conversationId;
  }

  get #home(): Client {
    const home = this.#clients[0];
    if (!home) throw new Error('no instances');
    return home;
  }

  #via(instance: number): Client {
    const client = this.#clients[instance];
    if (!client) throw new Error(`no instance ${instance}`);
    return client;
  }

  /** The welcome (conversationUpdate), sent to instance `instance`. */
  join(instance: number): Promise<PostResult> {
    const home = this.#home;
    return this.#via(instance).post(
      home.activity({ type: 'conversationUpdate', membersAdded: [{ id: home.userId, name: 'User' }] }),
    );
  }

  /** A message, sent to instance `instance`. The activity ids run on across instances. */
  say(text: string, instance: number): Promise<PostResult> {
    return this.#via(instance).post(this.#home.activity({ type: 'message', text }));
  }
}

export const TRIAGE_START = 'Which protection might fit me?';
export const QUESTION_IDS: readonly TriageQuestionId[] = [
  'safe',
  'repeated',
  'relationship',
  'online',
  'police',
];
export const ANSWER_BUTTONS = ['Yes', 'No', 'Not sure', 'Skip'] as const;
export type AnswerButton = (typeof ANSWER_BUTTONS)[number];

export const ANSWER_VALUE: Record<AnswerButton, TriageAnswer> = {
  Yes: 'yes',
  No: 'no',
  'Not sure': 'not-sure',
  Skip: 'skip',
};

/** What a person sees when question n (1-based) is asked. */
export function questionHeading(n: number): string {
  return `Question ${n} of 5.`;
}

export const SUMMARY_HEADING = 'From what you said, these might help.';

/** The summary's buttons for these topics, as the person sees them. */
export function summaryButtons(topics: readonly TopicId[]): string[] {
  const knowledge = getKnowledge();
  return [...topics.map((id) => knowledge.topic(id).title), 'Get help now', 'Back to menu'];
}

/** A small seeded PRNG (mulberry32), so a failing run can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface StoredBlob {
  readonly name: string;
  readonly size: number;
  readonly text: string;
  readonly metadata: Record<string, string>;
}

/** Every blob in the container, read directly (not through the bot). */
export async function readAllBlobs(connectionString: string, container: string): Promise<StoredBlob[]> {
  const client = new ContainerClient(connectionString, container);
  const out: StoredBlob[] = [];
  for await (const item of client.listBlobsFlat({ includeMetadata: true })) {
    const buffer = await client.getBlobClient(item.name).downloadToBuffer();
    out.push({
      name: item.name,
      size: item.properties.contentLength ?? buffer.length,
      text: buffer.toString('utf8'),
      metadata: item.metadata ?? {},
    });
  }
  return out;
}

/** The blob name BlobsStorage gives a conversation's state. */
export function conversationBlobName(channelId: string, conversationId: string): string {
  return encodeURIComponent(`${channelId}/conversations/${conversationId}`);
}
