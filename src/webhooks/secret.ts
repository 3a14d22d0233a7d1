// The signing secrets of an endpoint, read into HMAC keys: `whsec_` and the base64 of the key. A secret that
// is not that fails with `invalid_secret` and a message that says what is wrong, never the secret itself.
import { WebhookVerificationError } from '../core/errors.js';
import { decodeBase64 } from './base64.js';

const PREFIX = 'whsec_';

function invalid(label: string, problem: string): WebhookVerificationError {
  return new WebhookVerificationError('invalid_secret', `${label} ${problem}`);
}

/** A signing secret as a string, or as the masked `Secret` an endpoint's creation or rotation returns. */
export type WebhookSecretInput =
  | string
  | {
      /** Returns the secret itself, `whsec_…`. */
      reveal(): string;
    };

function keyOf(given: unknown, label: string): Uint8Array<ArrayBuffer> {
  const secret = isRevealable(given) ? given.reveal() : given;
  if (typeof secret !== 'string') {
    const kind =
      secret === undefined ? 'missing' : typeof secret === 'object' ? 'not a string' : `a ${typeof secret}`;
    throw invalid(label, `is ${kind}; pass a string.`);
  }
  if (secret === '') {
    throw invalid(label, 'is empty: is its environment variable set?');
  }
  if (secret.trim() !== secret) {
    throw invalid(label, 'has white space at its start or end; trim it.');
  }
  if (!secret.startsWith(PREFIX)) {
    const hint = secret.startsWith('aulm_') ? ': it looks like an API key' : '';
    throw invalid(label, `does not start with "${PREFIX}"${hint}.`);
  }
  const key = decodeBase64(secret.slice(PREFIX.length));
  if (key === null || key.length === 0) {
    throw invalid(label, `is not "${PREFIX}" followed by base64: copy it again, whole.`);
  }
  return key;
}

// The keys of the last few secrets read, by their text: a receiver verifies with the same secret each time.
const keys = new Map<string, Uint8Array<ArrayBuffer>>();

function cachedKeyOf(given: unknown, label: string): Uint8Array<ArrayBuffer> {
  const known = typeof given === 'string' ? keys.get(given) : undefined;
  if (known) return known;
  const key = keyOf(given, label);
  if (typeof given === 'string') {
    if (keys.size >= 8) keys.delete(keys.keys().next().value as string);
    keys.set(given, key);
  }
  return key;
}

/**
 * Returns the HMAC key of each secret: one secret, or several while an endpoint's secret is rotated (any
 * of them may have signed). Throws `WebhookVerificationError` with reason `invalid_secret`.
 */
export function signingKeys(secret: unknown): Uint8Array<ArrayBuffer>[] {
  if (secret === undefined || secret === null) {
    throw invalid('The webhook secret', "is missing: pass `secret`, the endpoint's whsec_… secret.");
  }
  if (!Array.isArray(secret)) return [cachedKeyOf(secret, 'The webhook secret')];
  if (secret.length === 0) throw invalid('The list of webhook secrets', 'is empty: pass at least one.');
  return secret.map((each, index) => cachedKeyOf(each, `Webhook secret ${index + 1} of ${secret.length}`));
}

// A `Secret` from any copy of the SDK: it has `reveal`, and that is all it takes.
function isRevealable(value: unknown): value is { reveal(): string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { reveal?: unknown }).reveal === 'function'
  );
}
