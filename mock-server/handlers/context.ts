// What every route shares: the request id, the journal entry, bearer auth, the home-region check, the
// scope check, reading the body and query with the contract, and the error envelope. Route files stay thin.
import { HttpResponse, type HttpResponseResolver } from 'msw';
import * as z from 'zod/mini';
import { describeIssue, ErrorEnvelope, errorTypeForStatus, Region } from '../../src/contract/index.js';
import type { Journal } from '../journal.js';
import { type Caller, type Service, ServiceError } from '../service/index.js';

/** What a route is given: the request, its URL and path parameters, and the authenticated caller. */
export interface RouteRequest {
  readonly request: Request;
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
  readonly caller: Caller;
}

/** What a route answers: a status and the wire body. */
export interface Reply {
  readonly status: number;
  readonly body: unknown;
}

/** A route's own work, between the checks every request passes and the answer. */
export type Route = (input: RouteRequest) => Reply | Promise<Reply>;

/** Returns the region a host serves (`eu.api.aulm.io` → `eu`), or `null` for a global host. */
export function regionOfHost(hostname: string): Region | null {
  const label = hostname.split('.')[0] ?? '';
  const parsed = z.safeParse(Region, label);
  return parsed.success && hostname.includes('.') ? parsed.data : null;
}

/** Encodes a model with its contract schema into a reply (this also checks the response is well-formed). */
export function reply<S extends z.core.$ZodType>(status: number, schema: S, model: z.output<S>): Reply {
  return { status, body: z.encode(schema, model) };
}

/** Reads a JSON body (empty counts as `{}`) and decodes it; bad JSON is `400`, a bad field `400`/`422`. */
export async function readBody<S extends z.core.$ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const text = await request.text();
  let value: unknown = {};
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? `: ${error.message}` : '';
      throw new ServiceError(400, 'invalid_json', `The request body is not valid JSON${reason}.`);
    }
  }
  return check(schema, value, 'body');
}

/** Reads and decodes the query string; an unknown parameter is `400`, a bad value `422`. */
export function readQuery<S extends z.core.$ZodType>(url: URL, schema: S): z.output<S> {
  return check(schema, Object.fromEntries(url.searchParams), 'query');
}

function check<S extends z.core.$ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  // `reportInput` lets `describeIssue` tell a missing field from one of the wrong type.
  const result = z.safeDecode(schema, value as z.input<S>, { reportInput: true });
  if (result.success) return result.data;
  const problem = describeIssue(result.error, where);
  throw new ServiceError(problem.status, problem.code, problem.message, problem.param);
}

/** Shared by every handler file: the service, the journal, and the base URLs answered. */
export class HandlerContext {
  readonly service: Service;
  readonly journal: Journal;
  /** The base URLs answered, without a trailing slash (`https://api.aulm.io`). */
  readonly bases: readonly string[];

  constructor(options: { service: Service; journal: Journal; hosts: readonly string[] }) {
    this.service = options.service;
    this.journal = options.journal;
    this.bases = options.hosts.map((host) => host.replace(/\/+$/, ''));
  }

  /**
   * Wraps a route into an MSW resolver that journals the request, authenticates it, checks the home
   * region and the key's `scope` (none for routes any key may call), runs the route and answers, turning
   * every refusal into the error envelope.
   */
  route(scope: string | null, route: Route): HttpResponseResolver {
    return async ({ request, params }) => {
      const { service } = this;
      const url = new URL(request.url);
      const requestId = service.ids.id('request');
      const entry = this.journal.open({
        at: service.clock.now(),
        method: request.method,
        host: url.host,
        path: url.pathname,
        requestId,
        idempotencyKey: request.headers.get('idempotency-key'),
      });
      const headers = new Headers({ 'aulm-request-id': requestId });
      let response: Response;
      try {
        const caller = this.#authenticate(request);
        headers.set('aulm-region', caller.account.region);
        const hostRegion = regionOfHost(url.hostname);
        if (hostRegion !== null && hostRegion !== caller.account.region) {
          headers.set('aulm-home-region', caller.account.region);
          throw new ServiceError(
            421,
            'wrong_region',
            `This account lives in region ${caller.account.region}; send its requests to the ${caller.account.region} host or the global host.`,
          );
        }
        if (scope !== null && !service.accounts.allows(caller.key, scope)) {
          throw new ServiceError(403, 'missing_scope', `This API key lacks the scope ${scope}.`);
        }
        const routeParams = Object.fromEntries(
          Object.entries(params).map(([name, value]) => [name, String(value)]),
        );
        const answer = await route({ request, url, params: routeParams, caller });
        response = HttpResponse.json(answer.body as never, { status: answer.status, headers });
      } catch (error) {
        response = errorResponse(error, requestId, headers);
      }
      entry.status = response.status;
      return response;
    };
  }

  #authenticate(request: Request): Caller {
    const header = request.headers.get('authorization')?.trim() ?? '';
    if (header === '') {
      throw new ServiceError(
        401,
        'missing_api_key',
        'No API key provided. Send it as the header Authorization: Bearer <key>.',
      );
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      throw new ServiceError(
        401,
        'invalid_api_key',
        'The Authorization header must be Bearer <key>, with a key like aulm_test_….',
      );
    }
    return this.service.accounts.authenticate(match[1]!);
  }
}

/** Answers a refusal (or an unexpected failure, as `500 internal_error`) with the error envelope. */
export function errorResponse(error: unknown, requestId: string, headers: Headers): Response {
  const refusal =
    error instanceof ServiceError
      ? error
      : new ServiceError(
          500,
          'internal_error',
          `The reference server failed: ${error instanceof Error ? error.message : String(error)}`,
        );
  const body = z.encode(ErrorEnvelope, {
    error: {
      type: errorTypeForStatus(refusal.status),
      code: refusal.code,
      message: refusal.message,
      param: refusal.param,
      requestId,
    },
  });
  return HttpResponse.json(body, { status: refusal.status, headers });
}
