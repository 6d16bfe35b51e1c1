/**
 * The staff cards as JSON: valid Adaptive Card 1.5 (parsed by the real `adaptivecards` library),
 * every button labelled and leading somewhere, the legal text shown word for word, and compact.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  chooseCard,
  formatReviewed,
  helpCard,
  menuCard,
  referenceCard,
} from '../../src/channels/teams/cards.ts';
import { parseCommand } from '../../src/channels/teams/commands.ts';
import {
  ADVICE_NOTE,
  getKnowledge,
  LEGAL_TOPIC_IDS,
  REFERENCE_CARD_SECTIONS,
  TOPIC_IDS,
} from '../../src/knowledge/index.ts';

const knowledge = getKnowledge();

// The library's ES build has extensionless imports that Node cannot load; its UMD bundle parses
// cards without a DOM.
interface ParseEvent {
  readonly message: string;
}
interface AdaptiveCardsLib {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: ParseEvent[] };
    getItemCount(): number;
    version: { toString(): string };
  };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): ParseEvent };
}
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.min.js') as AdaptiveCardsLib;

function problemsOf(json: AdaptiveCard): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const out: string[] = [];
  for (let i = 0; i < context.eventCount; i++) out.push(context.getEventAt(i).message);
  for (const e of card.validateProperties().validationEvents) out.push(e.message);
  if (card.version.toString() !== '1.5') out.push(`version ${card.version.toString()}`);
  if (card.getItemCount() === 0) out.push('empty body');
  return out;
}

function elements(els: readonly CardElement[]): CardElement[] {
  return els.flatMap((e) => (e.type === 'Container' ? [e, ...elements(e.items)] : [e]));
}

function actionsOf(card: AdaptiveCard): CardAction[] {
  const inBody = elements(card.body).flatMap((e) => (e.type === 'ActionSet' ? e.actions : []));
  return [...inBody, ...(card.actions ?? [])];
}

/** What a staff member sees before tapping anything: hidden containers left out, link markup removed. */
function visibleWords(card: AdaptiveCard): string[] {
  const walk = (els: readonly CardElement[]): string[] =>
    els.flatMap((e): string[] => {
      if (e.type === 'TextBlock') return [e.text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')];
      if (e.type === 'Container') return e.isVisible === false ? [] : walk(e.items);
      if (e.type === 'FactSet') return e.facts.flatMap((f) => [f.title, f.value]);
      return e.actions.map((a) => a.title);
    });
  return [...walk(card.body), ...(card.actions ?? []).map((a) => a.title)]
    .join(' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

const allText = (card: AdaptiveCard): string => JSON.stringify(card);
const wordCount = (s: string) => s.split(/\s+/).filter((w) => w.length > 0).length;

const everyCard: [string, AdaptiveCard][] = [
  ...TOPIC_IDS.flatMap((id) => [
    [`reference ${id}`, referenceCard(knowledge, id)] as [string, AdaptiveCard],
    ...knowledge
      .topic(id)
      .sections.map(
        (s) => [`reference ${id}#${s.id}`, referenceCard(knowledge, id, s.id)] as [string, AdaptiveCard],
      ),
  ]),
  ['reference spo with advice', referenceCard(knowledge, 'spo', undefined, { advice: true })],
  ['menu', menuCard(knowledge)],
  ['choose', chooseCard(knowledge, ['spo', 'non-molestation-order'])],
  ['help', helpCard(knowledge, 'help')],
  ['welcome', helpCard(knowledge, 'welcome')],
];

describe('staff cards are valid Adaptive Cards 1.5', () => {
  it.each(everyCard)('%s parses with no warnings, and every button has a title', (_name, card) => {
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    expect(card.body.length).toBeGreaterThan(0);
    expect(problemsOf(card)).toEqual([]);
    const actions = actionsOf(card);
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) expect(a.title.trim()).not.toBe('');
    // A toggle that points at nothing is a button that does nothing.
    const ids = elements(card.body).flatMap((e) => (e.type === 'Container' && e.id ? [e.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of actions) {
      if (a.type === 'Action.ToggleVisibility') for (const t of a.targetElements) expect(ids).toContain(t);
    }
    // Teams shows at most 6 actions in one set.
    for (const e of elements(card.body))
      if (e.type === 'ActionSet') expect(e.actions.length).toBeLessThanOrEqual(6);
    expect((card.actions ?? []).length).toBeLessThanOrEqual(6);
  });
});

describe('reference card content', () => {
  it.each(LEGAL_TOPIC_IDS.map((id) => [id]))('%s shows what / who / does / breach word for word', (id) => {
    const card = referenceCard(knowledge, id);
    const text = allText(card);
    const visible = visibleWords(card).join(' ');
    const topic = knowledge.topic(id);
    expect(visible).toContain(topic.title);
    for (const sid of REFERENCE_CARD_SECTIONS) {
      const section = knowledge.section(id, sid);
      expect(section, `${id} has section ${sid}`).toBeDefined();
      expect(visible).toContain(section!.heading);
      expect(visible).toContain(section!.text);
    }
    expect(visible).toMatch(
      /Reviewed on \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/,
    );
    // The source titles are on the card (behind the Sources button).
    const sourceIds = new Set(
      REFERENCE_CARD_SECTIONS.flatMap((sid) => knowledge.section(id, sid)?.sources ?? []),
    );
    expect(sourceIds.size).toBeGreaterThan(0);
    for (const s of sourceIds) expect(text).toContain(knowledge.source(s)!.title.replace(/"/g, '\\"'));
    expect(visible).toContain('Sources');
  });

  it('the reviewed-on date reads as a person says it', () => {
    expect(formatReviewed('2026-11-29')).toBe('29 November 2026');
    expect(formatReviewed('2025-01-05')).toBe('5 January 2025');
    const spo = knowledge.topic('spo');
    expect(visibleWords(referenceCard(knowledge, 'spo')).join(' ')).toContain(
      `Reviewed on ${formatReviewed(spo.reviewedOn)}`,
    );
  });

  it('a matched section outside the four is shown first and shaded; one of the four is shaded in place', () => {
    const duration = knowledge.section('spo', 'duration')!;
    const card = referenceCard(knowledge, 'spo', 'duration');
    const containers = card.body.filter((e) => e.type === 'Container' && e.isVisible !== false);
    const first = containers[0];
    expect(first?.type === 'Container' && first.style).toBe('emphasis');
    expect(JSON.stringify(first)).toContain(duration.text);

    const breach = knowledge.section('spo', 'breach')!;
    const inPlace = referenceCard(knowledge, 'spo', 'breach').body.filter(
      (e) => e.type === 'Container' && e.style === 'emphasis',
    );
    expect(inPlace).toHaveLength(1);
    expect(JSON.stringify(inPlace[0])).toContain(breach.text);
  });

  it('the advice note is on the card only when asked for', () => {
    expect(allText(referenceCard(knowledge, 'spo', undefined, { advice: true }))).toContain(ADVICE_NOTE);
    expect(allText(referenceCard(knowledge, 'spo'))).not.toContain(ADVICE_NOTE);
  });
});

describe('the buttons lead where they say', () => {
  it.each(TOPIC_IDS.map((id) => [id]))(
    'every button on the %s card sends a command that opens its target',
    (id) => {
      const topic = knowledge.topic(id);
      for (const a of actionsOf(referenceCard(knowledge, id))) {
        if (a.type !== 'Action.Submit') continue;
        expect(a.data.msteams.type).toBe('messageBack');
        expect(a.data.msteams.text).toBe(a.data.action);
        expect(a.data.msteams.displayText).toBe(a.title);
        const command = parseCommand(a.data.action, knowledge);
        if (a.title === 'Menu') {
          expect(command).toEqual({ kind: 'menu' });
          continue;
        }
        const followUp = topic.followUps.find((f) => f.label === a.title);
        expect(followUp, `${a.title} is a follow-up of ${id}`).toBeDefined();
        expect(command).toEqual({
          kind: 'topic',
          topic: followUp!.topic,
          ...(followUp!.section ? { section: followUp!.section } : {}),
        });
      }
    },
  );

  it('the menu has one button per topic, each opening that topic', () => {
    const buttons = actionsOf(menuCard(knowledge)).filter((a) => a.type === 'Action.Submit');
    expect(buttons.map((b) => b.title)).toEqual(knowledge.topics.map((t) => t.shortTitle));
    for (const [i, b] of buttons.entries()) {
      expect(b.type === 'Action.Submit' && parseCommand(b.data.action, knowledge)).toEqual({
        kind: 'topic',
        topic: knowledge.topics[i]!.id,
      });
    }
  });
});

describe('compact', () => {
  // The section text is checked legal content and is never cut short. Everything the card adds
  // around it (title, headings, date, buttons) must stay small.
  it.each(LEGAL_TOPIC_IDS.map((id) => [id]))(
    '%s: the card adds at most 45 words to the four sections',
    (id) => {
      const card = referenceCard(knowledge, id);
      const content = REFERENCE_CARD_SECTIONS.reduce(
        (n, sid) => n + wordCount(knowledge.section(id, sid)!.text),
        0,
      );
      const visible = visibleWords(card).length;
      expect(visible - content).toBeLessThanOrEqual(45);
      expect(visible).toBeLessThanOrEqual(200);
    },
  );

  it('the sources stay behind the Sources button', () => {
    // stalking-offence has seven sources: shown, they would double the card.
    const card = referenceCard(knowledge, 'stalking-offence');
    const hidden = card.body.find((e) => e.type === 'Container' && e.isVisible === false);
    expect(hidden).toBeDefined();
    expect(visibleWords(card).join(' ')).not.toContain('College of Policing');
  });

  it('menu and help stay short', () => {
    expect(visibleWords(menuCard(knowledge)).length).toBeLessThanOrEqual(40);
    expect(visibleWords(helpCard(knowledge, 'help')).length).toBeLessThanOrEqual(120);
    expect(visibleWords(helpCard(knowledge, 'welcome')).length).toBeLessThanOrEqual(150);
  });
});

describe('help and welcome', () => {
  it('list the commands and remind staff that Teams keeps the chat', () => {
    for (const kind of ['help', 'welcome'] as const) {
      const words = visibleWords(helpCard(knowledge, kind)).join(' ');
      for (const c of ['spo', 'non-mol', 'harassment', 'online', 'menu', 'help']) {
        expect(words.split(' ')).toContain(c);
      }
      expect(words).toMatch(/Teams keeps this chat/);
      expect(words).toMatch(/Never type a victim's name, address/);
    }
  });
});
