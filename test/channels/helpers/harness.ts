/**
 * A real server for the web channel tests: the lead's createServer (restify 12, bodyParser, the
 * same /api/messages handling) with a real CloudAdapter, our registerWebChannels, and a small
 * stand-in bot, so the local Direct Line is tested against botbuilder's own connector client.
 */
import type { AddressInfo } from 'node:net';
import {
  ActivityHandler,
  type Attachment,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
} from 'botbuilder';
import { registerWebChannels } from '../../../src/channels/webchat/index.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/logger.ts';
import { createServer } from '../../../src/server.ts';

export const WELCOME =
  "Hello. I am a computer, not a person. If you are in danger now, call 999. If you can't speak, call 999 and press 55. " +
  'Essex Compass can help: call 0330 333 7 444, 24 hours a day.';

/** A stand-in for the real bot: a welcome, a menu, cards, and an escalation on "outside my door". */
export class StandInBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id === context.activity.recipient.id) continue;
        await context.sendActivity(
          MessageFactory.suggestedActions(['Get help now', 'Laws that protect me'], WELCOME),
        );
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      const text = context.activity.text ?? '';
      const value: unknown = context.activity.value;
      if (/outside my door/i.test(text)) {
        const reply = MessageFactory.text(
          "If you are in danger now, call 999. If you can't speak, call 999 and press 55.",
        );
        reply.channelData = { escalation: 'immediate' };
        await context.sendActivity(reply);
      } else if (text === 'cards') {
        const hero: Attachment = CardFactory.heroCard('Orders a court can make', 'Pick one.', undefined, [
          { type: 'imBack', title: 'Stalking Protection Order', value: 'spo' },
        ]);
        const adaptive: Attachment = CardFactory.adaptiveCard({
          type: 'AdaptiveCard',
          version: '1.3',
          body: [{ type: 'TextBlock', text: 'Are you safe right now?', wrap: true }],
          actions: [{ type: 'Action.Submit', title: 'Yes, I am safe', data: { safe: 'yes' } }],
        });
        await context.sendActivity(MessageFactory.attachment(hero));
        await context.sendActivity(MessageFactory.attachment(adaptive));
      } else if (value !== undefined && text === '') {
        await context.sendActivity(`Thanks. You pressed a card button (${JSON.stringify(value)}).`);
      } else if (text === 'who am i') {
        await context.sendActivity(`Your id starts with ${context.activity.from.id.slice(0, 3)}.`);
      } else {
        const reply = MessageFactory.text(
          `Here is an answer about ${text.length > 0 ? 'your question' : 'that'}.`,
        );
        reply.channelData = { topic: 'get-help' };
        await context.sendActivity(reply);
      }
      await next();
    });
  }
}

export interface Harness {
  readonly url: string;
  /** Every log line written so far (JSON). */
  logs(): string[];
  close(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'debug', HOST: '127.0.0.1', ...env }, undefined);
  const lines: string[] = [];
  const logger = createLogger(config.LOG_LEVEL, {
    write(msg: string) {
      lines.push(msg.trimEnd());
    },
  });
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: config.MicrosoftAppId,
      MicrosoftAppPassword: config.MicrosoftAppPassword,
      MicrosoftAppType: config.MicrosoftAppType,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId,
    }),
  );
  const bot = new StandInBot();
  const { server, close } = createServer({
    config,
    logger,
    adapter,
    bot,
    ready: async () => true,
    registerChannels: (srv, selfUrl) => registerWebChannels(srv, { config, logger, selfUrl }),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, logs: () => [...lines], close };
}
