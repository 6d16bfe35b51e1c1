/**
 * The baseline for `npm run bench`: a minimal Bot Framework echo bot with the same stack as ours
 * (restify 12, CloudAdapter with no app id, MemoryStorage + ConversationState, and a one-step
 * WaterfallDialog run through runDialog). Nothing else: no validation, no safety, no content.
 *
 * Run: `PORT=0 HOST=127.0.0.1 npx node bench/baseline/index.ts`
 * Prints `{"msg":"listening","port":N}` on stdout once it listens. GET /healthz answers 200.
 */
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  type TurnContext,
} from 'botbuilder';
import { type DialogState, runDialog, WaterfallDialog } from 'botbuilder-dialogs';
import restify from 'restify';

const MAX_BODY_BYTES = 256 * 1024;

class EchoBot extends ActivityHandler {
  private readonly conversationState: ConversationState;

  constructor(conversationState: ConversationState) {
    super();
    this.conversationState = conversationState;
    const dialogState = conversationState.createProperty<DialogState>('dialog');
    const echo = new WaterfallDialog('echo', [
      async (step) => {
        await step.context.sendActivity(`You said: ${step.context.activity.text ?? ''}`);
        return step.endDialog();
      },
    ]);
    this.onMessage(async (context, next) => {
      await runDialog(echo, context, dialogState);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context);
  }
}

const auth = new ConfigurationBotFrameworkAuthentication({});
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context) => {
  await context.sendActivity('Sorry, something went wrong.');
};
const bot = new EchoBot(new ConversationState(new MemoryStorage()));

const server = restify.createServer({ handleUncaughtExceptions: false } as restify.ServerOptions);
server.use(
  restify.plugins.bodyParser({
    maxBodySize: MAX_BODY_BYTES,
    mapParams: false,
  } as restify.plugins.BodyParserOptions),
);
server.get('/healthz', async (_req, res) => {
  res.status(200);
  res.setHeader('Content-Type', 'application/json');
  res.end('{"status":"ok"}');
});
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});

const port = Number(process.env.PORT ?? '3979');
const host = process.env.HOST ?? '127.0.0.1';
server.listen(Number.isInteger(port) ? port : 3979, host, () => {
  process.stdout.write(`${JSON.stringify({ msg: 'listening', port: server.address().port })}\n`);
});

function shutdown(): void {
  const force = setTimeout(() => process.exit(1), 5_000);
  force.unref();
  server.close(() => process.exit(0));
  server.server.closeIdleConnections();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
