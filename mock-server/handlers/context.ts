// What every route shares, in order: the request id and journal entry, the fault a rule injects, bearer
// auth, the key's rate limit, the home region, the scope, the idempotency key, then the route's own work,
// and the answer (the error envelope for every refusal), built as one `Response`. Route files stay thin.
import { HttpResponse } from 'msw';
import * as z from 'zod/mini';
import { Region } from '../../src/contract/index.js';
import type { Faults } from '../faults.js';
import type { Journal, JournalEntry } from '../journal.js';
import { type Caller, type Reservation, type Service, ServiceError } from '../service/index.js';
import { bodyTextOf, headerOf, jsonResponse } from './handover.js';
import { readInput } from './input.js';
import { faultReply, jsonOf, type Reply, refusalOf } from './replies.js';
import type { RouteMatch } from './route-table.js';

export { errorResponse, type Reply, readBody, reply } from './replies.js';

/**
 * What a route is given: the request, its URL and path parameters, the authenticated caller, and its body
 * and query decoded by the schemas it declares.
 */
export interface RouteRequest<Body = undefined, Query = undefined> {
  readonly request: Request;
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
  readonly caller: Caller;
  readonly body: Body;
  readonly query: Query;
}

/** A route's own work, between the checks every request passes and the answer. */
export type Route<Body = undefined, Query = undefined> = (
  input: RouteRequest<Body, Query>,
) => Reply | Promise<Reply>;

/** Returns the region a host serves (`eu.api.aulm.io` → `eu`), or `null` for a global host. */
function regionOfHost(hostname: string): Region | null {
  const label = hostname.split('.')[0] ?? '';
  const parsed = z.safeParse(Region, label);
  return parsed.success && hostname.includes('.') ? parsed.data : null;
}

// One request on its way through the checks: what they read, and the headers they add.
interface Exchange {
  readonly request: Request;
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
  readonly requestId: string;
  /** The answer's headers, a plain object until the one `Response` is built. */
  readonly headers: Record<string, string>;
  /** Waits out the fault's delay, the first time only. */
  readonly wait: () => Promise<void>;
}

/** Shared by every handler file: the service, the journal, the faults, and the base URLs answered. */
export class HandlerContext {
  readonly service: Service;
  readonly journal: Journal;
  readonly faults: Faults;
  /** The base URLs answered, without a trailing slash (`https://api.aulm.io`). */
  readonly bases: readonly string[];
  // The region each host serves, read once per host.
  readonly #regions = new Map<string, Region | null>();

  constructor(options: { service: Service; journal: Journal; faults: Faults; hosts: readonly string[] }) {
    this.service = options.service;
    this.journal = options.journal;
    this.faults = options.faults;
    this.bases = options.hosts.map((host) => host.replace(/\/+$/, ''));
  }

  /**
   * Answers a request with the route its path matched. A fault that answers a status or resets the
   * connection does so before anything else; otherwise the request is authenticated, rate-limited,
   * checked for its home region and the route's `scope` (none for routes any key may call), and a POST's
   * `Idempotency-Key` is reserved or replayed before the route runs. A fault's delay is waited out after
   * the key is reserved (or before a refusal that comes sooner); a lost response is cut after all the work.
   */
  async serve(request: Request, url: URL, match: RouteMatch): Promise<Response> {
    const requestId = this.service.ids.id('request');
    const entry = this.journal.open({
      at: this.service.clock.now(),
      method: request.method,
      host: url.host,
      path: url.pathname,
      requestId,
      // The journal writes it down without any number a privacy request erased.
      idempotencyKey: headerOf(request, 'idempotency-key'),
    });
    const fault = this.faults.draw(request.method, url.pathname);
    if (fault) entry.fault = fault.description;
    let delay = fault?.delay ?? 0;
    const exchange: Exchange = {
      request,
      url,
      params: match.params,
      requestId,
      headers: { 'aulm-request-id': requestId },
      wait: async () => {
        const ms = delay;
        delay = 0;
        if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
      },
    };
    if (fault?.network === 'reset') {
      await exchange.wait();
      return cut(entry);
    }
    let answer: Reply;
    if (fault && fault.status !== null) {
      await exchange.wait();
      if (fault.retryAfter !== null) exchange.headers['retry-after'] = String(fault.retryAfter);
      answer = faultReply(fault.status, requestId);
    } else {
      answer = await this.#serve(exchange, match);
      await exchange.wait();
    }
    if (fault?.network === 'lost_response') return cut(entry);
    entry.status = answer.status;
    return jsonResponse(request, answer.status, jsonOf(answer), exchange.headers);
  }

