// The effects of privacy requests that remove data, across every store: the erasure of a recipient (its
// messages and logs, the events and deliveries about them, its number in privacy requests, replays and
// archives, and in every text the account keeps: privacy-erasure-text.ts), the erasure of the account
// (closed, every key revoked, every row gone), and the erasure of a recipient's previews (an objection).
// Each is one function over the store, with no request in sight.

import * as z from 'zod/mini';
import { ErrorEnvelope, errorTypeForStatus } from '../../src/contract/index.js';
import { callingCodeOf } from './erased-numbers.js';
import type { ServiceDeps } from './index.js';
import type { Logs } from './logs.js';
import type { PrivacyRequestRecord } from './privacy.js';
import { sha256Hex } from './privacy-digest.js';
import { archiveMentionsErased, redactStoredText } from './privacy-erasure-text.js';
import type { PrivacyHoldings } from './privacy-holdings.js';
import { type Row, type StoredAnswer, Table } from './store.js';
import type { WebhookDeliveries } from './webhook-deliveries.js';

/** How many records an erasure removed. */
export interface ErasedCounts {
  logs: number;
  messages: number;
  webhookDeliveries: number;
}

// Wire JSON read loosely, to rewrite what a stored body says about a number.
type Json = Record<string, unknown>;

/** Erases what the service holds about a recipient, or about the account. */
export class PrivacyErasure {
  readonly #deps: ServiceDeps;
  readonly #holdings: PrivacyHoldings;
  readonly #deliveries: WebhookDeliveries;
  readonly #logs: Logs;
  readonly #listeners: Array<(redact: (text: string) => string) => void> = [];

  constructor(deps: ServiceDeps, holdings: PrivacyHoldings, deliveries: WebhookDeliveries, logs: Logs) {
    this.#deps = deps;
    this.#holdings = holdings;
    this.#deliveries = deliveries;
    this.#logs = logs;
  }

  /**
   * Calls `listener` after every erasure of a recipient with a function that takes the erased numbers out
   * of a text (the mock's journal, outside the service, keeps paths and idempotency keys that may hold one).
   */
  onErasure(listener: (redact: (text: string) => string) => void): void {
    this.#listeners.push(listener);
  }

  /**
   * Returns `text` with every form of every number erased so far replaced by `[erased]`: the numbers of
   * `accountId` alone, or of every account (the mock's own records, which are no account's).
   */
  redact(text: string, accountId: string | null = null): string {
    return this.#deps.store.erasedNumbers.redact(accountId, text);
  }

