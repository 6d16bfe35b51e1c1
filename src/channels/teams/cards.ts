/**
 * The staff cards as plain Adaptive Card 1.5 JSON: reference card per topic, menu, help/welcome and
 * "did you mean". Pure functions of the knowledge (no botbuilder, no I/O), so they can be rendered
 * with the `adaptivecards` package in a browser test and checked in unit tests.
 *
 * Section text is shown word for word: it is checked legal content, and cutting it short drops
 * facts staff need (for example the maximum sentence in a "breach" section).
 */
import { ESSEX_COMPASS } from '../../common/contacts.ts';
import {
  ADVICE_NOTE,
  type Knowledge,
  REFERENCE_CARD_SECTIONS,
  type Section,
  type TopicId,
} from '../../knowledge/index.ts';
import { commandFor, TOPIC_COMMANDS } from './commands.ts';

// ---- the JSON shapes we use (a small, typed subset of Adaptive Cards 1.5) -------------------

export interface TextBlock {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap: true;
  readonly style?: 'heading';
  readonly weight?: 'Bolder';
  readonly size?: 'Small' | 'Medium' | 'Large';
  readonly isSubtle?: boolean;
  readonly spacing?: 'None' | 'Small' | 'Medium';
}

export interface Container {
  readonly type: 'Container';
  readonly id?: string;
  readonly items: readonly CardElement[];
  readonly style?: 'emphasis' | 'accent' | 'attention' | 'warning';
  readonly isVisible?: boolean;
  readonly separator?: boolean;
  readonly spacing?: 'None' | 'Small' | 'Medium';
}

export interface FactSet {
  readonly type: 'FactSet';
  readonly facts: readonly { readonly title: string; readonly value: string }[];
}

export interface ActionSet {
  readonly type: 'ActionSet';
  readonly actions: readonly CardAction[];
}

export type CardElement = TextBlock | Container | FactSet | ActionSet;

export interface SubmitAction {
  readonly type: 'Action.Submit';
  readonly title: string;
  /** `action` is read by messageText(); `msteams` makes Teams send it as a messageBack. */
  readonly data: {
    readonly action: string;
    readonly msteams: { readonly type: 'messageBack'; readonly text: string; readonly displayText: string };
  };
}

export interface ToggleAction {
  readonly type: 'Action.ToggleVisibility';
  readonly title: string;
  readonly targetElements: readonly string[];
}

export type CardAction = SubmitAction | ToggleAction;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  readonly version: '1.5';
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
}

export interface ReferenceCardOptions {
  /** The person asked what they should do: add the "information, not legal advice" note. */
  readonly advice?: boolean;
}

// ---- small builders -------------------------------------------------------------------------

const REVIEWED_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

export function formatReviewed(iso: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : undefined;
  return date && !Number.isNaN(date.getTime()) ? REVIEWED_DATE.format(date) : iso;
}

const text = (value: string, extra: Partial<Omit<TextBlock, 'type' | 'text' | 'wrap'>> = {}): TextBlock => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});

/** A button that sends `command` back, shown in the chat as `title`. */
export function submit(title: string, command: string): SubmitAction {
  return {
    type: 'Action.Submit',
    title,
    data: { action: command, msteams: { type: 'messageBack', text: command, displayText: title } },
  };
}

const MENU_ACTION = submit('Menu', 'menu');

function card(body: readonly CardElement[], actions?: readonly CardAction[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions && actions.length > 0 ? { actions } : {}),
  };
}

function sectionBlock(section: Section, emphasised: boolean): Container {
  return {
    type: 'Container',
    spacing: 'Small',
    ...(emphasised ? { style: 'emphasis' as const } : {}),
    items: [
      text(section.heading, { weight: 'Bolder', spacing: 'None' }),
      text(section.text, { spacing: 'None' }),
    ],
  };
}

/** The sections a reference card shows: what / who / does / breach, or every section of a topic without them. */
function cardSections(knowledge: Knowledge, topicId: TopicId): Section[] {
  const standard = REFERENCE_CARD_SECTIONS.map((id) => knowledge.section(topicId, id)).filter(
    (s): s is Section => s !== undefined,
  );
  return standard.length > 0 ? standard : [...knowledge.topic(topicId).sections];
}

// ---- the cards ------------------------------------------------------------------------------

/**
 * The reference card for a topic: title, what it is, who can apply / who it protects, what it does,
 * breach, then the reviewed-on date and (behind a "Sources" toggle) the source titles.
 * With `sectionId`, that section is shaded; if it is not one of the four, it is shown first.
 */
