// What a delivery brings to the receiver, read the same way whatever the framework: the raw body as bytes,
// and the three Standard Webhooks headers from a `Headers`, a plain object, or Node's `IncomingHttpHeaders`.
import { WebhookVerificationError } from '../core/errors.js';

/**
 * The body of a delivery exactly as it arrived: a string, or bytes (`Uint8Array`, Node's `Buffer`,
 * `ArrayBuffer`). Never the parsed JSON: the signature covers the bytes.
 */
export type WebhookRawBody = string | Uint8Array | ArrayBuffer | ArrayBufferView;

/**
 * The headers of a delivery: a `Headers` (fetch, edge runtimes), or a plain object with names in any
 * case, such as Node's `IncomingHttpHeaders` (`req.headers`), whose values may be lists.
 */
export type WebhookRequestHeaders =
  | {
      /** Returns the header's value, or `null` when it is missing (as `Headers.get` does). */
      get(name: string): string | null;
    }
  | Readonly<Record<string, string | readonly string[] | number | undefined | null>>;

/** The headers that a delivery is signed with. */
export type WebhookHeaderName = 'webhook-id' | 'webhook-timestamp' | 'webhook-signature';

const RAW_BODY_HINT =
  'pass the raw body as received: `express.raw({ type: "application/json" })` and `req.body` in ' +
  'Express, `await request.text()` in a fetch handler';

const HEADERS_HINT = "pass the request's headers as received (`request.headers`, `req.headers`)";

/**
 * Returns a raw body as text or bytes (a string stays a string: it is signed as its UTF-8 bytes); throws
 * `invalid_payload` for a parsed object or anything not a body.
 */
export function rawBody(body: unknown): string | Uint8Array {
  if (typeof body === 'string') return body;
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (Object.prototype.toString.call(body) === '[object ArrayBuffer]') {
    return new Uint8Array(body as ArrayBuffer);
  }
  const problem =
    body === undefined || body === null
      ? 'No body was given'
      : typeof body === 'object'
        ? 'The body was given as an already-parsed object'
        : `The body was given as a ${typeof body}`;
  throw new WebhookVerificationError('invalid_payload', `${problem}: ${RAW_BODY_HINT}.`);
}

function rawHeader(headers: WebhookRequestHeaders, name: WebhookHeaderName): unknown {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get(name);
  }
  if (Object.hasOwn(headers, name)) return (headers as Record<string, unknown>)[name];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return value;
  }
  return undefined;
}

/**
 * Returns the value of a delivery header, trimmed, or null when it is absent or empty. A header given as a
 * list (Node's `IncomingHttpHeaders`, or a framework that keeps repeated lines apart) reads as its first
 * value, except `webhook-signature`, whose values are all kept, joined by a space: each may hold signatures.
 */
export function readHeader(headers: WebhookRequestHeaders, name: WebhookHeaderName): string | null {
  const value = rawHeader(headers, name);
  const text = Array.isArray(value)
    ? name === 'webhook-signature'
      ? value.map(String).join(' ')
      : value[0]
    : value;
  if (typeof text !== 'string' && typeof text !== 'number') return null;
  return String(text).trim() || null;
}

/** Returns the three delivery headers; throws `missing_header` naming every one that is absent. */
export function deliveryHeaders(headers: unknown): Record<WebhookHeaderName, string> {
  if (typeof headers !== 'object' || headers === null) {
    throw new WebhookVerificationError('missing_header', `No headers were given: ${HEADERS_HINT}.`);
  }
  const names: WebhookHeaderName[] = ['webhook-id', 'webhook-timestamp', 'webhook-signature'];
  const values = names.map((name) => readHeader(headers as WebhookRequestHeaders, name));
  const missing = names.filter((_, index) => values[index] === null);
  if (missing.length > 0) {
    const list = missing.join(' and ').replace(/ and (?=.* and )/, ', ');
    throw new WebhookVerificationError(
      'missing_header',
      `The ${list} header${missing.length > 1 ? 's are' : ' is'} missing: ${HEADERS_HINT}.`,
    );
  }
  const [id, timestamp, signature] = values as string[];
  return { 'webhook-id': id!, 'webhook-timestamp': timestamp!, 'webhook-signature': signature! };
}
