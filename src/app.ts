/**
 * Builds the whole app from a Config: logger, knowledge, state, adapter, bot, server.
 * Used by src/index.ts and by tests that run the bot in-process.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { DestinationStream } from 'pino';
import { SupportBot } from './bot.ts';
import { registerWebChannels } from './channels/webchat/index.ts';
import type { Config } from './config.ts';
import { SORRY_ERROR } from './dialogs/messages.ts';
import { toActivity } from './dialogs/render.ts';
import { getKnowledge } from './knowledge/index.ts';
import { availabilityReply, availabilityStatus, noPersonNowReply } from './livechat/availability.ts';
import { isLiveChatOpen, timetableFromConfig } from './livechat/hours.ts';
import { createLogger, errorSummary, type Logger } from './logger.ts';
import { createServer } from './server.ts';
import { createStateStore, type StateStore } from './state/create-state.ts';

export interface AppOptions {
  readonly logDestination?: DestinationStream;
  readonly now?: () => Date;
  /** Leave out the widget and local Direct Line routes. */
  readonly withoutChannels?: boolean;
  readonly state?: StateStore;
}

export interface App {
  readonly config: Config;
  readonly logger: Logger;
  readonly server: ReturnType<typeof createServer>['server'];
  readonly adapter: CloudAdapter;
  readonly bot: SupportBot;
  readonly state: StateStore;
  close(): Promise<void>;
}

export interface BotParts {
  readonly logger: Logger;
  readonly state: StateStore;
  readonly now: () => Date;
}

/** The bot and everything it needs, without HTTP: used by the server, the terminal chat and tests. */
export function createBot(config: Config, parts: BotParts): SupportBot {
  const timetable = timetableFromConfig(config);
  const liveChat = { handoffEnabled: config.HANDOFF_ENABLED };
  return new SupportBot({
    config,
    logger: parts.logger,
    state: parts.state,
    knowledge: getKnowledge(),
    now: parts.now,
    availability: (at) => availabilityReply(timetable, at, liveChat),
    availabilityStatus: (at) => availabilityStatus(timetable, at, liveChat),
    noPersonNow: (at) => noPersonNowReply(timetable, at, liveChat),
    canHandOff: (at) => config.HANDOFF_ENABLED && isLiveChatOpen(timetable, at),
  });
}

/** A crash in the bot must never leave a frightened person with silence. */
export function createTurnErrorHandler(
  logger: Logger,
  state: StateStore,
): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    logger.error(
      { err: errorSummary(error), conversation: context.activity.conversation?.id },
      'turn failed',
    );
    try {
      await context.sendActivity(toActivity(SORRY_ERROR, context.activity.channelId));
    } catch (sendError) {
      logger.error({ err: errorSummary(sendError) }, 'could not send the error reply');
    }
    try {
      await state.conversationState.delete(context);
    } catch {
      // Storage may be the thing that failed; the state then expires by itself.
    }
  };
}

export function buildApp(config: Config, opts: AppOptions = {}): App {
  const logger = createLogger(config.LOG_LEVEL, opts.logDestination);
  const now = opts.now ?? (() => new Date());
  const state = opts.state ?? createStateStore(config, logger);

  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  });
  const adapter = new CloudAdapter(auth);

  const bot = createBot(config, { logger, state, now });
  adapter.onTurnError = createTurnErrorHandler(logger, state);

  const { server, close } = createServer({
    config,
    logger,
    adapter,
    bot,
    ready: () => state.ready(),
    registerChannels: opts.withoutChannels
      ? undefined
      : (srv, selfUrl) => registerWebChannels(srv, { config, logger, selfUrl }),
  });

  return {
    config,
    logger,
    server,
    adapter,
    bot,
    state,
    async close() {
      await close();
      await state.close();
    },
  };
}
