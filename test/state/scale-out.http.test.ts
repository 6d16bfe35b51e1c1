/**
 * Scale-out: two bot processes share one Azurite container, and a load balancer may send each
 * turn of a conversation to either of them. The person must not notice: the questions carry on
 * in order and the summary fits the answers they gave, never someone else's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicsForAnswers } from '../../src/dialogs/triage-dialog.ts';
import type { TopicId } from '../../src/knowledge/index.ts';
import { type AzuriteHandle, startAzurite } from '../helpers/azurite.ts';
import { type BotActivity, buttonsOf, type PostResult, visibleText } from '../helpers/bot-client.ts';
import { type BotProcess, startBotProcess } from '../helpers/server.ts';
import {
  ANSWER_BUTTONS,
  ANSWER_VALUE,
  type AnswerButton,
  blobEnv,
  conversationBlobName,
  QUESTION_IDS,
  questionHeading,
  RoamingConversation,
  readAllBlobs,
  SUMMARY_HEADING,
  seeded,
  summaryButtons,
  TRIAGE_START,
} from './http-support.ts';
import { containerName } from './support.ts';

let azurite: AzuriteHandle;
let container: string;
let a: BotProcess;
let b: BotProcess;
const extra: BotProcess[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
  container = containerName('scale');
  const env = blobEnv(azurite.connectionString, container);
  [a, b] = await Promise.all([startBotProcess(env), startBotProcess(env)]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop(), ...extra.map((p) => p.stop())]);
  await azurite?.dispose();
});

const lastText = (acts: readonly BotActivity[]): string =>
  acts.filter((x) => x.type === 'message').at(-1)?.text ?? '';

/** What went wrong with one reply, as a person would describe it, or undefined if it is right. */
function problem(
  reply: PostResult,
  expectText: string,
  expectButtons?: readonly string[],
): string | undefined {
  if (reply.status !== 200) return `status ${reply.status}`;
  const text = visibleText(reply.activities);
  if (!text.includes(expectText)) return `expected "${expectText}", got "${lastText(reply.activities)}"`;
  if (expectButtons) {
    const got = buttonsOf(reply.activities);
    if (JSON.stringify(got) !== JSON.stringify(expectButtons))
      return `expected buttons ${JSON.stringify(expectButtons)}, got ${JSON.stringify(got)}`;
  }
  return undefined;
}

