import { describe, expect, it } from 'vitest';
import { errorFromResponse } from '../../src/core/decode.js';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AulmError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseValidationError,
  UnprocessableEntityError,
  WebhookVerificationError,
} from '../../src/core/errors.js';

function response(status: number, body: unknown, headers: Record<string, string> = {}) {
  return {
    status,
    headers: new Headers(headers),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

function envelope(type: string, code: string, param: string | null = null) {
  return { error: { type, code, message: `The ${code} message.`, param, request_id: 'req_body' } };
}

describe('errorFromResponse', () => {
  it.each([
    [400, BadRequestError, 'invalid_request_error', 'unknown_parameter'],
    [401, AuthenticationError, 'authentication_error', 'invalid_api_key'],
    [403, PermissionDeniedError, 'permission_error', 'missing_scope'],
    [404, NotFoundError, 'not_found_error', 'resource_not_found'],
    [409, ConflictError, 'conflict_error', 'session_not_connected'],
    [422, UnprocessableEntityError, 'invalid_request_error', 'invalid_phone_number'],
    [429, RateLimitError, 'rate_limit_error', 'rate_limited'],
    [500, InternalServerError, 'api_error', 'internal_error'],
    [503, InternalServerError, 'api_error', 'service_unavailable'],
  ])('maps %i to its class, with type, code, param and request id', (status, Class, type, code) => {
    const error = errorFromResponse(
      response(status, envelope(type, code, 'to'), { 'aulm-request-id': 'req_header' }),
    );
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(AulmError);
    expect(error).toMatchObject({
      status,
      type,
      code,
      param: 'to',
      requestId: 'req_header',
      name: Class.name,
    });
    expect(error.message).toBe(`${status} ${code}: The ${code} message. (request req_header)`);
    expect(error.headers.get('aulm-request-id')).toBe('req_header');
  });

  it('makes a plain APIError of a status without a class of its own, such as 421', () => {
    const error = errorFromResponse(response(421, envelope('invalid_request_error', 'wrong_region')));
    expect(error.constructor).toBe(APIError);
    expect(error).toMatchObject({ status: 421, code: 'wrong_region', requestId: 'req_body' });
  });

  it('gives a RateLimitError the seconds of retry-after', () => {
    const error = errorFromResponse(
      response(429, envelope('rate_limit_error', 'rate_limited'), { 'retry-after': '7' }),
    );
    expect((error as RateLimitError).retryAfter).toBe(7);
    const withoutHeader = errorFromResponse(response(429, envelope('rate_limit_error', 'rate_limited')));
    expect((withoutHeader as RateLimitError).retryAfter).toBeNull();
  });

  it('makes do with a body that is not JSON', () => {
    const error = errorFromResponse(
      response(502, '<html>Bad gateway</html>', { 'aulm-request-id': 'req_1' }),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({
      status: 502,
      type: 'api_error',
      code: null,
      param: null,
      requestId: 'req_1',
    });
    expect(error.message).toBe('502 api_error: HTTP 502, with a body that is not JSON. (request req_1)');
  });

  it('keeps what it can of an envelope that lacks fields', () => {
    const error = errorFromResponse(response(409, { error: { code: 'invalid_state' } }));
    expect(error).toMatchObject({ status: 409, type: 'conflict_error', code: 'invalid_state', param: null });
    expect(error.message).toBe('409 invalid_state: HTTP 409.');
  });
});

describe('error classes', () => {
  it('name themselves, so a stack trace says which', () => {
    const errors = [
      new APIConnectionError(),
      new APIConnectionTimeoutError(30_000),
      new APIUserAbortError(),
      new ResponseValidationError({
        where: 'GET /v1/account',
        path: 'id',
        expected: 'string',
        requestId: null,
      }),
      new WebhookVerificationError('missing_header', 'The webhook-id header is missing.'),
    ];
    expect(errors.map((error) => error.name)).toEqual([
      'APIConnectionError',
      'APIConnectionTimeoutError',
      'APIUserAbortError',
      'ResponseValidationError',
      'WebhookVerificationError',
    ]);
    expect(String(errors[1])).toBe('APIConnectionTimeoutError: The request timed out after 30000 ms.');
    expect(errors[1]).toBeInstanceOf(APIConnectionError);
  });

  it('gives WebhookVerificationError its reason', () => {
    expect(new WebhookVerificationError('timestamp_too_old', 'Too old.').reason).toBe('timestamp_too_old');
  });
});
