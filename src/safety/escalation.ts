/**
 * What the bot says when risk shows. Plain words, short sentences, every number written in the
 * text as well as in a call button, so it works on any channel and with a screen reader.
 */
import { EMERGENCY, ESSEX_COMPASS } from '../common/contacts.ts';
import type { Audience, Reply, ReplyButton } from '../common/reply.ts';
import type { EscalationLevel } from './types.ts';

/** Button the person taps to carry on. The bot intercepts this exact text. */
export const SAFE_TO_CHAT = 'Yes, keep chatting';
/** Button the person taps to leave. The bot intercepts this exact text. */
export const NEED_TO_GO = 'I need to go';

const CALL_999: ReplyButton = { title: 'Call 999', tel: EMERGENCY.tel };
const CALL_COMPASS: ReplyButton = { title: 'Call Essex Compass', tel: ESSEX_COMPASS.tel };

const ARE_YOU_SAFE: Reply = {
  text: 'Are you safe to keep chatting?',
  buttons: [
    { title: SAFE_TO_CHAT, value: SAFE_TO_CHAT },
    { title: NEED_TO_GO, value: NEED_TO_GO },
  ],
};

const PUBLIC_IMMEDIATE: readonly Reply[] = [
  {
    text: `If you are in danger now, call ${EMERGENCY.display}. If you can't speak, call ${EMERGENCY.display} and press 55 when asked.`,
    buttons: [CALL_999],
  },
  {
    text: `Essex Compass can help you too. Call ${ESSEX_COMPASS.display}. They answer 24 hours a day.`,
    buttons: [CALL_COMPASS],
  },
  ARE_YOU_SAFE,
];

const PUBLIC_IMMEDIATE_REPEAT: readonly Reply[] = [
  {
    text: `In danger now? Call ${EMERGENCY.display}, or ${EMERGENCY.display} then 55 if you can't speak. Essex Compass: ${ESSEX_COMPASS.display}.`,
    buttons: [CALL_999, CALL_COMPASS],
  },
  ARE_YOU_SAFE,
];

const PUBLIC_CONCERN: readonly Reply[] = [
  {
    text:
      `You don't have to deal with this alone. Essex Compass can help. Call ${ESSEX_COMPASS.display}. ` +
      'They answer 24 hours a day. Trained staff will listen, work out what you need and link you to local services. ' +
      `If it becomes an emergency, call ${EMERGENCY.display}.`,
    buttons: [CALL_COMPASS],
  },
];

const PUBLIC_CONCERN_REPEAT: readonly Reply[] = [
  {
    text: `Essex Compass can help: call ${ESSEX_COMPASS.display}, any time. In an emergency, call ${EMERGENCY.display}.`,
    buttons: [CALL_COMPASS, CALL_999],
  },
];

const STAFF_IMMEDIATE: readonly Reply[] = [
  {
    text:
      `If the person is in immediate danger, advise them to call ${EMERGENCY.display}. ` +
      `If they can't speak, they can call ${EMERGENCY.display} and press 55 when asked.`,
    buttons: [CALL_999],
  },
  {
    text: `Essex Compass can support them: ${ESSEX_COMPASS.display}, 24 hours a day.`,
    buttons: [CALL_COMPASS],
  },
];

const STAFF_IMMEDIATE_REPEAT: readonly Reply[] = [
  {
    text: `Reminder: advise ${EMERGENCY.display} if the person is in danger now, or ${EMERGENCY.display} then 55 if they can't speak. Essex Compass: ${ESSEX_COMPASS.display}.`,
    buttons: [CALL_999, CALL_COMPASS],
  },
];

const STAFF_CONCERN: readonly Reply[] = [
  {
    text:
      `Think about referring the person to Essex Compass on ${ESSEX_COMPASS.display}. ` +
      'They answer 24 hours a day and link people to local services. ' +
      `If the person is in immediate danger, advise them to call ${EMERGENCY.display}.`,
    buttons: [CALL_COMPASS],
  },
];

const STAFF_CONCERN_REPEAT: readonly Reply[] = [
  {
    text: `Reminder: you can refer the person to Essex Compass on ${ESSEX_COMPASS.display}. In an emergency, advise ${EMERGENCY.display}.`,
    buttons: [CALL_COMPASS, CALL_999],
  },
];

/**
 * The replies for a risk level. Never empty: a repeat in the same conversation gets a shorter
 * reminder, never nothing.
 */
export function escalationReplies(
  level: EscalationLevel,
  audience: Audience,
  opts: { readonly repeat: boolean },
): Reply[] {
  const staff = audience === 'staff';
  if (level === 'immediate') {
    if (staff) return [...(opts.repeat ? STAFF_IMMEDIATE_REPEAT : STAFF_IMMEDIATE)];
    return [...(opts.repeat ? PUBLIC_IMMEDIATE_REPEAT : PUBLIC_IMMEDIATE)];
  }
  if (staff) return [...(opts.repeat ? STAFF_CONCERN_REPEAT : STAFF_CONCERN)];
  return [...(opts.repeat ? PUBLIC_CONCERN_REPEAT : PUBLIC_CONCERN)];
}

/** After 'I need to go': how to leave fast and leave no trace. */
export const NEED_TO_GO_REPLY: Reply = {
  text:
    'OK. To leave fast, press Exit at the top of the chat. ' +
    `If you are in danger, call ${EMERGENCY.display}. ` +
    'To hide this visit, use a private window next time, or clear your browser history.',
  buttons: [CALL_999],
};

/** After 'Yes, keep chatting'. */
export const SAFE_TO_CHAT_REPLY: Reply = { text: 'OK. We can carry on.' };
