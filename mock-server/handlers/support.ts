// /v1/support/tickets: open a ticket, list, read one with its conversation, write on it, rate it once solved.
import {
  CreateTicketParams,
  ListTicketsParams,
  RateTicketParams,
  ReplyTicketParams,
  SupportTicket,
  SupportTicketList,
} from '../../src/contract/index.js';
import type { HandlerContext } from './context.js';
import { reply } from './replies.js';
import { type ApiRoute, get, post } from './route-table.js';

/** The routes of `/v1/support/tickets`. */
export function supportRoutes(context: HandlerContext): ApiRoute[] {
  const { support } = context.service;
  return [
    post('/v1/support/tickets', 'support:write', { body: CreateTicketParams }, ({ body, caller }) =>
      reply(201, SupportTicket, support.create(caller.account.id, body)),
    ),
    get('/v1/support/tickets', 'support:read', { query: ListTicketsParams }, ({ query, caller }) =>
      reply(200, SupportTicketList, support.list(caller.account.id, query)),
    ),
    get('/v1/support/tickets/:id', 'support:read', ({ params, caller }) =>
      reply(200, SupportTicket, support.get(caller.account.id, params.id!)),
    ),
    post(
      '/v1/support/tickets/:id/messages',
      'support:write',
      { body: ReplyTicketParams },
      ({ body, params, caller }) =>
        reply(200, SupportTicket, support.reply(caller.account.id, params.id!, body)),
    ),
    post(
      '/v1/support/tickets/:id/csat',
      'support:write',
      { body: RateTicketParams },
      ({ body, params, caller }) =>
        reply(200, SupportTicket, support.rate(caller.account.id, params.id!, body)),
    ),
  ];
}
