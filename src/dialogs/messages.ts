/**
 * The bot's own words (not legal content): welcome, help, goodbye, errors.
 * Plain English, short sentences, the same phone numbers everywhere.
 */
import { COMPASS_LINE, DANGER_LINE, ESSEX_COMPASS } from '../common/contacts.ts';
import type { Reply } from '../common/reply.ts';

export const MENU_BUTTON = 'Back to menu';

export const WELCOME: Reply = {
  text: [
    "Hello. I'm a computer, not a person.",
    'I can explain the laws and court orders that protect people from stalking and harassment.',
    DANGER_LINE,
    COMPASS_LINE,
  ].join('\n\n'),
};

export const WELCOME_WEB_EXIT = 'To leave this page fast, press Exit at the top of the chat.';

export const MENU_PROMPT = 'What would you like to know? Tap a button or type a question.';

export const HELP: Reply = {
  text: [
    "I'm a computer. I give information about stalking and harassment law, not legal advice.",
    'Tap a button or type a question in your own words.',
    'Type "menu" to start again, "exit" to end the chat, or "delete my chat" to remove it.',
  ].join('\n\n'),
};

export const GOODBYE: Reply = {
  text: [
    'Goodbye. I have cleared this chat.',
    DANGER_LINE,
    COMPASS_LINE,
    'Type anything to start again.',
  ].join('\n\n'),
};

export const DELETED: Reply = {
  text: [
    'Done. I have deleted this chat from our system.',
    "Microsoft's Direct Line service may keep messages for up to 24 hours.",
    DANGER_LINE,
  ].join('\n\n'),
  buttons: [{ title: 'Start again', value: 'menu' }],
};

export const SORRY_ERROR: Reply = {
  text: ['Sorry, something went wrong on our side.', DANGER_LINE, COMPASS_LINE].join('\n\n'),
  buttons: [
    { title: 'Call 999', tel: 'tel:999' },
    { title: 'Call Essex Compass', tel: ESSEX_COMPASS.tel },
    { title: MENU_BUTTON, value: 'menu' },
  ],
};

export const NOT_UNDERSTOOD = "Sorry, I didn't understand. Please tap a button, or type menu or help.";

export const CARRY_ON = 'Shall we carry on with the questions?';

export const HANDOFF_ACCEPTED: Reply = {
  text: 'A member of our team has joined the chat. You can talk to them here now.',
};

export const HANDOFF_COMPLETED: Reply = {
  text: `The member of our team has left the chat. You can keep chatting with me.\n\n${DANGER_LINE}`,
  buttons: [{ title: MENU_BUTTON, value: 'menu' }],
};
