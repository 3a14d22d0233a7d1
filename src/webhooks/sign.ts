// Signing a delivery as the service does, for tests of a receiver: the three Standard Webhooks headers
// for a body, with one `v1` signature per secret given.
import { rawBody, type WebhookRawBody } from './delivery.js';
import { signingKeys, type WebhookSecretInput } from './secret.js';
import { computeSignature } from './signature.js';

/** How to sign a delivery. */
export interface SignWebhookOptions {
  /** The signing secret (`whsec_…`); a list signs with each, as the service does while a secret is rotated. */
  secret: WebhookSecretInput | readonly WebhookSecretInput[];
  /**
   * The `webhook-id`. Default: the event's `id` when the payload is an event envelope (as the service
   * sends it: the same id on every attempt), else a random `msg_…` id.
   */
  id?: string;
  /** When the delivery was signed, in unix seconds or as a `Date`. Default: now. */
  timestamp?: number | Date;
}

/** The headers of a signed delivery, to send with its body (a type, not an interface: it fits `HeadersInit`). */
export type SignedWebhookHeaders = {
  /** The delivery's id: the event's id, the same on every retry. */
  'webhook-id': string;
  /** When it was signed, in whole Unix seconds. */
  'webhook-timestamp': string;
  /** `v1,<base64 HMAC-SHA256>`, one per secret, separated by spaces. */
  'webhook-signature': string;
};

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

// An id like the API's own: a prefix and 24 base62 characters (the slight bias of `% 62` does not matter).
function randomMessageId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(24));
  return `msg_${Array.from(bytes, (byte) => BASE62[byte % 62]).join('')}`;
}

function envelopeIdOf(body: string | Uint8Array): string | undefined {
  try {
    const json: unknown = JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body));
    if (typeof json !== 'object' || json === null) return undefined;
    const { id, type } = json as { id?: unknown; type?: unknown };
    return typeof id === 'string' && id !== '' && typeof type === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

function timestampOf(timestamp: number | Date | undefined): string {
  const seconds =
    timestamp === undefined
      ? Date.now() / 1000
      : timestamp instanceof Date
        ? timestamp.getTime() / 1000
        : timestamp;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
    throw new TypeError('`timestamp` must be a valid Date or a number of unix seconds.');
  }
  return String(Math.floor(seconds));
}

/**
 * Signs a delivery body as the service does and returns its three headers, for testing a receiver. The
 * payload is the body exactly as it will be sent (a string or bytes): sign `JSON.stringify(event)` and
 * send that same string. Throws `WebhookVerificationError` with reason `invalid_secret` for a bad secret.
 *
 * @param payload - the body to sign, as it will be sent.
 * @param options - `secret` (one, or a list to sign with each), `id` and `timestamp` (unix seconds or a `Date`).
 *
 * @example
 * ```ts
 * import { signWebhook } from 'aulm/webhooks';
 *
 * const body = JSON.stringify({ id: 'evt_1', type: 'session.connected', timestamp: new Date().toISOString(), data });
 * const headers = await signWebhook(body, { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' });
 * await fetch('http://localhost:3000/webhooks', { method: 'POST', body, headers });
 * ```
 */
export async function signWebhook(
  payload: WebhookRawBody,
  options: SignWebhookOptions,
): Promise<SignedWebhookHeaders> {
  const keys = signingKeys(options?.secret);
  if (typeof payload === 'object' && payload !== null && !ArrayBuffer.isView(payload)) {
    if (Object.prototype.toString.call(payload) !== '[object ArrayBuffer]') {
      throw new TypeError(
        'signWebhook signs the body exactly as it will be sent: pass a string or bytes, such as JSON.stringify(event).',
      );
    }
  }
  const body = rawBody(payload);
  if (options.id !== undefined && (typeof options.id !== 'string' || options.id === '')) {
    throw new TypeError('`id` must be a non-empty string.');
  }
  const id = options.id ?? envelopeIdOf(body) ?? randomMessageId();
  const timestamp = timestampOf(options.timestamp);
  const signatures = await Promise.all(keys.map((key) => computeSignature(key, id, timestamp, body)));
  return {
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': signatures.map((signature) => `v1,${signature}`).join(' '),
  };
}
