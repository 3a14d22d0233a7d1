// /v1/support/tickets: open a ticket, list, read one with its conversation, write on it, rate it once solved.
import { http, type RequestHandler } from 'msw';
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

/** The handlers of `/v1/support/tickets`, on every base URL. */
export function supportHandlers(context: HandlerContext): RequestHandler[] {
  const { support } = context.service;
  return context.bases.flatMap((base) => [
    http.post(
      `${base}/v1/support/tickets`,
      context.route('support:write', async ({ request, caller }) => {
        const params = await readBody(request, CreateTicketParams);
        return reply(201, SupportTicket, support.create(caller.account.id, params));
      }),
    ),
    http.get(
      `${base}/v1/support/tickets`,
      context.route('support:read', ({ url, caller }) => {
        const params = readQuery(url, ListTicketsParams);
        return reply(200, SupportTicketList, support.list(caller.account.id, params));
      }),
    ),
    http.get(
      `${base}/v1/support/tickets/:id`,
      context.route('support:read', ({ params, caller }) =>
        reply(200, SupportTicket, support.get(caller.account.id, params.id!)),
      ),
    ),
    http.post(
      `${base}/v1/support/tickets/:id/messages`,
      context.route('support:write', async ({ request, params, caller }) => {
        const body = await readBody(request, ReplyTicketParams);
        return reply(200, SupportTicket, support.reply(caller.account.id, params.id!, body));
      }),
    ),
    http.post(
      `${base}/v1/support/tickets/:id/csat`,
      context.route('support:write', async ({ request, params, caller }) => {
        const body = await readBody(request, RateTicketParams);
        return reply(200, SupportTicket, support.rate(caller.account.id, params.id!, body));
      }),
    ),
  ]);
}
