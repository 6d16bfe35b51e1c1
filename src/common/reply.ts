/**
 * A framework-free reply: what the bot says, before any channel shapes it.
 * src/bot.ts and src/dialogs turn these into Bot Framework activities, so that
 * knowledge, safety and privacy never import botbuilder.
 */
export type Audience = 'public' | 'staff';

export interface ReplyButton {
  /** What the button shows. Short, plain words. */
  readonly title: string;
  /** What is sent back when it is pressed (imBack text). Defaults to the title. */
  readonly value?: string;
  /** A tel: URI: the button places a call where the channel supports it. */
  readonly tel?: string;
}

export interface Reply {
  /** Plain text, complete on its own (works on any channel and with a screen reader). */
  readonly text: string;
  readonly buttons?: readonly ReplyButton[];
}
