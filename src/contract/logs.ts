// Message logs: one per message, what the business reads back (recipient, time, status, a preview).
import * as z from 'zod/mini';
import { timeBound, timestamp, wireModel } from './codec.js';
import { idOf } from './ids.js';
import { listOf, listParams } from './list.js';
import { MessageError, MessageStatus } from './messages.js';
import { e164, phoneNumber, preview } from './personal.js';

/**
 * The log of one message: its recipient, its latest status and when, and a redacted preview.
 * @internal
 */
export const MessageLog = wireModel({
  /** The message's id, `msg_…`. */
  id: idOf('message'),
  /** Always `message_log`. */
  object: z.literal('message_log'),
  /** Its session. */
  sessionId: idOf('session'),
  /** The recipient, masked until `reveal()`. */
  recipient: phoneNumber,
  /** Its latest status. */
  status: MessageStatus,
  /** A text's first 40 characters, redacted until `reveal()`; else `null`. */
  preview: z.nullable(preview),
  /** Why it failed, or `null`. */
  error: z.nullable(MessageError),
  /** When the latest status was reached. */
  timestamp: timestamp,
  /** When sent. */
  createdAt: timestamp,
});
/**
 * The log of one message: its recipient, its latest status and when, and a redacted preview.
 * @interface
 */
export type MessageLog = z.output<typeof MessageLog>;

/** One page of message logs. */
export const MessageLogList = listOf(MessageLog);

/**
 * The query of `GET /v1/logs`: filters on status, session, recipient and `created_at`, and paging.
 * @internal
 */
export const ListLogsParams = wireModel(
  {
    ...listParams,
    /** Only logs with this status. */
    status: z.optional(MessageStatus),
    /** Only logs of this session. */
    sessionId: z.optional(idOf('session')),
    /** Only logs to this E.164 number. */
    recipient: z.optional(e164),
    /** Created at or after: a `Date`, ISO timestamp or `YYYY-MM-DD`. */
    since: z.optional(timeBound),
    /** Created before: a `Date`, ISO timestamp or `YYYY-MM-DD`. */
    until: z.optional(timeBound),
  },
  { strict: true },
);
/**
 * The query of `GET /v1/logs`: filters on status, session, recipient and `created_at`, and paging.
 * @interface
 */
export type ListLogsParams = z.output<typeof ListLogsParams>;
