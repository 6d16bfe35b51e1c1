/**
 * Renders Adaptive Card JSON in a page with the `adaptivecards` package (the same renderer family
 * Teams and Web Chat use), from node_modules: no CDN, no network.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as AC from 'adaptivecards';
import type { Locator, Page } from 'playwright-core';

const adaptiveCardsDist = join(
  dirname(createRequire(import.meta.url).resolve('adaptivecards/package.json')),
  'dist',
);

/** A host config close to Microsoft Teams' light theme (colours, spacing, font sizes, 6 actions). */
export const TEAMS_LIGHT_HOST_CONFIG = {
  supportsInteractivity: true,
  fontFamily: 'Segoe UI, sans-serif',
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#EEEEEE' },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#252424', subtle: '#605E5C' },
        dark: { default: '#252424', subtle: '#605E5C' },
        light: { default: '#FFFFFF', subtle: '#F3F2F1' },
        accent: { default: '#6264A7', subtle: '#8B8CC7' },
        good: { default: '#237B4B', subtle: '#92C353' },
        warning: { default: '#835C00', subtle: '#C3AB23' },
        attention: { default: '#C4314B', subtle: '#C4314B' },
      },
    },
    emphasis: {
      backgroundColor: '#F3F2F1',
      foregroundColors: {
        default: { default: '#252424', subtle: '#605E5C' },
        accent: { default: '#6264A7', subtle: '#8B8CC7' },
        attention: { default: '#C4314B', subtle: '#C4314B' },
      },
    },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
    showCard: { actionMode: 'inline', inlineTopMargin: 16, style: 'emphasis' },
  },
} as const;

/** What the page reports after rendering. */
export interface RenderResult {
  /** Messages from parsing (SerializationContext) and from card.validateProperties(). */
  readonly validation: string[];
  /** Whether card.render() returned an element (it returns undefined for a card it cannot render). */
  readonly rendered: boolean;
}

type Global = typeof globalThis & {
  AdaptiveCards: typeof AC;
  executedActions: { title: string; data: unknown }[];
};

/**
 * Loads the renderer and its stylesheet into `page`, renders `card` into `#host` and records executed
 * Action.Submit data in `window.executedActions`. Returns the parse/validation messages.
 */
export async function renderAdaptiveCard(
  page: Page,
  card: object,
  hostConfig: object,
): Promise<RenderResult> {
  await page.setContent(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Card</title></head>' +
      '<body style="margin:0;padding:12px;background:#F5F5F5"><div id="host"></div></body></html>',
  );
  await page.addStyleTag({ path: join(adaptiveCardsDist, 'adaptivecards.css') });
  await page.addScriptTag({ path: join(adaptiveCardsDist, 'adaptivecards.min.js') });
  return page.evaluate(
    ([json, config]) => {
      const w = globalThis as Global;
      const ACs = w.AdaptiveCards;
      w.executedActions = [];
      const adaptiveCard = new ACs.AdaptiveCard();
      adaptiveCard.hostConfig = new ACs.HostConfig(config);
      adaptiveCard.onExecuteAction = (action) => {
        // Action.Submit is what Teams sends to the bot; ToggleVisibility is handled inside the card.
        if (action instanceof ACs.SubmitAction)
          w.executedActions.push({ title: action.title ?? '', data: action.data });
      };
      const context = new ACs.SerializationContext();
      adaptiveCard.parse(json, context);
      const validation: string[] = [];
      for (let i = 0; i < context.eventCount; i++) validation.push(`parse: ${context.getEventAt(i).message}`);
      for (const e of adaptiveCard.validateProperties().validationEvents)
        validation.push(`validate: ${e.message}`);
      const element = adaptiveCard.render();
      const host = document.getElementById('host');
      if (element && host) {
        host.style.cssText = 'border:1px solid #E1DFDD;border-radius:4px;overflow:hidden;background:#FFFFFF';
        host.appendChild(element);
      }
      return { validation, rendered: element !== undefined && host !== null };
    },
    [card, hostConfig] as const,
  );
}

/** The actions the card has executed so far (Action.Submit data), in order. */
export function executedActions(page: Page): Promise<{ title: string; data: unknown }[]> {
  return page.evaluate(() => (globalThis as Global).executedActions);
}

/**
 * True when the element is visible, inside the card horizontally, and its text is not cut short
 * (no ellipsis / hidden overflow). What a person reading the card would call "shown".
 */
export async function isFullyShown(locator: Locator): Promise<boolean> {
  if (!(await locator.isVisible())) return false;
  return locator.evaluate((el) => {
    const host = document.getElementById('host');
    if (!host) return false;
    const box = el.getBoundingClientRect();
    const frame = host.getBoundingClientRect();
    const inside = box.left >= frame.left - 0.5 && box.right <= frame.right + 0.5 && box.width > 0;
    const texts = [el, ...Array.from(el.querySelectorAll('*'))];
    const notCut = texts.every((t) => t.scrollWidth <= t.clientWidth + 1 || t.clientWidth === 0);
    return inside && notCut;
  });
}
