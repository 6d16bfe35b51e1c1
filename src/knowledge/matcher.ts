/**
 * Free text -> topic (and section). MiniSearch does the scoring (BM25 with fuzzy and prefix matching);
 * this file builds the documents, runs the normalisation layer on both sides, and decides between an
 * answer, a choice of 2-3 topics, or nothing.
 */
import MiniSearch, { type SearchOptions } from 'minisearch';
import { isAdviceRequest } from './advice.ts';
import { normaliseText, terms } from './normalise.ts';
import type { MatchResult, Topic, TopicId } from './types.ts';

interface Doc {
  id: string;
  topic: TopicId;
  /** undefined for the topic's own (general) document */
  section: string | undefined;
  title: string;
  synonyms: string;
  examples: string;
  text: string;
}

/** Whole messages that are conversation moves, not questions. The dialogs handle them. */
const INTERACTION = new Set(
  [
    'yes',
    'yeah',
    'yep',
    'yup',
    'ye',
    'y',
    'no',
    'nope',
    'nah',
    'n',
    'not sure',
    'unsure',
    'dunno',
    'i dont know',
    'dont know',
    'idk',
    'maybe',
    'skip',
    'ok',
    'okay',
    'k',
    'fine',
    'thanks',
    'thank you',
    'thankyou',
    'ta',
    'cheers',
    'thx',
    'hi',
    'hello',
    'hey',
    'hiya',
    'good morning',
    'good evening',
    'menu',
    'main menu',
    'back to menu',
    'back',
    'help',
    'exit',
    'quit',
    'stop',
    'cancel',
    'end',
    'bye',
    'goodbye',
    'start again',
    'start over',
    'restart',
    'reset',
    'delete my chat',
    'delete chat',
    'delete',
    'talk to a person',
    'talk to a human',
    'speak to a person',
    'speak to a human',
    'real person',
    'human',
    'agent',
    'tell me more',
    'more',
  ].map((s) => normaliseText(s)),
);
const FILLER = /\b(please|pls|plz|i want to|i would like to|can i|could i|let me|just|now|me)\b/g;

export interface MatcherOptions {
  /** Below this topic score there is no plausible topic. */
  readonly minScore: number;
  /** The top topic must beat the second by this factor to be an answer, not a choice. */
  readonly confidentRatio: number;
  /** Below this section score the answer is the topic in general. */
  readonly minSectionScore: number;
  /** Field weights when ranking topics. */
  readonly topicBoost: Readonly<Record<'title' | 'synonyms' | 'examples' | 'text', number>>;
  /** Field weights when picking a section. */
  readonly sectionBoost: Readonly<Record<'title' | 'synonyms' | 'examples' | 'text', number>>;
}

export const DEFAULT_MATCHER_OPTIONS: MatcherOptions = {
  minScore: 3,
  confidentRatio: 1.15,
  minSectionScore: 1,
  topicBoost: { title: 2, synonyms: 2, examples: 1, text: 0.3 },
  sectionBoost: { title: 1.5, synonyms: 2, examples: 1, text: 0.5 },
};

const join = (items: readonly string[]): string => items.join(' . ');

function fuzzy(term: string): number | boolean {
  if (term.length < 5 || /\d/.test(term)) return false;
  return 0.2;
}

export class Matcher {
  readonly #topicIndex: MiniSearch<Doc>;
  /** One small index per topic: a section is only ever looked for inside its own topic. */
  readonly #sectionIndexes = new Map<TopicId, MiniSearch<Doc>>();
  readonly #options: MatcherOptions;
  readonly #searchOptions: SearchOptions;
  readonly #identity = new Map<TopicId, Set<string>>();

  constructor(topics: readonly Topic[], options: MatcherOptions = DEFAULT_MATCHER_OPTIONS) {
    this.#options = options;
    const fields = ['title', 'synonyms', 'examples', 'text'];
    const config = {
      fields,
      storeFields: ['topic', 'section'],
      tokenize: (s: string) => terms(s),
      processTerm: (t: string) => t,
    };
    // Queries are turned into terms once (see match), then passed in joined by spaces.
    this.#searchOptions = {
      tokenize: (s: string) => s.split(' '),
      processTerm: (t: string) => t,
      fuzzy,
      maxFuzzy: 2,
      prefix: (term: string) => term.length >= 5,
      weights: { fuzzy: 0.6, prefix: 0.4 },
      combineWith: 'OR',
    };

