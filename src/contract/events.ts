// Events: the envelope every webhook body carries, and the model of the `data` of each event type.
import * as z from 'zod/mini';
import { timestamp, wireModel } from './codec.js';
import { Message } from './messages.js';
import { PrivacyRequest } from './privacy.js';
import { Session } from './sessions.js';

/** The envelope of every event body: `{id, type, timestamp, data}`, `data` not yet read. */
export interface EventEnvelope {
  /** The event's id, `evt_…`. */
  id: string;
  /** The event's type. */
  type: string;
  /** When the event happened. */
  timestamp: Date;
  /** The object the event is about, as the wire carries it. */
  data: unknown;
}
/**
 * The fields of the envelope of every event body, each one word, so the same on the wire.
 * @internal
 */
export const eventEnvelopeShape = {
  id: z.string().check(z.minLength(1)),
  type: z.string().check(z.minLength(1)),
  timestamp,
  data: z.unknown(),
};

/**
 * The envelope of every event body: `{id, type, timestamp, data}`, `data` not yet read.
 * @internal
 */
export const EventEnvelope = wireModel<EventEnvelope>()(eventEnvelopeShape);

/**
 * An event about a message: `message.sent`, `message.delivered`, `message.read` or `message.failed`, its
 * `data` the message as it is once that happened.
 */
export interface MessageWebhookEvent<
  T extends 'message.sent' | 'message.delivered' | 'message.read' | 'message.failed' =
    | 'message.sent'
    | 'message.delivered'
    | 'message.read'
    | 'message.failed',
> {
  /** The event's id, `evt_…`: the `webhook-id` header, the same on every retry of it. */
  id: string;
  /** The event's type. */
  type: T;
  /** When the event happened. */
  timestamp: Date;
  /** The message. */
  data: Message;
  /** Absent on an event this version knows. */
  unknown?: never;
}

/** An event about a session: `session.connected` or `session.disconnected`, its `data` the session. */
export interface SessionWebhookEvent<
  T extends 'session.connected' | 'session.disconnected' = 'session.connected' | 'session.disconnected',
> {
  /** The event's id, `evt_…`: the `webhook-id` header, the same on every retry of it. */
  id: string;
  /** The event's type. */
  type: T;
  /** When the event happened. */
  timestamp: Date;
  /** The session. */
  data: Session;
  /** Absent on an event this version knows. */
  unknown?: never;
}

/** An event about a privacy request: `privacy_request.updated`, its `data` the request. */
export interface PrivacyRequestWebhookEvent {
  /** The event's id, `evt_…`: the `webhook-id` header, the same on every retry of it. */
  id: string;
  /** The event's type. */
  type: 'privacy_request.updated';
  /** When the event happened. */
  timestamp: Date;
  /** The privacy request, typed by its own `type`. */
  data: PrivacyRequest;
  /** Absent on an event this version knows. */
  unknown?: never;
}

/**
 * An event of one of the types this version knows, with its `data` decoded into the model: a `Message`
 * for the `message.*` types, a `Session` for `session.*`, a `PrivacyRequest` for `privacy_request.updated`.
 */
export type KnownWebhookEvent =
  | MessageWebhookEvent<'message.sent'>
  | MessageWebhookEvent<'message.delivered'>
  | MessageWebhookEvent<'message.read'>
  | MessageWebhookEvent<'message.failed'>
  | SessionWebhookEvent<'session.connected'>
  | SessionWebhookEvent<'session.disconnected'>
  | PrivacyRequestWebhookEvent;

/** The schema of the `data` of each event type this version knows, each tied to its event's `data`. */
export const EVENT_DATA = {
  'message.sent': Message,
  'message.delivered': Message,
  'message.read': Message,
  'message.failed': Message,
  'session.connected': Session,
  'session.disconnected': Session,
  'privacy_request.updated': PrivacyRequest,
} as const satisfies { [E in KnownWebhookEvent as E['type']]: z.ZodMiniType<E['data']> };

/**
 * An event of a type this version does not know (a newer service sent it): it verified, but its `data`
 * is the wire object as sent, unchecked.
 */
export interface UnknownWebhookEvent {
  /** The event's id: the `webhook-id` header, the same on every retry of it. */
  id: string;
  /** The event's type, one this version does not know. */
  type: string;
  /** When the event happened. */
  timestamp: Date;
  /** The event's `data` as the wire carried it (snake_case, unchecked). */
  data: unknown;
  /** Marks the event as one this version could not read, so a `switch` on `type` stays exhaustive. */
  unknown: true;
}

/**
 * An event as a verified delivery carries it: a union discriminated on `type`, once `unknown` is ruled out.
 *
 * @example
 * ```ts
 * if (event.unknown) return; // a type this version does not know
 * switch (event.type) {
 *   case 'message.delivered': console.log(event.data.id, event.data.status); break;
 *   case 'session.disconnected': alertOps(event.data.id); break;
 * }
 * ```
 */
export type WebhookEvent = KnownWebhookEvent | UnknownWebhookEvent;
