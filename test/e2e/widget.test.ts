/**
 * The website chat in a real browser (Debian Chromium), against the real bot over the local
 * Direct Line channel: what a person on the charity's site sees and can do.
 */
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  BOT_ACTIVITY,
  chatFrame,
  launchBrowser,
  type NeutralSite,
  openChat,
  startNeutralSite,
  startTarget,
  type Target,
  watchPage,
} from './helpers/setup.ts';

let browser: Browser;
let bot: Target;
let neutral: NeutralSite;
let context: BrowserContext;
let page: Page;
let watched: { violations: string[]; external: string[] };

beforeAll(async () => {
  neutral = await startNeutralSite(() => bot.url);
  [bot, browser] = await Promise.all([
    startTarget({ EXIT_URL: neutral.exitUrl, FRAME_ANCESTORS: `'self' ${neutral.url}` }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
  await neutral?.close();
});

async function freshPage(viewport = { width: 1100, height: 760 }): Promise<Page> {
  context = await browser.newContext({ viewport });
  watched = watchPage(context, bot.url);
  page = await context.newPage();
  return page;
}

afterEach(async () => {
  await context?.close();
});

/** Waits for something the person would see; the limit only guards against a hung test. */
function eventually<T>(fn: () => Promise<T>) {
  return expect.poll(fn, { timeout: 20_000, interval: 100 });
}

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

function describeViolations(
  violations: { id: string; help: string; nodes: { target: unknown }[] }[],
): string[] {
  return violations.map((v) => `${v.id}: ${v.help} @ ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

describe('the chat widget', () => {
  it('opens from the launcher and shows the welcome with 999 and Essex Compass', async () => {
    await freshPage();
    const { chat } = await openChat(page, bot.url);
    const welcome = chat.locator(BOT_ACTIVITY).filter({ hasText: '999' }).first();
    await eventually(() => welcome.textContent()).toContain('0330 333 7 444');
    // Once: the widget's join event and the channel's conversationUpdate do not give two welcomes.
    await chat.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button').first().waitFor();
    expect(await chat.locator(BOT_ACTIVITY).filter({ hasText: '0330 333 7 444' }).count()).toBe(1);
    // The privacy notice is there and true.
    await eventually(() => chat.locator('#notice').textContent()).toContain(
      'This is a computer, not a person.',
    );
    await eventually(() => chat.locator('#notice').textContent()).toContain('up to 24 hours');
    expect(watched.violations).toEqual([]);
    expect(watched.external).toEqual([]);
  });

  it('answers a menu button, and a typed question', async () => {
    await freshPage();
    const { chat } = await openChat(page, bot.url);
    const replies = chat.locator(BOT_ACTIVITY);
    const menu = chat.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button').first();
    await menu.waitFor();
    const before = await replies.count();
    await menu.click();
    await eventually(() => replies.count()).toBeGreaterThan(before);

    const afterMenu = await replies.count();
    const box = chat.getByRole('textbox', { name: 'Message input box' });
    await box.fill('what is a stalking protection order');
    await box.press('Enter');
    await eventually(() => replies.count()).toBeGreaterThan(afterMenu);
    await eventually(() => replies.last().textContent()).toMatch(/\w{3}/);
    expect(watched.violations).toEqual([]);
    expect(watched.external).toEqual([]);

    mkdirSync('docs', { recursive: true });
    await page.screenshot({ path: 'docs/screenshot-chat.png' });
  });

  it('pins a red "Call 999" bar when the bot escalates, and keeps it there', async () => {
    await freshPage();
    const { chat } = await openChat(page, bot.url);
    const bar = chat.locator('#danger-bar');
    expect(await bar.isVisible()).toBe(false);
    const box = chat.getByRole('textbox', { name: 'Message input box' });
    await box.fill("he's outside my door right now");
    await box.press('Enter');
    const call = bar.getByRole('link', { name: 'Call 999' });
    await call.waitFor();
    expect(await call.getAttribute('href')).toBe('tel:999');
    expect(await bar.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(179, 38, 30)');
    // Another turn does not take it away.
    const count = await chat.locator(BOT_ACTIVITY).count();
    await box.fill('what is harassment');
    await box.press('Enter');
    await eventually(() => chat.locator(BOT_ACTIVITY).count()).toBeGreaterThan(count);
    expect(await call.isVisible()).toBe(true);
  });

  it('leaves nothing on the device: no storage, no cookies, no caches', async () => {
    await freshPage();
    const { chat, frame } = await openChat(page, bot.url);
    const box = chat.getByRole('textbox', { name: 'Message input box' });
    const count = await chat.locator(BOT_ACTIVITY).count();
    await box.fill('what is a non-molestation order');
    await box.press('Enter');
    await eventually(() => chat.locator(BOT_ACTIVITY).count()).toBeGreaterThan(count);

    for (const f of [page.mainFrame(), frame()]) {
      const stored = await f.evaluate(async () => ({
        local: localStorage.length,
        session: sessionStorage.length,
        indexedDB: (await indexedDB.databases()).map((d) => d.name),
        cookie: document.cookie,
        caches: typeof caches === 'undefined' ? [] : await caches.keys(),
      }));
      expect(stored).toEqual({ local: 0, session: 0, indexedDB: [], cookie: '', caches: [] });
    }
    expect(await context.cookies()).toEqual([]);
    const state = await context.storageState();
    expect(state.origins.filter((o) => o.localStorage.length > 0)).toEqual([]);
  });
});

describe('quick exit', () => {
  /** Reports (through the console) the moment the chat leaves the page and the page is covered. */
  async function watchExit(): Promise<string[]> {
    const seen: string[] = [];
    page.on('console', (m) => {
      if (m.text().startsWith('EXIT-WATCH')) seen.push(m.text());
    });
    await page.evaluate(() => {
      const root = document.getElementById('support-chat')?.shadowRoot;
      if (!root) throw new Error('no launcher');
      new MutationObserver(() => {
        if (!root.querySelector('iframe')) console.log('EXIT-WATCH chat removed');
      }).observe(root, { childList: true, subtree: true });
      new MutationObserver(() => {
        const cover = document.documentElement.lastElementChild;
        if (cover?.tagName === 'DIV' && getComputedStyle(cover).position === 'fixed') {
          console.log(
            `EXIT-WATCH covered ${cover.getBoundingClientRect().width}x${cover.getBoundingClientRect().height}`,
          );
        }
      }).observe(document.documentElement, { childList: true });
    });
    return seen;
  }

  async function expectLeftForNeutralSite(): Promise<void> {
    await page.waitForURL(neutral.exitUrl);
    expect(await page.title()).toBe('Weather forecast');
    // Back goes to the page before the charity's, never to the chat.
    await page.goBack();
    expect(page.url()).toBe(neutral.startUrl);
    expect(page.frames().some((f) => f.url().endsWith('/chat'))).toBe(false);
  }

  it('the Exit button clears the chat from the page and replaces it with the neutral site', async () => {
    await freshPage();
    await page.goto(neutral.startUrl);
    const { chat } = await openChat(page, bot.url);
    const seen = await watchExit();
    await chat.getByRole('button', { name: 'Exit this page' }).click();
    await expectLeftForNeutralSite();
    // Before the neutral site arrived, the chat was gone and the page was covered.
    expect(seen).toEqual(['EXIT-WATCH chat removed', 'EXIT-WATCH covered 1100x760']);
  });

  it('pressing Shift 3 times in the chat does the same', async () => {
    await freshPage();
    await page.goto(neutral.startUrl);
    const { chat } = await openChat(page, bot.url);
    await chat.getByRole('textbox', { name: 'Message input box' }).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    await expectLeftForNeutralSite();
  });

  it('pressing Shift 3 times on the page (chat closed) does the same', async () => {
    await freshPage();
    await page.goto(neutral.startUrl);
    await page.goto(bot.url);
    await page.getByRole('heading', { level: 1 }).click();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    await expectLeftForNeutralSite();
  });

  it('works the same on another site that embeds the launcher with one script tag', async () => {
    await freshPage();
    await page.goto(neutral.startUrl);
    const { chat } = await openChat(page, `${neutral.url}/charity`);
    await eventually(() => chat.locator(BOT_ACTIVITY).first().textContent()).toContain('999');
    await chat.getByRole('button', { name: 'Exit this page' }).click();
    await expectLeftForNeutralSite();
  });

  it('typing capital letters does not set it off', async () => {
    await freshPage();
    const { chat } = await openChat(page, bot.url);
    const box = chat.getByRole('textbox', { name: 'Message input box' });
    await box.focus();
    for (const key of ['KeyH', 'KeyE', 'KeyL']) {
      await page.keyboard.down('Shift');
      await page.keyboard.press(key);
      await page.keyboard.up('Shift');
    }
    expect(await box.inputValue()).toBe('HEL');
    expect(page.url()).toBe(`${bot.url}/`);
  });

  it('keyboard users meet a hidden "Exit this page" link first, and it shows when focused', async () => {
    await freshPage();
    await page.goto(bot.url);
    await page.keyboard.press('Tab');
    const link = page.getByRole('link', { name: /Exit this page now/ });
    expect(await link.evaluate((e) => e === (e.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    const box = await link.boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    await page.keyboard.press('Enter');
    await page.waitForURL(neutral.exitUrl);
  });
});

describe('accessibility', () => {
  it('has no WCAG 2.1 A/AA violations with the chat closed and open', async () => {
    await freshPage();
    await page.goto(bot.url);
    const closed = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(describeViolations(closed.violations)).toEqual([]);

    await page.getByRole('button', { name: 'Chat with us' }).click();
    const { chat } = chatFrame(page);
    await chat.locator(BOT_ACTIVITY).first().waitFor();
    await chat.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button').first().waitFor();
    const open = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(describeViolations(open.violations)).toEqual([]);
  });

  it('works by keyboard alone, with focus visible, and Escape hides the chat again', async () => {
    await freshPage();
    await page.goto(bot.url);
    const launcher = page.getByRole('button', { name: 'Chat with us' });
    await launcher.focus();
    expect(await launcher.evaluate((e) => getComputedStyle(e).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    const { chat } = chatFrame(page);
    const box = chat.getByRole('textbox', { name: 'Message input box' });
    // Focus moves into the chat: typing goes straight to the message box.
    await eventually(() => box.evaluate((e) => e === document.activeElement && document.hasFocus())).toBe(
      true,
    );
    await page.keyboard.type('help');
    await page.keyboard.press('Enter');
    await eventually(() => chat.locator(BOT_ACTIVITY).count()).toBeGreaterThan(1);
    // Tab backwards to the Exit button: its focus ring shows.
    const exit = chat.getByRole('button', { name: 'Exit this page' });
    await exit.focus();
    expect(await exit.evaluate((e) => getComputedStyle(e).outlineStyle)).toBe('solid');
    await page.keyboard.press('Escape');
    await eventually(() =>
      launcher.evaluate((e) => e === (e.getRootNode() as ShadowRoot).activeElement),
    ).toBe(true);
    expect(await page.locator('iframe').isVisible()).toBe(false);
  });

  it('is usable at 200% zoom (a 550 x 380 CSS pixel window): the chat fills it, Exit and the box in view', async () => {
    await freshPage({ width: 550, height: 380 });
    const { chat } = await openChat(page, bot.url);
    const frameBox = await page.locator('iframe').boundingBox();
    expect(frameBox).toEqual({ x: 0, y: 0, width: 550, height: 380 });
    const exit = await chat.getByRole('button', { name: 'Exit this page' }).boundingBox();
    const box = await chat.getByRole('textbox', { name: 'Message input box' }).boundingBox();
    for (const b of [exit, box]) {
      expect(b).not.toBeNull();
      expect((b?.y ?? -1) >= 0 && (b?.y ?? 0) + (b?.height ?? 0) <= 380).toBe(true);
    }
    // Nothing spills sideways inside the chat.
    expect(await chat.locator('body').evaluate((b) => b.scrollWidth <= window.innerWidth)).toBe(true);
  });
});
