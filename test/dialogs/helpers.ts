import type { BotActivity } from '../helpers/bot-client.ts';
import { buttonsOf } from '../helpers/bot-client.ts';

export { buttonsOf };

export const texts = (acts: readonly BotActivity[]): string => acts.map((a) => a.text ?? '').join('\n');

/** The triage questions, as the person sees them. */
export const Q = {
  safe: /Are you safe right now\?/,
  repeated: /Has it happened more than once\?/,
  relationship: /Is the person a partner/,
  online: /Has any of it been online\?/,
  police: /Are the police involved yet\?/,
  summary: /From what you said, these might help/,
};
export const ORDER = [Q.safe, Q.repeated, Q.relationship, Q.online, Q.police] as const;
