// What the service holds about a privacy subject (a recipient's number, or the account), found by the
// number's SHA-256 so that it still works once the number itself is gone: the messages (and their logs), the
// events and webhook deliveries about them, the result of an access request and the archive of an export.
import * as z from 'zod/mini';
import { type AccessResult, PrivacyExport, type PrivacySubject } from '../../src/contract/index.js';
import type { Accounts } from './accounts.js';
import type { ServiceDeps } from './index.js';
import type { Logs } from './logs.js';
import type { Messages } from './messages.js';
import { sha256Hex } from './privacy-digest.js';
import type { EventRecord, MessageRecord, WebhookDeliveryRecord } from './store.js';
import type { WebhookDeliveries } from './webhook-deliveries.js';

/** Whom the holdings are about: a recipient by the hash of its number, or the whole account. */
export type HoldingsSubject =
  | { readonly kind: 'recipient'; readonly sha256: string }
  | { readonly kind: 'account' };

/** The records about one subject in one account. */
export interface Holdings {
  readonly messages: MessageRecord[];
  /** Events whose `data` is a message to the number (every event, for the account). */
  readonly events: EventRecord[];
  /** The deliveries of those events. */
  readonly deliveries: WebhookDeliveryRecord[];
}

/** Returns the number a stored event is about: the `to` of a message event, else `null`. */
export function recipientOfEvent(event: EventRecord): string | null {
  if (!event.type.startsWith('message.')) return null;
  const to = (JSON.parse(event.body) as { data?: { to?: unknown } }).data?.to;
  return typeof to === 'string' ? to : null;
}

/** Finds and reports what is held about a subject. */
export class PrivacyHoldings {
  readonly #deps: ServiceDeps;
  readonly #parts: { accounts: Accounts; messages: Messages; logs: Logs; deliveries: WebhookDeliveries };

  constructor(
    deps: ServiceDeps,
    parts: { accounts: Accounts; messages: Messages; logs: Logs; deliveries: WebhookDeliveries },
  ) {
    this.#deps = deps;
    this.#parts = parts;
  }

  /** Returns the records of `accountId` about `subject`, oldest first. */
  of(accountId: string, subject: HoldingsSubject): Holdings {
    const { store } = this.#deps;
    const about = (to: string | null) =>
      subject.kind === 'account' || (to !== null && sha256Hex(to) === subject.sha256);
    const messages = store.messages.ordered.filter((row) => row.accountId === accountId && about(row.to));
    const events = store.events.ordered.filter(
      (row) => row.accountId === accountId && (subject.kind === 'account' || about(recipientOfEvent(row))),
    );
    const eventIds = new Set(events.map((event) => event.id));
    const deliveries = store.webhookDeliveries.ordered.filter(
      (row) => row.accountId === accountId && eventIds.has(row.eventId),
    );
    return { messages, events, deliveries };
  }

  /** The result of an access request: the kinds of data held, how many records, and the oldest one's time. */
  access(accountId: string, subject: HoldingsSubject): AccessResult {
    const { messages, deliveries } = this.of(accountId, subject);
    const categories =
      subject.kind === 'account'
        ? ['account', 'api_keys', 'sessions', 'messages', 'message_logs', 'webhook_endpoints']
        : ['phone_number', 'privacy_requests'];
    if (subject.kind === 'recipient' && messages.length > 0) categories.push('messages', 'message_logs');
    if (messages.some((message) => message.preview !== null)) categories.push('message_previews');
    if (messages.some((message) => Object.keys(message.metadata).length > 0)) {
      categories.push('message_metadata');
    }
    if (deliveries.length > 0) categories.push('webhook_deliveries');
    const times = [...messages, ...deliveries].map((row) => row.createdAt.getTime());
    return {
      categories,
      counts: { logs: messages.length, messages: messages.length, webhookDeliveries: deliveries.length },
      oldestRecordAt: times.length === 0 ? null : new Date(Math.min(...times)),
    };
  }

  /**
   * The archive of an export, as JSON text in wire form: for a recipient, every log, message and webhook
   * delivery about the number; for the account, the account and every log, message and delivery it has.
   */
  archive(accountId: string, requestId: string, subject: PrivacySubject): string {
    const { accounts, messages: messageModels, logs, deliveries: deliveryModels } = this.#parts;
    const holdings =
      subject.type === 'account'
        ? this.of(accountId, { kind: 'account' })
        : this.of(accountId, {
            kind: 'recipient',
            sha256: subject.phoneNumberSha256 ?? sha256Hex(subject.phoneNumber?.e164 ?? ''),
          });
    const account = this.#deps.store.accounts.get(accountId);
    const archive: PrivacyExport = {
      object: 'privacy_export',
      requestId,
      subject,
      generatedAt: this.#deps.clock.now(),
      account: subject.type === 'account' && account ? accounts.toModel(account) : null,
      logs: holdings.messages.map((row) => logs.toModel(row)).reverse(),
      messages: holdings.messages.map((row) => messageModels.toModel(row)).reverse(),
      webhookDeliveries: holdings.deliveries.map((row) => deliveryModels.toModel(row)).reverse(),
    };
    return JSON.stringify(z.encode(PrivacyExport, archive));
  }
}
