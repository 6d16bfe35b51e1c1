import { describe, expect, it } from 'vitest';
import { runBotExpectingExit, startBotProcess } from '../helpers/server.ts';

describe('start-up configuration', () => {
  it('exits with code 2 and names PORT when PORT is bad', async () => {
    const r = await runBotExpectingExit({ PORT: 'not-a-port' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/PORT must be a whole number from 0 to 65535/);
    expect(r.stdout).not.toMatch(/listening/);
  });

  it('exits with code 2 and names MicrosoftAppType when it is bad', async () => {
    const r = await runBotExpectingExit({ MicrosoftAppType: 'AnyTenant' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI/);
  });

  it('gives one line for each bad variable', async () => {
    const r = await runBotExpectingExit({ PORT: '99999', LOG_LEVEL: 'loud', STATE_TTL_MINUTES: '0' });
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l.trim().startsWith('- '));
    expect(lines.map((l) => l.trim().split(' ')[1]).sort()).toEqual([
      'LOG_LEVEL',
      'PORT',
      'STATE_TTL_MINUTES',
    ]);
  });

  it('refuses to start in production with no MicrosoftAppId', async () => {
    const r = await runBotExpectingExit({ NODE_ENV: 'production' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/MicrosoftAppId is required when NODE_ENV=production/);
  });

  it('stops cleanly on SIGTERM, well within 10 seconds', async () => {
    const bot = await startBotProcess();
    const started = Date.now();
    const code = await bot.stop('SIGTERM');
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
