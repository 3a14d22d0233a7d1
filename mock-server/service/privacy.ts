// Privacy requests: filed about a recipient (by number) or the account, `received` → `processing` (1 s) →
// `completed` or `rejected` (5 s) on the clock, each change announced as `privacy_request.updated`; cancel,
// lift and extend; and the standing effects of a restriction or objection on sends, statuses and lists.
// What completion does to the data is in privacy-holdings.ts (what is held) and privacy-erasure.ts.
import {
  type AccountChanges,
  type CreatePrivacyRequestParams,
  type ListEnvelope,
  type ListPrivacyRequestsParams,
  PhoneNumber,
  type PrivacyRequest,
  type PrivacyRequestStatus,
  type PrivacyRequestType,
  type PrivacySubject,
} from '../../src/contract/index.js';
import type { Timer } from '../clock.js';
import type { Accounts } from './accounts.js';
import { notFound, ServiceError } from './errors.js';
import type { Events } from './events.js';
import type { ServiceDeps } from './index.js';
import type { Logs } from './logs.js';
import type { Messages } from './messages.js';
import { paginate } from './pager.js';
import { sha256Hex } from './privacy-digest.js';
import { PrivacyErasure } from './privacy-erasure.js';
import { type HoldingsSubject, PrivacyHoldings, recipientOfEvent } from './privacy-holdings.js';
import type { MessageRecord, Row } from './store.js';
import type { WebhookDeliveries } from './webhook-deliveries.js';

/** When a request moves on, after it is filed: `processing` at 1 s, settled at 5 s. */
export const PROCESSING_AFTER_MS = 1_000;
export const SETTLED_AFTER_MS = 5_000;
/** How long the archive of an export can be downloaded after it was built: 7 days. */
export const EXPORT_TTL_MS = 7 * 24 * 3_600_000;

/** A privacy request, as stored. */
export interface PrivacyRequestRecord extends Row {
  type: PrivacyRequestType;
  status: PrivacyRequestStatus;
  subject: 'recipient' | 'account';
  /** The recipient's E.164 number, until an erasure of it completes; then `null`. */
  phoneNumber: string | null;
  /** The SHA-256 (hex) of the recipient's number, from the start: restrictions match sends by it. */
  phoneNumberSha256: string | null;
  note: string | null;
  changes: AccountChanges | null;
  dueAt: Date;
  extended: boolean;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  result: PrivacyRequest['result'];
  rejectionReason: string | null;
  /** The origin the request was filed on (`https://eu.api.aulm.io`): where an export's download lives. */
  origin: string;
  /** The archive of a completed export, as JSON text, until an erasure drops it. */
  archive: string | null;
  /** The timers still to move it on. */
  timers: Timer[];
}

/** Returns `date` moved on by whole calendar months, the day clamped to the month's last (Jan 31 + 1 → Feb 28). */
export function addCalendarMonths(date: Date, months: number): Date {
  const target = new Date(date.getTime());
  const day = date.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return target;
}

/** The privacy requests of every account, and the effects of those in force. */
export class PrivacyRequests {
  readonly #deps: ServiceDeps;
  readonly #events: Events;
  /** What is held about a subject: for access results and export archives. */
  readonly holdings: PrivacyHoldings;
  /** The erasures themselves, callable without a request. */
  readonly erasure: PrivacyErasure;

