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
import { readBody, readQuery, reply } from './replies.js';
import { type ApiRoute, get, post } from './route-table.js';

/** The routes of `/v1/support/tickets`. */
export function supportRoutes(context: HandlerContext): ApiRoute[] {
  const { support } = context.service;
  return [
    post('/v1/support/tickets', 'support:write', async ({ request, caller }) => {
      const params = await readBody(request, CreateTicketParams);
      return reply(201, SupportTicket, support.create(caller.account.id, params));
    }),
    get('/v1/support/tickets', 'support:read', ({ url, caller }) => {
      const params = readQuery(url, ListTicketsParams);
      return reply(200, SupportTicketList, support.list(caller.account.id, params));
    }),
    get('/v1/support/tickets/:id', 'support:read', ({ params, caller }) =>
      reply(200, SupportTicket, support.get(caller.account.id, params.id!)),
    ),
    post('/v1/support/tickets/:id/messages', 'support:write', async ({ request, params, caller }) => {
      const body = await readBody(request, ReplyTicketParams);
      return reply(200, SupportTicket, support.reply(caller.account.id, params.id!, body));
    }),
    post('/v1/support/tickets/:id/csat', 'support:write', async ({ request, params, caller }) => {
      const body = await readBody(request, RateTicketParams);
      return reply(200, SupportTicket, support.rate(caller.account.id, params.id!, body));
    }),
  ];
}
