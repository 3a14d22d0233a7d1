// Verifying a delivery: the secret, the body and the headers read; the timestamp within the tolerance;
// one `v1` signature in the header that matches, compared in constant time; then, for `verifyWebhook`,
// the body read into the typed event.
import type { WebhookEvent } from '../contract/events.js';
import { WebhookVerificationError } from '../core/errors.js';
import { deliveryHeaders, rawBody, type WebhookRawBody, type WebhookRequestHeaders } from './delivery.js';
import { decodeEvent } from './event.js';
import { signingKeys, type WebhookSecretInput } from './secret.js';
import { computeSignature, signaturesEqual, v1SignaturesOf } from './signature.js';

/** How to verify a delivery. */
export interface VerifyWebhookOptions {
  /**
   * The endpoint's signing secret (`whsec_…`), or a list of them while a secret is rotated: a delivery
   * signed with any of them verifies.
   */
  secret: WebhookSecretInput | readonly WebhookSecretInput[];
  /** How far, in seconds, the delivery's timestamp may be from `now`, into the past or the future. Default 300. */
  tolerance?: number;
  /** The time to check the timestamp against, as a `Date` or unix seconds; for tests. Default: the clock. */
  now?: Date | number;
}

const DEFAULT_TOLERANCE = 300;

function nowInSeconds(now: Date | number | undefined): number {
  if (now === undefined) return Math.floor(Date.now() / 1000);
  const seconds = now instanceof Date ? now.getTime() / 1000 : now;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) {
    throw new TypeError('`now` must be a valid Date or a number of unix seconds.');
  }
  return Math.floor(seconds);
}

function toleranceOf(tolerance: number | undefined): number {
  if (tolerance === undefined) return DEFAULT_TOLERANCE;
  if (typeof tolerance !== 'number' || !(tolerance >= 0)) {
    throw new TypeError('`tolerance` must be a number of seconds, 0 or more.');
  }
  return tolerance;
}

function checkTimestamp(timestamp: string, now: number, tolerance: number): void {
  if (!/^\d{1,15}$/.test(timestamp)) {
    throw new WebhookVerificationError(
      'invalid_timestamp',
      'The webhook-timestamp header is not unix seconds: the request is not from aulm, or was changed.',
    );
  }
  const age = now - Number(timestamp);
  if (age > tolerance) {
    throw new WebhookVerificationError(
      'timestamp_too_old',
      `The delivery was signed ${age} seconds ago, past the tolerance of ${tolerance} seconds: a replay, ` +
        "or this machine's clock is ahead.",
    );
  }
  if (-age > tolerance) {
    throw new WebhookVerificationError(
      'timestamp_too_new',
      `The delivery's timestamp is ${-age} seconds in the future, past the tolerance of ${tolerance} ` +
        "seconds: this machine's clock is behind (check NTP).",
    );
  }
}

/** Returns the body, as given, once the delivery is verified; throws `WebhookVerificationError`. Internal. */
export async function verifiedBody(
  given: unknown,
  headers: unknown,
  options: VerifyWebhookOptions,
): Promise<string | Uint8Array> {
  const keys = signingKeys(options?.secret);
  const now = nowInSeconds(options?.now);
  const tolerance = toleranceOf(options?.tolerance);
  const body = rawBody(given);
  const delivery = deliveryHeaders(headers);
  const id = delivery['webhook-id'];
  const timestamp = delivery['webhook-timestamp'];
  checkTimestamp(timestamp, now, tolerance);

  const sent = v1SignaturesOf(delivery['webhook-signature']);
  if (sent.length === 0) {
    throw new WebhookVerificationError(
      'no_matching_signature',
      'The webhook-signature header holds no "v1,<base64>" signature: the request is not from aulm.',
    );
  }
  const expected: string[] = [];
  for (const key of keys) expected.push(await computeSignature(key, id, timestamp, body));
  // Every pair is compared, match or not, so the time taken does not tell which one matched.
  let matched = false;
  for (const signature of expected) {
    for (const candidate of sent) matched = signaturesEqual(candidate, signature) || matched;
  }
  if (!matched) {
    const which = keys.length > 1 ? 'any of the secrets given' : 'the secret given';
    throw new WebhookVerificationError(
      'no_matching_signature',
      `No signature matches this body with ${which}: check the secret (pass both while rotating) and ` +
        'pass the raw body as received, not parsed and serialized again.',
    );
  }
  return body;
}

/**
 * Checks that a delivery was signed by aulm with the endpoint's secret, recently, and resolves to
 * nothing; it does not read the body. Rejects with `WebhookVerificationError`, whose `reason` says
 * which check failed.
 *
 * @param rawBody - the body exactly as received: a string or bytes, never the parsed JSON.
 * @param headers - the request's headers: a `Headers`, a plain object, or Node's `req.headers`.
 * @param options - `secret` (one, or a list while rotating), `tolerance` (seconds, default 300), `now`.
 *
 * @example
 * ```ts
 * import { verifyWebhookSignature } from 'aulm/webhooks';
 *
 * const body = await request.text();
 * await verifyWebhookSignature(body, request.headers, { secret: process.env.AULM_WEBHOOK_SECRET! });
 * ```
 */
export async function verifyWebhookSignature(
  rawBody: WebhookRawBody,
  headers: WebhookRequestHeaders,
  options: VerifyWebhookOptions,
): Promise<void> {
  await verifiedBody(rawBody, headers, options);
}

/**
 * Verifies a delivery as `verifyWebhookSignature` does, then returns the event it carries, typed by its
 * `type`. An event of a type this version does not know comes back with `unknown: true` and its `data`
 * unchecked. Rejects with `WebhookVerificationError`, whose `reason` says which check failed.
 *
 * @param rawBody - the body exactly as received: a string or bytes, never the parsed JSON.
 * @param headers - the request's headers: a `Headers`, a plain object, or Node's `req.headers`.
 * @param options - `secret` (one, or a list while rotating), `tolerance` (seconds, default 300), `now`.
 *
 * @example
 * ```ts
 * import { verifyWebhook, WebhookVerificationError } from 'aulm/webhooks';
 *
 * try {
 *   const event = await verifyWebhook(await request.text(), request.headers, {
 *     secret: process.env.AULM_WEBHOOK_SECRET!,
 *   });
 *   if (event.type === 'message.delivered') console.log(event.data.id, event.data.to); // to prints masked
 * } catch (error) {
 *   if (error instanceof WebhookVerificationError) return new Response(error.reason, { status: 400 });
 *   throw error;
 * }
 * ```
 */
export async function verifyWebhook(
  rawBody: WebhookRawBody,
  headers: WebhookRequestHeaders,
  options: VerifyWebhookOptions,
): Promise<WebhookEvent> {
  return decodeEvent(await verifiedBody(rawBody, headers, options));
}