describe('two bot instances sharing blob state', () => {
  it('one conversation alternating A, B, A, B... completes the questions, and the summary fits the answers', async () => {
    const c = new RoamingConversation([a.url, b.url]);
    const welcome = await c.join(0);
    expect(buttonsOf(welcome.activities)).toContain(TRIAGE_START);

    const q1 = await c.say(TRIAGE_START, 1);
    expect(lastText(q1.activities)).toContain(questionHeading(1));
    expect(buttonsOf(q1.activities)).toEqual([...ANSWER_BUTTONS]);

    // Safe: Yes; more than once: Yes; partner: No; online: Not sure; police: Yes.
    const answers: AnswerButton[] = ['Yes', 'Yes', 'No', 'Not sure', 'Yes'];
    let reply = q1;
    for (const [i, answer] of answers.entries()) {
      reply = await c.say(answer, i % 2 === 0 ? 0 : 1);
      expect(reply.status).toBe(200);
      if (i < 4) expect(lastText(reply.activities)).toContain(questionHeading(i + 2));
    }
    expect(visibleText(reply.activities)).toContain(SUMMARY_HEADING);
    // Written out by hand for these answers (not computed by the code under test).
    const expected: TopicId[] = [
      'stalking-offence',
      'harassment-act',
      'online-safety-act',
      'spo',
      'spo-updates',
    ];
    expect(buttonsOf(reply.activities)).toEqual(summaryButtons(expected));

    // The summary's buttons were made on A; a tap that lands on B opens the right topic.
    const picked = await c.say(summaryButtons(['online-safety-act'])[0] ?? '', 1);
    expect(picked.activities.at(-1)?.channelData?.topic).toBe('online-safety-act');
  });

  it('50 conversations at once, each turn to a random instance: every one ends with the summary for its own answers', async () => {
    const random = seeded(20_260_101);
    const served = [0, 0];
    const patterns: AnswerButton[][] = [];
    for (let i = 0; i < 50; i++) {
      // Q1 never "No" (that is the danger prompt, tested elsewhere); Q2-Q5 all differ between
      // conversations (37 is coprime with 256 = 4^4), so a crossed conversation would show.
      const rest = (i * 37) % 256;
      patterns.push([
        (['Yes', 'Not sure', 'Skip'] as const)[i % 3] ?? 'Yes',
        ...[0, 1, 2, 3].map((d) => ANSWER_BUTTONS[Math.floor(rest / 4 ** d) % 4] ?? 'Yes'),
      ]);
    }
    const expectedSummaries = patterns.map((p) =>
      summaryButtons(
        topicsForAnswers(Object.fromEntries(QUESTION_IDS.map((id, q) => [id, ANSWER_VALUE[p[q] ?? 'Skip']]))),
      ),
    );
    // Guard on the test data itself: enough different summaries that crossing would be seen.
    expect(new Set(expectedSummaries.map((s) => s.join('|'))).size).toBeGreaterThanOrEqual(10);

    const run = async (pattern: readonly AnswerButton[], summary: readonly string[]): Promise<string[]> => {
      const c = new RoamingConversation([a.url, b.url]);
      // A random instance for each turn, but the second turn always on the other one.
      const first = random() < 0.5 ? 0 : 1;
      const route = [first, 1 - first, ...Array.from({ length: 5 }, () => (random() < 0.5 ? 0 : 1))];
      const via = (t: number): number => {
        const instance = route[t] ?? 0;
        served[instance] = (served[instance] ?? 0) + 1;
        return instance;
      };
      const problems: string[] = [];
      const note = (step: string, p: string | undefined) => {
        if (p) problems.push(`${c.conversationId} ${step}: ${p}`);
      };
      note('join', problem(await c.join(via(0)), 'What would you like to know?'));
      note('start', problem(await c.say(TRIAGE_START, via(1)), questionHeading(1), ANSWER_BUTTONS));
      for (const [q, answer] of pattern.entries()) {
        const reply = await c.say(answer, via(q + 2));
        if (q < 4) note(`answer ${q + 1}`, problem(reply, questionHeading(q + 2), ANSWER_BUTTONS));
        else note('summary', problem(reply, SUMMARY_HEADING, summary));
      }
      return problems;
    };

    const results = await Promise.all(patterns.map((p, i) => run(p, expectedSummaries[i] ?? [])));
    expect(results.flat()).toEqual([]);
    expect(served[0]).toBeGreaterThan(50);
    expect(served[1]).toBeGreaterThan(50);
  });

  it('"delete my chat" sent to B deletes what A wrote, and A then knows nothing of it', async () => {
    const c = new RoamingConversation([a.url, b.url]);
    await c.join(0);
    await c.say(TRIAGE_START, 0);
    const q2 = await c.say('Yes', 0);
    expect(lastText(q2.activities)).toContain(questionHeading(2));
    const name = conversationBlobName('webchat', c.conversationId);
    expect((await readAllBlobs(azurite.connectionString, container)).map((x) => x.name)).toContain(name);

    const deleted = await c.say('delete my chat', 1);
    expect(deleted.status).toBe(200);
    expect(visibleText(deleted.activities)).toContain('I have deleted this chat');
    expect((await readAllBlobs(azurite.connectionString, container)).map((x) => x.name)).not.toContain(name);

    // Back on A, "Yes" is not taken as the answer to question 2: the questions are gone.
    const after = await c.say('Yes', 0);
    expect(after.status).toBe(200);
    expect(visibleText(after.activities)).not.toContain(questionHeading(3));
    expect(buttonsOf(after.activities)).toContain(TRIAGE_START);
  });

  it('control: with the default memory store, the second instance does not know the conversation', async () => {
    // Shows the alternating test above can fail: without shared state, B loses the questions.
    const [m1, m2] = await Promise.all([startBotProcess(), startBotProcess()]);
    extra.push(m1, m2);
    const c = new RoamingConversation([m1.url, m2.url]);
    await c.join(0);
    const q1 = await c.say(TRIAGE_START, 0);
    expect(lastText(q1.activities)).toContain(questionHeading(1));
    const onB = await c.say('Yes', 1);
    expect(onB.status).toBe(200);
    expect(visibleText(onB.activities)).not.toContain(questionHeading(2));
  });
});
