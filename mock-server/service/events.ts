// Events: what happens in an account, announced to its webhook endpoints. Each event is made once, with its
// object encoded in wire form by the contract's schema, and handed to every enabled endpoint of the account
// that subscribes to its type; one delivery each.
import * as z from 'zod/mini';
import { EVENT_DATA, EventEnvelope, type MessageStatus } from '../../src/contract/index.js';
import type { ServiceDeps } from './index.js';
import type { Messages } from './messages.js';
import type { Sessions } from './sessions.js';
import type { EventRecord } from './store.js';
import type { WebhookDeliveries } from './webhook-deliveries.js';
import type { WebhookEndpoints } from './webhook-endpoints.js';

/** An event type whose `data` the contract knows how to encode. */
export type EmittedEventType = keyof typeof EVENT_DATA;

/** The `data` of an event of type `T`: the model, as the service returns it from its own routes. */
export type EventData<T extends EmittedEventType> = z.output<(typeof EVENT_DATA)[T]>;

// A message's status change that is an event (`queued` is where a message starts, not a change).
const MESSAGE_EVENTS: Partial<Record<MessageStatus, EmittedEventType>> = {
  sent: 'message.sent',
  delivered: 'message.delivered',
  read: 'message.read',
  failed: 'message.failed',
};

/** The events of every account. */
export class Events {
  readonly #deps: ServiceDeps;
  readonly #endpoints: WebhookEndpoints;
  readonly #deliveries: WebhookDeliveries;

  constructor(deps: ServiceDeps, endpoints: WebhookEndpoints, deliveries: WebhookDeliveries) {
    this.#deps = deps;
    this.#endpoints = endpoints;
    this.#deliveries = deliveries;
  }

  /**
   * Announces an event of an account, now: `data` is encoded with the contract's schema for `type`, and
   * each enabled endpoint of the account subscribed to `type` (or `*`) gets a delivery, its first attempt
   * under way. Returns the event, or `null` when no endpoint wants it: such an event is not kept. `data`
   * may be a function, called only when some endpoint wants the event.
   */
  emit<T extends EmittedEventType>(
    accountId: string,
    type: T,
    data: EventData<T> | (() => EventData<T>),
  ): EventRecord | null {
    const endpoints = this.#endpoints.subscribers(accountId, type);
    if (endpoints.length === 0) return null;
    const { store, ids, clock } = this.#deps;
    const id = ids.id('event');
    const timestamp = clock.now();
    const model = typeof data === 'function' ? (data as () => EventData<T>)() : data;
    const wireData = z.encode(EVENT_DATA[type] as z.ZodMiniType, model);
    const event = store.events.insert({
      id,
      accountId,
      seq: store.nextSeq(),
      type,
      body: JSON.stringify(z.encode(EventEnvelope, { id, type, timestamp, data: wireData })),
      createdAt: timestamp,
    });
    for (const endpoint of endpoints) this.#deliveries.create(event, endpoint);
    return event;
  }

  /** Announces `session.connected` and `session.disconnected`. */
  followSessions(sessions: Sessions): void {
    sessions.on((change, session) => {
      this.emit(session.accountId, `session.${change}`, () => sessions.toModel(session));
    });
  }

  /**
   * Announces `message.sent`, `message.delivered`, `message.read` and `message.failed`. The model is made
   * only for an event some endpoint wants: three status changes follow every message, mostly in accounts
   * with no endpoint at all.
   */
  followMessages(messages: Messages): void {
    messages.on((message) => {
      const type = MESSAGE_EVENTS[message.status];
      if (type) this.emit(message.accountId, type, () => messages.toModel(message));
    });
  }

  // `privacy_request.updated` is emitted by the privacy service itself (privacy.ts), on each change of a
  // request. A privacy erasure rewrites or deletes the stored bodies about the erased number.
}
