// Messages: sending through a connected session, and the timeline each message then follows on the clock.
// The service keeps a 40-character preview of the content, never the content itself.
import {
  type Message,
  type MessageFailureCode,
  type MessageStatus,
  PhoneNumber,
  Redacted,
  type SendMessageParams,
} from '../../src/contract/index.js';
import type { KeyMode } from '../ids.js';
import { notFound, ServiceError } from './errors.js';
import type { ServiceDeps } from './index.js';
import type { Sessions } from './sessions.js';
import type { MessageRecord } from './store.js';

/** How long a preview may be, in characters (code points), before it is cut and ends in `…`. */
export const PREVIEW_LENGTH = 40;

// The forward order of statuses. `failed` ends a message from any status before `read`.
const RANK: Record<MessageStatus, number> = { queued: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

const FAILURE_MESSAGES: Record<MessageFailureCode, string> = {
  recipient_not_on_network: 'The recipient is not on the network.',
  session_disconnected: 'The session was disconnected before the message was sent.',
  message_expired: 'The message could not be delivered in time and expired.',
};

/** One step of a message's timeline: a status it reaches, some time after it was created. */
export interface TimelineStep {
  afterMs: number;
  status: MessageStatus;
  failure?: MessageFailureCode;
}

/**
 * Returns the timeline of a message to `to`. With a test key, the test numbers apply: `…0000` fails with
 * `recipient_not_on_network` at +1 s (when it would have been sent, as a real network refuses it at
 * hand-over), `…0001` stops at `sent`, `…0002` stops at `delivered`. Every other number (and every
 * number with a live key) goes `sent` at +1 s, `delivered` at +3 s and `read` at +10 s.
 */
export function timelineOf(to: string, mode: KeyMode): TimelineStep[] {
  const full: TimelineStep[] = [
    { afterMs: 1_000, status: 'sent' },
    { afterMs: 3_000, status: 'delivered' },
    { afterMs: 10_000, status: 'read' },
  ];
  if (mode !== 'test') return full;
  if (to.endsWith('0000')) return [{ afterMs: 1_000, status: 'failed', failure: 'recipient_not_on_network' }];
  if (to.endsWith('0001')) return full.slice(0, 1);
  if (to.endsWith('0002')) return full.slice(0, 2);
  return full;
}

/**
 * Returns the preview of a message: the first 40 characters of its text or caption, or `[media <type>]`.
 * `redact` is applied to the whole text first (the numbers an account erased), so that no number is cut
 * short by the 40 characters and kept half.
 */
export function previewOf(
  params: SendMessageParams,
  redact: (text: string) => string = (text) => text,
): string {
  const whole = params.text ?? (params.media?.caption || undefined);
  if (whole === undefined) return `[media ${params.media?.mimeType}]`;
  const text = redact(whole);
  const characters = [...text];
  return characters.length > PREVIEW_LENGTH ? `${characters.slice(0, PREVIEW_LENGTH).join('')}…` : text;
}

/** The messages of every account. */
export class Messages {
  readonly #deps: ServiceDeps;
  readonly #sessions: Sessions;
  readonly #listeners: Array<(message: MessageRecord) => void> = [];
  readonly #sendChecks: Array<(accountId: string, to: string) => void> = [];
  readonly #frozen: Array<(message: MessageRecord) => boolean> = [];

  constructor(deps: ServiceDeps, sessions: Sessions) {
    this.#deps = deps;
    this.#sessions = sessions;
    // A message still queued when its session goes away can no longer leave; one already sent goes on.
    sessions.on((event, session) => {
      if (event !== 'disconnected') return;
      for (const message of this.#deps.store.messages.ordered) {
        if (message.sessionId === session.id && message.status === 'queued') {
          this.transition(message, 'failed', 'session_disconnected');
        }
      }
    });
  }

  /** Calls `listener` after every change of a message's status. */
  on(listener: (message: MessageRecord) => void): void {
    this.#listeners.push(listener);
  }

  /**
   * Calls `check` before every send, once the session is known to be connected: it throws the refusal of a
   * recipient that may not be messaged (a privacy restriction or objection).
   */
  checkSends(check: (accountId: string, to: string) => void): void {
    this.#sendChecks.push(check);
  }

  /** Makes `transition` leave alone every message `frozen` holds (a privacy restriction freezes them). */
  freeze(frozen: (message: MessageRecord) => boolean): void {
    this.#frozen.push(frozen);
  }

  /**
   * Queues a message through one of the account's sessions and schedules its timeline. An unknown session
   * is `404`; one that is not `connected` is `409 session_not_connected`.
   */
  send(accountId: string, mode: KeyMode, params: SendMessageParams): Message {
    const { store, ids, clock } = this.#deps;
    const session = this.#sessions.find(accountId, params.sessionId, 'session_id');
    if (session.status !== 'connected') {
      throw new ServiceError(
        409,
        'session_not_connected',
        `Session ${session.id} is ${session.status}, not connected.`,
        'session_id',
      );
    }
    for (const check of this.#sendChecks) check(accountId, params.to);
    const now = clock.now();
    const message = store.messages.insert({
      id: ids.id('message'),
      accountId,
      seq: store.nextSeq(),
      sessionId: session.id,
      to: params.to,
      type: params.text === undefined ? 'media' : 'text',
      mode,
      status: 'queued',
      // The numbers the account erased are not written down again, even in text written after.
      preview: previewOf(params, (text) => store.erasedNumbers.redact(accountId, text)),
      error: null,
      metadata: store.erasedNumbers.redactValue(accountId, { ...params.metadata }),
      createdAt: now,
      updatedAt: now,
      statusAt: now,
    });
    this.#sessions.touch(session);
    // The steps hold the message weakly: one deleted first (an erasure, a retention sweep, a reset) is not
    // kept in memory by them, with its number and preview, until a clock that may never move gets there.
    const held = new WeakRef(message);
    for (const step of timelineOf(message.to, mode)) {
      clock.schedule(now.getTime() + step.afterMs, () => {
        const record = held.deref();
        if (record && store.messages.findAny(record.id) === record) {
          this.transition(record, step.status, step.failure);
        }
      });
    }
    return this.toModel(message);
  }

  /** Returns one of the account's messages. */
  get(accountId: string, id: string): Message {
    return this.toModel(this.find(accountId, id));
  }

  /** Returns the record of one of the account's messages; another account's is `404`. */
  find(accountId: string, id: string): MessageRecord {
    const message = this.#deps.store.messages.find(accountId, id);
    if (!message) throw notFound('message', id);
    return message;
  }

  /**
   * Moves a message to `status` if that is forward along queued → sent → delivered → read (or `failed`
   * from any status before `read`), and returns whether it moved. A late or repeated update changes nothing,
   * and neither does any update of a frozen message.
   */
  transition(message: MessageRecord, status: MessageStatus, failure?: MessageFailureCode): boolean {
    if (message.status === 'failed' || message.status === 'read') return false;
    if (this.#frozen.some((frozen) => frozen(message))) return false;
    if (status !== 'failed' && RANK[status] <= RANK[message.status]) return false;
    const now = this.#deps.clock.now();
    message.status = status;
    message.error =
      status === 'failed'
        ? { code: failure ?? 'message_expired', message: FAILURE_MESSAGES[failure ?? 'message_expired'] }
        : null;
    message.statusAt = now;
    message.updatedAt = now;
    for (const listener of this.#listeners) listener(message);
    return true;
  }

  /** The message as the contract models it. */
  toModel(record: MessageRecord): Message {
    return {
      id: record.id,
      object: 'message',
      sessionId: record.sessionId,
      to: new PhoneNumber(record.to),
      type: record.type,
      status: record.status,
      preview: record.preview === null ? null : new Redacted(record.preview),
      error: record.error && { ...record.error },
      metadata: { ...record.metadata },
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
  }
}