  constructor(
    deps: ServiceDeps,
    parts: {
      accounts: Accounts;
      events: Events;
      messages: Messages;
      logs: Logs;
      webhookDeliveries: WebhookDeliveries;
    },
  ) {
    this.#deps = deps;
    this.#events = parts.events;
    this.holdings = new PrivacyHoldings(deps, { ...parts, deliveries: parts.webhookDeliveries });
    this.erasure = new PrivacyErasure(deps, this.holdings, parts.webhookDeliveries, parts.logs);
    parts.messages.checkSends((accountId, to) => this.#refuseSuppressed(accountId, to));
    const restricted = (message: MessageRecord) =>
      this.#inForce(message.accountId, 'restriction', message.to);
    parts.messages.freeze(restricted);
    parts.logs.hide(restricted);
    parts.webhookDeliveries.hide((delivery) => {
      const event = deps.store.events.findAny(delivery.eventId);
      const to = event ? recipientOfEvent(event) : null;
      return to !== null && this.#inForce(delivery.accountId, 'restriction', to);
    });
  }

  /**
   * Files a request, `received`, due one calendar month on, and schedules its processing. `changes` goes
   * with a rectification only (`422` otherwise). `origin` is where an export's `download_url` points.
   */
  create(accountId: string, params: CreatePrivacyRequestParams, origin: string): PrivacyRequest {
    const { store, ids, clock } = this.#deps;
    if (params.changes !== undefined && params.type !== 'rectification') {
      throw new ServiceError(422, 'parameter_invalid', 'changes goes with a rectification only.', 'changes');
    }
    const now = clock.now();
    const phoneNumber = params.subject.type === 'recipient' ? params.subject.phoneNumber : null;
    // The subject is the business's request about the number, given anew; its free text still loses every
    // number the account erased.
    const text = (value: string) => store.erasedNumbers.redact(accountId, value);
    const changes = params.changes && {
      ...params.changes,
      ...(params.changes.name === undefined ? {} : { name: text(params.changes.name) }),
    };
    const request = store.privacyRequests.insert({
      id: ids.id('privacyRequest'),
      accountId,
      seq: store.nextSeq(),
      type: params.type,
      status: 'received',
      subject: params.subject.type,
      phoneNumber,
      phoneNumberSha256: phoneNumber === null ? null : sha256Hex(phoneNumber),
      note: params.note === undefined ? null : text(params.note),
      changes: changes ?? null,
      dueAt: addCalendarMonths(now, 1),
      extended: false,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
      result: null,
      rejectionReason: null,
      origin,
      archive: null,
      timers: [],
    });
    const alive = () => store.privacyRequests.findAny(request.id) === request;
    request.timers.push(
      clock.schedule(now.getTime() + PROCESSING_AFTER_MS, () => {
        if (alive() && request.status === 'received') this.#change(request, 'processing');
      }),
      clock.schedule(now.getTime() + SETTLED_AFTER_MS, () => {
        if (alive() && request.status === 'processing') this.#settle(request);
      }),
    );
    return this.toModel(request);
  }

  /** Lists an account's requests, newest first, by `type` and `status`. */
  list(accountId: string, params: ListPrivacyRequestsParams): ListEnvelope<PrivacyRequest> {
    return paginate(
      'privacy_requests',
      this.#deps.store.privacyRequests.ordered,
      params,
      (row) =>
        row.accountId === accountId &&
        (params.type === undefined || row.type === params.type) &&
        (params.status === undefined || row.status === params.status),
      (row) => this.toModel(row),
    );
  }

  /** Returns one of the account's requests. */
  get(accountId: string, id: string): PrivacyRequest {
    return this.toModel(this.#find(accountId, id));
  }

  /** Cancels a request still `received` (nothing of it has run); later, `409 invalid_state`. */
  cancel(accountId: string, id: string): PrivacyRequest {
    const request = this.#find(accountId, id);
    if (request.status !== 'received') throw invalidState(request, 'cancelled', 'while it is received');
    for (const timer of request.timers) timer.cancel();
    request.timers = [];
    this.#change(request, 'cancelled');
    return this.toModel(request);
  }

  /** Ends a completed restriction or objection: sends are allowed again, and frozen records thaw. */
  lift(accountId: string, id: string): PrivacyRequest {
    const request = this.#find(accountId, id);
    if ((request.type !== 'restriction' && request.type !== 'objection') || request.status !== 'completed') {
      throw invalidState(request, 'lifted', 'once a restriction or objection is completed');
    }
    this.#change(request, 'lifted');
    return this.toModel(request);
  }

  /**
   * Extends the time to answer, once, before `due_at` passes and while the request is open: `due_at`
   * becomes three calendar months from `created_at` (two further months, as GDPR Art. 12(3) allows).
   * `reason` is checked by the contract and not kept.
   */
  extend(accountId: string, id: string): PrivacyRequest {
    const request = this.#find(accountId, id);
    const now = this.#deps.clock.now();
    if (request.extended) throw invalidState(request, 'extended', 'once; it already was');
    if (request.status !== 'received' && request.status !== 'processing') {
      throw invalidState(request, 'extended', 'while it is open');
    }
    if (now.getTime() >= request.dueAt.getTime()) {
      throw invalidState(request, 'extended', 'before its due_at');
    }
    request.extended = true;
    request.dueAt = addCalendarMonths(request.createdAt, 3);
    request.updatedAt = now;
    this.#events.emit(request.accountId, 'privacy_request.updated', this.toModel(request));
    return this.toModel(request);
  }

  /**
   * Returns the archive of a completed export, as JSON text. Another type, or a request that is not one
   * of the account's, is `404`; an export not completed is `409 invalid_state`; an archive past its
   * `expires_at`, or dropped by an erasure, is `404`.
   */
  exportArchive(accountId: string, id: string): string {
    const request = this.#find(accountId, id);
    if (request.type !== 'export') throw notFound('export of privacy request', id);
    if (request.status !== 'completed') throw invalidState(request, 'downloaded', 'once it is completed');
    const expiresAt = request.completedAt!.getTime() + EXPORT_TTL_MS;
    if (this.#deps.clock.now().getTime() >= expiresAt) request.archive = null;
    if (request.archive === null) throw notFound('export of privacy request', id);
    return request.archive;
  }

  /** The request as the contract models it: the number, or only its hash once an erasure of it completed. */
  toModel(record: PrivacyRequestRecord): PrivacyRequest {
    let subject: PrivacySubject = { type: 'account' };
    if (record.subject === 'recipient') {
      subject =
        record.phoneNumber === null
          ? { type: 'recipient', phoneNumberSha256: record.phoneNumberSha256! }
          : { type: 'recipient', phoneNumber: new PhoneNumber(record.phoneNumber) };
    }
    return {
      id: record.id,
      object: 'privacy_request',
      type: record.type,
      subject,
      status: record.status,
      note: record.note,
      changes: record.changes && { ...record.changes },
      dueAt: record.dueAt,
      extended: record.extended,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      completedAt: record.completedAt,
      result: record.result,
      rejectionReason: record.rejectionReason,
    } as PrivacyRequest;
  }

  #find(accountId: string, id: string): PrivacyRequestRecord {
    const request = this.#deps.store.privacyRequests.find(accountId, id);
    if (!request) throw notFound('privacy request', id);
    return request;
  }

  #change(request: PrivacyRequestRecord, status: PrivacyRequestStatus): void {
    request.status = status;
    request.updatedAt = this.#deps.clock.now();
    this.#events.emit(request.accountId, 'privacy_request.updated', this.toModel(request));
  }

  // Completes (or rejects) a request: its effect applied, its result set, then announced. An erasure of
  // the account closes it after the announcement, so the last event still leaves.
  #settle(request: PrivacyRequestRecord): void {
    const now = this.#deps.clock.now();
    const { accountId } = request;
    const subject: HoldingsSubject =
      request.subject === 'account'
        ? { kind: 'account' }
        : { kind: 'recipient', sha256: request.phoneNumberSha256! };
    const reject = (reason: string) => {
      request.rejectionReason = reason;
      this.#change(request, 'rejected');
    };
    request.timers = [];
    switch (request.type) {
      case 'access':
        request.result = this.holdings.access(accountId, subject);
        break;
      case 'export': {
        request.archive = this.holdings.archive(accountId, request.id, this.toModel(request).subject);
        request.result = {
          downloadUrl: `${request.origin}/v1/privacy_requests/${request.id}/export`,
          format: 'json',
          sizeBytes: new TextEncoder().encode(request.archive).length,
          expiresAt: new Date(now.getTime() + EXPORT_TTL_MS),
        };
        break;
      }
      case 'rectification': {
        if (request.subject === 'recipient') {
          reject(
            'A rectification applies to the account only: aulm keeps nothing about a recipient that can be corrected (its number is the key, and previews are copies of what was sent).',
          );
          return;
        }
        const changes = request.changes ?? {};
        const fields = (['name', 'email'] as const).filter((field) => changes[field] !== undefined);
        if (fields.length === 0) {
          reject('No changes to apply: give changes.name or changes.email.');
          return;
        }
        const account = this.#deps.store.accounts.get(accountId);
        if (account && changes.name !== undefined) account.name = changes.name;
        if (account && changes.email !== undefined) account.email = changes.email;
        request.result = { updatedFields: fields };
        break;
      }
      case 'erasure':
        if (subject.kind === 'account') {
          request.result = { erased: this.holdings.access(accountId, subject).counts };
          this.#complete(request, now);
          this.erasure.eraseAccount(accountId);
          return;
        }
        request.result = { erased: this.erasure.eraseRecipient(accountId, subject.sha256) };
        break;
      case 'restriction':
      case 'objection':
        if (subject.kind === 'account') {
          reject(`A ${request.type} applies to a recipient only, not to the account.`);
          return;
        }
        if (request.type === 'objection') {
          this.erasure.erasePreviews(accountId, subject.sha256);
          request.result = { objectedSince: now };
        } else {
          request.result = { restrictedSince: now };
        }
        break;
    }
    this.#complete(request, now);
  }

