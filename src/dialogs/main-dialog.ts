/**
 * The root of the public conversation: the menu loop, and the interruptions that work anywhere
 * (help, menu, exit, delete my chat, talk to a person, a question typed at a prompt). The
 * interruptions live in one place, onContinueDialog (the CancelAndHelp pattern), so no step
 * has to copy them.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import {
  type Choice,
  ChoicePrompt,
  ComponentDialog,
  Dialog,
  type DialogContext,
  type DialogTurnResult,
  DialogTurnStatus,
  type FoundChoice,
  recognizeChoices,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { TopicId } from '../knowledge/types.ts';
import { NEED_TO_GO, NEED_TO_GO_REPLY, SAFE_TO_CHAT, SAFE_TO_CHAT_REPLY } from '../safety/index.ts';
import { messageText } from './activity-text.ts';
import { AnswerPrompt, recognizeAnswer } from './answer-prompt.ts';
import type { DialogDeps } from './deps.ts';
import {
  createHandoffDialog,
  createHandoffPrompts,
  HANDOFF_CONSENT_PROMPT,
  HANDOFF_DIALOG,
  HANDOFF_NOTE_PROMPT,
} from './handoff-dialog.ts';
import { detectIntent } from './intents.ts';
import { CARRY_ON, DELETED, GOODBYE, HELP, MENU_BUTTON, MENU_PROMPT, NOT_UNDERSTOOD } from './messages.ts';
import { toActivity } from './render.ts';
import { GROUPS, listStyleFor, MAIN_MENU, menuChoices, menuRouteFor, type Route } from './routes.ts';
import {
  createTopicDialog,
  TOPIC_DIALOG,
  TOPIC_NEXT_PROMPT,
  type TopicOptions,
  topicAnswerActivity,
} from './topic-dialog.ts';
import {
  createTriageDialog,
  TRIAGE_ANSWER_PROMPT,
  TRIAGE_DIALOG,
  TRIAGE_SUMMARY_PROMPT,
} from './triage-dialog.ts';

export const MAIN_DIALOG = 'main';
const MENU_LOOP = 'menuLoop';
const MENU_PROMPT_ID = 'menu';
const PICK_DIALOG = 'pick';
const PICK_PROMPT = 'pickTopic';
const AM_I_DIALOG = 'amI';
const AM_I_PROMPT = 'amIOffer';

/** Prompts at which a typed question is answered and the questions then carry on. */
const QUESTION_PROMPTS = new Set([TRIAGE_ANSWER_PROMPT, AM_I_PROMPT]);

interface MenuLoopOptions {
  readonly next?: Route;
}

const choicePrompt = (id: string) => {
  const p = new ChoicePrompt(id);
  // Numbers typed in a sentence ("it happened 2 times") must not pick button 2.
  p.recognizerOptions = { recognizeNumbers: false, recognizeOrdinals: false };
  return p;
};

export class MainDialog extends ComponentDialog {
  private readonly deps: DialogDeps;

  constructor(deps: DialogDeps) {
    super(MAIN_DIALOG);
    this.deps = deps;
    this.addDialog(choicePrompt(MENU_PROMPT_ID))
      .addDialog(choicePrompt(PICK_PROMPT))
      .addDialog(choicePrompt(TOPIC_NEXT_PROMPT))
      .addDialog(choicePrompt(TRIAGE_SUMMARY_PROMPT))
      .addDialog(choicePrompt(AM_I_PROMPT))
      .addDialog(choicePrompt(HANDOFF_CONSENT_PROMPT))
      .addDialog(createHandoffPrompts())
      .addDialog(createHandoffDialog(deps))
      .addDialog(new AnswerPrompt(TRIAGE_ANSWER_PROMPT))
      .addDialog(createTopicDialog(deps))
      .addDialog(createTriageDialog(deps))
      .addDialog(this.menuLoop())
      .addDialog(this.pickDialog())
      .addDialog(this.amIDialog());
    this.initialDialogId = MENU_LOOP;
  }

