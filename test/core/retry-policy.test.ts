import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  type APIError,
  AulmError,
  errorFromStatus,
  ResponseValidationError,
} from '../../src/core/errors.js';
import { RetryPolicy, retryAfterMs } from '../../src/core/retry-policy.js';

function statusError(
  status: number,
  code: string | null = null,
  headers: Record<string, string> = {},
): APIError {
  return errorFromStatus({
    status,
    type: 'api_error',
    code,
    message: 'x',
    param: null,
    requestId: null,
    headers: new Headers(headers),
  });
}

describe('RetryPolicy', () => {
  it('backs off min(8 s, 0.5 s × 2^n)', () => {
    const policy = new RetryPolicy({ random: () => 0 });
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => policy.backoff(n))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it('takes off up to 25% as jitter', () => {
    expect(new RetryPolicy({ random: () => 1 }).backoff(1)).toBe(750);
    expect(new RetryPolicy({ random: () => 0.5 }).backoff(0)).toBe(437.5);
  });

  it('retries connection errors, timeouts, 408, 409 idempotency_request_in_progress, 429 and 5xx', () => {
    const policy = new RetryPolicy();
    const retryable = [
      new APIConnectionError(),
      new APIConnectionTimeoutError(10),
      statusError(408),
      statusError(409, 'idempotency_request_in_progress'),
      statusError(429),
      statusError(500),
      statusError(503),
    ];
    for (const error of retryable) expect(policy.isRetryable(error), error.message).toBe(true);
  });

  it('does not retry other 4xx, a 421, or errors that are not the API’s', () => {
    const policy = new RetryPolicy();
    const final = [
      statusError(400),
      statusError(401),
      statusError(403),
      statusError(404),
      statusError(409, 'session_not_connected'),
      statusError(421, 'wrong_region'),
      statusError(422),
      new AulmError('x'),
      new ResponseValidationError({
        where: 'GET /v1/account',
        path: 'id',
        expected: 'string',
        requestId: null,
      }),
    ];
    for (const error of final) expect(policy.isRetryable(error), error.message).toBe(false);
  });

  it('gives up when the retries are spent', () => {
    const policy = new RetryPolicy({ random: () => 0 });
    expect(policy.delayBefore(1, 2, statusError(500))).toBe(1000);
    expect(policy.delayBefore(2, 2, statusError(500))).toBeNull();
  });

  it('prefers the server’s retry-after up to 60 s, and gives up beyond', () => {
    const policy = new RetryPolicy({ random: () => 0 });
    expect(policy.delayBefore(0, 2, statusError(429, null, { 'retry-after': '60' }))).toBe(60_000);
    expect(policy.delayBefore(0, 2, statusError(429, null, { 'retry-after': '61' }))).toBeNull();
    expect(policy.delayBefore(0, 2, statusError(503, null, { 'retry-after-ms': '60001' }))).toBeNull();
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-05-30T12:00:00Z');

  it('reads retry-after-ms first, then retry-after in seconds or as an HTTP date', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' }), now)).toBe(1500);
    expect(retryAfterMs(new Headers({ 'retry-after': '2.5' }), now)).toBe(2500);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Sat, 30 May 2026 12:00:30 GMT' }), now)).toBe(30_000);
  });

  it('reads a date in the past as now, and no header or nonsense as nothing', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': 'Sat, 30 May 2026 11:00:00 GMT' }), now)).toBe(0);
    expect(retryAfterMs(new Headers(), now)).toBeNull();
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBeNull();
  });
});
