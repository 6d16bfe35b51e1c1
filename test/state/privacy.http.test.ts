/**
 * What the bot keeps in Azure Blob Storage, read straight from the container: never what a person
 * typed about themselves, only where they are in the conversation and Yes / No / Not sure / Skip
 * answers. "delete my chat" and "exit" remove the conversation's blob at once, and say so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOPIC_IDS } from '../../src/knowledge/index.ts';
import { type AzuriteHandle, startAzurite } from '../helpers/azurite.ts';
import { buttonsOf, Client, type PostResult, visibleText } from '../helpers/bot-client.ts';
import { type BotProcess, startBotProcess } from '../helpers/server.ts';
import {
  blobEnv,
  conversationBlobName,
  questionHeading,
  readAllBlobs,
  type StoredBlob,
  SUMMARY_HEADING,
  TRIAGE_START,
} from './http-support.ts';
import { containerName } from './support.ts';

let azurite: AzuriteHandle;
let bot: BotProcess;
let container: string;

beforeAll(async () => {
  azurite = await startAzurite();
  container = containerName('privacy');
  bot = await startBotProcess(blobEnv(azurite.connectionString, container));
});
afterAll(async () => {
  await bot?.stop();
  await azurite?.dispose();
});

const PERSONAL = [
  'my name is Philippa Quarrington',
  'my number is 07700 900456',
  'I live at 14 Acacia Road, CM1 4QT',
  "he's called Damon Ruddlesworth",
  'email me on pquarr@example.com',
] as const;
/** Fragments that must not appear anywhere in storage, in any case or encoding. */
const FRAGMENTS = [
  'Philippa',
  'Quarrington',
  '07700',
  '900456',
  'Acacia',
  'CM1 4QT',
  'CM14QT',
  'Damon',
  'Ruddlesworth',
  'pquarr',
  'example.com',
];

const ANSWERS = new Set(['yes', 'no', 'not-sure', 'skip']);
const DIALOG_IDS = new Set([
  'main',
  'menuLoop',
  'menu',
  'pick',
  'pickTopic',
  'amI',
  'amIOffer',
  'topic',
  'topicNext',
  'triage',
  'triageAnswer',
  'triageSummary',
  'handoff',
  'handoffConsent',
  'handoffNote',
]);

