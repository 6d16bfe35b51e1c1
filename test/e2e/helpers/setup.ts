/**
 * Browser test setup: the server under test, a neutral "exit" site, and Debian's Chromium.
 *
 * The server under test is the real bot (`node src/index.ts`, through test/helpers/server.ts).
 * E2E_BOT=standin runs the same tests against the channel tests' stand-in bot instead, which
 * helps when working on the widget while the bot itself is being changed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Frame,
  type FrameLocator,
  type Page,
} from 'playwright-core';
import { startHarness } from '../../channels/helpers/harness.ts';
import { startBotProcess } from '../../helpers/server.ts';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface Target {
  readonly url: string;
  logs(): string[];
  stop(): Promise<void>;
}

export async function startTarget(env: Record<string, string>): Promise<Target> {
  if (process.env.E2E_BOT === 'standin') {
    const h = await startHarness({ LOG_LEVEL: 'info', ...env });
    return { url: h.url, logs: h.logs, stop: h.close };
  }
  const bot = await startBotProcess(env);
  return {
    url: bot.url,
    logs: bot.logs,
    async stop() {
      await bot.stop();
    },
  };
}

/** A stand-in for the neutral site (BBC Weather) and for a page visited before the charity's. */
export interface NeutralSite {
  readonly url: string;
  readonly exitUrl: string;
  readonly startUrl: string;
  close(): Promise<void>;
}

/**
 * Also serves /charity: another site (another origin) that embeds the launcher with one script tag,
 * as the charity's real website will. `botUrl` is asked for when that page is served.
 */
export function startNeutralSite(botUrl: () => string = () => ''): Promise<NeutralSite> {
  const server: Server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    if (req.url === '/charity') {
      res.end(
        '<!doctype html><html lang="en"><title>Charity</title><main><h1>Charity home page</h1></main>' +
          `<script src="${botUrl()}/widget.js" async></script></html>`,
      );
      return;
    }
    const title = req.url === '/weather' ? 'Weather forecast' : 'Search results';
    res.end(`<!doctype html><html lang="en"><title>${title}</title><h1>${title}</h1></html>`);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const url = `http://127.0.0.1:${port}`;
      resolve({
        url,
        exitUrl: `${url}/weather`,
        startUrl: `${url}/start`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

export const BOT_ACTIVITY =
  'article.webchat__basic-transcript__activity:not(:has(.webchat__stacked-layout--from-user))';

export interface OpenChat {
  readonly chat: FrameLocator;
  frame(): Frame;
}

export function chatFrame(page: Page): OpenChat {
  return {
    chat: page.frameLocator('iframe[title="Support chat"]'),
    frame() {
      const f = page.frames().find((x) => x.url().endsWith('/chat'));
      if (!f) throw new Error('the chat frame is not there');
      return f;
    },
  };
}

/** Opens the demo page and the chat; resolves when the welcome is on screen. */
export async function openChat(page: Page, url: string): Promise<OpenChat> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Chat with us' }).click();
  const open = chatFrame(page);
  await open.chat.locator(BOT_ACTIVITY).first().waitFor();
  return open;
}

/** Records CSP violations and requests that leave our server (anything but our origin, data: and blob:). */
export function watchPage(
  context: BrowserContext,
  origin: string,
): { violations: string[]; external: string[] } {
  const seen = { violations: [] as string[], external: [] as string[] };
  void context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP-VIOLATION ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  context.on('console', (m) => {
    if (m.text().startsWith('CSP-VIOLATION')) seen.violations.push(m.text());
  });
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) seen.external.push(u);
  });
  return seen;
}
