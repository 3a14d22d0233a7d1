// The wire side of the handlers: the answers (a model in its wire form, the error envelope of a refusal,
// the envelope of an injected fault), and the body of a control route (the API's routes read theirs with
// input.ts).
import type * as z from 'zod/mini';
import { ErrorEnvelope, errorTypeForStatus } from '../../src/contract/index.js';
import { ServiceError } from '../service/index.js';
import { bodyTextOf, jsonResponse } from './handover.js';
import { check, parseObject } from './input.js';
import { wireJson, wireOf } from './wire.js';

/** What a route answers: a status and the wire body, and that body's JSON when it was made first. */
export interface Reply {
  readonly status: number;
  /** The wire form, which an idempotency key keeps. */
  readonly body: unknown;
  /** The UTF-8 of `JSON.stringify(body)`, when made without `body` (`reply`); otherwise made from `body`. */
  readonly json?: Uint8Array;
}

const encoder = new TextEncoder();

// A model's reply, its wire form made only as it is asked for: the JSON answered is put together from the
// JSON kept of unchanged models (`wireJson`), and the wire object is made only for an idempotency key.
class ModelReply implements Reply {
  readonly status: number;
  readonly #model: unknown;
  #body: unknown;
  #json: Uint8Array | undefined;

  constructor(status: number, model: unknown) {
    this.status = status;
    this.#model = model;
  }

  get body(): unknown {
    this.#body ??= wireOf(this.#model);
    return this.#body;
  }

  get json(): Uint8Array {
    this.#json ??= wireJson(this.#model);
    return this.#json;
  }
}

/**
 * Turns a model into a reply: the wire form `z.encode(schema, model)` would give, by the naming rules
 * (`wireOf`), which test/mock-server/wire.test.ts holds equal to the schema for every route. The schema
 * names what the route answers, and types the model.
 */
export function reply<S extends z.core.$ZodType>(status: number, _schema: S, model: z.output<S>): Reply {
  return new ModelReply(status, model);
}

/** Returns the UTF-8 JSON a reply answers. */
export function jsonOf(answer: Reply): Uint8Array {
  return answer.json ?? encoder.encode(JSON.stringify(answer.body));
}

/**
 * Reads the JSON body of a control route (`/__mock/`): empty counts as `{}`, else one JSON object (`400`
 * otherwise), decoded by `schema`. The API's routes read theirs with `readInput`, by API.md's rules.
 */
export async function readBody<S extends z.core.$ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const text = await bodyTextOf(request);
  return check(schema, text.trim() === '' ? {} : parseObject(text), 'body');
}

/** Returns the error envelope of a refusal (or of an unexpected failure, as `500 internal_error`). */
export function refusalOf(error: unknown, requestId: string, redact?: (text: string) => string): Reply {
  const refusal =
    error instanceof ServiceError
      ? error
      : new ServiceError(
          500,
          'internal_error',
          `The reference server failed: ${error instanceof Error ? error.message : String(error)}`,
        );
  if (redact === undefined) return envelope(refusal, requestId);
  // A message may quote what the request sent (a path, a parameter's name): an erased number is not.
  const param = refusal.param === null ? null : redact(refusal.param);
  return envelope(new ServiceError(refusal.status, refusal.code, redact(refusal.message), param), requestId);
}

/** Answers a refusal (or an unexpected failure, as `500 internal_error`) with the error envelope. */
export function errorResponse(
  error: unknown,
  requestId: string,
  headers: Headers,
  redact?: (text: string) => string,
): Response {
  const answer = refusalOf(error, requestId, redact);
  const fields = { ...Object.fromEntries(headers), 'aulm-request-id': requestId };
  return jsonResponse(null, answer.status, jsonOf(answer), fields);
}

// The code an injected status carries: the contract's own where it has one that fits any request.
const FAULT_CODES: Readonly<Record<number, string>> = {
  400: 'invalid_request',
  401: 'invalid_api_key',
  403: 'permission_denied',
  404: 'resource_not_found',
  408: 'request_timeout',
  409: 'invalid_state',
  422: 'parameter_invalid',
  429: 'rate_limited',
  500: 'internal_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

/** Returns the error envelope of an injected status: the type of the status, a fitting code. */
export function faultReply(status: number, requestId: string): Reply {
  const code = FAULT_CODES[status] ?? (status >= 500 ? 'internal_error' : 'invalid_request');
  return envelope(
    new ServiceError(
      status,
      code,
      `Injected fault: the reference server answered ${status} ${code} because a fault rule asked it to.`,
    ),
    requestId,
  );
}

function envelope(refusal: ServiceError, requestId: string): Reply {
  return reply(refusal.status, ErrorEnvelope, {
    error: {
      type: errorTypeForStatus(refusal.status),
      code: refusal.code,
      message: refusal.message,
      param: refusal.param,
      requestId,
    },
  });
}
