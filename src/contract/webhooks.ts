// Webhooks: the endpoints a business registers, the events the service sends them, and the record of
// every delivery and its attempts.
import * as z from 'zod/mini';
import { timestamp, wireModel } from './codec.js';
import { idOf } from './ids.js';
import { listOf, listParams } from './list.js';
import { Secret } from './personal.js';

/**
 * The types of event the service sends.
 * @internal
 */
export const EventType = z.enum([
  'message.sent',
  'message.delivered',
  'message.read',
  'message.failed',
  'session.connected',
  'session.disconnected',
  'privacy_request.updated',
]);
/**
 * The types of event the service sends.
 * @useDeclaredType
 */
export type EventType = z.output<typeof EventType>;

/** An endpoint's subscription: event types, or `["*"]` for every type. */
export const EventSubscription = z
  // One enum rather than a union, so that a wrong entry is told the types it may be.
  .array(z.enum([...EventType.options, '*'] as const))
  .check(z.minLength(1), z.maxLength(EventType.options.length + 1));

const LOOPBACK = /^http:\/\/(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(:\d{1,5})?(\/\S*)?$/;

/** Where deliveries go: an `https://` URL, or `http://` on loopback for a receiver under test. */
export const EndpointUrl = z.string().check(
  z.maxLength(2048),
  z.refine((text) => /^https:\/\/[^\s/]+(\/\S*)?$/.test(text) || LOOPBACK.test(text), {
    error: 'must be an https:// URL (http:// only on localhost or 127.0.0.1)',
  }),
);

/** A signing secret: `whsec_` and the base64 of 24 to 64 random bytes. */
export const WebhookSecret = z
  .string()
  .check(z.regex(/^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/, { error: 'must be whsec_ followed by base64' }));

/**
 * Whether an endpoint receives deliveries.
 * @internal
 */
export const EndpointStatus = z.enum(['enabled', 'disabled']);
/**
 * Whether an endpoint receives deliveries.
 * @useDeclaredType
 */
export type EndpointStatus = z.output<typeof EndpointStatus>;

/**
 * A URL the service sends events to. `secret` is there only when it is created or rotated, and prints
 * masked (`whsec_••••abcd`): `endpoint.secret?.reveal()` gives it, to store it.
 * @internal
 */
export const WebhookEndpoint = wireModel({
  /** The endpoint's id, `whe_…`. */
  id: idOf('webhookEndpoint'),
  /** Always `webhook_endpoint`. */
  object: z.literal('webhook_endpoint'),
  /** Where deliveries go. */
  url: z.string(),
  /** A description, or `null`. */
  description: z.nullable(z.string()),
  /** Event types, or `["*"]` for all. */
  events: z.array(z.string()),
  /** Whether it receives deliveries. */
  status: EndpointStatus,
  /** The signing secret, on creation and rotation only; masked until `reveal()`. */
  secret: z.optional(
    z.codec(WebhookSecret, z.custom<Secret>(), {
      decode: (text) => new Secret(text),
      encode: (value) => value.reveal(),
    }),
  ),
  /** When created. */
  createdAt: timestamp,
  /** Last changed. */
  updatedAt: timestamp,
});
/**
 * A URL the service sends events to. `secret` is there only when it is created or rotated, and prints
 * masked (`whsec_••••abcd`): `endpoint.secret?.reveal()` gives it, to store it.
 * @interface
 */
export type WebhookEndpoint = z.output<typeof WebhookEndpoint>;

/** One page of webhook endpoints. */
export const WebhookEndpointList = listOf(WebhookEndpoint);

/**
 * The body of `POST /v1/webhook_endpoints`.
 * @internal
 */
export const CreateWebhookEndpointParams = wireModel(
  {
    /** An `https://` URL (`http://` on loopback). */
    url: EndpointUrl,
    /** Event types, or `["*"]` for all. */
    events: EventSubscription,
    /** A description of up to 500 characters. */
    description: z.optional(z.string().check(z.maxLength(500))),
  },
  { strict: true },
);
/**
 * The body of `POST /v1/webhook_endpoints`.
 * @interface
 */
export type CreateWebhookEndpointParams = z.output<typeof CreateWebhookEndpointParams>;

/**
 * The body of `PATCH /v1/webhook_endpoints/{id}`: any of its fields; `description: null` clears it.
 * @internal
 */
export const UpdateWebhookEndpointParams = wireModel(
  {
    /** A new URL. */
    url: z.optional(EndpointUrl),
    /** A new subscription. */
    events: z.optional(EventSubscription),
    /** A new description; `null` clears it. */
    description: z.optional(z.nullable(z.string().check(z.maxLength(500)))),
    /** `disabled` stops deliveries. */
    status: z.optional(EndpointStatus),
  },
  { strict: true },
);
/**
 * The body of `PATCH /v1/webhook_endpoints/{id}`: any of its fields; `description: null` clears it.
 * @interface
 */
export type UpdateWebhookEndpointParams = z.output<typeof UpdateWebhookEndpointParams>;

/**
 * The query of `GET /v1/webhook_endpoints`.
 * @internal
 */
export const ListWebhookEndpointsParams = wireModel({ ...listParams }, { strict: true });
/**
 * The query of `GET /v1/webhook_endpoints`.
 * @interface
 */
export type ListWebhookEndpointsParams = z.output<typeof ListWebhookEndpointsParams>;

/**
 * One attempt at a delivery: when, what the endpoint answered (or why there was no answer), how long.
 * @internal
 */
export const DeliveryAttempt = wireModel({
  /** When the attempt started. */
  at: timestamp,
  /** The endpoint's HTTP status, or `null`. */
  responseStatus: z.nullable(z.int()),
  /** Its duration in milliseconds. */
  durationMs: z.number(),
  /** Why there was no answer, or `null`. */
  error: z.nullable(z.string()),
});
/**
 * One attempt at a delivery: when, what the endpoint answered (or why there was no answer), how long.
 * @interface
 */
export type DeliveryAttempt = z.output<typeof DeliveryAttempt>;

/**
 * Where a delivery is: still being tried, answered with a 2xx, or given up after the eighth failure.
 * @internal
 */
export const DeliveryStatus = z.enum(['pending', 'succeeded', 'failed']);
/**
 * Where a delivery is: still being tried, answered with a 2xx, or given up after the eighth failure.
 * @useDeclaredType
 */
export type DeliveryStatus = z.output<typeof DeliveryStatus>;

/**
 * The record of one event sent to one endpoint, with every attempt.
 * @internal
 */
export const WebhookDelivery = wireModel({
  /** The delivery's id, `whd_…`. */
  id: idOf('webhookDelivery'),
  /** Always `webhook_delivery`. */
  object: z.literal('webhook_delivery'),
  /** Its endpoint. */
  endpointId: idOf('webhookEndpoint'),
  /** The event's id (`webhook-id`). */
  eventId: idOf('event'),
  /** The event's type. */
  eventType: z.string(),
  /** Where the delivery is. */
  status: DeliveryStatus,
  /** Attempts, oldest first. */
  attempts: z.array(DeliveryAttempt),
  /** When the next attempt is due, or `null`. */
  nextAttemptAt: z.nullable(timestamp),
  /** When created. */
  createdAt: timestamp,
});
/**
 * The record of one event sent to one endpoint, with every attempt.
 * @interface
 */
export type WebhookDelivery = z.output<typeof WebhookDelivery>;

/** One page of webhook deliveries. */
export const WebhookDeliveryList = listOf(WebhookDelivery);

/**
 * The query of `GET /v1/webhook_deliveries`.
 * @internal
 */
export const ListWebhookDeliveriesParams = wireModel(
  {
    ...listParams,
    /** Only deliveries to this endpoint. */
    endpointId: z.optional(idOf('webhookEndpoint')),
    /** Only deliveries of this event type. */
    eventType: z.optional(z.string().check(z.minLength(1))),
    /** Only deliveries with this status. */
    status: z.optional(DeliveryStatus),
  },
  { strict: true },
);
/**
 * The query of `GET /v1/webhook_deliveries`.
 * @interface
 */
export type ListWebhookDeliveriesParams = z.output<typeof ListWebhookDeliveriesParams>;
