/**
 * Expiry at the bot level (the real dialogs, STATE_TTL_MINUTES=1, a fake store clock): someone
 * who stops in the middle of the questions and comes back after the TTL finds nothing of their
 * earlier answers; someone who comes back just before it carries on. Memory and blob (Azurite).
 */
import { ContainerClient } from '@azure/storage-blob';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AzuriteHandle, startAzurite } from '../helpers/azurite.ts';
import { buttonsOf, visibleText } from '../helpers/bot-client.ts';
import { createTestBot, type TestBot } from '../helpers/test-bot.ts';
import { blobEnv, conversationBlobName, questionHeading, TRIAGE_START } from './http-support.ts';
import { containerName, fakeClock } from './support.ts';

const MINUTE = 60_000;
let azurite: AzuriteHandle;
const bots: TestBot[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
});
afterEach(async () => {
  for (const t of bots.splice(0)) await t.state.close();
});
afterAll(async () => {
  await azurite?.dispose();
});

type Kind = 'memory' | 'blob';
const stores: Record<Kind, () => Record<string, string>> = {
  memory: () => ({}),
  blob: () => blobEnv(azurite.connectionString, containerName('expiry')),
};

describe.each(['memory', 'blob'] as const)('%s state with STATE_TTL_MINUTES=1', (kind) => {
  it('carries on after 59 s of quiet, and after a further minute of quiet has forgotten the answers', async () => {
    const clock = fakeClock();
    const t = createTestBot({ env: { STATE_TTL_MINUTES: '1', ...stores[kind]() }, storeNow: clock.now });
    bots.push(t);

    await t.join();
    expect(visibleText(await t.say(TRIAGE_START))).toContain(questionHeading(1));
    expect(visibleText(await t.say('Yes'))).toContain(questionHeading(2));

    clock.advance(MINUTE - 1000);
    expect(visibleText(await t.say('Yes'))).toContain(questionHeading(3));

    clock.advance(MINUTE);
    const back = await t.say('Yes');
    // Not question 4: the earlier answers are gone, and the person is offered the menu.
    expect(visibleText(back)).not.toContain(questionHeading(4));
    expect(visibleText(back)).not.toMatch(/Question \d of 5/);
    expect(buttonsOf(back)).toContain(TRIAGE_START);
  });

  it('a conversation quiet for the TTL is deleted for good by the sweep', async () => {
    const clock = fakeClock();
    const env: Record<string, string> = { STATE_TTL_MINUTES: '1', ...stores[kind]() };
    const t = createTestBot({ env, storeNow: clock.now });
    bots.push(t);
    await t.join();
    await t.say(TRIAGE_START);
    await t.say('Yes');
    const key = t.stateKey;
    expect(Object.keys(await t.state.storage.read([key]))).toEqual([key]);
    const container = env.BLOB_CONTAINER;
    const blobs = container ? new ContainerClient(azurite.connectionString, container) : undefined;
    const blobName = conversationBlobName(t.channelId, t.conversationId);
    if (blobs) expect(await blobs.getBlobClient(blobName).exists()).toBe(true);

    expect(await t.state.sweepNow()).toBe(0);
    clock.advance(MINUTE + 1000);
    expect(await t.state.sweepNow()).toBeGreaterThanOrEqual(1);
    if (blobs) expect(await blobs.getBlobClient(blobName).exists()).toBe(false);

    // Coming back now is a fresh start.
    const back = await t.say('Yes');
    expect(visibleText(back)).not.toContain(questionHeading(2));
    expect(buttonsOf(back)).toContain(TRIAGE_START);
  });
});
