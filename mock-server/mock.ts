// One mock, assembled and runtime-neutral: options, clock, randomness, service, faults, handlers and
// journal, and the controls of its handle. `start.ts` adds what only Node has (the undici dispatcher,
// `setupServer`); `start.browser.ts` what only a browser has (`setupWorker`).
import type { RequestHandler } from 'msw';
import type { Dispatcher } from 'undici';
import type { Account, Session, SupportTicket, WebhookDelivery } from '../src/contract/index.js';
import { type Clock, type ClockMode, MockClock } from './clock.js';
import { type FaultControls, Faults } from './faults.js';
import { createHandlers, HandlerContext } from './handlers/index.js';
import { IdFactory } from './ids.js';
import { Journal, type JournalEntry, type JournalOptions, journalLimitOf } from './journal.js';
import { Randomness } from './random.js';
import {
  type ConnectOptions,
  type CreateAccountParams,
  createService,
  DEFAULT_RATE_LIMIT,
  type RateLimitPolicy,
  type SolveOptions,
} from './service/index.js';
import { type DeliverWebhook, webhookTransportOf } from './webhook-transport.js';

/** Every aulm host: the global one and the three regional ones. */
export const AULM_HOSTS: readonly string[] = [
  'https://api.aulm.io',
  'https://eu.api.aulm.io',
  'https://us.api.aulm.io',
  'https://ap.api.aulm.io',
];

/** The start time of a seeded mock, so that a seeded script is deterministic to the millisecond. */
export const SEEDED_START = '2026-01-01T00:00:00.000Z';

/**
 * Rate limits per API key: a token bucket of `burst` requests, refilled at `requestsPerSecond` on the mock's
 * clock. The defaults are so generous that ordinary tests never meet them.
 */
export interface RateLimitOptions {
  /** Requests per second refilled (default 1,000); a positive number. */
  requestsPerSecond?: number;
  /** The most requests at once, and the `ratelimit-limit` header (default 10,000); a whole number, 1 or more. */
  burst?: number;
}

/** How webhook deliveries leave the mock. */
export interface WebhookOptions {
  /**
   * How each attempt is sent: `'fetch'` (default) POSTs with the global `fetch`, as the API would, so a
   * receiver on loopback or a URL your MSW server intercepts gets it; a function `(request) =>
   * Promise<Response>` is handed each attempt as a `Request` and answers it (a receiver inside the test,
   * no network); `'off'` sends nothing (deliveries are recorded, `pending`, with no attempt).
   */
  deliver?: DeliverWebhook | 'fetch' | 'off';
}

/**
 * How `startAulmMock` starts MSW's service worker in a browser: passed on to MSW's `worker.start()`. Node
 * ignores it. Requests to other hosts always pass through (`onUnhandledRequest: 'bypass'`).
 */
export interface WorkerStartOptions {
  /** Where the page serves MSW's `mockServiceWorker.js` (default `/mockServiceWorker.js`), and how to register it. */
  serviceWorker?: {
    /** The URL of the worker script. */
    url?: string;
    /** The registration options, as `navigator.serviceWorker.register` takes them. */
    options?: {
      /** The scope the worker controls. */
      scope?: string;
      /** `'classic'` or `'module'`. */
      type?: 'classic' | 'module';
      /** Whether the browser's HTTP cache serves the worker script on updates. */
      updateViaCache?: 'all' | 'imports' | 'none';
    };
  };
  /** Silences MSW's console messages (the worker starting, each request it answers). */
  quiet?: boolean;
  /** Picks MSW's worker among those registered on the page, by script URL. */
  findWorker?: (scriptUrl: string, mockServiceWorkerUrl: string) => boolean;
}

/** The options of `createAulmMock` and `startAulmMock`. */
export interface AulmMockOptions {
  /** Makes every id, key, code and response deterministic. */
  seed?: number;
  /** `'manual'` (default): time moves only by `clock.advance`; `'real'`: with the wall clock too. */
  clock?: ClockMode;
  /** The start time (default: `2026-01-01T00:00:00.000Z` with a `seed`, else the current time). */
  now?: Date | string | number;
  /** How many days logs and webhook delivery records are kept (default 30); then they are deleted. */
  retentionDays?: number;
  /** Rate limits per API key (default 1,000 per second, bursts of 10,000). */
  rateLimit?: RateLimitOptions;
  /** How webhook deliveries leave (default: with the global `fetch`). */
  webhooks?: WebhookOptions;
  /** How many requests the journal keeps, the newest (default `{ limit: 10_000 }`). */
  journal?: JournalOptions;
  /** The base URLs answered (default: every aulm host). */
  hosts?: readonly string[];
  /** Where `mock.dispatcher` sends requests that are not for the mock (default: undici's global agent). Node only. */
  dispatcher?: Dispatcher;
  /** How `startAulmMock` starts MSW's service worker. Browsers only. */
  worker?: WorkerStartOptions;
}

