// Support tickets: the business opens one and writes on it; the mock's handle plays aulm's agent (a
// reply, a solution); once solved, the business may rate it once.
import type {
  CreateTicketParams,
  ListEnvelope,
  ListTicketsParams,
  RateTicketParams,
  ReplyTicketParams,
  SupportTicket,
} from '../../src/contract/index.js';
import { notFound, ServiceError } from './errors.js';
import type { ServiceDeps } from './index.js';
import { paginate } from './pager.js';
import type { SupportTicketRecord } from './store.js';

/** What the agent does when it solves a ticket: an optional last message. */
export interface SolveOptions {
  /** The agent's message, added before the ticket is solved. */
  reply?: string;
}

/** The support tickets of every account. */
export class Support {
  readonly #deps: ServiceDeps;

  constructor(deps: ServiceDeps) {
    this.#deps = deps;
  }

  /** Opens a ticket: `open`, priority `normal` unless given, its body the first `customer` message. */
  create(accountId: string, params: CreateTicketParams): SupportTicket {
    const { store, ids, clock } = this.#deps;
    const now = clock.now();
    const ticket = store.supportTickets.insert({
      id: ids.id('supportTicket'),
      accountId,
      seq: store.nextSeq(),
      subject: this.#text(accountId, params.subject),
      status: 'open',
      priority: params.priority ?? 'normal',
      messages: [{ author: 'customer', body: this.#text(accountId, params.body), createdAt: now }],
      csat: null,
      createdAt: now,
      updatedAt: now,
    });
    return this.toModel(ticket, true);
  }

  /** Lists the account's tickets, newest first, by `status`, without their messages. */
  list(accountId: string, params: ListTicketsParams): ListEnvelope<SupportTicket> {
    return paginate(
      'support_tickets',
      this.#deps.store.supportTickets.ordered,
      params,
      (row) => row.accountId === accountId && (params.status === undefined || row.status === params.status),
      (row) => this.toModel(row, false),
    );
  }

  /** Returns one of the account's tickets, with its messages. */
  get(accountId: string, id: string): SupportTicket {
    return this.toModel(this.#find(accountId, id), true);
  }

  /**
   * Adds the customer's message to a ticket, which goes back to `open` (with aulm) whatever it was: a
   * `pending` ticket has its answer, a `solved` one is reopened. A rating already given stays.
   */
  reply(accountId: string, id: string, params: ReplyTicketParams): SupportTicket {
    const ticket = this.#find(accountId, id);
    this.#write(ticket, 'customer', params.body);
    ticket.status = 'open';
    return this.toModel(ticket, true);
  }

  /**
   * Rates a `solved` ticket, once: another status, or a ticket already rated (even one reopened and solved
   * again since), is `409 invalid_state`.
   */
  rate(accountId: string, id: string, params: RateTicketParams): SupportTicket {
    const ticket = this.#find(accountId, id);
    if (ticket.csat !== null) {
      throw new ServiceError(409, 'invalid_state', `Ticket ${id} has already been rated.`);
    }
    if (ticket.status !== 'solved') {
      throw new ServiceError(
        409,
        'invalid_state',
        `Ticket ${id} is ${ticket.status}: only a solved ticket can be rated.`,
      );
    }
    const now = this.#deps.clock.now();
    const comment = params.comment === undefined ? null : this.#text(accountId, params.comment);
    ticket.csat = { score: params.score, comment, ratedAt: now };
    ticket.updatedAt = now;
    return this.toModel(ticket, true);
  }

  /** The agent answers (the mock's control): an `agent` message, and the ticket waits on the customer (`pending`). */
  agentReply(id: string, body: string): SupportTicket {
    const ticket = this.#findAny(id);
    this.#write(ticket, 'agent', body);
    ticket.status = 'pending';
    return this.toModel(ticket, true);
  }

  /** The agent solves a ticket (the mock's control), with a last message if given; a solved one stays so. */
  solve(id: string, options: SolveOptions = {}): SupportTicket {
    const ticket = this.#findAny(id);
    if (options.reply !== undefined) this.#write(ticket, 'agent', options.reply);
    if (ticket.status !== 'solved') {
      ticket.status = 'solved';
      ticket.updatedAt = this.#deps.clock.now();
    }
    return this.toModel(ticket, true);
  }

  /** The ticket as the contract models it; `messages` only where one ticket is read. */
  toModel(record: SupportTicketRecord, withMessages: boolean): SupportTicket {
    return {
      id: record.id,
      object: 'support_ticket',
      subject: record.subject,
      status: record.status,
      priority: record.priority,
      ...(withMessages ? { messages: record.messages.map((message) => ({ ...message })) } : {}),
      csat: record.csat && { ...record.csat },
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
  }

  #write(ticket: SupportTicketRecord, author: 'customer' | 'agent', body: string): void {
    const now = this.#deps.clock.now();
    ticket.messages.push({ author, body: this.#text(ticket.accountId, body), createdAt: now });
    ticket.updatedAt = now;
  }

  // What the business or the agent wrote, without the numbers the account erased: written after an
  // erasure, the number is not kept again.
  #text(accountId: string, text: string): string {
    return this.#deps.store.erasedNumbers.redact(accountId, text);
  }

  #find(accountId: string, id: string): SupportTicketRecord {
    const ticket = this.#deps.store.supportTickets.find(accountId, id);
    if (!ticket) throw notFound('support ticket', id);
    return ticket;
  }

  #findAny(id: string): SupportTicketRecord {
    const ticket = this.#deps.store.supportTickets.findAny(id);
    if (!ticket) throw notFound('support ticket', id);
    return ticket;
  }
}
