// Support: tickets a business opens with aulm, the conversation on each, and a rating once solved.
import * as z from 'zod/mini';
import { timestamp, wireModel } from './codec.js';
import { idOf } from './ids.js';
import { listOf, listParams } from './list.js';

/**
 * Where a ticket is: `open` (with aulm), `pending` (waiting on the customer), `solved`.
 * @internal
 */
export const TicketStatus = z.enum(['open', 'pending', 'solved']);
/**
 * Where a ticket is: `open` (with aulm), `pending` (waiting on the customer), `solved`.
 * @useDeclaredType
 */
export type TicketStatus = z.output<typeof TicketStatus>;

/**
 * How urgent a ticket is.
 * @internal
 */
export const TicketPriority = z.enum(['low', 'normal', 'high']);
/**
 * How urgent a ticket is.
 * @useDeclaredType
 */
export type TicketPriority = z.output<typeof TicketPriority>;

/**
 * One message of a ticket's conversation.
 * @internal
 */
export const TicketMessage = wireModel({
  /** Who wrote it: the `customer` (you) or an aulm `agent`. */
  author: z.enum(['customer', 'agent']),
  /** The text of the message. */
  body: z.string(),
  /** When it was written. */
  createdAt: timestamp,
});
/**
 * One message of a ticket's conversation.
 * @interface
 */
export type TicketMessage = z.output<typeof TicketMessage>;

/**
 * The customer's rating of a solved ticket.
 * @internal
 */
export const Csat = wireModel({
  /** The score, from 1 to 5. */
  score: z.int(),
  /** The comment given with the score, or `null`. */
  comment: z.nullable(z.string()),
  /** When the ticket was rated. */
  ratedAt: timestamp,
});
/**
 * The customer's rating of a solved ticket.
 * @interface
 */
export type Csat = z.output<typeof Csat>;

/**
 * A support ticket. `messages` is there when one ticket is read, not in lists.
 * @internal
 */
export const SupportTicket = wireModel({
  /** The ticket's id, `tkt_…`. */
  id: idOf('supportTicket'),
  /** Always `support_ticket`. */
  object: z.literal('support_ticket'),
  /** The ticket's subject. */
  subject: z.string(),
  /** Where the ticket is. */
  status: TicketStatus,
  /** How urgent the ticket is. */
  priority: TicketPriority,
  /** The conversation, oldest first: only when one ticket is read. */
  messages: z.optional(z.array(TicketMessage)),
  /** The rating, once given; otherwise `null`. */
  csat: z.nullable(Csat),
  /** When the ticket was opened. */
  createdAt: timestamp,
  /** When the ticket last changed. */
  updatedAt: timestamp,
});
/**
 * A support ticket. `messages` is there when one ticket is read, not in lists.
 * @interface
 */
export type SupportTicket = z.output<typeof SupportTicket>;

/** One page of support tickets. */
export const SupportTicketList = listOf(SupportTicket);

/**
 * The body of `POST /v1/support/tickets`.
 * @internal
 */
export const CreateTicketParams = wireModel(
  {
    /** The subject, 1 to 200 characters. */
    subject: z.string().check(z.minLength(1), z.maxLength(200)),
    /** The first message, 1 to 10,000 characters. */
    body: z.string().check(z.minLength(1), z.maxLength(10_000)),
    /** How urgent it is (`normal` by default). */
    priority: z.optional(TicketPriority),
  },
  { strict: true },
);
/**
 * The body of `POST /v1/support/tickets`.
 * @interface
 */
export type CreateTicketParams = z.output<typeof CreateTicketParams>;

/**
 * The body of `POST /v1/support/tickets/{id}/messages`.
 * @internal
 */
export const ReplyTicketParams = wireModel(
  {
    /** The reply, 1 to 10,000 characters. */
    body: z.string().check(z.minLength(1), z.maxLength(10_000)),
  },
  { strict: true },
);
/**
 * The body of `POST /v1/support/tickets/{id}/messages`.
 * @interface
 */
export type ReplyTicketParams = z.output<typeof ReplyTicketParams>;

/**
 * The body of `POST /v1/support/tickets/{id}/csat`: a score from 1 to 5 and a comment.
 * @internal
 */
export const RateTicketParams = wireModel(
  {
    /** A score from 1 to 5. */
    score: z.int().check(z.minimum(1), z.maximum(5)),
    /** A comment of up to 1000 characters. */
    comment: z.optional(z.string().check(z.maxLength(1000))),
  },
  { strict: true },
);
/**
 * The body of `POST /v1/support/tickets/{id}/csat`: a score from 1 to 5 and a comment.
 * @interface
 */
export type RateTicketParams = z.output<typeof RateTicketParams>;

/**
 * The query of `GET /v1/support/tickets`.
 * @internal
 */
export const ListTicketsParams = wireModel(
  {
    ...listParams,
    /** Only tickets with this status. */
    status: z.optional(TicketStatus),
  },
  { strict: true },
);
/**
 * The query of `GET /v1/support/tickets`.
 * @interface
 */
export type ListTicketsParams = z.output<typeof ListTicketsParams>;
