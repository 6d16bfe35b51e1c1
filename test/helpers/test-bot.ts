/**
 * The real bot (real dialogs, knowledge, safety and state) on botbuilder's TestAdapter, for
 * transcript tests. `say` returns the activities that one turn sent.
 */
import type { Activity, Storage } from 'botbuilder';
import { ConversationState, TestAdapter, UserState } from 'botbuilder';
import { createBot, createTurnErrorHandler } from '../../src/app.ts';
import type { SupportBot } from '../../src/bot.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { createStateStore, type StateStore } from '../../src/state/create-state.ts';
import type { BotActivity } from './bot-client.ts';

export interface TestBot {
  readonly adapter: TestAdapter;
  readonly bot: SupportBot;
  readonly state: StateStore;
  readonly channelId: string;
  readonly conversationId: string;
  /** The storage keys of this conversation's state. */
  readonly stateKey: string;
  /** Sends a message (or a whole activity) and returns this turn's replies. */
  say(input: string | Partial<Activity>): Promise<BotActivity[]>;
  /** The conversationUpdate that brings the user in (the welcome). */
  join(): Promise<BotActivity[]>;
}

export interface TestBotOptions {
  readonly channelId?: string;
  readonly env?: Record<string, string>;
  readonly now?: () => Date;
  /** The state store's clock for expiry (ms since epoch), separate from the bot clock `now`. */
  readonly storeNow?: () => number;
  /** Use this storage instead of the configured one (e.g. one that always fails). */
  readonly storage?: Storage;
  /** Extra fields on every incoming activity (e.g. Teams channelData). */
  readonly template?: Partial<Activity>;
}

export function createTestBot(opts: TestBotOptions = {}): TestBot {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...opts.env }, undefined);
  const logger = createLogger('silent');
  const base = createStateStore(config, logger, opts.storeNow ? { now: opts.storeNow } : {});
  const state: StateStore = opts.storage
    ? {
        ...base,
        storage: opts.storage,
        conversationState: new ConversationState(opts.storage),
        userState: new UserState(opts.storage),
      }
    : base;
  const bot = createBot(config, { logger, state, now: opts.now ?? (() => new Date()) });
  const conversationId = `conv-${Math.random().toString(36).slice(2)}`;
  const adapter = new TestAdapter(async (ctx) => bot.run(ctx), {
    channelId: opts.channelId ?? 'webchat',
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'user-1', name: 'User' },
    recipient: { id: 'bot', name: 'Bot' },
    locale: 'en-GB',
    ...opts.template,
  } as Partial<Activity>);
  adapter.onTurnError = createTurnErrorHandler(logger, state);

  const drain = (): BotActivity[] => {
    const out: BotActivity[] = [];
    while (adapter.activeQueue.length > 0) out.push(adapter.activeQueue.shift() as unknown as BotActivity);
    return out;
  };

  return {
    adapter,
    bot,
    state,
    channelId: opts.channelId ?? 'webchat',
    conversationId,
    stateKey: `${opts.channelId ?? 'webchat'}/conversations/${conversationId}/`,
    async say(input) {
      drain();
      await adapter.receiveActivity(typeof input === 'string' ? input : (input as Partial<Activity>));
      return drain();
    },
    async join() {
      drain();
      await adapter.receiveActivity({
        type: 'conversationUpdate',
        membersAdded: [{ id: 'user-1', name: 'User' }],
      } as Partial<Activity>);
      return drain();
    },
  };
}