  /** Menu -> chosen dialog -> wherever that dialog says next (or the menu again). */
  private menuLoop(): WaterfallDialog {
    return new WaterfallDialog(MENU_LOOP, [
      async (step) => {
        const next = (step.options as MenuLoopOptions | undefined)?.next;
        if (next) return step.next(next);
        const choices = menuChoices(MAIN_MENU);
        return step.prompt(MENU_PROMPT_ID, {
          prompt: MENU_PROMPT,
          retryPrompt: NOT_UNDERSTOOD,
          choices,
          style: listStyleFor(step.context.activity.channelId, choices.length),
        });
      },
      async (step) => {
        const route = toRoute(step.result);
        return route ? this.begin(step, route) : step.next();
      },
      async (step) => {
        const next = step.result as Route | undefined;
        if (next?.kind === 'pause') return step.endDialog();
        return step.replaceDialog(MENU_LOOP, { next });
      },
    ]);
  }

  private begin(step: WaterfallStepContext, route: Route): Promise<DialogTurnResult> {
    switch (route.kind) {
      case 'topic':
        return step.beginDialog(TOPIC_DIALOG, {
          topic: route.topic,
          section: route.section,
          advice: route.advice,
        } satisfies TopicOptions);
      case 'pick':
        return step.beginDialog(PICK_DIALOG, route);
      case 'triage':
        return step.beginDialog(TRIAGE_DIALOG);
      case 'am-i':
        return step.beginDialog(AM_I_DIALOG);
      case 'person':
        return step.beginDialog(HANDOFF_DIALOG);
      case 'pause':
        return step.endDialog();
    }
  }

  private pickDialog(): WaterfallDialog {
    return new WaterfallDialog(PICK_DIALOG, [
      async (step) => {
        const route = step.options as PickRoute;
        const titles = pickIds(route).map((id) => this.deps.knowledge.topic(id).title);
        const choices: Choice[] = [...titles, MENU_BUTTON].map((value) => ({ value }));
        return step.prompt(PICK_PROMPT, {
          prompt: route.topics
            ? 'I am not sure I understood. Did you mean one of these?'
            : 'Which would you like to read about?',
          retryPrompt: NOT_UNDERSTOOD,
          choices,
          style: listStyleFor(step.context.activity.channelId, choices.length),
        });
      },
      async (step) => {
        const topic = pickIds(step.options as PickRoute)[(step.result as FoundChoice).index];
        return step.endDialog(topic ? ({ kind: 'topic', topic } satisfies Route) : undefined);
      },
    ]);
  }

  private amIDialog(): WaterfallDialog {
    const YES = 'Yes, ask me';
    const MORE = 'Stalking and the law';
    return new WaterfallDialog(AM_I_DIALOG, [
      async (step) => {
        await step.context.sendActivity(topicAnswerActivity(this.deps, 'stalking-offence', 'four'));
        await step.context.sendActivity(
          topicAnswerActivity(this.deps, 'harassment-act', 'course-of-conduct'),
        );
        const choices: Choice[] = [YES, MORE, MENU_BUTTON].map((value) => ({ value }));
        return step.prompt(AM_I_PROMPT, {
          prompt: 'Would you like to answer 5 short questions? They may show which protection fits.',
          retryPrompt: NOT_UNDERSTOOD,
          choices,
          style: listStyleFor(step.context.activity.channelId, choices.length),
        });
      },
      async (step) => {
        const picked = (step.result as FoundChoice).value;
        if (picked === YES) return step.endDialog({ kind: 'triage' } satisfies Route);
        if (picked === MORE)
          return step.endDialog({ kind: 'topic', topic: 'stalking-offence' } satisfies Route);
        return step.endDialog();
      },
    ]);
  }

