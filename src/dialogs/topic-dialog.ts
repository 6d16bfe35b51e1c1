/**
 * A topic answer: the summary (or the section that answers the question) first, then one
 * section at a time, with "Tell me more", follow-ups, "Another topic" and "Back to menu".
 * Every answer carries channelData.topic.
 */
import type { Activity } from 'botbuilder';
import {
  type Choice,
  type FoundChoice,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { ADVICE_NOTE } from '../knowledge/index.ts';
import type { TopicId } from '../knowledge/types.ts';
import type { DialogDeps } from './deps.ts';
import { noteTopic } from './facts.ts';
import { MENU_BUTTON } from './messages.ts';
import { listStyleFor, type Route } from './routes.ts';

export const TOPIC_DIALOG = 'topic';
export const TOPIC_NEXT_PROMPT = 'topicNext';

export interface TopicOptions {
  readonly topic: TopicId;
  readonly section?: string;
  readonly shown?: readonly string[];
  readonly advice?: boolean;
}

const MORE = 'Tell me more';
const ANOTHER = 'Another topic';

type Next = { kind: 'more'; section: string } | { kind: 'route'; route: Route } | { kind: 'menu' };

/** The text of a topic answer: a section, or the title and summary. */
export function answerText(deps: DialogDeps, topic: TopicId, sectionId?: string): string {
  const t = deps.knowledge.topic(topic);
  const section = sectionId ? deps.knowledge.section(topic, sectionId) : undefined;
  return section ? `${section.heading}\n\n${section.text}` : `${t.title}\n\n${t.summary}`;
}

export function topicAnswerActivity(deps: DialogDeps, topic: TopicId, sectionId?: string): Partial<Activity> {
  return { type: 'message', text: answerText(deps, topic, sectionId), channelData: { topic } };
}

export function createTopicDialog(deps: DialogDeps): WaterfallDialog {
  return new WaterfallDialog(TOPIC_DIALOG, [
    async (step: WaterfallStepContext) => {
      const o = step.options as TopicOptions;
      const topic = deps.knowledge.topic(o.topic);
      const section = o.section ? deps.knowledge.section(o.topic, o.section) : undefined;
      const shown = [...(o.shown ?? [])];
      if (section) shown.push(section.id);
      noteTopic(await deps.facts(step.context), topic.id);
      if (o.advice) await step.context.sendActivity({ type: 'message', text: ADVICE_NOTE });

      const next: Record<string, Next> = {};
      const unseen = topic.sections.find((s) => !shown.includes(s.id));
      if (unseen) next[MORE] = { kind: 'more', section: unseen.id };
      for (const f of topic.followUps) {
        if (Object.keys(next).length >= 3) break;
        if (f.topic === topic.id && (f.section === undefined || shown.includes(f.section))) continue;
        next[f.label] = { kind: 'route', route: { kind: 'topic', topic: f.topic, section: f.section } };
      }
      next[ANOTHER] = { kind: 'route', route: { kind: 'pick', group: 'all' } };
      next[MENU_BUTTON] = { kind: 'menu' };
      (step.values as Record<string, unknown>).next = next;
      (step.values as Record<string, unknown>).shown = shown;

      const choices: Choice[] = Object.keys(next).map((value) => ({ value }));
      const prompt: Partial<Activity> = topicAnswerActivity(deps, topic.id, section?.id);
      return step.prompt(TOPIC_NEXT_PROMPT, {
        prompt,
        retryPrompt: { ...prompt, text: 'Please tap a button, or type a question.' },
        choices,
        style: listStyleFor(step.context.activity.channelId, choices.length),
      });
    },
    async (step: WaterfallStepContext) => {
      const o = step.options as TopicOptions;
      const picked = (step.result as FoundChoice).value;
      const next = ((step.values as Record<string, unknown>).next as Record<string, Next>)[picked];
      if (next?.kind === 'more') {
        return step.replaceDialog(TOPIC_DIALOG, {
          topic: o.topic,
          section: next.section,
          shown: (step.values as Record<string, unknown>).shown as string[],
        } satisfies TopicOptions);
      }
      if (next?.kind === 'route') return step.endDialog(next.route);
      return step.endDialog();
    },
  ]);
}
