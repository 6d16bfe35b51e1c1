/**
 * What the bot says about live chat with a person. Honest above all: the person is never told
 * a human is coming when none is. Framework-free: returns a Reply, never imports botbuilder.
 */
import { COMPASS_LINE, DANGER_LINE, EMERGENCY, ESSEX_COMPASS } from '../common/contacts.ts';
import type { Reply, ReplyButton } from '../common/reply.ts';
import type { Timetable } from './hours.ts';
import { describeNextOpening, isLiveChatOpen, NEXT_OPENING_HORIZON_DAYS, nextOpening } from './hours.ts';

export interface LiveChatOptions {
  /** HANDOFF_ENABLED: is this chat window connected to the live-chat team at all? */
  readonly handoffEnabled: boolean;
}

/** Where live chat stands at an instant. 'not-connected' wins over any hours. */
export type LiveChatState =
  | { readonly kind: 'not-connected' }
  | { readonly kind: 'open' }
  | { readonly kind: 'closed'; readonly nextOpening: Date | undefined };

export function liveChatState(timetable: Timetable, now: Date, opts: LiveChatOptions): LiveChatState {
  if (!opts.handoffEnabled) return { kind: 'not-connected' };
  if (isLiveChatOpen(timetable, now)) return { kind: 'open' };
  return { kind: 'closed', nextOpening: nextOpening(timetable, now) };
}

const NOT_CONNECTED =
  "Talking to a person isn't available in this chat window yet. I'm a bot, and I can't pass you on.";
const NONE_ON_NOW = 'No one is on live chat right now.';

function whenItOpens(next: Date | undefined, now: Date): string {
  return next === undefined
    ? `Live chat is not due to open in the next ${NEXT_OPENING_HORIZON_DAYS / 7} weeks.`
    : describeNextOpening(next, now);
}

const paragraphs = (...lines: readonly string[]): string => lines.join('\n\n');

/** One or two sentences: is a person on live chat now, and if not, when it next opens. */
export function availabilityStatus(timetable: Timetable, now: Date, opts: LiveChatOptions): string {
  const state = liveChatState(timetable, now, opts);
  return state.kind === 'not-connected'
    ? NOT_CONNECTED
    : state.kind === 'open'
      ? 'Live chat is open now, so you can ask to talk to a person. You may need to wait until someone is free.'
      : `${NONE_ON_NOW} ${whenItOpens(state.nextOpening, now)}`;
}

/** Whether a person is on live chat now and, if not, when live chat next opens. Always gives 24-hour help and 999. */
export function availabilityReply(timetable: Timetable, now: Date, opts: LiveChatOptions): Reply {
  return { text: paragraphs(availabilityStatus(timetable, now, opts), COMPASS_LINE, DANGER_LINE) };
}

export const NO_PERSON_BUTTONS: readonly ReplyButton[] = [
  { title: 'Call Essex Compass', tel: ESSEX_COMPASS.tel },
  { title: 'Call 999', tel: EMERGENCY.tel },
  { title: 'Keep chatting with the bot' },
];

/**
 * The answer to "talk to a person" when no handoff will happen: out of hours, handoff disabled,
 * or (if called while open) the handoff could not be started. Offers calls and the bot.
 */
export function noPersonNowReply(timetable: Timetable, now: Date, opts: LiveChatOptions): Reply {
  const state = liveChatState(timetable, now, opts);
  const status =
    state.kind === 'not-connected'
      ? NOT_CONNECTED
      : state.kind === 'open'
        ? "I couldn't pass you to a person just now. Please try again in a few minutes."
        : `No one is on live chat right now, so I can't pass you to a person. ${whenItOpens(state.nextOpening, now)}`;
  return {
    text: paragraphs(status, COMPASS_LINE, DANGER_LINE, 'Or you can keep chatting with me.'),
    buttons: NO_PERSON_BUTTONS,
  };
}
