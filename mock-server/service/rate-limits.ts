// Rate limits per API key: a token bucket of `burst` tokens, refilled at `requestsPerSecond` on the mock's
// clock. Each request takes a token; a request that finds none is refused (and takes nothing). No HTTP here:
// the handlers turn the state into the `ratelimit-*` headers and the 429.
import { ServiceError } from './errors.js';
import type { ServiceDeps } from './index.js';

/** How fast a key may call: `burst` requests at once, refilled at `requestsPerSecond`. */
export interface RateLimitPolicy {
  /** Tokens added per second of the mock's clock. */
  readonly requestsPerSecond: number;
  /** The size of the bucket: the most requests at once, and the `ratelimit-limit`. */
  readonly burst: number;
}

/** The default policy: generous enough that ordinary tests never meet it. */
export const DEFAULT_RATE_LIMIT: RateLimitPolicy = { requestsPerSecond: 1_000, burst: 10_000 };

/** A key's bucket after a request took its token (or was refused one). */
export interface RateLimitState {
  /** Whether the request got a token. */
  readonly allowed: boolean;
  /** The size of the bucket (`ratelimit-limit`). */
  readonly limit: number;
  /** Whole tokens left (`ratelimit-remaining`). */
  readonly remaining: number;
  /** Whole seconds, rounded up, until the bucket is full again (`ratelimit-reset`); 0 when it is full. */
  readonly reset: number;
  /** For a refused request: whole seconds, at least 1, until a token is there (`retry-after`). */
  readonly retryAfter: number | null;
}

// Tokens are fractional; this keeps 2.9999999 from counting as less than 3.
const EPSILON = 1e-9;

/** The buckets of every key. */
export class RateLimits {
  readonly #deps: ServiceDeps;

  constructor(deps: ServiceDeps) {
    this.#deps = deps;
  }

  /** Takes a token from the key's bucket (full at first use), if there is one, and returns its state. */
  take(keyId: string): RateLimitState {
    const { store, clock, rateLimit } = this.#deps;
    const { burst, requestsPerSecond } = rateLimit;
    const now = clock.now().getTime();
    const bucket = store.rateBuckets.get(keyId) ?? { tokens: burst, at: now };
    // A clock set back refills nothing, and the bucket counts from the new time.
    const elapsed = Math.max(0, now - bucket.at);
    bucket.tokens = Math.min(burst, bucket.tokens + (elapsed / 1000) * requestsPerSecond);
    bucket.at = now;
    store.rateBuckets.set(keyId, bucket);
    const allowed = bucket.tokens + EPSILON >= 1;
    if (allowed) bucket.tokens = Math.max(0, bucket.tokens - 1);
    const secondsFor = (tokens: number) => Math.max(0, Math.ceil(tokens / requestsPerSecond - EPSILON));
    return {
      allowed,
      limit: burst,
      remaining: Math.floor(bucket.tokens + EPSILON),
      reset: secondsFor(burst - bucket.tokens),
      retryAfter: allowed ? null : Math.max(1, secondsFor(1 - bucket.tokens)),
    };
  }

  /** The `429 rate_limited` for a request the bucket refused. */
  refusal(state: RateLimitState): ServiceError {
    const { requestsPerSecond } = this.#deps.rateLimit;
    return new ServiceError(
      429,
      'rate_limited',
      `Too many requests with this API key: up to ${state.limit} at once, refilled at ${requestsPerSecond} per second. Retry after ${state.retryAfter ?? 1} s.`,
    );
  }
}
