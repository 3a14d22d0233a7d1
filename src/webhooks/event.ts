// A verified body read into the event it carries, without a schema, so that `aulm/webhooks` stays small:
// the envelope `{id, type, timestamp, data}` is checked field by field; the `data` of a known type must be
// the object that type is about, and is read into its model by the wire's naming rules (`modelOf`); the
// `data` of an unknown type stays as sent, in an `UnknownWebhookEvent`, so a new type never breaks a
// receiver. The client's `aulm.webhooks.verify` passes a `readData` that checks `data` against its model.
import { modelOf } from '../contract/convert.js';
import type { KnownWebhookEvent, WebhookEvent } from '../contract/events.js';
import { WebhookVerificationError } from '../core/errors.js';

type EventType = KnownWebhookEvent['type'];

/** Reads the wire `data` of a known event type into its model; throws a sentence naming what is wrong. */
export type ReadEventData = (type: EventType, data: unknown) => unknown;

/**
 * The event types this version knows (the keys of the contract's `EVENT_DATA`, which a test holds it to).
 * Each is `{object}.{what happened}`, and its `data` is that object.
 */
export const KNOWN_EVENT =
  /^(message\.(sent|delivered|read|failed)|session\.(dis)?connected|privacy_request\.updated)$/;

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/i;

function invalidPayload(problem: string): WebhookVerificationError {
  return new WebhookVerificationError('invalid_payload', `The signature is valid, but ${problem}`);
}

function notEnvelope(problem: string): WebhookVerificationError {
  return invalidPayload(`the body is not an event envelope {id, type, timestamp, data}: ${problem}.`);
}

function text(envelope: Record<string, unknown>, field: string): string {
  const value = envelope[field];
  if (value === undefined) throw notEnvelope(`${field} is missing`);
  if (typeof value !== 'string') throw notEnvelope(`${field} should be a string`);
  if (value === '') throw notEnvelope(`${field} should not be empty`);
  return value;
}

/** Reads `data` by the naming rules, once it is the object its type is about. */
const readByName: ReadEventData = (type, data) => {
  const object = type.split('.')[0];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error('data should be an object');
  }
  if ((data as { object?: unknown }).object !== object) throw new Error(`data.object should be "${object}"`);
  return modelOf(data);
};

function parseJSON(body: string | Uint8Array): unknown {
  try {
    return JSON.parse(
      typeof body === 'string' ? body : new TextDecoder('utf-8', { fatal: true }).decode(body),
    );
  } catch {
    throw invalidPayload('the body is not UTF-8 JSON text.');
  }
}

/**
 * Returns the event a verified body carries. Throws `WebhookVerificationError` with reason
 * `invalid_payload`, naming the field, when the body is not an event envelope, or when `readData`
 * refuses the `data` of a known type.
 */
export function decodeEvent(body: string | Uint8Array, readData: ReadEventData = readByName): WebhookEvent {
  const envelope = parseJSON(body);
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
    throw notEnvelope('the body should be an object');
  }
  const fields = envelope as Record<string, unknown>;
  const id = text(fields, 'id');
  const type = text(fields, 'type');
  const sent = text(fields, 'timestamp');
  const timestamp = new Date(sent);
  if (!ISO_TIME.test(sent) || Number.isNaN(timestamp.getTime())) {
    throw notEnvelope('timestamp should be an ISO 8601 timestamp');
  }
  if (!('data' in fields)) throw notEnvelope('data is missing');
  if (!KNOWN_EVENT.test(type)) return { id, type, timestamp, data: fields.data, unknown: true };
  let data: unknown;
  try {
    data = readData(type as EventType, fields.data);
  } catch (error) {
    throw invalidPayload(
      `the data of this ${type} event does not match its model: ${(error as Error).message}.`,
    );
  }
  return { id, type, timestamp, data } as KnownWebhookEvent;
}
