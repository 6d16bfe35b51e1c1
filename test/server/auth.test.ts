import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../helpers/bot-client.ts';
import { type BotProcess, startBotProcess } from '../helpers/server.ts';

let bot: BotProcess;
beforeAll(async () => {
  bot = await startBotProcess({
    MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
    MicrosoftAppPassword: 'not-a-real-secret',
    MicrosoftAppType: 'MultiTenant',
  });
});
afterAll(async () => {
  await bot?.stop();
});

describe('with an app id configured', () => {
  it('answers 401 to a request with no Authorization header, and the bot never runs', async () => {
    const client = new Client(bot.url);
    const res = await client.say('he is outside my door with a knife');
    expect(res.status).toBe(401);
    expect(res.activities).toHaveLength(0);
    expect(bot.logs().some((l) => l.includes('"turn failed"') || l.includes('"escalation"'))).toBe(false);
  });

  it('answers 401 to a forged bearer token', async () => {
    const client = new Client(bot.url);
    const res = await client.post(client.activity({ type: 'message', text: 'hi' }), {
      authorization: 'Bearer abc.def.ghi',
    });
    expect(res.status).toBe(401);
  });
});
