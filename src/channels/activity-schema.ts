/**
 * The shape an incoming activity must have before it reaches the adapter. Bot Framework itself
 * assumes these types and answers 500 (or throws) when they are wrong; we answer 400 instead.
 * Unknown fields pass through untouched.
 */
import { z } from 'zod';

const id = z.string().max(512);

const account = z
  .object({
    id,
    name: z.string().max(256).optional(),
    role: z.string().max(64).optional(),
    aadObjectId: z.string().max(128).optional(),
  })
  .passthrough();

export const activitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: id.optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.url().max(2048),
    conversation: z
      .object({
        id: id.min(1),
        tenantId: z.string().max(128).optional(),
        conversationType: z.string().max(64).optional(),
      })
      .passthrough(),
    from: account.optional(),
    recipient: account.optional(),
    text: z.string().optional(),
    textFormat: z.string().max(32).optional(),
    locale: z.string().max(32).optional(),
    timestamp: z.string().max(64).optional(),
    localTimestamp: z.string().max(64).optional(),
    localTimezone: z.string().max(64).optional(),
    deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']).optional(),
    name: z.string().max(256).optional(),
    replyToId: id.optional(),
    membersAdded: z.array(account).max(100).optional(),
    membersRemoved: z.array(account).max(100).optional(),
    entities: z
      .array(z.object({ type: z.string().max(64) }).passthrough())
      .max(50)
      .optional(),
    attachments: z
      .array(z.object({ contentType: z.string().max(256) }).passthrough())
      .max(20)
      .optional(),
    channelData: z.record(z.string(), z.unknown()).optional(),
    value: z.unknown().optional(),
  })
  .passthrough();

export type IncomingActivity = z.infer<typeof activitySchema>;
