/**
 * "Talk to a person". In live-chat hours, with handoff enabled, the bot asks first, lets the
 * person add a note (optional), and sends the handoff initiation event with the topics read,
 * the triage answers, the highest escalation seen and the redacted note. Otherwise it says
 * honestly that no one is on live chat now, and what to do instead.
 */
import {
  type Choice,
  type FoundChoice,
  TextPrompt,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { handoffInitiation } from '../channels/handoff/events.ts';
import { DANGER_LINE } from '../common/contacts.ts';
import { buildHandoffContext } from '../livechat/handoff-context.ts';
import { redact } from '../privacy/redact.ts';
import type { DialogDeps } from './deps.ts';
import { MENU_BUTTON } from './messages.ts';
import { toActivity } from './render.ts';
import { listStyleFor } from './routes.ts';

export const HANDOFF_DIALOG = 'handoff';
export const HANDOFF_CONSENT_PROMPT = 'handoffConsent';
export const HANDOFF_NOTE_PROMPT = 'handoffNote';

export const CONSENT_TEXT =
  "I'll pass you to a member of our team. They will see which topics you read and your answers to my questions. Is that OK?";
const YES = 'Yes, pass me on';
const NO = 'No, thanks';
const SKIP_NOTE = 'Skip';

export function createHandoffPrompts(): TextPrompt {
  return new TextPrompt(HANDOFF_NOTE_PROMPT);
}

export function createHandoffDialog(deps: DialogDeps): WaterfallDialog {
  return new WaterfallDialog(HANDOFF_DIALOG, [
    async (step: WaterfallStepContext) => {
      const channelId = step.context.activity.channelId;
      if (!deps.canHandOff(deps.now())) {
        await step.context.sendActivity(toActivity(deps.noPersonNow(deps.now()), channelId));
        // Its buttons are the way on; the menu is one tap ("Keep chatting with the bot") away.
        return step.endDialog({ kind: 'pause' });
      }
      const choices: Choice[] = [YES, NO].map((value) => ({ value }));
      return step.prompt(HANDOFF_CONSENT_PROMPT, {
        prompt: CONSENT_TEXT,
        retryPrompt: `Please tap a button. ${CONSENT_TEXT}`,
        choices,
        style: listStyleFor(channelId, choices.length),
      });
    },
    async (step: WaterfallStepContext) => {
      if ((step.result as FoundChoice).value !== YES) {
        await step.context.sendActivity('OK. I have not passed anything on. You can keep chatting with me.');
        return step.endDialog();
      }
      return step.prompt(HANDOFF_NOTE_PROMPT, {
        prompt: toActivity(
          {
            text: 'Is there anything you want them to know first? Please leave out names and addresses. You can skip this.',
            buttons: [{ title: SKIP_NOTE }],
          },
          step.context.activity.channelId,
        ),
      });
    },
    async (step: WaterfallStepContext) => {
      const note =
        typeof step.result === 'string' && step.result.trim() !== SKIP_NOTE ? step.result : undefined;
      const facts = await deps.facts(step.context);
      const handoff = buildHandoffContext(
        {
          topicsVisited: facts.topics,
          triage: facts.triage,
          highestEscalation: facts.highest,
          transcript: note ? [{ from: 'user', text: note }] : [],
        },
        redact,
      );
      await step.context.sendActivity(handoffInitiation(step.context, handoff));
      await step.context.sendActivity(
        toActivity(
          {
            text: `Thank you. I have asked a member of our team to join this chat. You may need to wait a little.\n\n${DANGER_LINE}`,
            buttons: [{ title: MENU_BUTTON, value: 'menu' }],
          },
          step.context.activity.channelId,
        ),
      );
      return step.endDialog({ kind: 'pause' });
    },
  ]);
}
