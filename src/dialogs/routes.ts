/**
 * Where the conversation can go next. Child dialogs end with a Route (or nothing, meaning
 * "back to the menu"), and the main dialog follows it. Also the menus' buttons.
 */
import type { Choice } from 'botbuilder-dialogs';
import { ListStyle, supportsCardActions, supportsSuggestedActions } from 'botbuilder-dialogs';
import type { TopicId } from '../knowledge/types.ts';
import { normaliseCommand } from './intents.ts';

export type Route =
  | { kind: 'topic'; topic: TopicId; section?: string; advice?: boolean }
  | { kind: 'pick'; group: TopicGroup; topics?: readonly TopicId[] }
  | { kind: 'triage' }
  | { kind: 'am-i' }
  | { kind: 'person' }
  /** Stop and wait: after the danger prompt, nothing else is asked in the same turn. */
  | { kind: 'pause' };

export type TopicGroup = 'laws' | 'orders' | 'all';

export const GROUPS: Record<TopicGroup, readonly TopicId[]> = {
  laws: ['harassment-act', 'stalking-offence', 'online-safety-act'],
  orders: ['spo', 'spo-updates', 'non-molestation-order'],
  all: [
    'stalking-offence',
    'harassment-act',
    'spo',
    'spo-updates',
    'non-molestation-order',
    'online-safety-act',
    'get-help',
  ],
};

interface MenuItem {
  readonly title: string;
  readonly synonyms: string[];
  readonly route: Route;
}

export const MAIN_MENU: readonly MenuItem[] = [
  {
    title: 'Am I being stalked or harassed?',
    synonyms: ['am i being stalked', 'am i being harassed', 'is this stalking'],
    route: { kind: 'am-i' },
  },
  { title: 'Laws that protect me', synonyms: ['laws', 'the law'], route: { kind: 'pick', group: 'laws' } },
  {
    title: 'Orders a court can make',
    synonyms: ['orders', 'court orders'],
    route: { kind: 'pick', group: 'orders' },
  },
  {
    title: 'Threats online',
    synonyms: ['online', 'online threats'],
    route: { kind: 'topic', topic: 'online-safety-act' },
  },
  {
    title: 'Which protection might fit me?',
    synonyms: ['which protection', 'questions', 'what fits me'],
    route: { kind: 'triage' },
  },
  { title: 'Get help now', synonyms: ['get help', 'help now'], route: { kind: 'topic', topic: 'get-help' } },
  { title: 'Talk to a person', synonyms: ['person', 'talk to someone'], route: { kind: 'person' } },
];

const MENU_LOOKUP = new Map<string, Route>();
for (const item of MAIN_MENU) {
  for (const words of [item.title, ...item.synonyms]) MENU_LOOKUP.set(normaliseCommand(words), item.route);
}

/** A main-menu button's words work from anywhere, not only at the menu. */
export function menuRouteFor(text: string): Route | undefined {
  return text.length > 60 ? undefined : MENU_LOOKUP.get(normaliseCommand(text));
}

/** The menu's buttons. Their synonyms ("laws", "orders") are understood anywhere by menuRouteFor. */
export function menuChoices(items: readonly MenuItem[]): Choice[] {
  return items.map((i) => ({ value: i.title }));
}

/**
 * The list style for this channel, from the library's own knowledge of each channel. Our
 * button titles are longer than ChoiceFactory's 20-character guess, which would otherwise turn
 * them into a numbered text list on Web Chat.
 */
export function listStyleFor(channelId: string, count: number): ListStyle {
  if (supportsSuggestedActions(channelId, count)) return ListStyle.suggestedAction;
  if (supportsCardActions(channelId, count)) return ListStyle.heroCard;
  return ListStyle.list;
}