/** Everything in storage that could hold a person's words: names, contents, metadata. */
function storageDump(blobs: readonly StoredBlob[]): string {
  return blobs
    .map((b) => [b.name, decodeURIComponent(b.name), b.text, JSON.stringify(b.metadata)].join('\n'))
    .join('\n');
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * Digits only count with no letter or digit either side, so a random id or a timestamp that
 * happens to hold "07700" is not taken for the phone number (no id or number segment is 5 or 6
 * characters long); everything else is a plain, case-blind substring.
 */
const NEEDLES = [...PERSONAL, ...FRAGMENTS].map((needle) => ({
  needle,
  pattern: /^\d+$/.test(needle)
    ? new RegExp(`(?<![0-9a-z])${needle}(?![0-9a-z])`, 'i')
    : new RegExp(escapeRegExp(needle), 'i'),
}));

function leaks(dump: string): string[] {
  return NEEDLES.filter(({ pattern }) => pattern.test(dump)).map(({ needle }) => needle);
}

function dialogIds(stack: unknown, out: string[] = []): string[] {
  if (!Array.isArray(stack)) return out;
  for (const entry of stack as { id?: unknown; state?: { dialogs?: { dialogStack?: unknown } } }[]) {
    if (typeof entry.id === 'string') out.push(entry.id);
    dialogIds(entry.state?.dialogs?.dialogStack, out);
  }
  return out;
}

describe('what is stored about a conversation (blob)', () => {
  it('keeps none of the personal details typed, only the dialog stack and Yes / No / Not sure / Skip answers', async () => {
    const c = new Client(bot.url, { channelId: 'webchat' });
    const seen: string[] = [];
    /** Every turn, read the container directly: a detail must not be kept even for a moment. */
    const turn = async (send: Promise<PostResult>): Promise<PostResult> => {
      const reply = await send;
      expect(reply.status).toBe(200);
      expect(reply.activities.length).toBeGreaterThan(0);
      seen.push(storageDump(await readAllBlobs(azurite.connectionString, container)));
      return reply;
    };

    await turn(c.join());
    for (const detail of PERSONAL) await turn(c.say(detail));
    // The menu, a topic, a question about it with details in it.
    await turn(c.say('Menu'));
    const laws = await turn(c.say('Laws that protect me'));
    const topicTitle = buttonsOf(laws.activities).find((t) => /Harassment Act/.test(t));
    expect(topicTitle).toBeDefined();
    await turn(c.say(topicTitle ?? ''));
    await turn(c.say(PERSONAL[3]));
    await turn(c.say('Menu'));
    // The questions, with details typed in place of answers along the way.
    const q1 = await turn(c.say(TRIAGE_START));
    expect(visibleText(q1.activities)).toContain(questionHeading(1));
    await turn(c.say(PERSONAL[2]));
    await turn(c.say('Yes'));
    await turn(c.say(PERSONAL[0]));
    await turn(c.say('Yes'));
    await turn(c.say(PERSONAL[1]));
    await turn(c.say('Not sure'));
    await turn(c.say(PERSONAL[4]));
    await turn(c.say('Skip'));
    const q5 = await turn(c.say(PERSONAL[3]));
    expect(visibleText(q5.activities)).toContain('Are the police involved yet?');
    const summary = await turn(c.say('No'));
    expect(visibleText(summary.activities)).toContain(SUMMARY_HEADING);

    // Nothing personal, at any point.
    expect(seen.length).toBeGreaterThan(20);
    expect(seen.flatMap(leaks)).toEqual([]);
    // Nor in the bot's own log lines (they go to Application Insights in production).
    expect(leaks(bot.logs().join('\n'))).toEqual([]);

    // What is there: this conversation's blob only (nothing per user), holding only the dialog
    // stack and the answers.
    const blobs = await readAllBlobs(azurite.connectionString, container);
    expect(blobs.map((b) => b.name)).toEqual([conversationBlobName('webchat', c.conversationId)]);
    const stored = JSON.parse(blobs[0]?.text ?? '{}') as {
      facts?: { triage?: Record<string, string>; topics?: string[]; [k: string]: unknown };
      dialog?: { dialogStack?: unknown };
      [k: string]: unknown;
    };
    expect(Object.keys(stored).sort()).toEqual(['_touched', 'dialog', 'facts']);
    expect(stored.facts?.triage).toEqual({
      safe: 'yes',
      repeated: 'yes',
      relationship: 'not-sure',
      online: 'skip',
      police: 'no',
    });
    for (const v of Object.values(stored.facts?.triage ?? {})) expect(ANSWERS).toContain(v);
    expect(Object.keys(stored.facts ?? {}).sort()).toEqual([
      'awaitingSafety',
      'highest',
      'topics',
      'triage',
      'welcomed',
    ]);
    expect(stored.facts?.topics).toContain('harassment-act');
    for (const t of stored.facts?.topics ?? []) expect(TOPIC_IDS as readonly string[]).toContain(t);
    const ids = dialogIds(stored.dialog?.dialogStack);
    expect(ids).toContain('triage');
    for (const id of ids) expect(DIALOG_IDS).toContain(id);
  });

  it('the leak check finds a detail when one is stored (so the test above can fail)', () => {
    const blob = (text: string): StoredBlob => ({ name: 'x', size: text.length, text, metadata: {} });
    expect(leaks(storageDump([blob('{"note":"PQUARR@example.com"}')]))).toContain('pquarr');
    expect(leaks(storageDump([blob('{"a":"cm1 4qt"}')]))).toContain('CM1 4QT');
    expect(leaks(storageDump([{ ...blob('{}'), name: 'Ruddle%73worth' }]))).toContain('Ruddlesworth');
    expect(leaks(storageDump([blob('{"n":"call 07700-900456"}')]))).toEqual(['07700', '900456']);
    expect(leaks(storageDump([blob('{"id":"a07700b1-9004-56aa","t":1790077009004560}')]))).toEqual([]);
    expect(leaks(storageDump([blob('{"triage":{"safe":"yes"}}')]))).toEqual([]);
  });
});

describe('"delete my chat" and "exit" with blob state', () => {
  for (const [command, says] of [
    ['delete my chat', 'I have deleted this chat from our system.'],
    ['exit', 'I have cleared this chat.'],
  ] as const) {
    it(`"${command}" removes the conversation's blob right away, and the bot says so`, async () => {
      const c = new Client(bot.url, { channelId: 'webchat' });
      await c.join();
      await c.say(TRIAGE_START);
      const q2 = await c.say('Yes');
      expect(visibleText(q2.activities)).toContain(questionHeading(2));
      const name = conversationBlobName('webchat', c.conversationId);
      const before = await readAllBlobs(azurite.connectionString, container);
      expect(before.find((b) => b.name === name)?.text).toContain('"safe":"yes"');

      const reply = await c.say(command);
      expect(reply.status).toBe(200);
      expect(visibleText(reply.activities)).toContain(says);
      expect(visibleText(reply.activities)).toContain('999');
      const after = await readAllBlobs(azurite.connectionString, container);
      expect(after.map((b) => b.name)).not.toContain(name);
      expect(after.some((b) => b.name.includes(c.conversationId) || b.name.includes(c.userId))).toBe(false);

      // The next message starts afresh: "Yes" is not taken as the answer to question 2.
      const next = await c.say('Yes');
      expect(visibleText(next.activities)).not.toContain(questionHeading(3));
    });
  }
});
