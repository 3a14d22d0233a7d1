// From a response to what a call returns: the model (checked against its schema, or converted best-effort
// when `validateResponses` is off), the error class for a failure, and what the headers say.
import * as z from 'zod/mini';
import { compiledOf } from '../contract/compiled.js';
import {
  CHECK_OPTIONS,
  ErrorEnvelope,
  errorTypeForStatus,
  hasOwnMessage,
  modelOf,
} from '../contract/index.js';
import type { ResponseHeaders, TransportResponse } from '../transport/transport.js';
import type { RawResponse } from './api-promise.js';
import { type APIError, errorFromStatus, ResponseValidationError } from './errors.js';
import { retryAfterMs } from './retry-policy.js';

/** The rate limit of the key, from a response's `ratelimit-*` headers. */
export interface RateLimit {
  /** Requests allowed in the window. */
  limit: number;
  /** Requests left in the window. */
  remaining: number;
  /** When the window resets. */
  resetAt: Date;
}

/** Returns the rate limit that `headers` report, or null when they do not carry all three. */
export function rateLimitOf(headers: ResponseHeaders, now: number = Date.now()): RateLimit | null {
  const limit = Number.parseFloat(headers.get('ratelimit-limit') ?? '');
  const remaining = Number.parseFloat(headers.get('ratelimit-remaining') ?? '');
  const reset = Number.parseFloat(headers.get('ratelimit-reset') ?? '');
  if (!Number.isFinite(limit) || !Number.isFinite(remaining) || !Number.isFinite(reset)) return null;
  return { limit, remaining, resetAt: new Date(now + reset * 1000) };
}

/** Returns the `aulm-request-id` of a response, or null. */
export function requestIdOf(headers: ResponseHeaders): string | null {
  return headers.get('aulm-request-id');
}

/** Returns response headers as the `Headers` the public API shows (the same object when they are one). */
export function toHeaders(headers: ResponseHeaders): Headers {
  return headers instanceof Headers ? headers : new Headers([...headers]);
}

/** The status and headers of a response for `withResponse()`, its `Headers` built on first access only. */
export class ResponseSnapshot implements RawResponse {
  readonly status: number;
  readonly #source: ResponseHeaders;
  #headers: Headers | undefined;

  constructor(status: number, headers: ResponseHeaders) {
    this.status = status;
    this.#source = headers;
  }

  get headers(): Headers {
    this.#headers ??= toHeaders(this.#source);
    return this.#headers;
  }
}

function parseJSON(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function stringOr(value: unknown, fallback: string | null): string | null {
  return typeof value === 'string' ? value : fallback;
}

/**
 * Returns the error for a failed response, of the class its status calls for. Reads the error envelope,
 * and makes do with what there is when the body is not one (a proxy's HTML page, an empty body).
 */
export function errorFromResponse(response: TransportResponse): APIError {
  const status = response.status;
  const headers = toHeaders(response.headers);
  const json = parseJSON(response.body);
  const decoded = z.safeDecode(ErrorEnvelope, json as never);
  const body: Record<string, unknown> = decoded.success
    ? decoded.data.error
    : ((json as { error?: Record<string, unknown> } | null | undefined)?.error ?? {});
  const retryAfter = retryAfterMs(headers);
  return errorFromStatus({
    status,
    headers,
    type: stringOr(body.type, null) ?? errorTypeForStatus(status),
    code: stringOr(body.code, null),
    param: stringOr(body.param, null),
    message:
      stringOr(body.message, null) ??
      (json === undefined ? `HTTP ${status}, with a body that is not JSON.` : `HTTP ${status}.`),
    requestId: requestIdOf(headers) ?? stringOr(body.requestId ?? body.request_id, null),
    retryAfter: retryAfter === null ? null : retryAfter / 1000,
  });
}

function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Says what a failed check expected, without quoting the value (it may be personal data). */
function expectationOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `${issue.expected}, got ${kindOf(issue.input)}`;
    case 'invalid_value':
      return `one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_format':
      if (issue.format === 'datetime') return 'an ISO 8601 timestamp';
      if (issue.format === 'regex') {
        return hasOwnMessage(issue)
          ? issue.message.replace(/^must be /, '')
          : `text matching ${issue.pattern}`;
      }
      return `a valid ${issue.format}`;
    case 'unrecognized_keys':
      return `no field ${issue.keys.join(', ')}`;
    default:
      return issue.message.replace(/^must be /, '');
  }
}

/** Where a response came from, for the messages of errors and logs: `GET /v1/messages/msg_1`. */
export interface ResponseContext {
  where: string;
  requestId: string | null;
  validate: boolean;
  /** Called with the mismatch when `validate` is off and the model was converted best-effort. */
  onMismatch?: (error: ResponseValidationError) => void;
}

/**
 * Returns the model that a successful response carries, decoded with `schema`. A mismatch throws
 * `ResponseValidationError` naming the field; with `validate` off it converts the body best-effort
 * instead (see `modelOf`). A body that is not JSON always throws: there is nothing to convert.
 */
export function decodeResponse<T>(schema: z.ZodMiniType<T>, body: string, context: ResponseContext): T {
  const json = parseJSON(body);
  if (json === undefined) {
    throw new ResponseValidationError({ ...context, path: '', expected: 'a JSON body' });
  }
  const decoded = z.safeDecode(compiledOf(schema), json as never, CHECK_OPTIONS);
  if (decoded.success) return decoded.data;
  const issue = decoded.error.issues[0];
  const error = new ResponseValidationError({
    ...context,
    path: issue ? issue.path.map(String).join('.') : '',
    expected: issue ? expectationOf(issue) : 'a valid body',
  });
  if (context.validate) throw error;
  context.onMismatch?.(error);
  return modelOf(json) as T;
}
