// Support: tickets a business opens with aulm, the conversation on each, and a rating once solved.
import * as z from 'zod/mini';
import { timestamp, wireModel } from './codec.js';
import { idOf } from './ids.js';
import { listOf, listParams } from './list.js';

/** Where a ticket is: `open` (with aulm), `pending` (waiting on the customer), `solved`. */
export const TicketStatus = z.enum(['open', 'pending', 'solved']);
export type TicketStatus = z.output<typeof TicketStatus>;

/** How urgent a ticket is. */
export const TicketPriority = z.enum(['low', 'normal', 'high']);
export type TicketPriority = z.output<typeof TicketPriority>;

/** One message of a ticket's conversation. */
export const TicketMessage = wireModel({
  author: z.enum(['customer', 'agent']),
  body: z.string(),
  createdAt: timestamp,
});
export type TicketMessage = z.output<typeof TicketMessage>;

/** The customer's rating of a solved ticket. */
export const Csat = wireModel({
  score: z.int(),
  comment: z.nullable(z.string()),
  ratedAt: timestamp,
});
export type Csat = z.output<typeof Csat>;

/** A support ticket. `messages` is there when one ticket is read, not in lists. */
export const SupportTicket = wireModel({
  id: idOf('supportTicket'),
  object: z.literal('support_ticket'),
  subject: z.string(),
  status: TicketStatus,
  priority: TicketPriority,
  messages: z.optional(z.array(TicketMessage)),
  csat: z.nullable(Csat),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type SupportTicket = z.output<typeof SupportTicket>;

/** One page of support tickets. */
export const SupportTicketList = listOf(SupportTicket);

/** The body of `POST /v1/support/tickets`. */
export const CreateTicketParams = wireModel(
  {
    subject: z.string().check(z.minLength(1), z.maxLength(200)),
    body: z.string().check(z.minLength(1), z.maxLength(10_000)),
    priority: z.optional(TicketPriority),
  },
  { strict: true },
);
export type CreateTicketParams = z.output<typeof CreateTicketParams>;

/** The body of `POST /v1/support/tickets/{id}/messages`. */
export const ReplyTicketParams = wireModel(
  { body: z.string().check(z.minLength(1), z.maxLength(10_000)) },
  { strict: true },
);
export type ReplyTicketParams = z.output<typeof ReplyTicketParams>;

/** The body of `POST /v1/support/tickets/{id}/csat`: a score from 1 to 5 and a comment. */
export const RateTicketParams = wireModel(
  {
    score: z.int().check(z.minimum(1), z.maximum(5)),
    comment: z.optional(z.string().check(z.maxLength(1000))),
  },
  { strict: true },
);
export type RateTicketParams = z.output<typeof RateTicketParams>;

/** The query of `GET /v1/support/tickets`. */
export const ListTicketsParams = wireModel(
  { ...listParams, status: z.optional(TicketStatus) },
  { strict: true },
);
export type ListTicketsParams = z.output<typeof ListTicketsParams>;