/** What `mock.accounts.create` made: an account and its test key. */
export interface CreatedAccount {
  /** The new account. */
  account: Account;
  /** Its test key, `aulm_test_…`, with scope `*`. */
  apiKey: string;
}

/** What `quickstart()` returns: a key of a new `eu` account, and a session already connected. */
export interface Quickstart {
  /** A test key (`aulm_test_...`) of scope `*`. */
  apiKey: string;
  /** A session that is already `connected`. */
  sessionId: string;
  /** The account the key belongs to. */
  accountId: string;
}

/** The parts of the handle that every runtime shares. */
export interface AulmMockControls {
  /**
   * The MSW handlers of every route (one handler, serving every host): `setupServer(...mock.handlers)` or
   * `setupWorker(...mock.handlers)`.
   */
  readonly handlers: RequestHandler[];
  /** The mock's time. */
  readonly clock: Clock;
  /**
   * The requests that reached the handlers, in order of arrival: the newest `journal.limit` (10,000 by
   * default). The same array each time, kept current as requests arrive and trimmed when it is read.
   */
  readonly journal: readonly JournalEntry[];
  /** How many of the oldest requests the journal dropped to keep the newest `journalLimit`; 0 after `reset()`. */
  readonly journalDropped: number;
  /** How many requests the journal keeps: the `journal.limit` option (default 10,000). */
  readonly journalLimit: number;
  /** Creates an account in `eu` with a test key of scope `*`, and a connected session. */
  quickstart(): Quickstart;
  /** What only the mock can do with accounts. */
  readonly accounts: {
    /** Creates an account (default region `eu`) with a test key of scope `*`. */
    create(params?: CreateAccountParams): CreatedAccount;
  };
  /** What the phone of a session would do. */
  readonly sessions: {
    /** Pairs a session, as the phone would: it becomes `connected`. */
    connect(sessionId: string, options?: ConnectOptions): Session;
    /** Logs a session out from the phone: it becomes `disconnected`. */
    disconnect(sessionId: string): Session;
  };
  /** What aulm's support agent would do with a ticket (`tkt_...`) of any account. */
  readonly support: {
    /** Solves a ticket, with a last `agent` message if `reply` is given: it becomes `solved`, and can be rated. */
    solve(ticketId: string, options?: SolveOptions): SupportTicket;
    /** Answers a ticket with an `agent` message: it becomes `pending` (waiting on the customer). */
    reply(ticketId: string, body: string): SupportTicket;
  };
  /**
   * Fault injection: `inject(rule)` makes matching requests fail (a status, a delay, a cut connection)
   * and returns a handle with `remove()`; `clear()` removes every rule; `list()` shows those in force.
   */
  readonly faults: FaultControls;
  /** The webhook deliveries the mock has made, and a way to wait for those in flight. */
  readonly webhooks: {
    /** Every delivery of every account, oldest first, as `GET /v1/webhook_deliveries/{id}` models it. */
    readonly deliveries: readonly WebhookDelivery[];
    /**
     * Resolves once every attempt in flight has been answered (or has failed, or timed out) and recorded.
     * It runs nothing early: a retry waits for `clock.advance`, which awaits attempts in flight itself.
     */
    flush(): Promise<void>;
  };
  /**
   * Drops every account, session, message, webhook endpoint, event, delivery, timer, journal entry (and
   * zeroes `journalDropped`), idempotency key, rate-limit bucket and fault rule, aborts the webhook
   * attempts in flight, starts the seeded randomness again, and puts the clock back to its start.
   */
  reset(): void;
}

/** A mock assembled, with what the runtime-specific entry needs to finish it. */
export interface AssembledMock {
  readonly controls: AulmMockControls;
  /** The base URLs answered. */
  readonly hosts: readonly string[];
  /** Stops the clock's wall-clock wake-ups, and aborts the webhook attempts in flight. */
  stop(): Promise<void>;
}

