// The journal: a record, in arrival order, of every request that reached the mock's handlers, so a test
// can assert on what its code sent (how many retries, which idempotency key, what was answered).

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

/** The journal of one mock: entries are added when a request arrives and completed when it is answered. */
export class Journal {
  readonly entries: JournalEntry[] = [];
  readonly #redact: (text: string) => string;

  /**
   * `redact` is what a path and an idempotency key go through as they are written down: the mock gives the
   * privacy erasure's, so that a number erased is not written down again (`/v1/messages/[erased]`).
   */
  constructor(options: { redact?: (text: string) => string } = {}) {
    this.#redact = options.redact ?? ((text) => text);
  }

  /** Records a request as it arrives, and returns its entry (status 0 until answered). */
  open(entry: Omit<JournalEntry, 'status' | 'fault'>): JournalEntry {
    // Field by field rather than spread: one per request, in the order the journal's JSON shows them.
    const opened: JournalEntry = {
      at: entry.at,
      method: entry.method,
      host: entry.host,
      path: this.#redact(entry.path),
      requestId: entry.requestId,
      idempotencyKey: entry.idempotencyKey === null ? null : this.#redact(entry.idempotencyKey),
      status: 0,
      fault: null,
    };
    this.entries.push(opened);
    return opened;
  }

  /** Empties the journal in place, so a reference to `entries` held by a test stays current. */
  clear(): void {
    this.entries.length = 0;
  }
}
