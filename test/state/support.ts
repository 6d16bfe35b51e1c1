/** Shared pieces for the state tests: config, a silent logger, a fake clock, a tiny counting bot. */
import { type ConversationState, TestAdapter, type TurnContext } from 'botbuilder';
import { type Config, loadConfig } from '../../src/config.ts';
import { createLogger, type Logger } from '../../src/logger.ts';

export const silent: Logger = createLogger('silent');

export function stateConfig(env: Record<string, string>): Config {
  return loadConfig({ STATE_TTL_MINUTES: '1', ...env }, undefined);
}

export interface FakeClock {
  now: () => number;
  advance(ms: number): void;
}

export function fakeClock(start = Date.now()): FakeClock {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}

/** A bot that remembers how many messages this conversation has sent, and says so. */
export function countingBot(conversationState: ConversationState): TestAdapter {
  const count = conversationState.createProperty<number>('count');
  return new TestAdapter(async (ctx: TurnContext) => {
    const n = (await count.get(ctx, 0)) + 1;
    await count.set(ctx, n);
    await conversationState.saveChanges(ctx);
    await ctx.sendActivity(`message ${n}`);
  });
}

let unique = 0;
/** A container name no other test uses. */
export function containerName(label: string): string {
  unique++;
  return `t-${label}-${process.pid}-${unique}-${Date.now().toString(36)}`.toLowerCase().slice(0, 63);
}