/** Assembles a mock from its options. */
export function assembleMock(options: AulmMockOptions = {}): AssembledMock {
  if (options.seed !== undefined && !Number.isFinite(options.seed)) {
    throw new TypeError(`seed must be a finite number, not ${String(options.seed)}`);
  }
  const start = new Date(options.now ?? (options.seed === undefined ? Date.now() : SEEDED_START));
  if (Number.isNaN(start.getTime())) throw new TypeError(`now is not a date: ${String(options.now)}`);
  const retentionDays = options.retentionDays ?? 30;
  if (!(Number.isFinite(retentionDays) && retentionDays > 0)) {
    throw new TypeError(`retentionDays must be a positive number, not ${String(options.retentionDays)}`);
  }
  const rateLimit = rateLimitOf(options.rateLimit);
  const journalLimit = journalLimitOf(options.journal);
  const transport = webhookTransportOf(options.webhooks?.deliver);
  const hosts = (options.hosts ?? AULM_HOSTS).map((host) => new URL(host).origin);
  const random = new Randomness(options.seed);
  const clock = new MockClock({ mode: options.clock ?? 'manual', start });
  const service = createService({
    clock,
    ids: new IdFactory(random),
    retentionDays,
    rateLimit,
    webhooks: { transport },
  });
  // An erasure reaches the journal too: a path or an idempotency key that held the erased number no longer
  // shows it, and neither does one written down later.
  const journal = new Journal({
    limit: journalLimit,
    redact: (text) => service.privacy.erasure.redact(text),
  });
  service.privacy.erasure.onErasure((redact) => {
    for (const entry of journal.entries) {
      entry.path = redact(entry.path);
      if (entry.idempotencyKey !== null) entry.idempotencyKey = redact(entry.idempotencyKey);
    }
  });
  const faults = new Faults(random);
  const handlers = createHandlers(new HandlerContext({ service, journal, faults, hosts }));

  const controls: AulmMockControls = {
    handlers,
    clock,
    get journal() {
      return journal.entries;
    },
    get journalDropped() {
      return journal.dropped;
    },
    journalLimit,
    quickstart() {
      const { account, apiKey } = service.accounts.create({ region: 'eu' });
      const session = service.sessions.create(account.id, { name: 'Quickstart' });
      service.sessions.connect(session.id);
      return { apiKey, sessionId: session.id, accountId: account.id };
    },
    accounts: { create: (params) => service.accounts.create(params) },
    sessions: {
      connect: (sessionId, connectOptions) => service.sessions.connect(sessionId, connectOptions),
      disconnect: (sessionId) => service.sessions.disconnect(sessionId),
    },
    support: {
      solve: (ticketId, solveOptions) => service.support.solve(ticketId, solveOptions),
      reply: (ticketId, body) => service.support.agentReply(ticketId, body),
    },
    faults: {
      inject: (rule) => faults.inject(rule),
      clear: () => faults.clear(),
      list: () => faults.list(),
    },
    webhooks: {
      get deliveries() {
        return service.webhookDeliveries.all();
      },
      flush: () => clock.settled(),
    },
    reset() {
      service.webhookDeliveries.abortAll();
      clock.reset();
      service.store.clear();
      service.retention.start();
      random.reset();
      journal.clear();
      faults.reset();
    },
  };
  return {
    controls,
    hosts,
    stop: async () => {
      clock.stop();
      service.webhookDeliveries.abortAll();
      await clock.settled();
    },
  };
}

function rateLimitOf(options: RateLimitOptions = {}): RateLimitPolicy {
  const { requestsPerSecond = DEFAULT_RATE_LIMIT.requestsPerSecond, burst = DEFAULT_RATE_LIMIT.burst } =
    options;
  if (
    !(typeof requestsPerSecond === 'number' && Number.isFinite(requestsPerSecond) && requestsPerSecond > 0)
  ) {
    throw new TypeError(
      `rateLimit.requestsPerSecond must be a positive number, not ${String(options.requestsPerSecond)}`,
    );
  }
  if (!(Number.isInteger(burst) && burst >= 1)) {
    throw new TypeError(`rateLimit.burst must be a whole number, 1 or more, not ${String(options.burst)}`);
  }
  return { requestsPerSecond, burst };
}

/**
 * Returns the handle of an assembled mock with `extra` properties (its `close`, a `dispatcher` getter): its
 * controls property by property, not by a spread, which would read the getters (`journal`,
 * `journalDropped`) once and keep what they said then.
 */
export function handleOf<Handle>(assembled: AssembledMock, extra: PropertyDescriptorMap): Handle {
  const handle = Object.defineProperties({}, Object.getOwnPropertyDescriptors(assembled.controls));
  return Object.defineProperties(handle, extra) as Handle;
}
