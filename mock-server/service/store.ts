// The in-memory state of the reference server: every account, key, session, message, webhook endpoint,
// event and delivery, as records, the idempotency keys and rate-limit buckets of the keys, and the numbers
// each account erased.
// Records are the service's own rows (plain strings and Dates); the contract's models are built from them.
import type {
  DeliveryAttempt,
  DeliveryStatus,
  Device,
  EndpointStatus,
  EventType,
  MessageStatus,
  Metadata,
  Region,
  SessionStatus,
  TicketPriority,
  TicketStatus,
} from '../../src/contract/index.js';
import type { Timer } from '../clock.js';
import type { KeyMode } from '../ids.js';
import { ErasedNumbers } from './erased-numbers.js';
import type { PrivacyRequestRecord } from './privacy.js';

/** A row owned by an account, with its place in the order of creation. */
export interface Row {
  readonly id: string;
  readonly accountId: string;
  /** Increases with every row created, across all tables: lists order by it, cursors point into it. */
  readonly seq: number;
}

/** An account: who the keys belong to, and its home region. */
export interface AccountRecord {
  readonly id: string;
  readonly seq: number;
  name: string;
  email: string;
  country: string;
  region: Region;
  createdAt: Date;
}

/** An API key, with its secret (the mock keeps it whole, to recognise it). */
export interface ApiKeyRecord extends Row {
  name: string;
  secret: string;
  mode: KeyMode;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A session, as stored; the pairing code is kept after pairing, though no longer shown. */
export interface SessionRecord extends Row {
  name: string | null;
  status: SessionStatus;
  pairingCode: string | null;
  pairingExpiresAt: Date | null;
  phoneNumber: string | null;
  device: Device | null;
  country: string | null;
  region: Region;
  createdAt: Date;
  connectedAt: Date | null;
  lastSeenAt: Date | null;
}

/** A message, as stored: its preview, never its content. */
export interface MessageRecord extends Row {
  sessionId: string;
  /** E.164. */
  to: string;
  type: 'text' | 'media';
  /** Whether it was sent with a test key, which honours the test phone numbers. */
  mode: KeyMode;
  status: MessageStatus;
  preview: string | null;
  error: { code: string; message: string } | null;
  metadata: Metadata;
  createdAt: Date;
  updatedAt: Date;
  /** When the latest status was reached: the log's `timestamp`. */
  statusAt: Date;
}

/** A webhook endpoint, as stored: its signing secret, and the secrets a rotation retired, still signing. */
export interface WebhookEndpointRecord extends Row {
  url: string;
  description: string | null;
  /** Event types, or `*`; as given, without repeats. */
  events: string[];
  status: EndpointStatus;
  secret: string;
  /** Secrets replaced by a rotation, each signing beside the current one until `until`. */
  retiredSecrets: Array<{ secret: string; until: Date }>;
  createdAt: Date;
  updatedAt: Date;
}

/** An event that at least one endpoint receives: its body exactly as every attempt of it sends it. */
export interface EventRecord extends Row {
  type: EventType;
  /** The JSON text `{"id","type","timestamp","data"}`, made once, so that every attempt signs the same bytes. */
  body: string;
  createdAt: Date;
}

/** The delivery of one event to one endpoint: its attempts and its schedule. */
export interface WebhookDeliveryRecord extends Row {
  endpointId: string;
  eventId: string;
  eventType: EventType;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  /** How many of the eight scheduled attempts have started; a retry asked for by `retry` does not count. */
  scheduledAttempts: number;
  nextAttemptAt: Date | null;
  /** The clock's timer of the next scheduled attempt, while there is one. */
  timer: Timer | null;
  createdAt: Date;
}

/** The answer to a request, as an idempotency key keeps it: the status, the wire body, and its request id. */
export interface StoredAnswer {
  readonly status: number;
  readonly body: unknown;
  /** The `aulm-request-id` of the request that was answered first. */
  readonly requestId: string;
}

/** An idempotency key of an account: the request it was first used for, and its answer once there is one. */
export interface IdempotencyRecord {
  readonly method: string;
  readonly path: string;
  /** The body's decoded JSON, with sorted keys (`fingerprintOf`), without the numbers the account erased. */
  fingerprint: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  /** `null` while the first request is still being processed. */
  answer: StoredAnswer | null;
}

/** The token bucket of one API key: the tokens left, as of a time. */
export interface RateBucket {
  tokens: number;
  /** When `tokens` was last brought up to date, in epoch milliseconds of the mock's clock. */
  at: number;
}

/** A support ticket, as stored: its conversation in order, and its rating once given. */
export interface SupportTicketRecord extends Row {
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  messages: Array<{ author: 'customer' | 'agent'; body: string; createdAt: Date }>;
  csat: { score: number; comment: string | null; ratedAt: Date } | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The rows of one kind, by id and in creation order, never showing one account another's rows. */
export class Table<T extends Row> {
  #byId = new Map<string, T>();
  #ordered: T[] = [];

