/**
 * A prompt for the triage questions: Yes / No / Not sure / Skip as buttons, and typed answers
 * understood through recognizers-text (recognizeBoolean) plus a list for "not sure" and "skip".
 */
import { Culture, recognizeBoolean } from '@microsoft/recognizers-text-suite';
import type { TurnContext } from 'botbuilder';
import {
  type Choice,
  ListStyle,
  Prompt,
  type PromptOptions,
  type PromptRecognizerResult,
  type PromptValidator,
} from 'botbuilder-dialogs';
import { normaliseCommand } from './intents.ts';

export type TriageAnswer = 'yes' | 'no' | 'not-sure' | 'skip';

export const ANSWER_CHOICES: Choice[] = [
  { value: 'Yes' },
  { value: 'No' },
  { value: 'Not sure' },
  { value: 'Skip' },
];

const NOT_SURE = new Set([
  'not sure',
  'im not sure',
  "i'm not sure",
  'unsure',
  'dunno',
  'dont know',
  "don't know",
  'i dont know',
  "i don't know",
  'idk',
  'no idea',
  'maybe',
  'possibly',
  'perhaps',
  'not really sure',
  'kind of',
  'sort of',
  'hard to say',
]);
const SKIP = new Set([
  'skip',
  'pass',
  'next',
  'skip it',
  'skip this',
  'rather not say',
  "i'd rather not say",
  'id rather not say',
  'prefer not to say',
  'dont want to say',
  "don't want to say",
  'no comment',
]);

/** The buttons' own words, understood without running the recognizers. */
const BUTTONS = new Map<string, TriageAnswer>([
  ['yes', 'yes'],
  ['no', 'no'],
  ['not sure', 'not-sure'],
  ['skip', 'skip'],
]);

/** Understands a typed or tapped answer, or returns undefined. */
export function recognizeAnswer(text: string | undefined): TriageAnswer | undefined {
  if (!text) return undefined;
  const t = normaliseCommand(text);
  if (t === '') return undefined;
  const tapped = BUTTONS.get(t);
  if (tapped) return tapped;
  if (NOT_SURE.has(t)) return 'not-sure';
  if (SKIP.has(t)) return 'skip';
  if (t.length > 60) return undefined;
  const found = recognizeBoolean(t, Culture.English);
  const value = found[0]?.resolution?.value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return undefined;
}

export class AnswerPrompt extends Prompt<TriageAnswer> {
  style: ListStyle = ListStyle.auto;

  constructor(dialogId: string, validator?: PromptValidator<TriageAnswer>) {
    super(dialogId, validator);
  }

  protected async onPrompt(
    context: TurnContext,
    _state: object,
    options: PromptOptions,
    isRetry: boolean,
  ): Promise<void> {
    const prompt = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    const choices = options.choices ?? ANSWER_CHOICES;
    const channelId = context.activity.channelId;
    await context.sendActivity(this.appendChoices(prompt ?? '', channelId, choices, this.style));
  }

  protected async onRecognize(
    context: TurnContext,
    _state: object,
    _options: PromptOptions,
  ): Promise<PromptRecognizerResult<TriageAnswer>> {
    const value = recognizeAnswer(context.activity.text);
    return value ? { succeeded: true, value } : { succeeded: false };
  }
}
