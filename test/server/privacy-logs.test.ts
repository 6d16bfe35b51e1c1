import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../helpers/bot-client.ts';
import { type BotProcess, startBotProcess } from '../helpers/server.ts';

let bot: BotProcess;
beforeAll(async () => {
  bot = await startBotProcess({ LOG_LEVEL: 'trace' });
});
afterAll(async () => {
  await bot?.stop();
});

describe('logs', () => {
  it('never contain the words a person typed, even at trace level', async () => {
    const client = new Client(bot.url);
    await client.join();
    const said = [
      'Zebedee keeps texting me from 07700900123',
      'he waits outside the Quokkaville library every day',
      'what is a non molestation order',
      'Has it happened more than once?',
      'Which protection might fit me?',
      'yes',
      'my name is Philomena Xanthippe',
      'he is outside my door with a knife right now Wigglesworth',
    ];
    for (const text of said) await client.say(text);
    const logs = bot.logs().join('\n');
    for (const word of [
      'Zebedee',
      '07700900123',
      'Quokkaville',
      'Philomena',
      'Xanthippe',
      'Wigglesworth',
      'knife',
    ]) {
      expect(logs).not.toContain(word);
    }
    // The logs still say what happened, by id and level.
    expect(logs).toContain('"escalation":"immediate"');
    expect(logs).toContain(client.conversationId);
  });
});
