// What every operation shares: the standard headers (request id, region, rate limits, idempotency), the
// error responses of API.md's table, and the `Idempotency-Key` parameter.
import { ID_PREFIXES } from '../../src/contract/index.js';
import { type JsonObject, schemaRef } from './schemas.js';

export const headerRef = (name: string): JsonObject => ({ $ref: `#/components/headers/${name}` });

export const HEADERS: Record<string, JsonObject> = {
  RequestId: {
    description: 'The id of this request, for support: `req_...`. On every response.',
    required: true,
    schema: { type: 'string', pattern: `^${ID_PREFIXES.request}` },
  },
  Region: {
    description: "The account's home region. On every response to a request with a valid key.",
    schema: schemaRef('Region'),
  },
  RateLimitLimit: {
    description: "The requests the key's window allows. On every response to a request with a valid key.",
    schema: { type: 'integer', minimum: 0 },
  },
  RateLimitRemaining: {
    description: "The requests left in the key's window. On every response to a request with a valid key.",
    schema: { type: 'integer', minimum: 0 },
  },
  RateLimitReset: {
    description: 'Seconds until the window resets. On every response to a request with a valid key.',
    schema: { type: 'integer', minimum: 0 },
  },
  RetryAfter: {
    description: 'Seconds to wait before trying again.',
    schema: { type: 'integer', minimum: 0 },
  },
  HomeRegion: {
    description: "The account's home region, on a `421 wrong_region`.",
    required: true,
    schema: schemaRef('Region'),
  },
  IdempotentReplayed: {
    description: 'On a replay of the first response to the same `Idempotency-Key`.',
    schema: { type: 'string', const: 'true' },
  },
  OriginalRequestId: {
    description: 'On a replay: the request id of the first response.',
    schema: { type: 'string', pattern: `^${ID_PREFIXES.request}` },
  },
};

export const keyHeaders = (required: boolean): JsonObject => {
  const header = (name: string): JsonObject =>
    required ? { ...HEADERS[name]!, required: true } : headerRef(name);
  return {
    'aulm-request-id': headerRef('RequestId'),
    'aulm-region': header('Region'),
    'ratelimit-limit': header('RateLimitLimit'),
    'ratelimit-remaining': header('RateLimitRemaining'),
    'ratelimit-reset': header('RateLimitReset'),
  };
};

interface ErrorResponseSpec {
  key: string;
  name: string;
  description: string;
  headers?: JsonObject;
}

// Each error status with its component name and what it means (API.md's table).
export const ERROR_RESPONSES: ErrorResponseSpec[] = [
  {
    key: '400',
    name: 'BadRequest',
    description: '`invalid_request_error`: `invalid_json`, `unknown_parameter`, `invalid_cursor`.',
  },
  {
    key: '401',
    name: 'Unauthorized',
    description: '`authentication_error`: `missing_api_key`, `invalid_api_key`.',
  },
  {
    key: '403',
    name: 'Forbidden',
    description: '`permission_error`: `missing_scope`, `recipient_restricted`, `recipient_objected`.',
  },
  {
    key: '404',
    name: 'NotFound',
    description: "`not_found_error`: `resource_not_found` (another account's object is not found too).",
  },
  {
    key: '409',
    name: 'Conflict',
    description:
      '`conflict_error`: `session_not_connected`, `idempotency_key_reused`, `idempotency_request_in_progress`, `invalid_state`.',
  },
  {
    key: '421',
    name: 'WrongRegion',
    description:
      "`invalid_request_error`: `wrong_region`, on a regional host that is not the account's home.",
    headers: { 'aulm-home-region': headerRef('HomeRegion') },
  },
  {
    key: '422',
    name: 'UnprocessableEntity',
    description: '`invalid_request_error`: `invalid_phone_number`, `parameter_invalid`, `parameter_missing`.',
  },
  {
    key: '429',
    name: 'RateLimited',
    description: '`rate_limit_error`: `rate_limited`.',
    headers: { 'retry-after': { ...HEADERS.RetryAfter!, required: true } },
  },
  {
    key: '5XX',
    name: 'ServerError',
    description: '`api_error`: `internal_error`, `service_unavailable` (500, 502, 503).',
    headers: { 'retry-after': headerRef('RetryAfter') },
  },
];

export function errorResponses(): Record<string, JsonObject> {
  return Object.fromEntries(
    ERROR_RESPONSES.map((spec) => [
      spec.name,
      {
        description: spec.description,
        headers: { ...keyHeaders(false), ...spec.headers },
        content: { 'application/json': { schema: schemaRef('Error') } },
      },
    ]),
  );
}

/** The parameters operations share by `$ref`: the `Idempotency-Key` header of every POST. */
export const PARAMETERS: Record<string, JsonObject> = {
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'The same key with the same method, path and body within 24 hours replays the first response (header `idempotent-replayed: true`) and does the work once.',
    schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7E]+$' },
  },
};
