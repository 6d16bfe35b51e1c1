/**
 * "Which protection might fit me?": five safe, short questions, one at a time, each with
 * Yes / No / Not sure / Skip. "No" to "Are you safe right now?" goes straight to the danger
 * prompt. The end is a summary with a button for each topic that may fit.
 */
import {
  type Choice,
  type FoundChoice,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { COMPASS_LINE } from '../common/contacts.ts';
import type { TopicId } from '../knowledge/types.ts';
import type { TriageAnswer } from './answer-prompt.ts';
import type { DialogDeps } from './deps.ts';
import { raise, type TriageQuestionId } from './facts.ts';
import { MENU_BUTTON } from './messages.ts';
import { listStyleFor, type Route } from './routes.ts';

export const TRIAGE_DIALOG = 'triage';
export const TRIAGE_ANSWER_PROMPT = 'triageAnswer';
export const TRIAGE_SUMMARY_PROMPT = 'triageSummary';

export const TRIAGE_INTRO =
  "I'll ask 5 short questions. You can skip any of them. I won't ask for names or addresses.";

export const QUESTIONS: readonly { id: TriageQuestionId; text: string }[] = [
  { id: 'safe', text: 'Are you safe right now?' },
  { id: 'repeated', text: 'Has it happened more than once?' },
  {
    id: 'relationship',
    text: 'Is the person a partner, ex-partner, family member, or someone you live or lived with?',
  },
  { id: 'online', text: 'Has any of it been online? For example messages, calls or social media.' },
  { id: 'police', text: 'Are the police involved yet?' },
];

export type TriageAnswers = Partial<Record<TriageQuestionId, TriageAnswer>>;

/** Which topics may fit, from the answers. Pure, so it is easy to test. */
export function topicsForAnswers(a: TriageAnswers): TopicId[] {
  const fits = (v: TriageAnswer | undefined) => v === 'yes' || v === 'not-sure';
  const out: TopicId[] = [];
  if (fits(a.repeated)) out.push('stalking-offence', 'harassment-act');
  if (fits(a.relationship)) out.push('non-molestation-order');
  if (fits(a.online)) out.push('online-safety-act');
  if (a.police === 'yes') out.push('spo', 'spo-updates');
  else if (a.police === 'no' || a.police === 'not-sure') out.push('spo');
  if (out.length === 0) out.push('stalking-offence', 'spo');
  return out;
}

function ask(index: number) {
  return async (step: WaterfallStepContext) => {
    const q = QUESTIONS[index]!;
    const text = `Question ${index + 1} of ${QUESTIONS.length}. ${q.text}`;
    return step.prompt(TRIAGE_ANSWER_PROMPT, {
      prompt: text,
      retryPrompt: `Please tap Yes, No, Not sure or Skip. ${q.text}`,
      style: listStyleFor(step.context.activity.channelId, 4),
    });
  };
}

export function createTriageDialog(deps: DialogDeps): WaterfallDialog {
  const record = (index: number) => async (step: WaterfallStepContext) => {
    const q = QUESTIONS[index]!;
    const answer = step.result as TriageAnswer;
    const facts = await deps.facts(step.context);
    facts.triage[q.id] = answer;
    if (q.id === 'safe' && answer === 'no') {
      raise(facts, 'immediate');
      await deps.dangerPrompt(step.context);
      return step.endDialog({ kind: 'pause' } satisfies Route);
    }
    return step.next();
  };

  const steps = [
    async (step: WaterfallStepContext) => {
      (await deps.facts(step.context)).triage = {};
      await step.context.sendActivity(TRIAGE_INTRO);
      return step.next();
    },
  ];
  QUESTIONS.forEach((_q, i) => {
    steps.push(ask(i), record(i));
  });
  steps.push(
    async (step: WaterfallStepContext) => {
      const answers = (await deps.facts(step.context)).triage;
      const topics = topicsForAnswers(answers);
      const byTitle: Record<string, Route> = {};
      for (const id of topics) byTitle[deps.knowledge.topic(id).title] = { kind: 'topic', topic: id };
      byTitle['Get help now'] = { kind: 'topic', topic: 'get-help' };
      (step.values as Record<string, unknown>).routes = byTitle;
      const choices: Choice[] = [...Object.keys(byTitle), MENU_BUTTON].map((value) => ({ value }));
      const text = [
        'From what you said, these might help. Tap one to read more.',
        COMPASS_LINE,
        'This is information, not legal advice.',
      ].join('\n\n');
      return step.prompt(TRIAGE_SUMMARY_PROMPT, {
        prompt: text,
        retryPrompt: 'Please tap one of the buttons, or type a question.',
        choices,
        style: listStyleFor(step.context.activity.channelId, choices.length),
      });
    },
    async (step: WaterfallStepContext) => {
      const picked = (step.result as FoundChoice).value;
      const route = ((step.values as Record<string, unknown>).routes as Record<string, Route>)[picked];
      return step.endDialog(route);
    },
  );
  return new WaterfallDialog(TRIAGE_DIALOG, steps);
}
