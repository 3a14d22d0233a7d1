// Support: tickets a business opens with aulm, the conversation on each, and a rating once solved.
import * as z from 'zod/mini';
import { schemaOf, timestamp, wireModel } from './codec.js';
import { idOf } from './ids.js';
import { type ListParams, listOf, listParams } from './list.js';

/** Where a ticket is: `open` (with aulm), `pending` (waiting on the customer), `solved`. */
export type TicketStatus = 'open' | 'pending' | 'solved';
/**
 * Where a ticket is: `open` (with aulm), `pending` (waiting on the customer), `solved`.
 * @internal
 */
export const TicketStatus = schemaOf<TicketStatus>()(z.enum(['open', 'pending', 'solved']));

/** How urgent a ticket is. */
export type TicketPriority = 'low' | 'normal' | 'high';
/**
 * How urgent a ticket is.
 * @internal
 */
export const TicketPriority = schemaOf<TicketPriority>()(z.enum(['low', 'normal', 'high']));

/** Who wrote a message of a ticket: the `customer` (you) or an aulm `agent`. */
export type TicketAuthor = 'customer' | 'agent';

/** One message of a ticket's conversation. */
export interface TicketMessage {
  /** Who wrote it: the `customer` (you) or an aulm `agent`. */
  author: TicketAuthor;
  /** The text of the message. */
  body: string;
  /** When it was written. */
  createdAt: Date;
}
/**
 * One message of a ticket's conversation.
 * @internal
 */
export const TicketMessage = wireModel<TicketMessage>()({
  author: z.enum(['customer', 'agent']),
  body: z.string(),
  createdAt: timestamp,
});

/** The customer's rating of a solved ticket. */
export interface Csat {
  /** The score, from 1 to 5. */
  score: number;
  /** The comment given with the score, or `null`. */
  comment: string | null;
  /** When the ticket was rated. */
  ratedAt: Date;
}
/**
 * The customer's rating of a solved ticket.
 * @internal
 */
export const Csat = wireModel<Csat>()({
  score: z.int(),
  comment: z.nullable(z.string()),
  ratedAt: timestamp,
});

/** A support ticket. `messages` is there when one ticket is read, not in lists. */
export interface SupportTicket {
  /** The ticket's id, `tkt_…`. */
  id: string;
  /** Always `support_ticket`. */
  object: 'support_ticket';
  /** The ticket's subject. */
  subject: string;
  /** Where the ticket is. */
  status: TicketStatus;
  /** How urgent the ticket is. */
  priority: TicketPriority;
  /** The conversation, oldest first: only when one ticket is read. */
  messages?: TicketMessage[] | undefined;
  /** The rating, once given; otherwise `null`. */
  csat: Csat | null;
  /** When the ticket was opened. */
  createdAt: Date;
  /** When the ticket last changed. */
  updatedAt: Date;
}
/**
 * A support ticket. `messages` is there when one ticket is read, not in lists.
 * @internal
 */
export const SupportTicket = wireModel<SupportTicket>()({
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

/** One page of support tickets. */
export const SupportTicketList = listOf(SupportTicket);

/** The body of `POST /v1/support/tickets`. */
export interface CreateTicketParams {
  /** The subject, 1 to 200 characters. */
  subject: string;
  /** The first message, 1 to 10,000 characters. */
  body: string;
  /** How urgent it is (`normal` by default). */
  priority?: TicketPriority | undefined;
}
/**
 * The body of `POST /v1/support/tickets`.
 * @internal
 */
export const CreateTicketParams = wireModel<CreateTicketParams>()(
  {
    subject: z.string().check(z.minLength(1), z.maxLength(200)),
    body: z.string().check(z.minLength(1), z.maxLength(10_000)),
    priority: z.optional(TicketPriority),
  },
  { strict: true },
);

/** The body of `POST /v1/support/tickets/{id}/messages`. */
export interface ReplyTicketParams {
  /** The reply, 1 to 10,000 characters. */
  body: string;
}
/**
 * The body of `POST /v1/support/tickets/{id}/messages`.
 * @internal
 */
export const ReplyTicketParams = wireModel<ReplyTicketParams>()(
  { body: z.string().check(z.minLength(1), z.maxLength(10_000)) },
  { strict: true },
);

/** The body of `POST /v1/support/tickets/{id}/csat`: a score from 1 to 5 and a comment. */
export interface RateTicketParams {
  /** A score from 1 to 5. */
  score: number;
  /** A comment of up to 1000 characters. */
  comment?: string | undefined;
}
/**
 * The body of `POST /v1/support/tickets/{id}/csat`: a score from 1 to 5 and a comment.
 * @internal
 */
export const RateTicketParams = wireModel<RateTicketParams>()(
  {
    score: z.int().check(z.minimum(1), z.maximum(5)),
    comment: z.optional(z.string().check(z.maxLength(1000))),
  },
  { strict: true },
);

/** The query of `GET /v1/support/tickets`. */
export interface ListTicketsParams extends ListParams {
  /** Only tickets with this status. */
  status?: TicketStatus | undefined;
}
/**
 * The query of `GET /v1/support/tickets`.
 * @internal
 */
export const ListTicketsParams = wireModel<ListTicketsParams>()(
  { ...listParams, status: z.optional(TicketStatus) },
  { strict: true },
);
