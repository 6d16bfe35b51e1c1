/**
 * The staff short commands ("spo", "non-mol", "menu", ...), and the command a card button sends
 * back for a topic or one of its sections ("spo breach"). Pure: no botbuilder.
 */
import { normaliseCommand } from '../../dialogs/intents.ts';
import type { Knowledge, TopicId } from '../../knowledge/index.ts';

export type StaffCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'menu' }
  | { readonly kind: 'topic'; readonly topic: TopicId; readonly section?: string };

/** The command each topic answers to. The first one is what buttons send and what help lists. */
export const TOPIC_COMMANDS: Readonly<Record<TopicId, readonly string[]>> = {
  spo: ['spo', 'spos', 'stalking protection order', 'stalking protection orders'],
  'spo-updates': ['spo updates', 'updates', 'spo update', 'spo changes', 'new measures'],
  'non-molestation-order': [
    'non-mol',
    'nonmol',
    'non mol',
    'nmo',
    'non-molestation',
    'non molestation order',
    'non-molestation-order',
  ],
  'harassment-act': [
    'harassment',
    'pha',
    'harassment act',
    'protection from harassment act',
    'harassment-act',
  ],
  'stalking-offence': ['stalking', 'stalking offence', 'stalking-offence'],
  'online-safety-act': ['online', 'online safety', 'online safety act', 'osa', 'online-safety-act'],
  'get-help': ['get help', 'get-help', 'numbers', 'phone numbers', 'contacts'],
};

const HELP = new Set(['help', 'commands', 'what can you do', 'how does this work']);
const MENU = new Set(['menu', 'topics', 'main menu', 'start', 'home', 'back', 'back to menu']);

/** The normalised form commands are compared in ("Non-Mol!" -> "non mol"). */
function norm(text: string): string {
  return normaliseCommand(text);
}

const BY_PHRASE = new Map<string, TopicId>();
for (const [topic, phrases] of Object.entries(TOPIC_COMMANDS) as [TopicId, readonly string[]][]) {
  for (const p of phrases) BY_PHRASE.set(norm(p), topic);
}
/** Longest first, so "spo updates breach" is read as spo-updates + breach, not spo + "updates breach". */
const PHRASES_LONGEST_FIRST = [...BY_PHRASE.keys()].sort((a, b) => b.length - a.length);

/** The text a button sends for a topic, or for one section of it: "spo", "spo breach". */
export function commandFor(topic: TopicId, section?: string): string {
  const base = TOPIC_COMMANDS[topic][0] ?? topic;
  return section ? `${base} ${section}` : base;
}

/**
 * A short command, or undefined when the text is something else (a question in the staff
 * member's own words goes to the matcher). "spo breach" and "non-mol who" open one section.
 */
export function parseCommand(text: string, knowledge: Knowledge): StaffCommand | undefined {
  if (text.length > 80) return undefined;
  const t = norm(text);
  if (t === '') return undefined;
  if (HELP.has(t)) return { kind: 'help' };
  if (MENU.has(t)) return { kind: 'menu' };
  const whole = BY_PHRASE.get(t);
  if (whole) return { kind: 'topic', topic: whole };
  for (const phrase of PHRASES_LONGEST_FIRST) {
    if (!t.startsWith(`${phrase} `)) continue;
    const topic = BY_PHRASE.get(phrase);
    if (!topic) continue;
    const rest = t.slice(phrase.length + 1);
    const section = knowledge.topic(topic).sections.find((s) => norm(s.id) === rest);
    if (section) return { kind: 'topic', topic, section: section.id };
  }
  return undefined;
}