    // One document per topic, holding everything: ranks topics.
    this.#topicIndex = new MiniSearch<Doc>(config);
    this.#topicIndex.addAll(
      topics.map((t) => ({
        id: t.id,
        topic: t.id,
        section: undefined,
        title: `${t.title} . ${t.shortTitle}`,
        synonyms: join([...t.synonyms, ...t.sections.flatMap((s) => s.synonyms)]),
        examples: join([...t.examples, ...t.sections.flatMap((s) => [s.heading, ...s.examples])]),
        text: join([t.summary, ...t.sections.map((s) => s.text)]),
      })),
    );

    // The words that only say which topic this is ("spo", "non-mol", "online safety act").
    // A word that also marks one of the topic's sections is not identity: it says what is asked.
    for (const t of topics) {
      const sectionWords = new Set(terms(join(t.sections.flatMap((s) => [s.heading, ...s.synonyms]))));
      const fromSynonyms = terms(join(t.synonyms)).filter((w) => !sectionWords.has(w));
      this.#identity.set(t.id, new Set([...terms(`${t.title} . ${t.shortTitle}`), ...fromSynonyms]));
    }

    // One document per section: picks the section inside a topic.
    for (const t of topics) {
      const index = new MiniSearch<Doc>(config);
      index.addAll(
        t.sections.map((s) => ({
          id: `${t.id}#${s.id}`,
          topic: t.id,
          section: s.id,
          title: s.heading,
          synonyms: join(s.synonyms),
          examples: join(s.examples),
          text: s.text,
        })),
      );
      this.#sectionIndexes.set(t.id, index);
    }
  }

  /** Topic scores, best first. `query` is the question's terms joined by spaces. */
  rankTopics(query: string): { topic: TopicId; score: number }[] {
    return this.#topicIndex
      .search(query, { ...this.#searchOptions, boost: { ...this.#options.topicBoost } })
      .map((r) => ({ topic: r.id as TopicId, score: r.score }));
  }

  /**
   * The section that answers the question, or undefined for the topic in general. The words that only
   * name the topic are set aside first: what is left says what the person wants to know about it.
   */
  #bestSection(queryTerms: readonly string[], topic: TopicId): string | undefined {
    const identity = this.#identity.get(topic);
    const rest = queryTerms.filter((t) => !identity?.has(t));
    if (rest.length === 0) return undefined;
    const best = this.#sectionIndexes.get(topic)?.search(rest.join(' '), {
      ...this.#searchOptions,
      boost: { ...this.#options.sectionBoost },
    })[0];
    if (!best || best.score < this.#options.minSectionScore) return undefined;
    return best.section as string;
  }

  match(text: string): MatchResult {
    const advice = isAdviceRequest(text);
    const plain = normaliseText(text);
    const withoutFiller = plain.replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
    if (plain === '' || INTERACTION.has(plain) || INTERACTION.has(withoutFiller))
      return { kind: 'none', advice };
    const queryTerms = terms(text);
    if (queryTerms.length === 0) return { kind: 'none', advice };
    const ranked = this.rankTopics(queryTerms.join(' '));
    const first = ranked[0];
    if (!first || first.score < this.#options.minScore) return { kind: 'none', advice };
    const second = ranked[1];
    if (second && first.score < second.score * this.#options.confidentRatio) {
      const candidates = ranked
        .filter((r) => r.score >= first.score / (this.#options.confidentRatio * 1.5))
        .slice(0, 3)
        .map((r) => r.topic);
      return { kind: 'choose', candidates, advice };
    }
    const section = this.#bestSection(queryTerms, first.topic);
    return section === undefined
      ? { kind: 'answer', topic: first.topic, score: first.score, advice }
      : { kind: 'answer', topic: first.topic, section, score: first.score, advice };
  }
}