  /**
   * Erases a recipient of an account, known by the SHA-256 of its number: its messages (and so their logs)
   * are deleted, and with them the events about those messages and the deliveries of those events (a retry
   * still scheduled never leaves); every privacy request about the number keeps only the hash (in its own
   * record, in the bodies of its `privacy_request.updated` events and in stored idempotent answers); a
   * stored idempotent answer that was a message to the number becomes a `404`; every export archive of the
   * account that mentions the number or one of its previews is dropped. Then every text the account keeps
   * (`redactStoredText`) loses every written form of the number: it becomes `[erased]`. The national forms
   * are found when the number's country is known (from a message to it, a request that holds it, or an
   * earlier erasure of it); else only its international forms are. Returns the counts of what was deleted.
   */
  eraseRecipient(accountId: string, sha256: string): ErasedCounts {
    const { store } = this.#deps;
    const { messages, events, deliveries } = this.#holdings.of(accountId, { kind: 'recipient', sha256 });
    const previews = messages.flatMap((message) => (message.preview === null ? [] : [message.preview]));
    this.#remember(accountId, sha256, messages[0]?.to);
    for (const delivery of deliveries) this.#deliveries.delete(delivery);
    for (const event of events) store.events.delete(event.id);
    for (const message of messages) store.messages.delete(message.id);
    for (const event of store.events.ordered) {
      if (event.accountId !== accountId || event.type !== 'privacy_request.updated') continue;
      const body = JSON.parse(event.body) as Json;
      if (scrubRequest(body.data as Json, sha256)) event.body = JSON.stringify(body);
    }
    for (const [slot, record] of store.idempotencyKeys) {
      if (!slot.startsWith(`${accountId}/`) || record.answer === null) continue;
      record.answer = scrubAnswer(record.answer, sha256);
    }
    for (const request of this.#requests(accountId)) {
      if (request.phoneNumberSha256 === sha256) request.phoneNumber = null;
      const archive = request.archive;
      if (
        archive !== null &&
        (archiveMentionsErased(store, accountId, archive) ||
          previews.some((preview) => archive.includes(jsonText(preview))))
      ) {
        request.archive = null;
      }
    }
    redactStoredText(store, this.#logs, accountId);
    for (const listener of this.#listeners) listener((text) => this.redact(text));
    return { logs: messages.length, messages: messages.length, webhookDeliveries: deliveries.length };
  }

  /**
   * Erases the previews of a recipient's messages (an objection): `null` in the messages and their logs,
   * in the bodies of the message events about them (so a retry sends none), and in stored idempotent
   * answers; an export archive of the account holding one of them is dropped.
   */
  erasePreviews(accountId: string, sha256: string): void {
    const { store } = this.#deps;
    const { messages, events } = this.#holdings.of(accountId, { kind: 'recipient', sha256 });
    const ids = new Set(messages.map((message) => message.id));
    const previews = messages.flatMap((message) => (message.preview === null ? [] : [message.preview]));
    for (const message of messages) {
      message.preview = null;
      // The log kept for the message still shows the preview: it goes now, not at the next read.
      this.#logs.forget(message);
    }
    for (const event of events) {
      const body = JSON.parse(event.body) as Json;
      (body.data as Json).preview = null;
      event.body = JSON.stringify(body);
    }
    for (const [slot, record] of store.idempotencyKeys) {
      const body = record.answer?.body as Json | undefined;
      if (!slot.startsWith(`${accountId}/`) || body?.object !== 'message' || !ids.has(String(body.id))) {
        continue;
      }
      record.answer = { ...record.answer!, body: { ...body, preview: null } };
    }
    for (const request of this.#requests(accountId)) {
      const archive = request.archive;
      if (archive !== null && previews.some((preview) => archive.includes(jsonText(preview)))) {
        request.archive = null;
      }
    }
  }

  /**
   * Erases the account: every key is revoked (it answers `401` from then on), and every row the account
   * owns in every table (sessions, messages, endpoints, events, deliveries with their retries, privacy
   * requests, and whatever else is stored per account), its idempotency keys and the account itself are
   * deleted. Returns the counts of logs, messages and deliveries deleted.
   */
  eraseAccount(accountId: string): ErasedCounts {
    const { store, clock } = this.#deps;
    const now = clock.now();
    const counts = {
      logs: store.messages.ordered.filter((row) => row.accountId === accountId).length,
      messages: store.messages.ordered.filter((row) => row.accountId === accountId).length,
      webhookDeliveries: store.webhookDeliveries.ordered.filter((row) => row.accountId === accountId).length,
    };
    for (const key of store.apiKeys.ordered) {
      if (key.accountId === accountId) key.revokedAt ??= now;
    }
    for (const delivery of [...store.webhookDeliveries.ordered]) {
      if (delivery.accountId === accountId) this.#deliveries.delete(delivery);
    }
    for (const table of Object.values(store)) {
      if (!(table instanceof Table) || table === store.apiKeys) continue;
      const rows = (table as Table<Row>).ordered.filter((row) => row.accountId === accountId);
      for (const row of rows) {
        for (const timer of (row as { timers?: Array<{ cancel(): void }> }).timers ?? []) timer.cancel();
        table.delete(row.id);
      }
    }
    for (const slot of [...store.idempotencyKeys.keys()]) {
      if (slot.startsWith(`${accountId}/`)) store.idempotencyKeys.delete(slot);
    }
    store.accounts.delete(accountId);
    return counts;
  }

  // Records the number as erased in the account, with its calling code, read from a message to it or a
  // request that still holds it (or kept from an earlier erasure), so that its national forms are found.
  #remember(accountId: string, sha256: string, to: string | undefined): void {
    const { store } = this.#deps;
    const number =
      to ??
      this.#requests(accountId).find((row) => row.phoneNumberSha256 === sha256 && row.phoneNumber !== null)
        ?.phoneNumber;
    const callingCode = number ? callingCodeOf(number) : null;
    const country = store.accounts.get(accountId)?.country ?? null;
    store.erasedNumbers.add(accountId, sha256, callingCode, country);
  }

  #requests(accountId: string): PrivacyRequestRecord[] {
    return this.#deps.store.privacyRequests.ordered.filter((row) => row.accountId === accountId);
  }
}

// A string as it appears inside JSON text (quotes and escapes), without the surrounding quotes.
function jsonText(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

// Puts the hash in place of the number in a privacy request's wire form, if it is about the number;
// returns whether it was.
function scrubRequest(request: Json | undefined, sha256: string): boolean {
  const subject = request?.subject as Json | undefined;
  if (typeof subject?.phone_number !== 'string' || sha256Hex(subject.phone_number) !== sha256) return false;
  request!.subject = { type: 'recipient', phone_number_sha256: sha256 };
  return true;
}

// A stored answer without the number: a privacy request keeps the hash; a message to the number, whose
// record is gone, is replayed as the 404 its GET answers now (under the first request's id).
function scrubAnswer(answer: StoredAnswer, sha256: string): StoredAnswer {
  const body = answer.body as Json | null;
  if (body?.object === 'privacy_request') {
    const copy = structuredClone(body);
    return scrubRequest(copy, sha256) ? { ...answer, body: copy } : answer;
  }
  if (body?.object !== 'message' || typeof body.to !== 'string' || sha256Hex(body.to) !== sha256) {
    return answer;
  }
  const error = {
    type: errorTypeForStatus(404),
    code: 'resource_not_found',
    message: `Message ${String(body.id)} was erased by a privacy request.`,
    param: null,
    requestId: answer.requestId,
  };
  return { ...answer, status: 404, body: z.encode(ErrorEnvelope, { error }) };
}
