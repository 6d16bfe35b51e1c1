/** Teams-shaped activities for the staff tests: tenant, conversation type, @mentions, card submits. */
import { randomUUID } from 'node:crypto';

export const STAFF_TENANT = '6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
export const OTHER_TENANT = '0a0b0c0d-1e1f-4a2b-8c3d-4e5f6a7b8c9d';
export const BOT = { id: '28:7d3e1f2a-0000-4000-8000-00000000b07e', name: 'Support Bot' } as const;
export const MENTION_TEXT = `<at>${BOT.name}</at>`;

export interface TeamsOptions {
  readonly tenant?: string | undefined;
  readonly conversationType?: 'personal' | 'channel' | 'groupChat';
  /** Put a different tenant on conversation.tenantId than on channelData.tenant.id. */
  readonly conversationTenant?: string;
}

/** The fields every Teams activity carries. */
export function teamsFields(opts: TeamsOptions = {}): Record<string, unknown> {
  const tenant = opts.tenant;
  const conversationType = opts.conversationType ?? 'personal';
  const conversationTenant = opts.conversationTenant ?? tenant;
  return {
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    recipient: { ...BOT },
    from: { id: `29:${randomUUID()}`, name: 'Staff Member', aadObjectId: randomUUID() },
    conversation: {
      id:
        conversationType === 'channel'
          ? `19:${randomUUID().replace(/-/g, '')}@thread.tacv2;messageid=${Date.now()}`
          : `a:${randomUUID()}`,
      conversationType,
      isGroup: conversationType !== 'personal',
      ...(conversationTenant ? { tenantId: conversationTenant } : {}),
    },
    channelData: {
      ...(tenant ? { tenant: { id: tenant } } : {}),
      ...(conversationType === 'channel'
        ? { team: { id: '19:team@thread.tacv2' }, channel: { id: '19:channel@thread.tacv2' } }
        : {}),
    },
    locale: 'en-GB',
  };
}

/** The bot @mentioned in a channel or group chat: "<at>Support Bot</at> non-mol". */
export function mentionFields(words: string): Record<string, unknown> {
  return {
    text: `${MENTION_TEXT} ${words}`,
    entities: [{ type: 'mention', mentioned: { ...BOT }, text: MENTION_TEXT }],
  };
}
