// The text an account's stores keep, with the numbers it erased taken out: what the business wrote (labels,
// notes, support tickets, the metadata and previews of its other messages) and the copies made of it (event
// bodies a retry sends, answers an idempotency key replays, the fingerprints of their requests). Every form
// of an erased number becomes `[erased]` through the store's one registry (`erased-numbers.ts`); the rest of
// each text, and every record's times, stay as they were.
import type { Logs } from './logs.js';
import type { Row, Store, Table } from './store.js';

/**
 * Rewrites every text `accountId`'s records keep with each form of each number the account erased replaced
 * by `[erased]`: the account's name; the names of its sessions and API keys; the descriptions of its webhook
 * endpoints; the metadata (keys and values) and previews of its messages; the subject, every message (the
 * business's and the agent's) and the rating's comment of its support tickets; the notes and `changes.name`
 * of its privacy requests; the stored bodies of its events; and the answers and request fingerprints its
 * idempotency keys keep. Export archives are not rewritten: the erasure drops those that mention the number.
 */
export function redactStoredText(store: Store, logs: Logs, accountId: string): void {
  const erased = store.erasedNumbers;
  const text = (value: string) => erased.redact(accountId, value);
  const own = <T extends Row>(table: Table<T>) => table.ordered.filter((row) => row.accountId === accountId);
  const account = store.accounts.get(accountId);
  if (account) account.name = text(account.name);
  for (const session of own(store.sessions)) if (session.name !== null) session.name = text(session.name);
  for (const key of own(store.apiKeys)) key.name = text(key.name);
  for (const endpoint of own(store.webhookEndpoints)) {
    if (endpoint.description !== null) endpoint.description = text(endpoint.description);
  }
  for (const message of own(store.messages)) {
    const metadata = erased.redactValue(accountId, message.metadata);
    const preview = message.preview === null ? null : text(message.preview);
    if (metadata === message.metadata && preview === message.preview) continue;
    message.metadata = metadata;
    message.preview = preview;
    // The log kept for the message still shows the old preview: it goes now, not at the next read.
    logs.forget(message);
  }
  for (const ticket of own(store.supportTickets)) {
    ticket.subject = text(ticket.subject);
    for (const message of ticket.messages) message.body = text(message.body);
    if (ticket.csat?.comment) ticket.csat.comment = text(ticket.csat.comment);
  }
  for (const request of own(store.privacyRequests)) {
    if (request.note !== null) request.note = text(request.note);
    if (request.changes?.name !== undefined)
      request.changes = { ...request.changes, name: text(request.changes.name) };
  }
  for (const event of own(store.events)) {
    const body: unknown = JSON.parse(event.body);
    const redacted = erased.redactValue(accountId, body);
    if (redacted !== body) event.body = JSON.stringify(redacted);
  }
  for (const [slot, record] of store.idempotencyKeys) {
    if (!slot.startsWith(`${accountId}/`)) continue;
    record.fingerprint = text(record.fingerprint);
    const answer = record.answer;
    const body = answer === null ? null : erased.redactValue(accountId, answer.body);
    if (answer !== null && body !== answer.body) record.answer = { ...answer, body };
  }
}

/** Returns whether `archive` (JSON text) names, in any of its strings, a number `accountId` erased. */
export function archiveMentionsErased(store: Store, accountId: string, archive: string): boolean {
  const parsed: unknown = JSON.parse(archive);
  return store.erasedNumbers.redactValue(accountId, parsed) !== parsed;
}
