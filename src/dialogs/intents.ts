/**
 * Words that steer the conversation from anywhere: help, menu, exit, delete my chat, talk to a
 * person. Whole-message matches only, so "make him stop" is never read as "stop".
 */
export type Intent = 'help' | 'menu' | 'exit' | 'delete' | 'person';

const PHRASES: Record<Intent, readonly string[]> = {
  help: ['help', 'what can you do', 'what do you do', 'how does this work', 'options', 'info'],
  menu: [
    'menu',
    'main menu',
    'back to menu',
    'back to the menu',
    'start again',
    'start over',
    'restart',
    'home',
    'back',
    'go back',
    'keep chatting',
    'keep chatting with the bot',
    'carry on',
  ],
  exit: ['exit', 'quit', 'stop', 'end', 'end chat', 'bye', 'goodbye', 'close', 'leave'],
  delete: [
    'delete my chat',
    'delete chat',
    'delete this chat',
    'delete my data',
    'delete everything',
    'forget me',
    'forget this chat',
    'clear my chat',
    'clear chat',
    'erase my chat',
  ],
  person: [
    'talk to a person',
    'talk to a real person',
    'can i talk to a real person',
    'can i talk to a person',
    'can i speak to someone',
    'speak to a person',
    'speak to someone',
    'talk to someone',
    'talk to someone real',
    'someone real',
    'real person',
    'human',
    'a human',
    'talk to a human',
    'speak to a human',
    'live chat',
    'agent',
    'operator',
    'advisor',
    'adviser',
  ],
};

const LOOKUP = new Map<string, Intent>();
for (const [intent, phrases] of Object.entries(PHRASES) as [Intent, readonly string[]][]) {
  for (const p of phrases) LOOKUP.set(p, intent);
}

/** Lower-case, straight quotes, no punctuation at the ends, single spaces, "please" dropped. */
export function normaliseCommand(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\b(please|pls|plz|now|thanks|thank you)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function detectIntent(text: string | undefined): Intent | undefined {
  if (!text || text.length > 80) return undefined;
  return LOOKUP.get(normaliseCommand(text));
}
