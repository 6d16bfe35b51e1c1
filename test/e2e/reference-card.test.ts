/**
 * The Teams reference card for Stalking Protection Orders, rendered by the `adaptivecards` package in
 * Chromium with a Teams-like light host config: what a member of staff sees in Teams. Also saves
 * docs/reference-card-spo.png for the README.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatReviewed, referenceCard } from '../../src/channels/teams/cards.ts';
import { getKnowledge } from '../../src/knowledge/index.ts';
import {
  executedActions,
  isFullyShown,
  type RenderResult,
  renderAdaptiveCard,
  TEAMS_LIGHT_HOST_CONFIG,
} from './helpers/adaptive-card.ts';
import { launchBrowser } from './helpers/setup.ts';

const SCREENSHOT = join(dirname(fileURLToPath(import.meta.url)), '../../docs/reference-card-spo.png');

const knowledge = getKnowledge();
const topic = knowledge.topic('spo');
const json = referenceCard(knowledge, 'spo');
const breach = knowledge.section('spo', 'breach');

let browser: Browser;
let page: Page;
let result: RenderResult;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 480, height: 900 } });
  result = await renderAdaptiveCard(page, json, TEAMS_LIGHT_HOST_CONFIG);
});

afterAll(async () => {
  await browser?.close();
});

it('parses and renders the card with no validation messages', () => {
  expect(result.rendered).toBe(true);
  expect(result.validation).toEqual([]);
});

it('shows the title, the four sections word for word and the reviewed-on date', async () => {
  expect(topic.title).toContain('Stalking Protection Orders');
  const title = page.locator('#host .ac-textBlock', { hasText: topic.title }).first();
  expect(await isFullyShown(title)).toBe(true);

  if (!breach) throw new Error('spo has no breach section');
  const firstWords = breach.text.split(/\s+/).slice(0, 6).join(' ');
  expect(await isFullyShown(page.getByText(firstWords))).toBe(true);
  // The whole breach text (the maximum sentence is the fact staff look for), not a cut-down version.
  expect(await isFullyShown(page.getByText(breach.text, { exact: true }))).toBe(true);

  for (const id of ['what', 'who', 'does', 'breach']) {
    const s = knowledge.section('spo', id);
    if (!s) throw new Error(`spo has no ${id} section`);
    expect(await isFullyShown(page.getByText(s.heading, { exact: true }))).toBe(true);
    expect(await isFullyShown(page.getByText(s.text, { exact: true }))).toBe(true);
  }

  const reviewed = `Reviewed on ${formatReviewed(topic.reviewedOn)}`;
  expect(reviewed).toMatch(/^Reviewed on \d{1,2} [A-Z][a-z]+ \d{4}$/);
  expect(await isFullyShown(page.getByText(reviewed, { exact: true }))).toBe(true);
});

it('renders every action as a button with its title, inside the card, ending with Menu', async () => {
  const expected = allActionTitles(json);
  expect(expected.length).toBeGreaterThanOrEqual(3);
  expect(expected.at(-1)).toBe('Menu');
  expect(expected).toContain('Sources');

  const buttons = page.locator('#host button.ac-pushButton');
  expect(await buttons.allTextContents()).toEqual(expected);
  const card = await page.locator('#host').boundingBox();
  for (const t of expected) {
    const button = page.getByRole('button', { name: t, exact: true });
    expect(await button.isVisible(), t).toBe(true);
    const box = await button.boundingBox();
    expect(box && card && box.x >= card.x && box.x + box.width <= card.x + card.width, t).toBe(true);
  }
  // Sources are there, but hidden until asked for.
  expect(await page.getByText('Stalking Protection Act 2019 and its explanatory notes').isVisible()).toBe(
    false,
  );
});

/** In a narrow (~480 px) Teams pane every button title shows whole: none is cut to "Sou…". */
it('shows each button title whole at 480 px', async () => {
  const titles = allActionTitles(json);
  expect(titles.length).toBeGreaterThanOrEqual(3);
  for (const title of titles) {
    expect(await isFullyShown(page.getByRole('button', { name: title, exact: true })), title).toBe(true);
  }
});

it('saves a screenshot of the card', async () => {
  mkdirSync(dirname(SCREENSHOT), { recursive: true });
  const card = page.locator('#host');
  const box = await card.boundingBox();
  expect(box?.width).toBeGreaterThan(400);
  await card.screenshot({ path: SCREENSHOT, animations: 'disabled' });
});

it('Sources shows the source titles, and Menu sends "menu"', async () => {
  await page.getByRole('button', { name: 'Sources', exact: true }).click();
  expect(await page.getByText('Stalking Protection Act 2019 and its explanatory notes').isVisible()).toBe(
    true,
  );

  await page.getByRole('button', { name: 'Menu', exact: true }).click();
  const sent = await executedActions(page);
  expect(sent).toEqual([
    {
      title: 'Menu',
      data: { action: 'menu', msteams: { type: 'messageBack', text: 'menu', displayText: 'Menu' } },
    },
  ]);
});

function allActionTitles(card: {
  readonly actions?: readonly { title?: string }[];
  readonly body?: readonly unknown[];
}): string[] {
  // In the order they render: button rows in the body, then the card's own actions.
  const titles: string[] = [];
  for (const el of card.body ?? []) {
    const set = el as { type?: string; actions?: { title?: string }[] };
    if (set.type === 'ActionSet') titles.push(...(set.actions ?? []).map((a) => a.title ?? ''));
  }
  titles.push(...(card.actions ?? []).map((a) => a.title ?? ''));
  return titles.filter((t) => t.length > 0);
}
