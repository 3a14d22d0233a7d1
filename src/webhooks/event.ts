// A verified body read into the event it carries: the envelope `{id, type, timestamp, data}` decoded with
// the contract's schemas, `data` into the model of its type when this version knows the type, or left as
// sent in an `UnknownWebhookEvent` when it does not, so a new event type never breaks a receiver.
import * as z from 'zod/mini';
import {
  EVENT_DATA,
  EventEnvelope,
  type KnownWebhookEvent,
  type UnknownWebhookEvent,
  type WebhookEvent,
} from '../contract/events.js';
import { WebhookVerificationError } from '../core/errors.js';

function invalidPayload(problem: string): WebhookVerificationError {
  return new WebhookVerificationError('invalid_payload', `The signature is valid, but ${problem}`);
}

// Says what is wrong with a field by its wire path, never quoting the value: it may be personal data.
function fieldProblem(error: z.core.$ZodError, prefix: string[]): string {
  const issue = error.issues[0];
  const field = [...prefix, ...(issue?.path.map(String) ?? [])].join('.') || 'the body';
  if (!issue) return `${field} is not valid`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `${field} is missing`;
      return `${field} should be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
    case 'invalid_value':
      return `${field} should be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_format':
      return `${field} should be ${issue.format === 'datetime' ? 'an ISO 8601 timestamp' : `a ${issue.format}`}`;
    case 'too_small':
      return `${field} should not be empty`;
    default:
      return `${field} ${issue.message === 'Invalid input' ? 'is not valid' : issue.message}`;
  }
}

function parseJSON(body: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw invalidPayload('the body is not UTF-8 text; an event is a JSON object.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw invalidPayload('the body is not JSON; an event is a JSON object {id, type, timestamp, data}.');
  }
}

/**
 * Returns the event a verified body carries. Throws `WebhookVerificationError` with reason
 * `invalid_payload` naming the field when the body is not an event envelope, or when the `data` of a
 * known type does not match its model.
 */
export function decodeEvent(body: Uint8Array): WebhookEvent {
  const json = parseJSON(body);
  const envelope = z.safeDecode(EventEnvelope, json as never, { reportInput: true });
  if (!envelope.success) {
    throw invalidPayload(
      `the body is not an event envelope {id, type, timestamp, data}: ${fieldProblem(envelope.error, [])}.`,
    );
  }
  const { id, type, timestamp, data } = envelope.data;
  if (!Object.hasOwn(EVENT_DATA, type)) {
    return { id, type, timestamp, data, unknown: true } satisfies UnknownWebhookEvent;
  }
  const schema = EVENT_DATA[type as keyof typeof EVENT_DATA] as z.ZodMiniType<unknown>;
  const decoded = z.safeDecode(schema, data as never, { reportInput: true });
  if (!decoded.success) {
    throw invalidPayload(
      `the data of this ${type} event does not match the model this version of aulm knows: ` +
        `${fieldProblem(decoded.error, ['data'])}. If the service has changed it, update aulm.`,
    );
  }
  return { id, type, timestamp, data: decoded.data } as KnownWebhookEvent;
}
