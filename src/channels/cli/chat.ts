/**
 * `npm run chat`: talk to the bot in a terminal, in-process, with no Emulator and no HTTP.
 * Buttons are shown as numbered choices; type the number or the words.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import {
  type Activity,
  ActivityTypes,
  BotAdapter,
  type ConversationReference,
  type ResourceResponse,
  TurnContext,
} from 'botbuilder';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { buttonTitles, renderForTerminal } from './render.ts';

class TerminalAdapter extends BotAdapter {
  lastButtons: string[] = [];

  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    for (const a of activities) {
      if (a.type !== ActivityTypes.Message) continue;
      const buttons = buttonTitles(a);
      if (buttons.length > 0) this.lastButtons = buttons;
      process.stdout.write(`\nBot: ${renderForTerminal(a)}\n`);
    }
    return activities.map(() => ({ id: randomUUID() }));
  }
  async updateActivity(): Promise<void> {}
  async deleteActivity(): Promise<void> {}
  async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event }, reference, true);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }
  process(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    return this.runMiddleware(new TurnContext(this, activity), logic);
  }
}

const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' });
const app = buildApp(config, { withoutChannels: true });
const adapter = new TerminalAdapter();
adapter.onTurnError = app.adapter.onTurnError;

const conversation = { id: `cli-${randomUUID()}` };
const user = { id: 'cli-user', name: 'You' };
const bot = { id: 'bot', name: 'Bot' };
const base = {
  channelId: 'cli',
  conversation,
  from: user,
  recipient: bot,
  serviceUrl: 'cli://local',
  locale: 'en-GB',
};
const run = (activity: Partial<Activity>) =>
  adapter.process(
    { id: randomUUID(), timestamp: new Date(), ...base, ...activity } as Partial<Activity>,
    (ctx) => app.bot.run(ctx),
  );

process.stdout.write(
  'Terminal chat with the stalking support bot. Type "quit" twice or press Ctrl+C to leave.\n',
);
await run({ type: ActivityTypes.ConversationUpdate, membersAdded: [user] });

const rl = createInterface({ input: process.stdin, terminal: false });
process.stdout.write('\nYou: ');
for await (const raw of rl) {
  const line = raw.trim();
  if (line !== '') {
    const n = Number(line);
    const text =
      Number.isInteger(n) && n >= 1 && n <= adapter.lastButtons.length ? adapter.lastButtons[n - 1]! : line;
    if (text !== line) process.stdout.write(`(${text})\n`);
    adapter.lastButtons = [];
    await run({ type: ActivityTypes.Message, text });
  }
  process.stdout.write('\nYou: ');
}
await app.state.close();
process.stdout.write('\n');
