/**
 * The token route in each mode, the pages' security headers, and the launcher and Web Chat files.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './helpers/harness.ts';
import { call } from './helpers/http.ts';

const APP_ID = '00000000-0000-0000-0000-000000000001';

describe('token route in production without a Direct Line secret', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ NODE_ENV: 'production', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers 503 with a clear JSON error that still gives the emergency numbers', async () => {
    const res = await call<{ error: { code: string; message: string } }>(`${h.url}/api/directline/token`, {
      method: 'POST',
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.body.error.code).toBe('DirectLineNotConfigured');
    expect(res.body.error.message).toContain('DIRECT_LINE_SECRET');
    expect(res.body.error.message).toContain('999');
    expect(res.body.error.message).toContain('0330 333 7 444');
  });

  it('has no local Direct Line channel', async () => {
    const res = await call(`${h.url}/v3/directline/conversations`, { method: 'POST', token: 'x', body: {} });
    expect(res.status).toBe(404);
  });
});

/** A stand-in for Azure Direct Line's token endpoints. */
function fakeDirectLine(
  secret: string,
): Promise<{ url: string; seen: { path: string; auth: string; body: string }[]; close(): Promise<void> }> {
  const seen: { path: string; auth: string; body: string }[] = [];
  const server: Server = createHttpServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      const auth = req.headers.authorization ?? '';
      seen.push({ path: req.url ?? '', auth, body });
      res.setHeader('Content-Type', 'application/json');
      if (req.url === '/v3/directline/tokens/generate' && auth === `Bearer ${secret}`) {
        res.end(JSON.stringify({ conversationId: 'conv-azure-1', token: 'azure-token-1', expires_in: 1800 }));
      } else if (req.url === '/v3/directline/tokens/refresh' && auth === 'Bearer azure-token-1') {
        res.end(JSON.stringify({ conversationId: 'conv-azure-1', token: 'azure-token-2', expires_in: 1800 }));
      } else {
        res.statusCode = 403;
        res.end(JSON.stringify({ error: { code: 'TokenExpired' } }));
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        seen,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

describe('token route with a Direct Line secret (production)', () => {
  const SECRET = 'the-direct-line-secret-never-leaves-the-server';
  let h: Harness;
  let azure: Awaited<ReturnType<typeof fakeDirectLine>>;
  beforeAll(async () => {
    azure = await fakeDirectLine(SECRET);
    h = await startHarness({
      NODE_ENV: 'production',
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'x',
      DIRECT_LINE_SECRET: SECRET,
      DIRECT_LINE_ENDPOINT: azure.url,
      RATE_LIMIT_PER_MINUTE: '4',
    });
  });
  afterAll(async () => {
    await h?.close();
    await azure?.close();
  });

  it('exchanges the secret for a token bound to a dl_ user id; the browser never sees the secret', async () => {
    const res = await call<Record<string, unknown>>(`${h.url}/api/directline/token`, {
      method: 'POST',
      headers: { 'X-Forwarded-For': '203.0.113.1' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      token: 'azure-token-1',
      conversationId: 'conv-azure-1',
      expiresIn: 1800,
      domain: `${azure.url}/v3/directline`,
      webSocket: true,
    });
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
    const generate = azure.seen.find((s) => s.path === '/v3/directline/tokens/generate');
    expect((JSON.parse(generate?.body ?? '{}') as { user: { id: string } }).user.id).toMatch(
      /^dl_[\w-]{10,}$/,
    );
    expect(h.logs().join('\n')).not.toContain('azure-token-1');
  });

  it('refreshes a token with the token as bearer', async () => {
    const res = await call<{ token: string }>(`${h.url}/api/directline/refresh`, {
      method: 'POST',
      token: 'azure-token-1',
      headers: { 'X-Forwarded-For': '203.0.113.2' },
    });
    expect(res.status).toBe(200);
    expect(res.body.token).toBe('azure-token-2');
    const stale = await call(`${h.url}/api/directline/refresh`, {
      method: 'POST',
      token: 'stale',
      headers: { 'X-Forwarded-For': '203.0.113.2' },
    });
    expect(stale.status).toBe(403);
  });

  it('limits each address to RATE_LIMIT_PER_MINUTE token requests, without holding back others', async () => {
    const from = (ip: string) =>
      call(`${h.url}/api/directline/token`, {
        method: 'POST',
        headers: { 'X-Forwarded-For': `spoofed, ${ip}:5123` },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await from('198.51.100.7')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const limited = await from('198.51.100.7');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await from('198.51.100.8')).status).toBe(200);
  });

  it('refuses token requests a browser marks as coming from another site', async () => {
    const res = await call(`${h.url}/api/directline/token`, {
      method: 'POST',
      headers: { 'Sec-Fetch-Site': 'cross-site', 'X-Forwarded-For': '203.0.113.9' },
    });
    expect(res.status).toBe(403);
  });

  it('lets the chat page connect to Direct Line (and nothing else) in its CSP', async () => {
    const res = await fetch(`${h.url}/chat`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const host = new URL(azure.url).host;
    expect(csp).toContain(`connect-src 'self' http://${host} ws://${host};`);
  });
});

describe('pages, launcher and assets (development)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      FRAME_ANCESTORS: "'self' https://www.example-charity.org.uk",
      EXIT_URL: 'https://www.example.org/weather',
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  function nonceOf(csp: string): string {
    const m = /script-src 'nonce-([^']+)'/.exec(csp);
    if (!m?.[1]) throw new Error(`no nonce in ${csp}`);
    return m[1];
  }

  it.each(['/', '/chat'])(
    '%s carries a CSP with a fresh nonce on every response, and frame-ancestors',
    async (path) => {
      const a = await fetch(`${h.url}${path}`);
      const b = await fetch(`${h.url}${path}`);
      const html = await a.text();
      await b.text();
      const csp = a.headers.get('content-security-policy') ?? '';
      const nonce = nonceOf(csp);
      expect(nonce).not.toBe(nonceOf(b.headers.get('content-security-policy') ?? ''));
      // Every script on the page carries the nonce; no inline script can run without it.
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      for (const tag of scripts.filter((s) => !s.includes('application/json')))
        expect(tag).toContain(`nonce="${nonce}"`);
      expect(csp).toContain("frame-ancestors 'self' https://www.example-charity.org.uk");
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("connect-src 'self';");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(a.headers.get('x-content-type-options')).toBe('nosniff');
      expect(a.headers.get('referrer-policy')).toBe('no-referrer');
      expect(a.headers.get('cache-control')).toBe('no-store');
      expect(a.headers.get('content-type')).toBe('text/html; charset=utf-8');
    },
  );

  it('the demo page frames only our own chat page', async () => {
    const res = await fetch(`${h.url}/`);
    await res.text();
    expect(res.headers.get('content-security-policy')).toContain("frame-src 'self'");
  });

  it('the chat page says it is a computer, and what Direct Line keeps', async () => {
    const html = await (await fetch(`${h.url}/chat`)).text();
    expect(html).toContain('This is a computer, not a person.');
    expect(html).toContain('keeps them for up to 24 hours');
    expect(html).toContain('We keep no transcript');
    expect(html).toContain('private or incognito window');
    expect(html).toContain('href="https://www.example.org/weather"');
  });

  it('serves the launcher small (under 15 KB gzipped), with the configured exit site written in', async () => {
    const res = await fetch(`${h.url}/widget.js`, { headers: { 'Accept-Encoding': 'identity' } });
    const source = Buffer.from(await res.arrayBuffer());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(source.toString()).toContain('"exitUrl":"https://www.example.org/weather"');
    expect(gzipSync(source, { level: 9 }).length).toBeLessThan(15 * 1024);
  });

  it('serves Web Chat from node_modules, compressed, and nothing outside its list', async () => {
    const res = await fetch(`${h.url}/assets/webchat.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    // fetch decodes gzip itself; the header says it was compressed on the wire.
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(text).toContain('application/vnd.microsoft.card.hero');
    expect((await fetch(`${h.url}/assets/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${h.url}/assets/nope.js`)).status).toBe(404);
  });

  it('gzip really is gzip (decodes to the same file)', async () => {
    const { request } = await import('node:http');
    const body = await new Promise<Buffer>((resolve, reject) => {
      const req = request(`${h.url}/assets/chat.js`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      });
      req.on('error', reject);
      req.end();
    });
    const plain = await (
      await fetch(`${h.url}/assets/chat.js`, { headers: { 'Accept-Encoding': 'identity' } })
    ).text();
    expect(gunzipSync(body).toString()).toBe(plain);
  });
});
