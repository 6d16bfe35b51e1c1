/** What the dialogs need from the rest of the bot, passed in once at start-up. */
import type { TurnContext } from 'botbuilder';
import type { Reply } from '../common/reply.ts';
import type { Knowledge } from '../knowledge/index.ts';
import type { ConversationFacts } from './facts.ts';

export interface DialogDeps {
  readonly knowledge: Knowledge;
  /** This conversation's facts (loaded from conversation state). */
  facts(context: TurnContext): Promise<ConversationFacts>;
  /** Removes this conversation's and this user's stored state at once. */
  forget(context: TurnContext): Promise<void>;
  /** The first-time danger prompt (public framing), as replies with channelData.escalation. */
  dangerPrompt(context: TurnContext): Promise<void>;
  /** Whether a person is available on live chat now, and what to do if not. */
  availability(now: Date): Reply;
  /** The answer to "talk to a person" when nobody can take over now. */
  noPersonNow(now: Date): Reply;
  /** True when a person can take over now (in hours and handoff enabled). */
  canHandOff(now: Date): boolean;
  now(): Date;
}