  /** A first message may already be a question or a command: deal with it, then show the menu. */
  protected override async onBeginDialog(
    innerDc: DialogContext,
    options?: object,
  ): Promise<DialogTurnResult> {
    const handled = await this.interrupt(innerDc);
    if (handled && (innerDc.activeDialog || handled.status === DialogTurnStatus.complete)) return handled;
    return super.onBeginDialog(innerDc, options);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const handled = await this.interrupt(innerDc);
    return handled ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(dc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { context } = dc;
    if (context.activity.type !== ActivityTypes.Message) return undefined;
    const text = messageText(context.activity);
    if (!text) return undefined;
    const facts = await this.deps.facts(context);

    // Answers to "Are you safe to keep chatting?"
    const answer = facts.awaitingSafety ? recognizeAnswer(text) : undefined;
    if (text === SAFE_TO_CHAT || answer === 'yes') {
      facts.awaitingSafety = false;
      await context.sendActivity(toActivity(SAFE_TO_CHAT_REPLY, context.activity.channelId));
      await dc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    if (text === NEED_TO_GO || answer === 'no') {
      facts.awaitingSafety = false;
      await context.sendActivity(toActivity(NEED_TO_GO_REPLY, context.activity.channelId));
      await dc.cancelAllDialogs();
      return { status: DialogTurnStatus.complete };
    }
    facts.awaitingSafety = false;

    switch (detectIntent(text)) {
      case 'help': {
        await context.sendActivity(toActivity(HELP, context.activity.channelId));
        await context.sendActivity(
          toActivity(this.deps.availability(this.deps.now()), context.activity.channelId),
        );
        await dc.repromptDialog();
        return Dialog.EndOfTurn;
      }
      case 'menu':
        await dc.cancelAllDialogs();
        return dc.beginDialog(MENU_LOOP);
      case 'exit':
        await this.deps.forget(context);
        await context.sendActivity(toActivity(GOODBYE, context.activity.channelId));
        return { status: DialogTurnStatus.complete };
      case 'delete':
        await this.deps.forget(context);
        await context.sendActivity(toActivity(DELETED, context.activity.channelId));
        return { status: DialogTurnStatus.complete };
      case 'person':
        await dc.cancelAllDialogs();
        return dc.beginDialog(MENU_LOOP, { next: { kind: 'person' } } satisfies MenuLoopOptions);
      default:
        break;
    }

    // A tapped or typed answer that the current prompt understands goes to the prompt.
    const leaf = leafOf(dc);
    if (isAnswerFor(leaf, text)) return undefined;

    // A main-menu button, tapped on an old message or typed, works from anywhere.
    const menuRoute = menuRouteFor(text);
    if (menuRoute) {
      await dc.cancelAllDialogs();
      return dc.beginDialog(MENU_LOOP, { next: menuRoute } satisfies MenuLoopOptions);
    }

    // Anything else is a question: answer it from the knowledge, if we can.
    const match = this.deps.knowledge.match(text);
    const promptId = leaf.activeDialog?.id ?? '';
    if (match.kind === 'answer') {
      if (QUESTION_PROMPTS.has(promptId)) {
        const activity = topicAnswerActivity(this.deps, match.topic, match.section);
        await context.sendActivity({ ...activity, text: `${activity.text}\n\n${CARRY_ON}` });
        await dc.repromptDialog();
        return Dialog.EndOfTurn;
      }
      await dc.cancelAllDialogs();
      const next: Route = { kind: 'topic', topic: match.topic, section: match.section, advice: match.advice };
      return dc.beginDialog(MENU_LOOP, { next } satisfies MenuLoopOptions);
    }
    if (match.kind === 'choose' && !QUESTION_PROMPTS.has(promptId)) {
      await dc.cancelAllDialogs();
      const next: Route = { kind: 'pick', group: 'all', topics: match.candidates };
      return dc.beginDialog(MENU_LOOP, { next } satisfies MenuLoopOptions);
    }
    return undefined;
  }
}

/** A menu button (FoundChoice), or a Route handed over by an interruption or a child dialog. */
function toRoute(result: unknown): Route | undefined {
  if (!result || typeof result !== 'object') return undefined;
  if ('kind' in result) return result as Route;
  return MAIN_MENU[(result as FoundChoice).index]?.route;
}

type PickRoute = Extract<Route, { kind: 'pick' }>;

/** The topics a "pick" list offers, in order (derived again at each step, never stored). */
function pickIds(route: PickRoute): readonly TopicId[] {
  return route.topics ?? GROUPS[route.group];
}

function leafOf(dc: DialogContext): DialogContext {
  let current = dc;
  while (current.child) current = current.child;
  return current;
}

/** Would the active prompt accept this text as an answer? */
function isAnswerFor(leaf: DialogContext, text: string): boolean {
  const active = leaf.activeDialog;
  if (!active) return false;
  if (active.id === TRIAGE_ANSWER_PROMPT) return recognizeAnswer(text) !== undefined;
  // The optional note for the team: whatever the person types is the note.
  if (active.id === HANDOFF_NOTE_PROMPT) return true;
  const options = (active.state as { options?: { choices?: (string | Choice)[] } }).options;
  const choices = options?.choices;
  if (!choices) return false;
  // A tapped button sends its own words: no need to run the recognizer for that.
  if (choices.some((c) => (typeof c === 'string' ? c : c.value) === text)) return true;
  return recognizeChoices(text, choices, { recognizeNumbers: false, recognizeOrdinals: false }).length > 0;
}

export type { TurnContext };
