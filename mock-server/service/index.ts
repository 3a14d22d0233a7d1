// The reference server's domain, assembled: accounts, sessions, messages and logs, and the idempotency
// keys and rate limits of the keys, over one store, one clock and one source of ids. No HTTP here: every
// operation is a function call, testable on its own.
import type { MockClock } from '../clock.js';
import type { IdFactory } from '../ids.js';
import { Accounts } from './accounts.js';
import { IdempotencyKeys } from './idempotency.js';
import { Logs } from './logs.js';
import { Messages } from './messages.js';
import { DEFAULT_RATE_LIMIT, type RateLimitPolicy, RateLimits } from './rate-limits.js';
import { Sessions } from './sessions.js';
import { Store } from './store.js';

export type { Caller, CreateAccountParams } from './accounts.js';
export { notFound, ServiceError } from './errors.js';
export {
  IDEMPOTENCY_KEY_TTL_MS,
  type IdempotencyOutcome,
  type IdempotentRequest,
  type Reservation,
} from './idempotency.js';
export type { PageParams } from './pager.js';
export { DEFAULT_RATE_LIMIT, type RateLimitPolicy, type RateLimitState } from './rate-limits.js';
export type { ConnectOptions } from './sessions.js';
export type { StoredAnswer } from './store.js';

/** What every part of the service shares. */
export interface ServiceDeps {
  readonly store: Store;
  readonly clock: MockClock;
  readonly ids: IdFactory;
  /** How many days logs are kept (enforcement comes with retention). */
  readonly retentionDays: number;
  /** The token bucket of every API key. */
  readonly rateLimit: RateLimitPolicy;
}

/** The whole domain of one mock. */
export interface Service extends ServiceDeps {
  readonly accounts: Accounts;
  readonly sessions: Sessions;
  readonly messages: Messages;
  readonly logs: Logs;
  readonly idempotencyKeys: IdempotencyKeys;
  readonly rateLimits: RateLimits;
}

/** Builds the service over a fresh store (with the default rate limit unless one is given). */
export function createService(
  options: Omit<ServiceDeps, 'store' | 'rateLimit'> & { rateLimit?: RateLimitPolicy },
): Service {
  const deps: ServiceDeps = {
    ...options,
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    store: new Store(),
  };
  const sessions = new Sessions(deps);
  return {
    ...deps,
    accounts: new Accounts(deps),
    sessions,
    messages: new Messages(deps, sessions),
    logs: new Logs(deps),
    idempotencyKeys: new IdempotencyKeys(deps),
    rateLimits: new RateLimits(deps),
  };
}
