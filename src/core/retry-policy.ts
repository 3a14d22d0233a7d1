// When a failed attempt is tried again, and after how long: SDK.md "Reliability".
import { APIConnectionError, APIError, type AulmError } from './errors.js';

/** A server's `retry-after` is honoured up to this long; a longer one is thrown at once. */
export const MAX_RETRY_AFTER_MS = 60_000;

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
const JITTER = 0.25;

/**
 * Returns how long the server asks to wait, in milliseconds, from `retry-after-ms` or `retry-after`
 * (seconds, or an HTTP date); null when it does not ask or the header cannot be read.
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | null {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after')?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * Decides retries: connection errors, timeouts, 408, 409 `idempotency_request_in_progress`, 429 and 5xx
 * are retried up to `maxRetries` times, after `min(8 s, 0.5 s × 2^n)` less up to 25% jitter, or after
 * what the server's `retry-after` asks when that is at most 60 s.
 */
export class RetryPolicy {
  readonly #random: () => number;
  readonly #now: () => number;

  constructor(options: { random?: () => number; now?: () => number } = {}) {
    this.#random = options.random ?? Math.random;
    this.#now = options.now ?? Date.now;
  }

  /** Returns whether an attempt that failed with `error` is worth trying again. */
  isRetryable(error: AulmError): boolean {
    if (error instanceof APIConnectionError) return true;
    if (!(error instanceof APIError)) return false;
    const { status, code } = error;
    return (
      status === 408 ||
      status === 429 ||
      status >= 500 ||
      (status === 409 && code === 'idempotency_request_in_progress')
    );
  }

  /**
   * Returns the milliseconds to wait before retry number `retry` (0 for the first) after `error`,
   * or null when `error` must be thrown now: not retryable, no retries left, or a `retry-after` beyond 60 s.
   */
  delayBefore(retry: number, maxRetries: number, error: AulmError): number | null {
    if (retry >= maxRetries || !this.isRetryable(error)) return null;
    const asked = error instanceof APIError ? retryAfterMs(error.headers, this.#now()) : null;
    if (asked !== null) return asked <= MAX_RETRY_AFTER_MS ? asked : null;
    return this.backoff(retry);
  }

  /** Returns the backoff before retry number `retry`: `min(8 s, 0.5 s × 2^retry)`, less up to 25%. */
  backoff(retry: number): number {
    const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** retry);
    return delay * (1 - JITTER * this.#random());
  }
}
