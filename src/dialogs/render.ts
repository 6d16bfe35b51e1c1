/**
 * Turns framework-free replies (src/common/reply.ts) into Bot Framework activities.
 * Call buttons become hero-card `call` actions where the channel can show cards; the text always
 * carries the numbers too, so it works on any channel and with a screen reader.
 */
import { type Activity, ActivityTypes, type CardAction, CardFactory, MessageFactory } from 'botbuilder';
import { supportsCardActions, supportsSuggestedActions } from 'botbuilder-dialogs';
import type { Reply } from '../common/reply.ts';
import type { EscalationLevel } from '../safety/types.ts';

export interface ReplyMeta {
  readonly topic?: string;
  readonly escalation?: EscalationLevel;
}

function channelData(meta: ReplyMeta | undefined): Record<string, string> | undefined {
  if (!meta) return undefined;
  const data: Record<string, string> = {};
  if (meta.topic) data.topic = meta.topic;
  if (meta.escalation) data.escalation = meta.escalation;
  return Object.keys(data).length > 0 ? data : undefined;
}

/**
 * Channels whose clients place a call from a `call` button (Web Chat opens tel: links). Teams
 * does not support call actions on cards, and staff there do not need them: the text carries the
 * numbers on every channel.
 */
const CALL_CHANNELS = new Set(['webchat', 'directline', 'emulator']);

/** One reply -> one activity, shaped for the channel. */
export function toActivity(reply: Reply, channelId: string, meta?: ReplyMeta): Partial<Activity> {
  const canCall = CALL_CHANNELS.has(channelId);
  const buttons = (reply.buttons ?? []).filter((b) => canCall || !b.tel);
  const calls = buttons.filter((b) => b.tel);
  const choices = buttons.filter((b) => !b.tel);
  let activity: Partial<Activity>;
  if (calls.length > 0 && supportsCardActions(channelId, buttons.length)) {
    const actions: CardAction[] = buttons.map((b) =>
      b.tel
        ? { type: 'call', title: b.title, value: b.tel }
        : { type: 'imBack', title: b.title, value: b.value ?? b.title },
    );
    activity = MessageFactory.attachment(CardFactory.heroCard('', undefined, actions));
    activity.text = reply.text;
  } else if (choices.length > 0 && supportsSuggestedActions(channelId, choices.length)) {
    activity = MessageFactory.suggestedActions(
      choices.map((b) => ({ type: 'imBack', title: b.title, value: b.value ?? b.title })),
      reply.text,
    );
  } else if (choices.length > 0 && supportsCardActions(channelId, choices.length)) {
    activity = MessageFactory.attachment(
      CardFactory.heroCard(
        '',
        undefined,
        choices.map((b) => ({ type: 'imBack', title: b.title, value: b.value ?? b.title })),
      ),
    );
    activity.text = reply.text;
  } else {
    // Plain text channels (terminal chat, tests): the choices written out as a numbered list.
    const list = choices.map((b, i) => `${i + 1}. ${b.title}`).join('\n');
    activity = MessageFactory.text(list ? `${reply.text}\n\n${list}` : reply.text);
  }
  activity.type = ActivityTypes.Message;
  const data = channelData(meta);
  if (data) activity.channelData = data;
  return activity;
}

export function toActivities(
  replies: readonly Reply[],
  channelId: string,
  meta?: ReplyMeta,
): Partial<Activity>[] {
  return replies.map((r) => toActivity(r, channelId, meta));
}