  /** Every row, oldest first. */
  get ordered(): readonly T[] {
    return this.#ordered;
  }

  /** Adds a row; its `seq` must be greater than every row's before it. */
  insert(row: T): T {
    this.#byId.set(row.id, row);
    this.#ordered.push(row);
    return row;
  }

  /** Returns the row with that id if `accountId` owns it: another account's row does not exist. */
  find(accountId: string, id: string): T | undefined {
    const row = this.#byId.get(id);
    return row && row.accountId === accountId ? row : undefined;
  }

  /** Returns the row with that id, whoever owns it (for the mock's own controls, not for requests). */
  findAny(id: string): T | undefined {
    return this.#byId.get(id);
  }

  /** Removes a row, if there is one with that id. */
  delete(id: string): void {
    const row = this.#byId.get(id);
    if (!row) return;
    this.#byId.delete(id);
    this.#ordered.splice(this.#ordered.indexOf(row), 1);
  }

  /** Removes every row. */
  clear(): void {
    this.#byId.clear();
    this.#ordered = [];
  }
}

/** All the state of one mock. `clear()` empties it in place. */
export class Store {
  readonly accounts = new Map<string, AccountRecord>();
  readonly apiKeys = new Table<ApiKeyRecord>();
  readonly keysBySecret = new Map<string, ApiKeyRecord>();
  readonly sessions = new Table<SessionRecord>();
  readonly messages = new Table<MessageRecord>();
  readonly webhookEndpoints = new Table<WebhookEndpointRecord>();
  readonly events = new Table<EventRecord>();
  readonly webhookDeliveries = new Table<WebhookDeliveryRecord>();
  /** Idempotency keys by `<account id>/<key>`, in order of first use. */
  readonly idempotencyKeys = new Map<string, IdempotencyRecord>();
  /** Token buckets by API key id. */
  readonly rateBuckets = new Map<string, RateBucket>();
  readonly supportTickets = new Table<SupportTicketRecord>();
  readonly privacyRequests = new Table<PrivacyRequestRecord>();
  /** The numbers each account erased (by hash), which no text it keeps may show again. */
  readonly erasedNumbers = new ErasedNumbers();
  #seq = 0;

  /** Returns the next sequence number for a new row. */
  nextSeq(): number {
    this.#seq += 1;
    return this.#seq;
  }

  /** Removes everything, and starts the sequence again. */
  clear(): void {
    this.accounts.clear();
    this.apiKeys.clear();
    this.keysBySecret.clear();
    this.sessions.clear();
    this.messages.clear();
    this.webhookEndpoints.clear();
    this.events.clear();
    this.webhookDeliveries.clear();
    this.idempotencyKeys.clear();
    this.rateBuckets.clear();
    this.supportTickets.clear();
    this.privacyRequests.clear();
    this.erasedNumbers.clear();
    this.#seq = 0;
  }
}
