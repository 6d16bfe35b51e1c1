/**
 * Handing over to a person, through the Bot Framework handoff protocol. Our own small wrapper
 * around EventFactory, because the successor SDK (Microsoft 365 Agents SDK) has none: when the
 * bot moves, only this file changes.
 */
import { type Activity, EventFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { HandoffContext } from '../../livechat/handoff-context.ts';

export const HANDOFF_INITIATE = 'handoff.initiate';
export const HANDOFF_STATUS = 'handoff.status';

/** The handoff initiation event: context for the agent, and the redacted transcript lines. */
export function handoffInitiation(context: TurnContext, handoff: HandoffContext): Partial<Activity> {
  const at = new Date().toISOString();
  const transcript = {
    activities: handoff.transcript.map((line, i) => ({
      type: 'message',
      id: `handoff-${i}`,
      timestamp: at,
      text: line.text,
      from: line.from === 'user' ? { id: 'user', role: 'user' } : { id: 'bot', role: 'bot' },
    })),
  };
  return EventFactory.createHandoffInitiation(context, handoff.context, transcript as never);
}

const statusValue = z.object({
  state: z.enum(['accepted', 'failed', 'completed']),
  message: z.string().max(500).optional(),
});

export type HandoffState = z.infer<typeof statusValue>['state'];

/** The state in a handoff.status event, or undefined if it is not one we understand. */
export function handoffStatus(activity: Partial<Activity>): HandoffState | undefined {
  if (activity.type !== 'event' || activity.name !== HANDOFF_STATUS) return undefined;
  const parsed = statusValue.safeParse(activity.value);
  return parsed.success ? parsed.data.state : undefined;
}
