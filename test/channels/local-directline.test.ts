/**
 * The local Direct Line channel over real HTTP, with a real CloudAdapter sending the replies back
 * through our connector routes: what Web Chat sees when someone uses the widget in development.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './helpers/harness.ts';
import { type ActivitySet, call, type DlActivity, startConversation } from './helpers/http.ts';

let h: Harness;
const dl = (path: string) => `${h.url}/v3/directline${path}`;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

function botReplies(set: ActivitySet): DlActivity[] {
  return set.activities.filter((a) => a.from.role === 'bot');
}

describe('local Direct Line: a conversation', () => {
  it('gives the widget a local token without any secret, for a user id the server chose', async () => {
    const res = await call<{ token: string; domain: string; webSocket: boolean }>(
      `${h.url}/api/directline/token`,
      { method: 'POST' },
    );
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/\S{20,}/);
    expect(res.body.domain).toBe('/v3/directline');
    expect(res.body.webSocket).toBe(false);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('starts a conversation and the bot has already sent its welcome with 999 and Essex Compass', async () => {
    const { token, conversationId } = await startConversation(h.url);
    expect(conversationId).toMatch(/^[\w-]{10,}$/);
    const res = await call<ActivitySet>(dl(`/conversations/${conversationId}/activities`), { token });
    expect(res.status).toBe(200);
    const [welcome] = botReplies(res.body);
    expect(welcome?.text).toContain('999');
    expect(welcome?.text).toContain('0330 333 7 444');
    expect(welcome?.suggestedActions?.actions.map((a) => a.title)).toEqual([
      'Get help now',
      'Laws that protect me',
    ]);
    expect(Number(res.body.watermark)).toBeGreaterThanOrEqual(1);
  });

  it('posts a message, and a poll from the watermark sees the echo and then the bot reply', async () => {
    const { token, conversationId } = await startConversation(h.url);
    const first = await call<ActivitySet>(dl(`/conversations/${conversationId}/activities`), { token });
    const watermark = first.body.watermark;

    const post = await call<{ id: string }>(dl(`/conversations/${conversationId}/activities`), {
      token,
      body: {
        type: 'message',
        text: 'what is a stalking protection order',
        from: { id: 'i-choose-my-own-id' },
        channelData: { clientActivityID: 'client-1' },
      },
    });
    expect(post.status).toBe(200);
    expect(post.body.id).toContain(conversationId);

    const next = await call<ActivitySet>(
      dl(`/conversations/${conversationId}/activities?watermark=${watermark}`),
      {
        token,
      },
    );
    expect(next.status).toBe(200);
    // Only what is new: the welcome is not sent again.
    expect(next.body.activities.map((a) => a.from.role)).toEqual(['user', 'bot']);
    const [echo, reply] = next.body.activities;
    expect(echo?.id).toBe(post.body.id);
    expect(echo?.text).toBe('what is a stalking protection order');
    expect(echo?.channelData?.clientActivityID).toBe('client-1');
    expect(echo?.from.id).toMatch(/^dl_/);
    expect(reply?.text).toBe('Here is an answer about your question.');
    expect(reply?.replyToId).toBe(post.body.id);
    expect(reply?.channelData).toEqual({ topic: 'get-help' });
    expect(Number(next.body.watermark)).toBeGreaterThan(Number(watermark));
  });

  it('the bot sees the user id the server chose, not one the browser sent', async () => {
    const { token, conversationId } = await startConversation(h.url);
    const w = (await call<ActivitySet>(dl(`/conversations/${conversationId}/activities`), { token })).body
      .watermark;
    await call(dl(`/conversations/${conversationId}/activities`), {
      token,
      body: { type: 'message', text: 'who am i', from: { id: 'admin' } },
    });
    const res = await call<ActivitySet>(dl(`/conversations/${conversationId}/activities?watermark=${w}`), {
      token,
    });
    expect(botReplies(res.body).map((a) => a.text)).toEqual(['Your id starts with dl_.']);
  });

  it('a poll with nothing new waits, and answers as soon as the bot replies (no polling delay)', async () => {
    const { token, conversationId } = await startConversation(h.url);
    const w = (await call<ActivitySet>(dl(`/conversations/${conversationId}/activities`), { token })).body
      .watermark;
    const waiting = call<ActivitySet>(dl(`/conversations/${conversationId}/activities?watermark=${w}`), {
      token,
    });
    await call(dl(`/conversations/${conversationId}/activities`), {
      token,
      body: { type: 'message', text: "he's outside my door right now" },
    });
    const res = await waiting;
    expect(res.status).toBe(200);
    expect(res.body.activities.length).toBeGreaterThan(0);
    expect(res.body.activities[0]?.from.role).toBe('user');
  });

  it('passes the escalation flag on the bot reply through to the widget', async () => {
    const { token, conversationId } = await startConversation(h.url);
    const w = (await call<ActivitySet>(dl(`/conversations/${conversationId}/activities`), { token })).body
      .watermark;
    await call(dl(`/conversations/${conversationId}/activities`), {
      token,
      body: { type: 'message', text: "he's outside my door right now" },
    });
    const res = await call<ActivitySet>(dl(`/conversations/${conversationId}/activities?watermark=${w}`), {
      token,
    });
    const [reply] = botReplies(res.body);
    expect(reply?.channelData?.escalation).toBe('immediate');
    expect(reply?.text).toContain('999');
  });

  it('delivers card button presses (Action.Submit: a value, no text) to the bot', async () => {
    const { token, conversationId } = await startConversation(h.url);
    const w = (await call<ActivitySet>(dl(`/conversations/${conversationId}/activities`), { token })).body
      .watermark;
    const post = await call(dl(`/conversations/${conversationId}/activities`), {
      token,
      body: { type: 'message', value: { safe: 'yes' } },
    });
    expect(post.status).toBe(200);
    const res = await call<ActivitySet>(dl(`/conversations/${conversationId}/activities?watermark=${w}`), {
      token,
    });
    expect(botReplies(res.body).map((a) => a.text)).toEqual([
      'Thanks. You pressed a card button ({"safe":"yes"}).',
    ]);
  });

  it('refreshes a token: the new one works for the same conversation, the old one no longer does', async () => {
    const { token, conversationId } = await startConversation(h.url);
    const res = await call<{ token: string; conversationId: string }>(dl('/tokens/refresh'), {
      method: 'POST',
      token,
    });
    expect(res.status).toBe(200);
    expect(res.body.conversationId).toBe(conversationId);
    const withNew = await call(dl(`/conversations/${conversationId}/activities`), { token: res.body.token });
    expect(withNew.status).toBe(200);
    const withOld = await call(dl(`/conversations/${conversationId}/activities`), { token });
    expect(withOld.status).toBe(403);
  });

  it('never logs what the person typed', async () => {
    const secret = 'my address is 12 Sample Road, Chelmsford';
    const { token, conversationId } = await startConversation(h.url);
    await call(dl(`/conversations/${conversationId}/activities`), {
      token,
      body: { type: 'message', text: secret },
    });
    const logs = h.logs().join('\n');
    expect(logs).toContain('activity delivered');
    expect(logs).not.toContain('Sample Road');
  });
});

describe('local Direct Line: refusals', () => {
  it('404 for a conversation that does not exist', async () => {
    const { token } = await startConversation(h.url);
    const get = await call<{ error: { code: string } }>(
      dl('/conversations/no-such-conversation/activities'),
      {
        token,
      },
    );
    expect(get.status).toBe(404);
    expect(get.body.error.code).toBe('BadArgument');
    const post = await call(dl('/conversations/no-such-conversation/activities'), {
      token,
      body: { type: 'message', text: 'hello' },
    });
    expect(post.status).toBe(404);
  });

  it('403 without a token, or with a token for another conversation', async () => {
    const a = await startConversation(h.url);
    const b = await startConversation(h.url);
    expect((await call(dl(`/conversations/${a.conversationId}/activities`))).status).toBe(403);
    expect(
      (await call(dl(`/conversations/${a.conversationId}/activities`), { token: 'made-up' })).status,
    ).toBe(403);
    expect((await call(dl(`/conversations/${a.conversationId}/activities`), { token: b.token })).status).toBe(
      403,
    );
    expect((await call(dl('/conversations'), { method: 'POST', body: {} })).status).toBe(403);
  });

  it.each([
    ['no type', { text: 'hello' }],
    ['an unknown type', { type: 'invoke', name: 'x' }],
    ['a message with neither text nor value', { type: 'message' }],
    ['text that is not a string', { type: 'message', text: 42 }],
    ['a file upload', { type: 'message', text: 'see this', attachments: [{ contentType: 'image/png' }] }],
    ['an event without a name', { type: 'event' }],
    ['text over 20,000 characters', { type: 'message', text: 'a'.repeat(20_001) }],
    ['a JSON array', [{ type: 'message', text: 'hello' }]],
  ])('400 for a posted activity with %s, and the bot never sees it', async (_name, body) => {
    const { token, conversationId } = await startConversation(h.url);
    const before = await call<ActivitySet>(dl(`/conversations/${conversationId}/activities`), { token });
    const res = await call<{ error: { code: string; message: string } }>(
      dl(`/conversations/${conversationId}/activities`),
      { token, body },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BadArgument');
    expect(res.body.error.message.length).toBeGreaterThan(0);
    const w = before.body.watermark;
    // Nothing new in the conversation: a poll from the old watermark would wait, so compare a fresh full read.
    const after = await call<ActivitySet>(dl(`/conversations/${conversationId}/activities`), { token });
    expect(after.body.watermark).toBe(w);
  });

  it('400 for a body that is not JSON at all', async () => {
    const { token, conversationId } = await startConversation(h.url);
    const res = await call(dl(`/conversations/${conversationId}/activities`), { token, rawBody: '{"type":' });
    expect(res.status).toBe(400);
  });

  it('400 for a watermark that is not a number', async () => {
    const { token, conversationId } = await startConversation(h.url);
    const res = await call(dl(`/conversations/${conversationId}/activities?watermark=abc`), { token });
    expect(res.status).toBe(400);
  });

  it('400 for a start body with the wrong shape', async () => {
    const t = await call<{ token: string }>(`${h.url}/api/directline/token`, { method: 'POST' });
    const res = await call(dl('/conversations'), { token: t.body.token, body: { user: 'not-an-object' } });
    expect(res.status).toBe(400);
  });
});
