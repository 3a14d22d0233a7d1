// The errors the SDK throws: one class per HTTP status family, and the failures that never reach the API.
// `errorFromStatus` picks the class for a status; the decoding of a response into one lives in decode.ts.
// Each class names itself once, in its static `brand`; `instanceof` reads that brand, so it holds across
// copies of this file (`aulm` beside `aulm/webhooks`, ESM beside CommonJS), and stays exact.

import { isBranded, markBrands } from '../contract/brand.js';

/**
 * The base class of every error this SDK throws. Catch it to handle anything that went wrong in a call.
 *
 * @example
 * ```ts
 * try {
 *   await aulm.messages.send(params);
 * } catch (error) {
 *   if (error instanceof AulmError) console.error(error.message);
 * }
 * ```
 */
export class AulmError extends Error {
  /** The class's name, stable under minification; `name` and `instanceof` are derived from it. */
  static readonly brand: string = 'AulmError';

  /**
   * Whether `value` is an error of this class or a subclass, made by this copy of the SDK or another
   * (two bundles, or ESM and CommonJS, each hold their own copy of every class).
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class right of `instanceof`, often a subclass.
    return isBranded(this, value);
  }

  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = markBrands(new.target, Error) ?? new.target.name;
  }
}

/** What the API said about a failed request, as `APIError` carries it. */
export interface APIErrorFields {
  /** The HTTP status. */
  status: number;
  /** The error's `type`, one per family of statuses (an `ErrorType`). */
  type: string;
  /** The error's `code`, such as `parameter_invalid`, or null when the body had none. */
  code: string | null;
  /** What went wrong, in a sentence. */
  message: string;
  /** The wire name of the parameter at fault (`to`, `text.body`), or null. */
  param: string | null;
  /** The request's id (`aulm-request-id`), or null when no request was made. */
  requestId: string | null;
  /** The response headers (empty when no request was made). */
  headers: Headers;
}

/**
 * The API answered with an error status (or the SDK rejected the parameters locally, exactly as the API
 * would have: then `requestId` is null and `headers` is empty).
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (error instanceof APIError && error.code === 'session_not_connected') reconnect();
 * }
 * ```
 */
export class APIError extends AulmError {
  static override readonly brand: string = 'APIError';
  /** The HTTP status, such as `422`. */
  readonly status: number;
  /** The error's family, such as `invalid_request_error`. */
  readonly type: string;
  /** The error's code, such as `invalid_phone_number`; null when the response carried none. */
  readonly code: string | null;
  /** The parameter at fault, by its wire name (`to`, `text.body`); null when none is. */
  readonly param: string | null;
  /** The id of the request (`req_...`), to quote to support; null when no request was made. */
  readonly requestId: string | null;
  /** The response headers. */
  readonly headers: Headers;

  constructor(fields: APIErrorFields) {
    const suffix = fields.requestId ? ` (request ${fields.requestId})` : '';
    super(`${fields.status} ${fields.code ?? fields.type}: ${fields.message}${suffix}`);
    this.status = fields.status;
    this.type = fields.type;
    this.code = fields.code;
    this.param = fields.param;
    this.requestId = fields.requestId;
    this.headers = fields.headers;
  }
}

/** 400: the request was malformed, for example an unknown parameter or an invalid cursor. */
export class BadRequestError extends APIError {
  static override readonly brand: string = 'BadRequestError';
}

/** 401: the API key is missing, unknown or revoked. */
export class AuthenticationError extends APIError {
  static override readonly brand: string = 'AuthenticationError';
}

/** 403: the key lacks a scope, or the recipient is under a restriction or an objection. */
export class PermissionDeniedError extends APIError {
  static override readonly brand: string = 'PermissionDeniedError';
}

/** 404: no such object in this account. */
export class NotFoundError extends APIError {
  static override readonly brand: string = 'NotFoundError';
}

/** 409: the object is in the wrong state, or an `Idempotency-Key` was reused or is still in flight. */
export class ConflictError extends APIError {
  static override readonly brand: string = 'ConflictError';
}

/** 422: a parameter is missing or invalid (checked locally before sending, or by the API). */
export class UnprocessableEntityError extends APIError {
  static override readonly brand: string = 'UnprocessableEntityError';
}

/** 429: the key's rate limit is spent. `retryAfter` says in how many seconds to try again. */
export class RateLimitError extends APIError {
  static override readonly brand: string = 'RateLimitError';
  /** Seconds to wait before trying again, from `retry-after-ms` or `retry-after`; null when not sent. */
  readonly retryAfter: number | null;

