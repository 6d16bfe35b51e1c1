export const TOPIC_IDS = [
  'harassment-act',
  'stalking-offence',
  'spo',
  'spo-updates',
  'non-molestation-order',
  'online-safety-act',
  'get-help',
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

/**
 * The standard section ids. A topic may have others too (for example `duration`, `four`).
 * Staff reference cards use what / who / does / breach.
 */
export type StandardSectionId = 'what' | 'who' | 'does' | 'breach' | 'how' | 'changes';

/** Sections every legal topic must have (the staff reference cards use them). */
export const REFERENCE_CARD_SECTIONS = ['what', 'who', 'does', 'breach'] as const;

/** The topics that are about a law or an order (everything except `get-help`). */
export const LEGAL_TOPIC_IDS: readonly TopicId[] = TOPIC_IDS.filter((id) => id !== 'get-help');

export function isTopicId(value: string): value is TopicId {
  return (TOPIC_IDS as readonly string[]).includes(value);
}

export interface Section {
  /** A standard id (what, who, does, breach, how, changes) or a topic-specific one (duration, four, ...). */
  id: string;
  heading: string;
  /** One chunk of at most about 60 words. */
  text: string;
  /** Ids into content/sources.yaml. */
  sources: string[];
  /** Words and phrases people use for this section (used by the matcher only). */
  synonyms: string[];
  /** Example questions this section answers (used by the matcher only). */
  examples: string[];
}

export interface FollowUp {
  label: string;
  topic: TopicId;
  section?: string;
}

export interface Topic {
  id: TopicId;
  title: string;
  /** A short name for buttons, e.g. "Non-Mol". */
  shortTitle: string;
  /** One line: what this topic is about. Shown when a question is about the topic in general. */
  summary: string;
  sections: Section[];
  followUps: FollowUp[];
  /** ISO date (YYYY-MM-DD) the content was last checked against its sources. */
  reviewedOn: string;
  /** Words and phrases people use for this topic (used by the matcher only). */
  synonyms: string[];
  /** Example questions about this topic in general (used by the matcher only). */
  examples: string[];
}

export interface Source {
  id: string;
  title: string;
  url?: string;
}

export type MatchResult =
  | { kind: 'answer'; topic: TopicId; section?: string; score: number; advice: boolean }
  | { kind: 'choose'; candidates: TopicId[]; advice: boolean }
  | { kind: 'none'; advice: boolean };

export interface Knowledge {
  /** In menu order. */
  readonly topics: readonly Topic[];
  topic(id: TopicId): Topic;
  section(topic: TopicId, sectionId: string): Section | undefined;
  source(id: string): Source | undefined;
  match(text: string): MatchResult;
  /** Every message text the content can produce (for the style test). */
  allMessages(): string[];
}