  #complete(request: PrivacyRequestRecord, now: Date): void {
    request.completedAt = now;
    this.#change(request, 'completed');
  }

  // Whether a completed, unlifted request of `type` about `to` stands in the account.
  #inForce(accountId: string, type: 'restriction' | 'objection', to: string): boolean {
    let sha256: string | null = null;
    for (const request of this.#deps.store.privacyRequests.ordered) {
      if (request.accountId !== accountId || request.type !== type || request.status !== 'completed')
        continue;
      sha256 ??= sha256Hex(to);
      if (request.phoneNumberSha256 === sha256) return true;
    }
    return false;
  }

  // A send to a number under an objection or a restriction (the objection named first: it is the wider).
  #refuseSuppressed(accountId: string, to: string): void {
    if (this.#inForce(accountId, 'objection', to)) {
      throw new ServiceError(
        403,
        'recipient_objected',
        'The recipient has objected to being messaged; sends to this number are refused until the objection is lifted.',
        'to',
      );
    }
    if (this.#inForce(accountId, 'restriction', to)) {
      throw new ServiceError(
        403,
        'recipient_restricted',
        'Processing for this recipient is restricted; sends to this number are refused until the restriction is lifted.',
        'to',
      );
    }
  }
}

function invalidState(request: PrivacyRequestRecord, what: string, when: string): ServiceError {
  return new ServiceError(
    409,
    'invalid_state',
    `Privacy request ${request.id} is ${request.status}: it can be ${what} ${when}.`,
  );
}