  constructor(
    fields: APIErrorFields & {
      /** Seconds to wait before trying again, or null when not sent. */
      retryAfter: number | null;
    },
  ) {
    super(fields);
    this.retryAfter = fields.retryAfter;
  }
}

/** 5xx: the service failed; the SDK has already retried it `maxRetries` times. */
export class InternalServerError extends APIError {
  static override readonly brand: string = 'InternalServerError';
}

/** Returns an `APIError` of the class that matches `fields.status` (a plain `APIError` for 421 and others). */
export function errorFromStatus(fields: APIErrorFields & { retryAfter?: number | null }): APIError {
  switch (fields.status) {
    case 400:
      return new BadRequestError(fields);
    case 401:
      return new AuthenticationError(fields);
    case 403:
      return new PermissionDeniedError(fields);
    case 404:
      return new NotFoundError(fields);
    case 409:
      return new ConflictError(fields);
    case 422:
      return new UnprocessableEntityError(fields);
    case 429:
      return new RateLimitError({ ...fields, retryAfter: fields.retryAfter ?? null });
    default:
      return fields.status >= 500 ? new InternalServerError(fields) : new APIError(fields);
  }
}

/** The request never got an answer: the connection failed or was reset. Retried up to `maxRetries`. */
export class APIConnectionError extends AulmError {
  static override readonly brand: string = 'APIConnectionError';

  constructor(message = 'Connection error.', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** An attempt took longer than `timeout` milliseconds, from connection to the last byte of the body. */
export class APIConnectionTimeoutError extends APIConnectionError {
  static override readonly brand: string = 'APIConnectionTimeoutError';

  constructor(timeout: number) {
    super(`The request timed out after ${timeout} ms.`);
  }
}

/** The call was aborted through its `signal`; no further attempt is made. */
export class APIUserAbortError extends AulmError {
  static override readonly brand: string = 'APIUserAbortError';

  constructor(message = 'The request was aborted.') {
    super(message);
  }
}

/** A wait (such as `messages.waitFor`) ran out of time before the object reached the awaited state. */
export class WaitTimeoutError extends AulmError {
  static override readonly brand: string = 'WaitTimeoutError';
  /** The object as last polled, or null when no poll completed. */
  readonly last: unknown;

  constructor(message: string, last: unknown) {
    super(message);
    this.last = last;
  }
}

/**
 * A successful response did not match the schema of what the call returns (with `validateResponses`,
 * the default). `path` names the field by its wire name, `expected` what it should have been.
 */
export class ResponseValidationError extends AulmError {
  static override readonly brand: string = 'ResponseValidationError';
  /** The field at fault, by its wire path (`data.0.created_at`); empty for the body as a whole. */
  readonly path: string;
  /** What the field should have been, such as `an ISO 8601 timestamp`. */
  readonly expected: string;
  /** The id of the request, to quote to support. */
  readonly requestId: string | null;

  constructor(fields: { where: string; path: string; expected: string; requestId: string | null }) {
    const at = fields.path ? `at ${fields.path}` : 'in the body';
    super(`Unexpected response to ${fields.where}: ${at}, expected ${fields.expected}.`);
    this.path = fields.path;
    this.expected = fields.expected;
    this.requestId = fields.requestId;
  }
}

/** Why a webhook delivery failed verification. */
export type WebhookVerificationReason =
  | 'missing_header'
  | 'invalid_timestamp'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'no_matching_signature'
  | 'invalid_secret'
  | 'invalid_payload';

/** A webhook delivery failed verification; `reason` says which check failed. */
export class WebhookVerificationError extends AulmError {
  static override readonly brand: string = 'WebhookVerificationError';
  /** Which check failed. */
  readonly reason: WebhookVerificationReason;

  constructor(reason: WebhookVerificationReason, message: string) {
    super(message);
    this.reason = reason;
  }
}
