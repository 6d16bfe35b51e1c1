/**
 * The bot sends hero cards and Adaptive Cards with buttons. Web Chat's minimal bundle shows them as
 * empty attachments, so the widget serves the full bundle: this proves the cards render and their
 * buttons work. Always uses the stand-in bot, which sends both kinds on request.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Harness, startHarness } from '../channels/helpers/harness.ts';
import { BOT_ACTIVITY, launchBrowser, openChat } from './helpers/setup.ts';

let browser: Browser;
let h: Harness;
let page: Page;

beforeAll(async () => {
  [h, browser] = await Promise.all([startHarness({ LOG_LEVEL: 'silent' }), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1000, height: 760 } });
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

it('shows hero and Adaptive Card buttons, and pressing them reaches the bot', async () => {
  const { chat } = await openChat(page, h.url);
  const box = chat.getByRole('textbox', { name: 'Message input box' });
  await box.fill('cards');
  await box.press('Enter');

  // (Web Chat also copies each card into a hidden live region for screen readers; click the visible one.)
  const hero = chat.locator('button.ac-pushButton', { hasText: 'Stalking Protection Order' });
  const submit = chat.locator('button.ac-pushButton', { hasText: 'Yes, I am safe' });
  await hero.waitFor();
  await submit.waitFor();
  expect(await chat.locator(BOT_ACTIVITY).filter({ hasText: 'Orders a court can make' }).count()).toBe(1);

  const replies = chat.locator(BOT_ACTIVITY);
  const before = await replies.count();
  await submit.click();
  await expect
    .poll(() => replies.last().textContent(), { timeout: 20_000, interval: 100 })
    .toMatch(/You pressed a card button \(\{.safe.:.yes.\}\)/); // Web Chat shows “curly” quotes

  await hero.click();
  await expect.poll(() => replies.count(), { timeout: 20_000, interval: 100 }).toBeGreaterThan(before + 1);
});