export function referenceCard(
  knowledge: Knowledge,
  topicId: TopicId,
  sectionId?: string,
  options: ReferenceCardOptions = {},
): AdaptiveCard {
  const topic = knowledge.topic(topicId);
  const focus = sectionId ? knowledge.section(topicId, sectionId) : undefined;
  const sections = cardSections(knowledge, topicId);
  const shown = focus && !sections.some((s) => s.id === focus.id) ? [focus, ...sections] : sections;

  const body: CardElement[] = [];
  if (options.advice) body.push(text(ADVICE_NOTE, { isSubtle: true, size: 'Small' }));
  body.push(text(topic.title, { style: 'heading', weight: 'Bolder', size: 'Medium' }));
  for (const s of shown) body.push(sectionBlock(s, s.id === focus?.id));

  const sourceIds = [...new Set(shown.flatMap((s) => s.sources))];
  const sources = sourceIds
    .map((id) => knowledge.source(id))
    .filter((s): s is NonNullable<typeof s> => s !== undefined)
    .map((s) =>
      text(s.url ? `[${s.title}](${s.url})` : s.title, { size: 'Small', isSubtle: true, spacing: 'None' }),
    );
  const sourcesId = `sources-${topic.id}`;
  body.push(
    text(`Reviewed on ${formatReviewed(topic.reviewedOn)}`, {
      size: 'Small',
      isSubtle: true,
      spacing: 'Medium',
    }),
  );
  if (sources.length > 0) {
    body.push({ type: 'Container', id: sourcesId, isVisible: false, spacing: 'None', items: sources });
  }

  const shownIds = new Set(shown.map((s) => s.id));
  const related: SubmitAction[] = [];
  for (const f of topic.followUps) {
    if (related.length >= 3) break;
    if (f.topic === topic.id && (f.section === undefined || shownIds.has(f.section))) continue;
    related.push(submit(f.label, commandFor(f.topic, f.section)));
  }
  // Related topics get a row of their own, so no button title is cut short in a narrow Teams pane.
  if (related.length > 0) body.push({ type: 'ActionSet', actions: related });
  const actions: CardAction[] = [];
  if (sources.length > 0) {
    actions.push({ type: 'Action.ToggleVisibility', title: 'Sources', targetElements: [sourcesId] });
  }
  actions.push(MENU_ACTION);
  return card(body, actions);
}

/** One button per topic, in menu order, as two rows (Teams shows at most 6 actions in a set). */
export function menuCard(
  knowledge: Knowledge,
  intro = 'Pick a topic, or type a command or a question.',
  options: ReferenceCardOptions = {},
): AdaptiveCard {
  const buttons = knowledge.topics.map((t) => submit(t.shortTitle, commandFor(t.id)));
  const half = Math.ceil(buttons.length / 2);
  return card([
    ...(options.advice ? [text(ADVICE_NOTE, { isSubtle: true, size: 'Small' })] : []),
    text(intro),
    { type: 'ActionSet', actions: buttons.slice(0, half) },
    { type: 'ActionSet', actions: buttons.slice(half) },
  ]);
}

/** "Did you mean": one button per candidate topic, then Menu. */
export function chooseCard(
  knowledge: Knowledge,
  candidates: readonly TopicId[],
  options: ReferenceCardOptions = {},
): AdaptiveCard {
  const body: CardElement[] = [];
  if (options.advice) body.push(text(ADVICE_NOTE, { isSubtle: true, size: 'Small' }));
  body.push(text('Which of these do you mean?'));
  body.push({
    type: 'ActionSet',
    actions: candidates.slice(0, 5).map((id) => submit(knowledge.topic(id).title, commandFor(id))),
  });
  return card(body, [MENU_ACTION]);
}

const PRIVACY_REMINDER =
  "Teams keeps this chat. Never type a victim's name, address or other details that could identify them.";

/** The commands, as facts: "spo" -> "Stalking Protection Orders (SPOs)". */
function commandFacts(knowledge: Knowledge): FactSet {
  return {
    type: 'FactSet',
    facts: [
      ...knowledge.topics.map((t) => ({ title: TOPIC_COMMANDS[t.id][0] ?? t.id, value: t.title })),
      { title: 'menu', value: 'All topics as buttons' },
      { title: 'help', value: 'This list' },
    ],
  };
}

/** Help and the installation welcome: what the bot is for, the commands, the privacy reminder. */
export function helpCard(knowledge: Knowledge, kind: 'help' | 'welcome' = 'help'): AdaptiveCard {
  const body: CardElement[] = [];
  if (kind === 'welcome') {
    body.push(
      text('Stalking law reference for staff', { style: 'heading', weight: 'Bolder', size: 'Medium' }),
    );
    body.push(
      text(
        'Short, sourced reference cards on stalking and harassment law, to check while you support someone. ' +
          'It is information, not legal advice.',
      ),
    );
  }
  body.push(text(PRIVACY_REMINDER, { weight: 'Bolder' }));
  body.push(text('Type a command, or ask a question in your own words:'));
  body.push(commandFacts(knowledge));
  body.push(
    text('Add a part to go straight to it, for example "spo breach" or "non-mol who".', {
      isSubtle: true,
      size: 'Small',
    }),
  );
  body.push(
    text(
      `If someone is in danger now, advise them to call 999 (press 55 if they can't speak). ` +
        `Essex Compass: ${ESSEX_COMPASS.display}, 24 hours.`,
      { size: 'Small' },
    ),
  );
  return card(body, [MENU_ACTION]);
}
