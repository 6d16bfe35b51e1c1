/**
 * The knowledge module: checked content as data (content/*.yaml), and the free-text matcher.
 * No botbuilder import: the dialogs turn topics and sections into replies.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADVICE_NOTE } from './advice.ts';
import { loadContent } from './load.ts';
import { Matcher } from './matcher.ts';
import type { Knowledge, MatchResult, Section, Source, Topic, TopicId } from './types.ts';

export { ADVICE_NOTE, isAdviceRequest } from './advice.ts';
export { ContentError } from './load.ts';
export type {
  FollowUp,
  Knowledge,
  MatchResult,
  Section,
  Source,
  StandardSectionId,
  Topic,
  TopicId,
} from './types.ts';
export { isTopicId, LEGAL_TOPIC_IDS, REFERENCE_CARD_SECTIONS, TOPIC_IDS } from './types.ts';

/**
 * The repository's content/ folder. Walks up from this file to the folder holding package.json, so it
 * works from src/knowledge (node runs the .ts) and from dist/knowledge (after `tsc`).
 */
export function defaultContentDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'content');
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('Cannot find the content folder: no package.json above the knowledge module');
    dir = parent;
  }
}

/** Reads and checks the content, and builds the matcher index once. Throws ContentError when content is broken. */
export function loadKnowledge(contentDir: string = defaultContentDir()): Knowledge {
  const { topics, sources } = loadContent(contentDir);
  const topicById = new Map<TopicId, Topic>(topics.map((t) => [t.id, t]));
  const sourceById = new Map<string, Source>(sources.map((s) => [s.id, s]));
  const matcher = new Matcher(topics);
  const frozenTopics: readonly Topic[] = Object.freeze([...topics]);

  return {
    topics: frozenTopics,
    topic(id: TopicId): Topic {
      const topic = topicById.get(id);
      // Cannot happen: loadContent checks that every topic id has a file.
      if (!topic) throw new Error(`Unknown topic: ${id}`);
      return topic;
    },
    section(topic: TopicId, sectionId: string): Section | undefined {
      return topicById.get(topic)?.sections.find((s) => s.id === sectionId);
    },
    source(id: string): Source | undefined {
      return sourceById.get(id);
    },
    match(text: string): MatchResult {
      return matcher.match(text);
    },
    allMessages(): string[] {
      const out: string[] = [ADVICE_NOTE];
      for (const t of topics) {
        out.push(t.title, t.shortTitle, t.summary);
        for (const s of t.sections) out.push(s.heading, s.text);
        for (const f of t.followUps) out.push(f.label);
      }
      return out;
    },
  };
}

let singleton: Knowledge | undefined;

/** The process-wide knowledge, loaded (and checked) on first call. */
export function getKnowledge(): Knowledge {
  singleton ??= loadKnowledge();
  return singleton;
}