  /**
   * Answers a method that no route serves, without a `Request` to read (fetch forbids the method, or
   * node:http cannot read it): authenticated as any request is (`authorization`, the header's value), then
   * `405` with `allow` when the path has routes, `404` when it has none. Journaled, with a request id.
   */
  refuseMethod(method: string, url: URL, allow: readonly string[], authorization: string | null): Response {
    const requestId = this.service.ids.id('request');
    const entry = this.journal.open({
      at: this.service.clock.now(),
      method,
      host: url.host,
      path: url.pathname,
      requestId,
      idempotencyKey: null,
    });
    const headers: Record<string, string> = { 'aulm-request-id': requestId };
    let caller: Caller | null = null;
    let refusal: unknown;
    try {
      caller = this.#admit(authorization, headers);
      refusal =
        allow.length > 0
          ? methodNotAllowed(method, url.pathname, allow, headers)
          : new ServiceError(
              404,
              'resource_not_found',
              `Unrecognized request URL: ${method} ${url.pathname}`,
            );
    } catch (error) {
      refusal = error;
    }
    const answer = refusalOf(refusal, requestId, this.#redactFor(caller));
    entry.status = answer.status;
    return jsonResponse(null, answer.status, jsonOf(answer), headers);
  }

  async #serve(exchange: Exchange, match: RouteMatch): Promise<Reply> {
    const { service } = this;
    const { request, url, headers } = exchange;
    const { route } = match;
    const { scope } = route;
    let reservation: Reservation | null = null;
    let caller: Caller | null = null;
    try {
      caller = this.#admit(headerOf(request, 'authorization'), headers);
      if (match.allow !== undefined)
        throw methodNotAllowed(request.method, url.pathname, match.allow, headers);
      const hostRegion = this.#regionOf(url.hostname);
      if (hostRegion !== null && hostRegion !== caller.account.region) {
        headers['aulm-home-region'] = caller.account.region;
        throw new ServiceError(
          421,
          'wrong_region',
          `This account lives in region ${caller.account.region}; send its requests to the ${caller.account.region} host or the global host.`,
        );
      }
      if (scope !== null && !service.accounts.allows(caller.key, scope)) {
        throw new ServiceError(403, 'missing_scope', `This API key lacks the scope ${scope}.`);
      }
      // Before the idempotency key: a request refused for what it sent is not kept for its key. A path the
      // API does not have is a 404, whatever was sent with it.
      const values = match.unknown
        ? { body: undefined, query: undefined }
        : await readInput(request, url, route);
      const key = request.method === 'POST' ? headerOf(request, 'idempotency-key') : null;
      if (key !== null) {
        const outcome = service.idempotencyKeys.begin({
          accountId: caller.account.id,
          key,
          method: request.method,
          path: url.pathname,
          body: await bodyTextOf(request),
        });
        if (outcome.kind === 'replay') {
          headers['idempotent-replayed'] = 'true';
          headers['aulm-original-request-id'] = outcome.answer.requestId;
          return { status: outcome.answer.status, body: outcome.answer.body };
        }
        reservation = outcome.reservation;
      }
      await exchange.wait();
      const answer = await route.run({ request, url, params: exchange.params, caller, ...values });
      settle(reservation, answer, exchange.requestId);
      return answer;
    } catch (error) {
      const answer = refusalOf(error, exchange.requestId, this.#redactFor(caller));
      settle(reservation, answer, exchange.requestId);
      return answer;
    }
  }

  // Bearer auth, then the key's rate limit: every request with a valid key takes a token and is answered
  // with its account's region and its rate limit, whatever it is answered.
  #admit(authorization: string | null, headers: Record<string, string>): Caller {
    const caller = this.#authenticate(authorization);
    headers['aulm-region'] = caller.account.region;
    this.#takeToken(caller, headers);
    return caller;
  }

  // A refusal's message may quote what the request sent (a path, a parameter's name): no number the
  // caller's account erased is quoted back (another account's erasures are none of its business).
  #redactFor(caller: Caller | null): ((text: string) => string) | undefined {
    if (caller === null) return undefined;
    const { id } = caller.account;
    return (text) => this.service.privacy.erasure.redact(text, id);
  }

  #authenticate(authorization: string | null): Caller {
    const header = authorization?.trim() ?? '';
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

  #regionOf(hostname: string): Region | null {
    let region = this.#regions.get(hostname);
    if (region === undefined) {
      region = regionOfHost(hostname);
      this.#regions.set(hostname, region);
    }
    return region;
  }

  #takeToken(caller: Caller, headers: Record<string, string>): void {
    const { rateLimits } = this.service;
    const state = rateLimits.take(caller.key.id);
    headers['ratelimit-limit'] = String(state.limit);
    headers['ratelimit-remaining'] = String(state.remaining);
    headers['ratelimit-reset'] = String(state.reset);
    if (state.allowed) return;
    headers['retry-after'] = String(state.retryAfter);
    throw rateLimits.refusal(state);
  }
}

/** The refusal of a method that a known path does not serve, with the `allow` header of those it does. */
export function methodNotAllowed(
  method: string,
  path: string,
  allow: readonly string[],
  headers: Record<string, string>,
): ServiceError {
  headers.allow = allow.join(', ');
  return new ServiceError(
    405,
    'method_not_allowed',
    `${path} does not take ${method}: it takes ${allow.join(', ')}.`,
  );
}

// An answer the route gave is kept for the key; a failure of the server (5xx) frees it for a retry.
function settle(reservation: Reservation | null, answer: Reply, requestId: string): void {
  if (reservation === null) return;
  if (answer.status >= 500) reservation.release();
  else reservation.complete({ status: answer.status, body: answer.body, requestId });
}

// The client sees its connection cut: fetch rejects, the undici dispatcher and the standalone server
// turn it into a socket error. The journal records status 0: nothing was sent.
function cut(entry: JournalEntry): Response {
  entry.status = 0;
  return HttpResponse.error();
}
