/**
 * Fuzzing POST /api/messages over real HTTP: whatever arrives, the server never answers 500,
 * never shows a stack or an internal message, and keeps serving.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotProcess, startBotProcess } from '../helpers/server.ts';

let bot: BotProcess;
beforeAll(async () => {
  bot = await startBotProcess({ LOG_LEVEL: 'warn' });
});
afterAll(async () => {
  await bot?.stop();
});

const weird = fc.oneof(
  fc.anything(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom('', ' ', '\u0000', '\uD800', '\u202E', 'null', '__proto__', 'constructor', '💥'.repeat(20)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

const deep = (depth: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = { v };
  return v;
};

const activityish = fc.record(
  {
    type: fc.oneof(
      fc.constantFrom('message', 'conversationUpdate', 'event', 'invoke', 'typing', 'bogus'),
      weird,
    ),
    text: fc.oneof(fc.string({ maxLength: 200 }), fc.string({ minLength: 5000, maxLength: 20_000 }), weird),
    channelId: fc.oneof(fc.constantFrom('test', 'webchat', 'msteams', 'emulator', 'directline'), weird),
    conversation: fc.oneof(fc.record({ id: fc.oneof(fc.string({ maxLength: 40 }), weird) }), weird),
    from: fc.oneof(fc.record({ id: fc.oneof(fc.string({ maxLength: 40 }), weird) }), weird),
    recipient: fc.oneof(fc.record({ id: fc.string({ maxLength: 40 }) }), weird),
    serviceUrl: fc.oneof(fc.constant('http://127.0.0.1:1/x'), weird),
    deliveryMode: fc.oneof(fc.constant('expectReplies'), weird),
    value: fc.oneof(fc.record({ action: weird, text: weird, msteams: weird }), fc.constant(deep(200)), weird),
    membersAdded: fc.oneof(
      fc.array(fc.record({ id: fc.oneof(fc.string(), weird) }), { maxLength: 3 }),
      weird,
    ),
    channelData: fc.oneof(fc.record({ tenant: fc.record({ id: weird }) }), weird),
    entities: fc.oneof(fc.array(fc.record({ type: weird, mentioned: weird }), { maxLength: 3 }), weird),
    name: weird,
    id: weird,
  },
  { requiredKeys: [] },
);

/** A valid envelope with odd contents: these reach the bot itself. */
const validEnvelope = fc.record({
  type: fc.constantFrom(
    'message',
    'message',
    'message',
    'conversationUpdate',
    'event',
    'invoke',
    'typing',
    'bogus',
  ),
  channelId: fc.constantFrom('test', 'webchat', 'msteams', 'emulator', 'directline'),
  serviceUrl: fc.constant('http://127.0.0.1:1/x'),
  deliveryMode: fc.constant('expectReplies'),
  conversation: fc.record({ id: fc.string({ minLength: 1, maxLength: 40 }) }),
  from: fc.record({ id: fc.string({ maxLength: 40 }) }),
  recipient: fc.record({ id: fc.string({ maxLength: 40 }) }),
  text: fc.option(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.constantFrom('menu', 'Yes', 'exit', 'delete my chat', 'help', 'Tell me more', "he's outside"),
      fc.string({ minLength: 10_000, maxLength: 60_000 }),
    ),
    { nil: undefined },
  ),
  value: fc.option(fc.oneof(weird, fc.record({ action: weird, text: weird, choice: weird })), {
    nil: undefined,
  }),
  name: fc.option(fc.constantFrom('handoff.status', 'webchat/join', 'x'), { nil: undefined }),
  membersAdded: fc.option(fc.array(fc.record({ id: fc.string({ maxLength: 20 }) }), { maxLength: 3 }), {
    nil: undefined,
  }),
  channelData: fc.option(fc.dictionary(fc.string({ maxLength: 10 }), weird, { maxKeys: 4 }), {
    nil: undefined,
  }),
  entities: fc.option(
    fc.array(fc.record({ type: fc.constantFrom('mention', 'clientInfo', 'x') }), { maxLength: 3 }),
    {
      nil: undefined,
    },
  ),
});

const body = fc.oneof(
  { weight: 6, arbitrary: validEnvelope.map((a) => JSON.stringify(a)) },
  { weight: 4, arbitrary: activityish.map((a) => JSON.stringify(a)) },
  { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.constant(JSON.stringify(deep(2000))) },
);

const ALLOWED = new Set([200, 201, 202, 400, 401, 403, 404, 405, 413, 415, 429]);

describe('fuzzing /api/messages', () => {
  it('never answers 500, never leaks internals, and still serves /healthz after 5,000 cases', async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const res = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: payload,
        });
        const text = await res.text();
        seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
        expect(ALLOWED.has(res.status), `status ${res.status}: ${text.slice(0, 200)}`).toBe(true);
        expect(text).not.toMatch(/\.(ts|js):\d+:\d+|validateAndFixActivity|TypeError|ReferenceError|stack/);
      }),
      { numRuns: 5000 },
    );
    console.log('statuses seen', Object.fromEntries(seen));
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect(bot.child.exitCode).toBeNull();
  }, 600_000);
});
