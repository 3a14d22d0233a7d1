// Webhooks: the endpoints a business registers, the events the service sends them, and the record of
// every delivery and its attempts.
import * as z from 'zod/mini';
import { schemaOf, timestamp, wireModel } from './codec.js';
import { httpsUrl } from './https-url.js';
import { idOf } from './ids.js';
import { type ListParams, listOf, listParams } from './list.js';
import { Secret } from './personal.js';

/** The types of event the service sends. */
export type EventType =
  | 'message.sent'
  | 'message.delivered'
  | 'message.read'
  | 'message.failed'
  | 'session.connected'
  | 'session.disconnected'
  | 'privacy_request.updated';
/**
 * The types of event the service sends.
 * @internal
 */
export const EventType = schemaOf<EventType>()(
  z.enum([
    'message.sent',
    'message.delivered',
    'message.read',
    'message.failed',
    'session.connected',
    'session.disconnected',
    'privacy_request.updated',
  ]),
);

/** An endpoint's subscription: event types, or `["*"]` for every type. */
export const EventSubscription = z
  // One enum rather than a union, so that a wrong entry is told the types it may be.
  .array(z.enum([...EventType.options, '*'] as const))
  .check(z.minLength(1), z.maxLength(EventType.options.length + 1));

/** Where deliveries go: an `https://` URL with a host, no credentials, and a port from 1 if one is given. */
export const EndpointUrl = httpsUrl(2048);

/** A signing secret: `whsec_` and the base64 of 24 to 64 random bytes. */
export const WebhookSecret = z
  .string()
  .check(z.regex(/^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/, { error: 'must be whsec_ followed by base64' }));

/** Whether an endpoint receives deliveries. */
export type EndpointStatus = 'enabled' | 'disabled';
/**
 * Whether an endpoint receives deliveries.
 * @internal
 */
export const EndpointStatus = schemaOf<EndpointStatus>()(z.enum(['enabled', 'disabled']));

/**
 * A URL the service sends events to. `secret` is there only when it is created or rotated, and prints
 * masked (`whsec_••••abcd`): `endpoint.secret?.reveal()` gives it, to store it.
 */
export interface WebhookEndpoint {
  /** The endpoint's id, `whe_…`. */
  id: string;
  /** Always `webhook_endpoint`. */
  object: 'webhook_endpoint';
  /** Where deliveries go. */
  url: string;
  /** A description, or `null`. */
  description: string | null;
  /** Event types, or `["*"]` for all. */
  events: string[];
  /** Whether it receives deliveries. */
  status: EndpointStatus;
  /** The signing secret, on creation and rotation only; masked until `reveal()`. */
  secret?: Secret | undefined;
  /** When created. */
  createdAt: Date;
  /** Last changed. */
  updatedAt: Date;
}
/**
 * A URL the service sends events to. `secret` is there only when it is created or rotated, and prints
 * masked (`whsec_••••abcd`): `endpoint.secret?.reveal()` gives it, to store it.
 * @internal
 */
