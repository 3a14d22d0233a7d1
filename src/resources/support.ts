// `aulm.support.tickets`: tickets a business opens with aulm, the conversation on each, and a rating.
import {
  CreateTicketParams,
  ListTicketsParams,
  RateTicketParams,
  ReplyTicketParams,
  SupportTicket,
  SupportTicketList,
} from '../contract/index.js';
import type { APIPromise } from '../core/api-promise.js';
import type { PagePromise } from '../core/pagination.js';
import { path } from '../core/path.js';
import type { Pipeline, RequestOptions } from '../core/pipeline.js';

/** Support tickets: `aulm.support.tickets`. */
export class SupportTicketsResource {
  readonly #client: Pipeline;

  /**
   * Built by the client, on its request pipeline.
   * @internal
   */
  constructor(client: Pipeline) {
    this.#client = client;
  }

  /**
   * Opens a ticket with a `subject`, a first message `body` and a `priority` (`'normal'` unless given).
   *
   * @example
   * ```ts
   * const ticket = await aulm.support.tickets.create({
   *   subject: 'Session keeps disconnecting',
   *   body: 'ses_123 drops every few minutes since this morning.',
   *   priority: 'high',
   * });
   * ```
   */
  create(params: CreateTicketParams, options?: RequestOptions): APIPromise<SupportTicket> {
    return this.#client.request(
      {
        method: 'POST',
        path: '/v1/support/tickets',
        params,
        paramsSchema: CreateTicketParams,
        result: SupportTicket,
      },
      options,
    );
  }

  /** Lists tickets, newest first, filtered by `status`; without their `messages` (read a ticket for those). */
  list(params: ListTicketsParams = {}, options?: RequestOptions): PagePromise<SupportTicket> {
    return this.#client.list(
      {
        method: 'GET',
        path: '/v1/support/tickets',
        params,
        paramsSchema: ListTicketsParams,
        result: SupportTicketList,
      },
      options,
    );
  }

  /**
   * Returns a ticket (`tkt_...`) with its conversation in `messages`.
   *
   * @example
   * ```ts
   * const ticket = await aulm.support.tickets.get('tkt_123');
   * for (const message of ticket.messages ?? []) console.log(message.author, message.body);
   * ```
   */
  get(id: string, options?: RequestOptions): APIPromise<SupportTicket> {
    return this.#client.request(
      { method: 'GET', path: path`/v1/support/tickets/${id}`, result: SupportTicket },
      options,
    );
  }

  /** Adds a message to a ticket's conversation and returns the ticket. */
  reply(id: string, params: ReplyTicketParams, options?: RequestOptions): APIPromise<SupportTicket> {
    return this.#client.request(
      {
        method: 'POST',
        path: path`/v1/support/tickets/${id}/messages`,
        params,
        paramsSchema: ReplyTicketParams,
        result: SupportTicket,
      },
      options,
    );
  }

  /**
   * Rates a solved ticket, once: a `score` from 1 to 5 and an optional `comment`. Returns the ticket with
   * its `csat`. A ticket that is not solved, or already rated, answers `409`.
   *
   * @example
   * ```ts
   * await aulm.support.tickets.rate('tkt_123', { score: 5, comment: 'Fixed within the hour.' });
   * ```
   */
  rate(id: string, params: RateTicketParams, options?: RequestOptions): APIPromise<SupportTicket> {
    return this.#client.request(
      {
        method: 'POST',
        path: path`/v1/support/tickets/${id}/csat`,
        params,
        paramsSchema: RateTicketParams,
        result: SupportTicket,
      },
      options,
    );
  }
}

/** Support: `aulm.support`. */
export class SupportResource {
  /** Tickets opened with aulm. */
  readonly tickets: SupportTicketsResource;

  /**
   * Built by the client, on its request pipeline.
   * @internal
   */
  constructor(client: Pipeline) {
    this.tickets = new SupportTicketsResource(client);
  }
}
