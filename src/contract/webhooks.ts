// Webhooks: the endpoints a business registers, the events the service sends them, and the record of
// every delivery and its attempts.
import * as z from 'zod/mini';
import { timestamp, wireModel } from './codec.js';
import { idOf } from './ids.js';
import { listOf, listParams } from './list.js';
import { Secret } from './personal.js';

/** The types of event the service sends. */
export const EventType = z.enum([
  'message.sent',
  'message.delivered',
  'message.read',
  'message.failed',
  'session.connected',
  'session.disconnected',
  'privacy_request.updated',
]);
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
export const WebhookSecret = z.string().check(z.regex(/^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/));

/** Whether an endpoint receives deliveries. */
export const EndpointStatus = z.enum(['enabled', 'disabled']);
export type EndpointStatus = z.output<typeof EndpointStatus>;

/**
 * A URL the service sends events to. `secret` is there only when it is created or rotated, and prints
 * masked (`whsec_••••abcd`): `endpoint.secret?.reveal()` gives it, to store it.
 */
export const WebhookEndpoint = wireModel({
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
export type WebhookEndpoint = z.output<typeof WebhookEndpoint>;

/** One page of webhook endpoints. */
export const WebhookEndpointList = listOf(WebhookEndpoint);

/** The body of `POST /v1/webhook_endpoints`. */
export const CreateWebhookEndpointParams = wireModel(
  {
    url: EndpointUrl,
    events: EventSubscription,
    description: z.optional(z.string().check(z.maxLength(500))),
  },
  { strict: true },
);
export type CreateWebhookEndpointParams = z.output<typeof CreateWebhookEndpointParams>;

/** The body of `PATCH /v1/webhook_endpoints/{id}`: any of its fields; `description: null` clears it. */
export const UpdateWebhookEndpointParams = wireModel(
  {
    url: z.optional(EndpointUrl),
    events: z.optional(EventSubscription),
    description: z.optional(z.nullable(z.string().check(z.maxLength(500)))),
    status: z.optional(EndpointStatus),
  },
  { strict: true },
);
export type UpdateWebhookEndpointParams = z.output<typeof UpdateWebhookEndpointParams>;

/** The query of `GET /v1/webhook_endpoints`. */
export const ListWebhookEndpointsParams = wireModel({ ...listParams }, { strict: true });
export type ListWebhookEndpointsParams = z.output<typeof ListWebhookEndpointsParams>;

/** One attempt at a delivery: when, what the endpoint answered (or why there was no answer), how long. */
export const DeliveryAttempt = wireModel({
  at: timestamp,
  responseStatus: z.nullable(z.int()),
  durationMs: z.number(),
  error: z.nullable(z.string()),
});
export type DeliveryAttempt = z.output<typeof DeliveryAttempt>;

/** Where a delivery is: still being tried, answered with a 2xx, or given up after the eighth failure. */
export const DeliveryStatus = z.enum(['pending', 'succeeded', 'failed']);
export type DeliveryStatus = z.output<typeof DeliveryStatus>;

/** The record of one event sent to one endpoint, with every attempt. */
export const WebhookDelivery = wireModel({
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
export type WebhookDelivery = z.output<typeof WebhookDelivery>;

/** One page of webhook deliveries. */
export const WebhookDeliveryList = listOf(WebhookDelivery);

/** The query of `GET /v1/webhook_deliveries`. */
export const ListWebhookDeliveriesParams = wireModel(
  {
    ...listParams,
    endpointId: z.optional(idOf('webhookEndpoint')),
    eventType: z.optional(z.string().check(z.minLength(1))),
    status: z.optional(DeliveryStatus),
  },
  { strict: true },
);
export type ListWebhookDeliveriesParams = z.output<typeof ListWebhookDeliveriesParams>;