export const WebhookEndpoint = wireModel<WebhookEndpoint>()({
  id: idOf('webhookEndpoint'),
  object: z.literal('webhook_endpoint'),
  url: z.string(),
  description: z.nullable(z.string()),
  events: z.array(z.string()),
  status: EndpointStatus,
  secret: z.optional(
    z.codec(WebhookSecret, z.custom<Secret>(), {
      decode: (text) => new Secret(text),
      encode: (value) => value.reveal(),
    }),
  ),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** One page of webhook endpoints. */
export const WebhookEndpointList = listOf(WebhookEndpoint);

/**
 * The body of `POST /v1/webhook_endpoints`.
 *
 * @example
 * ```ts
 * const endpoint = await aulm.webhooks.endpoints.create({
 *   url: 'https://example.com/aulm/webhooks',
 *   events: ['message.delivered', 'message.failed'],
 * });
 * ```
 */
export interface CreateWebhookEndpointParams {
  /** An `https://` URL (`http://` on loopback). */
  url: string;
  /** Event types, or `["*"]` for all. */
  events: (EventType | '*')[];
  /** A description of up to 500 characters. */
  description?: string | undefined;
}
/**
 * The body of `POST /v1/webhook_endpoints`.
 * @internal
 */
export const CreateWebhookEndpointParams = wireModel<CreateWebhookEndpointParams>()(
  {
    url: EndpointUrl,
    events: EventSubscription,
    description: z.optional(z.string().check(z.maxLength(500))),
  },
  { strict: true },
);

/** The body of `PATCH /v1/webhook_endpoints/{id}`: any of its fields; `description: null` clears it. */
export interface UpdateWebhookEndpointParams {
  /** A new URL. */
  url?: string | undefined;
  /** A new subscription. */
  events?: (EventType | '*')[] | undefined;
  /** A new description; `null` clears it. */
  description?: string | null | undefined;
  /** `disabled` stops deliveries. */
  status?: EndpointStatus | undefined;
}
/**
 * The body of `PATCH /v1/webhook_endpoints/{id}`: any of its fields; `description: null` clears it.
 * @internal
 */
export const UpdateWebhookEndpointParams = wireModel<UpdateWebhookEndpointParams>()(
  {
    url: z.optional(EndpointUrl),
    events: z.optional(EventSubscription),
    description: z.optional(z.nullable(z.string().check(z.maxLength(500)))),
    status: z.optional(EndpointStatus),
  },
  { strict: true },
);

/** The query of `GET /v1/webhook_endpoints`: paging only. */
export interface ListWebhookEndpointsParams extends ListParams {}
/**
 * The query of `GET /v1/webhook_endpoints`.
 * @internal
 */
export const ListWebhookEndpointsParams = wireModel<ListWebhookEndpointsParams>()(
  { ...listParams },
  { strict: true },
);

/** One attempt at a delivery: when, what the endpoint answered (or why there was no answer), how long. */
export interface DeliveryAttempt {
  /** When the attempt started. */
  at: Date;
  /** The endpoint's HTTP status, or `null`. */
  responseStatus: number | null;
  /** Its duration in milliseconds. */
  durationMs: number;
  /** Why there was no answer, or `null`. */
  error: string | null;
}
/**
 * One attempt at a delivery: when, what the endpoint answered (or why there was no answer), how long.
 * @internal
 */
export const DeliveryAttempt = wireModel<DeliveryAttempt>()({
  at: timestamp,
  responseStatus: z.nullable(z.int()),
  durationMs: z.number(),
  error: z.nullable(z.string()),
});

/** Where a delivery is: still being tried, answered with a 2xx, or given up after the eighth failure. */
export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';
/**
 * Where a delivery is: still being tried, answered with a 2xx, or given up after the eighth failure.
 * @internal
 */
export const DeliveryStatus = schemaOf<DeliveryStatus>()(z.enum(['pending', 'succeeded', 'failed']));

/** The record of one event sent to one endpoint, with every attempt. */
export interface WebhookDelivery {
  /** The delivery's id, `whd_…`. */
  id: string;
  /** Always `webhook_delivery`. */
  object: 'webhook_delivery';
  /** Its endpoint. */
  endpointId: string;
  /** The event's id (`webhook-id`). */
  eventId: string;
  /** The event's type. */
  eventType: string;
  /** Where the delivery is. */
  status: DeliveryStatus;
  /** Attempts, oldest first. */
  attempts: DeliveryAttempt[];
  /** When the next attempt is due, or `null`. */
  nextAttemptAt: Date | null;
  /** When created. */
  createdAt: Date;
}
/**
 * The record of one event sent to one endpoint, with every attempt.
 * @internal
 */
export const WebhookDelivery = wireModel<WebhookDelivery>()({
  id: idOf('webhookDelivery'),
  object: z.literal('webhook_delivery'),
  endpointId: idOf('webhookEndpoint'),
  eventId: idOf('event'),
  eventType: z.string(),
  status: DeliveryStatus,
  attempts: z.array(DeliveryAttempt),
  nextAttemptAt: z.nullable(timestamp),
  createdAt: timestamp,
});

/** One page of webhook deliveries. */
export const WebhookDeliveryList = listOf(WebhookDelivery);

/** The query of `GET /v1/webhook_deliveries`. */
export interface ListWebhookDeliveriesParams extends ListParams {
  /** Only deliveries to this endpoint. */
  endpointId?: string | undefined;
  /** Only deliveries of this event type. */
  eventType?: string | undefined;
  /** Only deliveries with this status. */
  status?: DeliveryStatus | undefined;
}
/**
 * The query of `GET /v1/webhook_deliveries`.
 * @internal
 */
export const ListWebhookDeliveriesParams = wireModel<ListWebhookDeliveriesParams>()(
  {
    ...listParams,
    endpointId: z.optional(idOf('webhookEndpoint')),
    eventType: z.optional(z.string().check(z.minLength(1))),
    status: z.optional(DeliveryStatus),
  },
  { strict: true },
);
