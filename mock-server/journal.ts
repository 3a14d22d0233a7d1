// The journal: a record, in arrival order, of every request that reached the mock's handlers, so a test
// can assert on what its code sent (how many retries, which idempotency key, what was answered). It keeps
// the newest `limit` entries and counts those it dropped, so a server left running under load stays
// within bounded memory.

/** One request that reached the handlers, and what it was answered. */
export interface JournalEntry {
  /** The mock's time when the request arrived. */
  at: Date;
  /** The HTTP method, upper case. */
  method: string;
  /** The host the request was sent to (`api.aulm.io`, `eu.api.aulm.io`, `127.0.0.1:4010`). */
  host: string;
  /** The path, without the query string (`/v1/logs`). */
  path: string;
  /** The status answered: 0 while the request is being processed, and where the connection was cut. */
  status: number;
  /** The `aulm-request-id` answered. */
  requestId: string;
  /** The `Idempotency-Key` header sent, if any. */
  idempotencyKey: string | null;
  /**
   * The fault injected into this request, if any: `'status 503'`, `'delay 300'`, `'reset'`,
   * `'lost_response'`, or several joined (`'delay 300, reset'`). A cut connection has `status` 0.
   */
  fault: string | null;
}

/** How much the journal keeps. */
export interface JournalOptions {
  /**
   * How many entries are kept, the newest (default 10,000); older ones are dropped and counted in
   * `mock.journalDropped`. A whole number, 0 or more: 0 keeps none and only counts.
   */
  limit?: number;
}

/** How many entries the journal keeps unless told otherwise: about 4 MB of them. */
export const DEFAULT_JOURNAL_LIMIT = 10_000;

/**
 * Reads the `journal` option: its `limit`, or the default. Throws a `TypeError` naming `journal.limit` for
 * a value that is not a number, or for a key that is no option (and suggests `limit`), and a `RangeError` for
 * a number that is not a whole number, 0 or more.
 */
export function journalLimitOf(options: JournalOptions | undefined): number {
  if (options === undefined) return DEFAULT_JOURNAL_LIMIT;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`journal must be an object such as { limit: 1000 }, not ${String(options)}`);
  }
  // `limit` is its only option, so it is the nearest to any other key.
  const unknown = Object.keys(options).find((key) => key !== 'limit');
  if (unknown !== undefined) {
    throw new TypeError(`journal.${unknown} is not an option: did you mean journal.limit?`);
  }
  const { limit = DEFAULT_JOURNAL_LIMIT } = options;
  if (!(typeof limit === 'number' && Number.isSafeInteger(limit) && limit >= 0)) {
    const shown = typeof limit === 'string' ? `'${limit}'` : String(limit);
    const Refusal = typeof limit === 'number' ? RangeError : TypeError;
    throw new Refusal(`journal.limit must be a whole number, 0 or more, not ${shown}`);
  }
  return limit;
}

/** The journal of one mock: entries are added when a request arrives and completed when it is answered. */
export class Journal {
  /** How many entries are kept, the newest. */
  readonly limit: number;
  // One array for the life of the mock, so that a reference to `entries` held by a test stays current.
  // Dropping the oldest entry on each request (`shift`) costs what the array's length does (figures in
  // docs/decisions.md), so the array may run up to an eighth past the limit and the excess goes in one
  // splice: a few element moves a request, whatever the limit. Every read (`entries`, `dropped`) trims
  // to the limit first.
  readonly #entries: JournalEntry[] = [];
  readonly #trimAt: number;
  readonly #redact: (text: string) => string;
  #dropped = 0;

  /**
   * `limit` is how many entries are kept; `redact` is what a path and an idempotency key go through as they
   * are written down: the mock gives the privacy erasure's, so that a number erased is not written down
   * again (`/v1/messages/[erased]`).
   */
  constructor(options: { limit?: number; redact?: (text: string) => string } = {}) {
    this.limit = options.limit ?? DEFAULT_JOURNAL_LIMIT;
    this.#trimAt = this.limit + Math.max(1, Math.ceil(this.limit / 8));
    this.#redact = options.redact ?? ((text) => text);
  }

  /** The entries kept, oldest first: the newest `limit`. The same array each time, trimmed in place. */
  get entries(): JournalEntry[] {
    this.#trim();
    return this.#entries;
  }

  /** How many entries were dropped, oldest first, to keep the newest `limit`, since the start or `clear()`. */
  get dropped(): number {
    this.#trim();
    return this.#dropped;
  }

  /** Records a request as it arrives, and returns its entry (status 0 until answered). */
  open(entry: Omit<JournalEntry, 'status' | 'fault'>): JournalEntry {
    // Field by field rather than spread: one per request, in the order the journal's JSON shows them.
    const opened: JournalEntry = {
      at: entry.at,
      method: this.#redact(entry.method),
      host: entry.host,
      path: this.#redact(entry.path),
      requestId: entry.requestId,
      idempotencyKey: entry.idempotencyKey === null ? null : this.#redact(entry.idempotencyKey),
      status: 0,
      fault: null,
    };
    if (this.#entries.push(opened) >= this.#trimAt) this.#trim();
    return opened;
  }

  /** Empties the journal in place, so a reference to `entries` held by a test stays current, and zeroes `dropped`. */
  clear(): void {
    this.#entries.length = 0;
    this.#dropped = 0;
  }

  #trim(): void {
    const excess = this.#entries.length - this.limit;
    if (excess <= 0) return;
    this.#entries.splice(0, excess);
    this.#dropped += excess;
  }
}
