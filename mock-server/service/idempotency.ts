// Idempotency keys: the first answer to a POST carrying an `Idempotency-Key`, kept for 24 hours on the mock's
// clock per account, so that a retry gets the same answer and the work is done once. No HTTP here: the
// handlers pass the method, the path and the body text, and store and replay `{status, body}`.
import { ServiceError } from './errors.js';
import type { ServiceDeps } from './index.js';
import type { IdempotencyRecord, StoredAnswer } from './store.js';

/** How long a key is remembered, from the arrival of its first request: 24 hours. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** What a key may be: 1 to 255 printable ASCII characters (space to `~`). */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;

/** A request that carries an idempotency key, as far as its identity goes. */
export interface IdempotentRequest {
  /** The account of the key that sent it: keys are remembered per account. */
  readonly accountId: string;
  /** The `Idempotency-Key`. */
  readonly key: string;
  readonly method: string;
  /** The path without the host or query: the same request on the global and the regional host is one. */
  readonly path: string;
  /** The body as sent; compared by its decoded JSON, so key order and whitespace do not matter. */
  readonly body: string;
}

/** A key held by a first request while it runs: complete it with the answer, or release it. */
export interface Reservation {
  /** Stores the answer, which every later request with the key and the same request gets. */
  complete(answer: StoredAnswer): void;
  /** Forgets the key, so that a later request with it runs anew (for an answer not worth replaying). */
  release(): void;
}

/** What `begin` decides: this request is the first (and holds the key), or it replays the first's answer. */
export type IdempotencyOutcome =
  | { readonly kind: 'first'; readonly reservation: Reservation }
  | { readonly kind: 'replay'; readonly answer: StoredAnswer };

/** The idempotency keys of every account. */
export class IdempotencyKeys {
  readonly #deps: ServiceDeps;

  constructor(deps: ServiceDeps) {
    this.#deps = deps;
  }

  /**
   * Looks the key up. Unknown or expired: this request is the first, and holds the key as in progress.
   * Known for another method, path or body: `409 idempotency_key_reused`. Known for this request and still
   * in progress: `409 idempotency_request_in_progress`. Known and answered: the answer, to replay. A key
   * that is not 1 to 255 printable ASCII characters is `400 invalid_idempotency_key`.
   */
  begin(request: IdempotentRequest): IdempotencyOutcome {
    if (!IDEMPOTENCY_KEY_PATTERN.test(request.key)) {
      throw new ServiceError(
        400,
        'invalid_idempotency_key',
        'The Idempotency-Key header must be 1 to 255 printable ASCII characters.',
      );
    }
    const { store, clock } = this.#deps;
    const now = clock.now();
    this.#forgetExpired(now.getTime());
    const slot = `${request.accountId}/${request.key}`;
    // Kept, and compared, without the numbers the account erased: an erasure takes them out of the
    // fingerprints already kept, and a retry of the same request still matches its own.
    const fingerprint = store.erasedNumbers.redact(request.accountId, fingerprintOf(request.body));
    let known = store.idempotencyKeys.get(slot);
    // The sweep stops at the first live key; after the clock was set back, an expired one may lie behind it.
    if (known && known.expiresAt.getTime() <= now.getTime()) {
      store.idempotencyKeys.delete(slot);
      known = undefined;
    }
    if (known) {
      if (
        known.method !== request.method ||
        known.path !== request.path ||
        known.fingerprint !== fingerprint
      ) {
        throw new ServiceError(
          409,
          'idempotency_key_reused',
          `This Idempotency-Key was used for another request (${known.method} ${known.path} with another body) in the last 24 hours; use a new key for a new request.`,
        );
      }
      if (known.answer === null) {
        throw new ServiceError(
          409,
          'idempotency_request_in_progress',
          'A request with this Idempotency-Key is still being processed; retry once it has been answered.',
        );
      }
      return { kind: 'replay', answer: known.answer };
    }
    const record: IdempotencyRecord = {
      method: request.method,
      path: request.path,
      fingerprint,
      createdAt: now,
      expiresAt: new Date(now.getTime() + IDEMPOTENCY_KEY_TTL_MS),
      answer: null,
    };
    store.idempotencyKeys.set(slot, record);
    return {
      kind: 'first',
      reservation: {
        complete: (answer) => {
          if (store.idempotencyKeys.get(slot) === record) record.answer = answer;
        },
        release: () => {
          if (store.idempotencyKeys.get(slot) === record) store.idempotencyKeys.delete(slot);
        },
      },
    };
  }

  // Keys are kept in order of first use, so the expired ones are at the front.
  #forgetExpired(now: number): void {
    const keys = this.#deps.store.idempotencyKeys;
    for (const [slot, record] of keys) {
      if (record.expiresAt.getTime() > now) return;
      keys.delete(slot);
    }
  }
}

/**
 * Returns what two bodies are compared by: their JSON with every object's keys sorted, so that key order and
 * whitespace do not count; a body that is not JSON is compared as sent. An empty body counts as `{}`, as the
 * routes read it.
 */
export function fingerprintOf(body: string): string {
  if (body.trim() === '') return 'json:{}';
  try {
    return `json:${JSON.stringify(JSON.parse(body), sortedKeys)}`;
  } catch {
    return `text:${body}`;
  }
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}
