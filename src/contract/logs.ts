// Message logs: one per message, what the business reads back (recipient, time, status, a preview).
import * as z from 'zod/mini';
import { timeBound, timestamp, wireModel } from './codec.js';
import { idOf } from './ids.js';
import { listOf, listParams } from './list.js';
import { MessageError, MessageStatus } from './messages.js';
import { e164, phoneNumber, preview } from './personal.js';

/** The log of one message: its recipient, its latest status and when, and a redacted preview. */
export const MessageLog = wireModel({
  id: idOf('message'),
  object: z.literal('message_log'),
  sessionId: idOf('session'),
  recipient: phoneNumber,
  status: MessageStatus,
  preview: z.nullable(preview),
  error: z.nullable(MessageError),
  timestamp: timestamp,
  createdAt: timestamp,
});
export type MessageLog = z.output<typeof MessageLog>;

/** One page of message logs. */
export const MessageLogList = listOf(MessageLog);

/** The query of `GET /v1/logs`: filters on status, session, recipient and `created_at`, and paging. */
export const ListLogsParams = wireModel(
  {
    ...listParams,
    status: z.optional(MessageStatus),
    sessionId: z.optional(idOf('session')),
    recipient: z.optional(e164),
    since: z.optional(timeBound),
    until: z.optional(timeBound),
  },
  { strict: true },
);
export type ListLogsParams = z.output<typeof ListLogsParams>;
