// Message logs: one per message, what the business reads back (recipient, time, status, a preview).
import * as z from 'zod/mini';
import { timeBound, timestamp, wireModel } from './codec.js';
import { idOf } from './ids.js';
import { type ListParams, listOf, listParams } from './list.js';
import { MessageError, MessageStatus } from './messages.js';
import { e164, type PhoneNumber, phoneNumber, preview, type Redacted } from './personal.js';

/** The log of one message: its recipient, its latest status and when, and a redacted preview. */
export interface MessageLog {
  /** The message's id, `msg_…`. */
  id: string;
  /** Always `message_log`. */
  object: 'message_log';
  /** Its session. */
  sessionId: string;
  /** The recipient, masked until `reveal()`. */
  recipient: PhoneNumber;
  /** Its latest status. */
  status: MessageStatus;
  /** A text's first 40 characters, redacted until `reveal()`; else `null`. */
  preview: Redacted | null;
  /** Why it failed, or `null`. */
  error: MessageError | null;
  /** When the latest status was reached. */
  timestamp: Date;
  /** When sent. */
  createdAt: Date;
}
/**
 * The log of one message: its recipient, its latest status and when, and a redacted preview.
 * @internal
 */
export const MessageLog = wireModel<MessageLog>()({
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

/** One page of message logs. */
export const MessageLogList = listOf(MessageLog);

/** The query of `GET /v1/logs`: filters on status, session, recipient and `created_at`, and paging. */
export interface ListLogsParams extends ListParams {
  /** Only logs with this status. */
  status?: MessageStatus | undefined;
  /** Only logs of this session. */
  sessionId?: string | undefined;
  /** Only logs to this E.164 number. */
  recipient?: string | undefined;
  /** Created at or after: a `Date`, ISO timestamp or `YYYY-MM-DD`. */
  since?: Date | string | undefined;
  /** Created before: a `Date`, ISO timestamp or `YYYY-MM-DD`. */
  until?: Date | string | undefined;
}
/**
 * The query of `GET /v1/logs`: filters on status, session, recipient and `created_at`, and paging.
 * @internal
 */
export const ListLogsParams = wireModel<ListLogsParams>()(
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
