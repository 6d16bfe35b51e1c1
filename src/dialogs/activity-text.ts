/**
 * The text of an incoming message, typed or from a card submit, checked with zod.
 * Card submits (Adaptive Card Action.Submit, messageBack, imBack) become typed choices.
 */
import type { Activity } from 'botbuilder';
import { z } from 'zod';

const MAX_TEXT = 10_000;

const submitValue = z.union([
  z.string(),
  z.object({ text: z.string() }).passthrough(),
  z.object({ choice: z.string() }).passthrough(),
  z.object({ action: z.string() }).passthrough(),
  z.object({ msteams: z.object({ text: z.string() }).passthrough() }).passthrough(),
]);

/** Returns the words of a message activity, or undefined for other activities or empty messages. */
export function messageText(activity: Partial<Activity> | undefined): string | undefined {
  if (activity?.type !== 'message') return undefined;
  if (typeof activity.text === 'string' && activity.text.trim() !== '') {
    return activity.text.slice(0, MAX_TEXT);
  }
  const parsed = submitValue.safeParse(activity.value);
  if (!parsed.success) return undefined;
  const v = parsed.data;
  let out: string | undefined;
  if (typeof v === 'string') out = v;
  else if ('text' in v && typeof v.text === 'string') out = v.text;
  else if ('choice' in v && typeof v.choice === 'string') out = v.choice;
  else if ('action' in v && typeof v.action === 'string') out = v.action;
  else if ('msteams' in v) out = (v as { msteams: { text: string } }).msteams.text;
  out = out?.trim();
  return out ? out.slice(0, MAX_TEXT) : undefined;
}
