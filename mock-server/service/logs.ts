// Message logs: a read-only view over the messages, one log per message, with every filter of `GET /v1/logs`.
// The log of a message is made once and handed out again, a snapshot (snapshots.ts), for as long as the
// message is unchanged: a page of logs shows mostly the same messages request after request, and the
// handlers keep what they make of a snapshot rather than make it again.
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
import { snapshot } from './snapshots.js';
import type { MessageRecord } from './store.js';

/** The message logs of every account. */
export class Logs {
  readonly #deps: ServiceDeps;
  readonly #hidden: Array<(message: MessageRecord) => boolean> = [];
  // The log last made of each message. Weak, so that a message deleted (retention, erasure, reset) takes
  // its log with it; a message changed in place gets a new log on the next `toModel` (`isLogOf`).
  readonly #models = new WeakMap<MessageRecord, MessageLog>();

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

  /**
   * The log of a message as the contract models it: a snapshot, the same object for as long as the message
   * is unchanged, so that what is made of it (its wire text) can be kept with it.
   */
  toModel(record: MessageRecord): MessageLog {
    const kept = this.#models.get(record);
    if (kept !== undefined && isLogOf(kept, record)) return kept;
    const model: MessageLog = snapshot({
      id: record.id,
      object: 'message_log',
      sessionId: record.sessionId,
      recipient: new PhoneNumber(record.to),
      status: record.status,
      preview: record.preview === null ? null : new Redacted(record.preview),
      error: record.error && Object.freeze({ ...record.error }),
      // Copies: a date of the record changed in place must not change a log already handed out.
      timestamp: new Date(record.statusAt.getTime()),
      createdAt: new Date(record.createdAt.getTime()),
    });
    this.#models.set(record, model);
    return model;
  }

  /**
   * Drops the log kept for a message, so that what it showed is held nowhere once the message changes in
   * place by an erasure (its preview); any other change is seen by `toModel` itself.
   */
  forget(record: MessageRecord): void {
    this.#models.delete(record);
  }
}

// Whether a log still shows its message as the message is now, field by field: whatever changed a message
// (a status on the clock, an erasure, a change not yet written), a log that differs is made again.
function isLogOf(log: MessageLog, record: MessageRecord): boolean {
  const { error } = record;
  return (
    log.status === record.status &&
    log.timestamp.getTime() === record.statusAt.getTime() &&
    (log.preview === null ? record.preview === null : log.preview.reveal() === record.preview) &&
    (log.error === null
      ? error === null
      : error !== null && log.error.code === error.code && log.error.message === error.message) &&
    log.recipient.reveal() === record.to &&
    log.sessionId === record.sessionId &&
    log.id === record.id &&
    log.createdAt.getTime() === record.createdAt.getTime()
  );
}
