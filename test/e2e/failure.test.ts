/**
 * When the chat cannot connect (here: production with no Direct Line secret), the person is not
 * left with a blank box: the widget says so and gives 999 and Essex Compass.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Harness, startHarness } from '../channels/helpers/harness.ts';
import { chatFrame, launchBrowser } from './helpers/setup.ts';

let browser: Browser;
let h: Harness;

beforeAll(async () => {
  [h, browser] = await Promise.all([
    startHarness({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'x',
    }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

it('says the chat is not working and gives 999 and Essex Compass, with Exit still there', async () => {
  const page = await browser.newPage();
  await page.goto(h.url);
  await page.getByRole('button', { name: 'Chat with us' }).click();
  const { chat } = chatFrame(page);
  const alert = chat.getByRole('alert').filter({ hasText: 'not working' });
  await alert.waitFor();
  const text = await alert.textContent();
  expect(text).toContain('call 999');
  expect(await alert.getByRole('link', { name: '0330 333 7 444' }).getAttribute('href')).toBe(
    'tel:+443303337444',
  );
  expect(await chat.getByRole('button', { name: 'Exit this page' }).isVisible()).toBe(true);
  expect(await chat.getByText('Connecting').isVisible()).toBe(false);
});
