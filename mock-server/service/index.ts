// The reference server's domain, assembled: accounts, sessions, messages, logs, webhook endpoints, events
// and deliveries, and the idempotency keys and rate limits of the keys, over one store, one clock and one
// source of ids. No HTTP here: every operation is a function call, testable on its own, and webhook
// deliveries leave through an injected transport.
import type { MockClock } from '../clock.js';
import type { IdFactory } from '../ids.js';
import { Accounts } from './accounts.js';
import { ApiKeys } from './api-keys.js';
import { Events } from './events.js';
import { IdempotencyKeys } from './idempotency.js';
import { Logs } from './logs.js';
import { Messages } from './messages.js';
import { PrivacyRequests } from './privacy.js';
import { DEFAULT_RATE_LIMIT, type RateLimitPolicy, RateLimits } from './rate-limits.js';
import { Retention } from './retention.js';
import { Sessions } from './sessions.js';
import { Store } from './store.js';
import { Support } from './support.js';
import { ATTEMPT_TIMEOUT_MS, WebhookDeliveries, type WebhookPolicy } from './webhook-deliveries.js';
import { WebhookEndpoints } from './webhook-endpoints.js';

export type { Caller, CreateAccountParams } from './accounts.js';
export { notFound, ServiceError } from './errors.js';
export type { EmittedEventType, EventData } from './events.js';
export {
  IDEMPOTENCY_KEY_TTL_MS,
  type IdempotencyOutcome,
  type IdempotentRequest,
  type Reservation,
} from './idempotency.js';
export type { PageParams } from './pager.js';
export { addCalendarMonths, type PrivacyRequestRecord } from './privacy.js';
export type { ErasedCounts } from './privacy-erasure.js';
export { DEFAULT_RATE_LIMIT, type RateLimitPolicy, type RateLimitState } from './rate-limits.js';
export type { ConnectOptions } from './sessions.js';
export { isSnapshot } from './snapshots.js';
export type { StoredAnswer } from './store.js';
export type { SolveOptions } from './support.js';
export {
  ATTEMPT_TIMEOUT_MS,
  MAX_ATTEMPTS,
  type OutgoingWebhook,
  RETRY_DELAYS_MS,
  type WebhookPolicy,
  type WebhookTransport,
} from './webhook-deliveries.js';
export { ROTATION_OVERLAP_MS } from './webhook-endpoints.js';

/** What every part of the service shares. */
export interface ServiceDeps {
  readonly store: Store;
  readonly clock: MockClock;
  readonly ids: IdFactory;
  /** How many days logs and webhook delivery records are kept (`retention.ts`). */
  readonly retentionDays: number;
  /** The token bucket of every API key. */
  readonly rateLimit: RateLimitPolicy;
  /** How webhook deliveries leave, and how long an attempt may take. */
  readonly webhooks: WebhookPolicy;
}

/** The whole domain of one mock. */
export interface Service extends ServiceDeps {
  readonly accounts: Accounts;
  readonly sessions: Sessions;
  readonly messages: Messages;
  readonly logs: Logs;
  readonly webhookEndpoints: WebhookEndpoints;
  readonly webhookDeliveries: WebhookDeliveries;
  readonly events: Events;
  readonly idempotencyKeys: IdempotencyKeys;
  readonly rateLimits: RateLimits;
  readonly apiKeys: ApiKeys;
  readonly support: Support;
  /** Deletes logs and delivery records past the retention period; `start()` again after a clock reset. */
  readonly retention: Retention;
  /** Privacy requests, and the effects of those completed (erasures, restrictions, objections). */
  readonly privacy: PrivacyRequests;
}

/**
 * Builds the service over a fresh store, with the default rate limit unless one is given, and no webhook
 * transport (deliveries are recorded, none leave) unless one is given.
 */
export function createService(
  options: Omit<ServiceDeps, 'store' | 'rateLimit' | 'webhooks'> & {
    rateLimit?: RateLimitPolicy;
    webhooks?: Partial<WebhookPolicy>;
  },
): Service {
  const deps: ServiceDeps = {
    ...options,
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    webhooks: {
      transport: options.webhooks?.transport ?? null,
      timeoutMs: options.webhooks?.timeoutMs ?? ATTEMPT_TIMEOUT_MS,
    },
    store: new Store(),
  };
  const sessions = new Sessions(deps);
  const webhookEndpoints = new WebhookEndpoints(deps);
  const webhookDeliveries = new WebhookDeliveries(deps, webhookEndpoints);
  const events = new Events(deps, webhookEndpoints, webhookDeliveries);
  // Before the messages follow the sessions: a session's disconnection is announced before the messages
  // it fails.
  events.followSessions(sessions);
  const messages = new Messages(deps, sessions);
  events.followMessages(messages);
  const accounts = new Accounts(deps);
  const logs = new Logs(deps);
  const privacy = new PrivacyRequests(deps, { accounts, events, messages, logs, webhookDeliveries });
  const retention = new Retention(deps);
  retention.start();
  return {
    ...deps,
    accounts,
    sessions,
    messages,
    logs,
    webhookEndpoints,
    webhookDeliveries,
    events,
    idempotencyKeys: new IdempotencyKeys(deps),
    rateLimits: new RateLimits(deps),
    apiKeys: new ApiKeys(deps, accounts),
    support: new Support(deps),
    retention,
    privacy,
  };
}
