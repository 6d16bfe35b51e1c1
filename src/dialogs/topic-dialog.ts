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

/** Sections already shown, counting the one this answer shows. */
function shownWith(o: TopicOptions): string[] {
  return o.section && !o.shown?.includes(o.section) ? [...(o.shown ?? []), o.section] : [...(o.shown ?? [])];
}

/**
 * The buttons after an answer and where each leads. Derived from the content and the options
 * every time, so the dialog state holds only topic, section and the sections shown.
 */
function nextSteps(deps: DialogDeps, o: TopicOptions): Map<string, Next> {
  const topic = deps.knowledge.topic(o.topic);
  const shown = shownWith(o);
  const next = new Map<string, Next>();
  const unseen = topic.sections.find((s) => !shown.includes(s.id));
  if (unseen) next.set(MORE, { kind: 'more', section: unseen.id });
  for (const f of topic.followUps) {
    if (next.size >= 3) break;
    if (f.topic === topic.id && (f.section === undefined || shown.includes(f.section))) continue;
    next.set(f.label, { kind: 'route', route: { kind: 'topic', topic: f.topic, section: f.section } });
  }
  next.set(ANOTHER, { kind: 'route', route: { kind: 'pick', group: 'all' } });
  next.set(MENU_BUTTON, { kind: 'menu' });
  return next;
}

export function createTopicDialog(deps: DialogDeps): WaterfallDialog {
  return new WaterfallDialog(TOPIC_DIALOG, [
    async (step: WaterfallStepContext) => {
      const o = step.options as TopicOptions;
      const section = o.section ? deps.knowledge.section(o.topic, o.section) : undefined;
      noteTopic(await deps.facts(step.context), o.topic);
      if (o.advice) await step.context.sendActivity({ type: 'message', text: ADVICE_NOTE });
      const choices: Choice[] = [...nextSteps(deps, o).keys()].map((value) => ({ value }));
      return step.prompt(TOPIC_NEXT_PROMPT, {
        prompt: topicAnswerActivity(deps, o.topic, section?.id),
        retryPrompt: 'Please tap a button, or type a question.',
        choices,
        style: listStyleFor(step.context.activity.channelId, choices.length),
      });
    },
    async (step: WaterfallStepContext) => {
      const o = step.options as TopicOptions;
      const next = nextSteps(deps, o).get((step.result as FoundChoice).value);
      if (next?.kind === 'more') {
        return step.replaceDialog(TOPIC_DIALOG, {
          topic: o.topic,
          section: next.section,
          shown: shownWith(o),
        } satisfies TopicOptions);
      }
      if (next?.kind === 'route') return step.endDialog(next.route);
      return step.endDialog();
    },
  ]);
}
