/**
 * What the bot keeps about a conversation, in conversation state: no free text, ever.
 * Only flags, counts, topic ids and yes / no / not sure / skip answers.
 */
import type { TriageAnswer } from './answer-prompt.ts';

export type TriageQuestionId = 'safe' | 'repeated' | 'relationship' | 'online' | 'police';
export type SeenLevel = 'none' | 'concern' | 'immediate';

export interface ConversationFacts {
  welcomed: boolean;
  /** The danger prompt asked "Are you safe to keep chatting?" and has no answer yet. */
  awaitingSafety: boolean;
  highest: SeenLevel;
  topics: string[];
  triage: Partial<Record<TriageQuestionId, TriageAnswer>>;
}

export function newFacts(): ConversationFacts {
  return { welcomed: false, awaitingSafety: false, highest: 'none', topics: [], triage: {} };
}

const RANK: Record<SeenLevel, number> = { none: 0, concern: 1, immediate: 2 };

export function raise(facts: ConversationFacts, level: SeenLevel): void {
  if (RANK[level] > RANK[facts.highest]) facts.highest = level;
}

export function noteTopic(facts: ConversationFacts, topic: string): void {
  if (!facts.topics.includes(topic)) facts.topics.push(topic);
  if (facts.topics.length > 20) facts.topics.shift();
}
