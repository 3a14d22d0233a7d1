// Message logs: a read-only view over the messages, one log per message, with every filter of `GET /v1/logs`.
import {
  type ListEnvelope,
  type ListLogsParams,
  type MessageLog,
  PhoneNumber,
  Redacted,
} from '../../src/contract/index.js';
import { notFound } from './errors.js';
import type { ServiceDeps } from './index.js';
import { paginate } from './pager.js';
import type { MessageRecord } from './store.js';

/** The message logs of every account. */
export class Logs {
  readonly #deps: ServiceDeps;
  readonly #hidden: Array<(message: MessageRecord) => boolean> = [];

  constructor(deps: ServiceDeps) {
    this.#deps = deps;
  }

  /** Leaves out of every list the logs `hidden` holds (those a privacy restriction froze). */
  hide(hidden: (message: MessageRecord) => boolean): void {
    this.#hidden.push(hidden);
  }

  /**
   * Lists an account's logs, newest first. `since` is inclusive and `until` exclusive, both on
   * `created_at`, so consecutive windows (`since=a&until=b`, `since=b&until=c`) never share a log.
   */
  list(accountId: string, params: ListLogsParams): ListEnvelope<MessageLog> {
    const since = params.since === undefined ? null : new Date(params.since).getTime();
    const until = params.until === undefined ? null : new Date(params.until).getTime();
    return paginate(
      'logs',
      this.#deps.store.messages.ordered,
      params,
      (row) =>
        row.accountId === accountId &&
        (params.status === undefined || row.status === params.status) &&
        (params.sessionId === undefined || row.sessionId === params.sessionId) &&
        (params.recipient === undefined || row.to === params.recipient) &&
        (since === null || row.createdAt.getTime() >= since) &&
        (until === null || row.createdAt.getTime() < until) &&
        !this.#hidden.some((hidden) => hidden(row)),
      (row) => this.toModel(row),
    );
  }

  /** Returns the log of one of the account's messages. */
  get(accountId: string, id: string): MessageLog {
    const message = this.#deps.store.messages.find(accountId, id);
    if (!message) throw notFound('message log', id);
    return this.toModel(message);
  }

  /** The log of a message as the contract models it. */
  toModel(record: MessageRecord): MessageLog {
    return {
      id: record.id,
      object: 'message_log',
      sessionId: record.sessionId,
      recipient: new PhoneNumber(record.to),
      status: record.status,
      preview: record.preview === null ? null : new Redacted(record.preview),
      error: record.error && { ...record.error },
      timestamp: record.statusAt,
      createdAt: record.createdAt,
    };
  }
}
