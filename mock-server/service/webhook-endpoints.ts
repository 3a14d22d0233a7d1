// Webhook endpoints: the URLs an account registers for its events, their signing secrets, and rotation
// (the old secret keeps signing beside the new one for 24 hours on the mock's clock).
import type {
  CreateWebhookEndpointParams,
  EventType,
  ListEnvelope,
  ListWebhookEndpointsParams,
  UpdateWebhookEndpointParams,
  WebhookEndpoint,
} from '../../src/contract/index.js';
import { Secret } from '../../src/contract/index.js';
import { notFound } from './errors.js';
import type { ServiceDeps } from './index.js';
import { paginate } from './pager.js';
import type { WebhookEndpointRecord } from './store.js';

/** How long a rotated-out secret keeps signing deliveries beside the new one: 24 hours. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

/** What happens to endpoints, for the deliveries that follow them: one stops receiving. */
export type EndpointChange = 'disabled' | 'deleted';

/** The webhook endpoints of every account. */
export class WebhookEndpoints {
  readonly #deps: ServiceDeps;
  readonly #listeners: Array<(change: EndpointChange, endpoint: WebhookEndpointRecord) => void> = [];

  constructor(deps: ServiceDeps) {
    this.#deps = deps;
  }

  /** Calls `listener` when an endpoint is disabled or deleted. */
  on(listener: (change: EndpointChange, endpoint: WebhookEndpointRecord) => void): void {
    this.#listeners.push(listener);
  }

  /** Registers an endpoint, `enabled`, with a new secret, which the returned model carries (this once). */
  create(accountId: string, params: CreateWebhookEndpointParams): WebhookEndpoint {
    const { store, ids, clock } = this.#deps;
    const now = clock.now();
    const endpoint = store.webhookEndpoints.insert({
      id: ids.id('webhookEndpoint'),
      accountId,
      seq: store.nextSeq(),
      url: params.url,
      description: this.#text(accountId, params.description ?? null),
      events: [...new Set(params.events)],
      status: 'enabled',
      secret: ids.webhookSecret(),
      retiredSecrets: [],
      createdAt: now,
      updatedAt: now,
    });
    return this.toModel(endpoint, { withSecret: true });
  }

  /** Lists an account's endpoints, newest first. */
  list(accountId: string, params: ListWebhookEndpointsParams): ListEnvelope<WebhookEndpoint> {
    return paginate(
      'webhook_endpoints',
      this.#deps.store.webhookEndpoints.ordered,
      params,
      (row) => row.accountId === accountId,
      (row) => this.toModel(row),
    );
  }

  /** Returns one of the account's endpoints, without its secret. */
  get(accountId: string, id: string): WebhookEndpoint {
    return this.toModel(this.find(accountId, id));
  }

  /**
   * Changes an endpoint's `url`, `events`, `description` (`null` clears it) or `status`; the fields not
   * given stay; `updated_at` moves only when something changed. Disabling it ends its pending deliveries
   * (see `WebhookDeliveries`).
   */
  update(accountId: string, id: string, params: UpdateWebhookEndpointParams): WebhookEndpoint {
    const endpoint = this.find(accountId, id);
    const next = {
      url: params.url ?? endpoint.url,
      events: params.events === undefined ? endpoint.events : [...new Set(params.events)],
      description:
        params.description === undefined ? endpoint.description : this.#text(accountId, params.description),
      status: params.status ?? endpoint.status,
    };
    const changed =
      next.url !== endpoint.url ||
      next.events.join(' ') !== endpoint.events.join(' ') ||
      next.description !== endpoint.description ||
      next.status !== endpoint.status;
    if (!changed) return this.toModel(endpoint);
    const disabling = endpoint.status === 'enabled' && next.status === 'disabled';
    Object.assign(endpoint, next, { updatedAt: this.#deps.clock.now() });
    if (disabling) for (const listener of this.#listeners) listener('disabled', endpoint);
    return this.toModel(endpoint);
  }

  /** Deletes an endpoint and returns it as it was; its pending deliveries end, its records stay. */
  delete(accountId: string, id: string): WebhookEndpoint {
    const endpoint = this.find(accountId, id);
    this.#deps.store.webhookEndpoints.delete(endpoint.id);
    for (const listener of this.#listeners) listener('deleted', endpoint);
    return this.toModel(endpoint);
  }

  /**
   * Gives an endpoint a new secret, returned this once. The old one keeps signing deliveries beside it for
   * 24 hours, so that a receiver can switch over without dropping any; rotating again within those hours
   * retires the current secret too, each until 24 hours after its own retirement.
   */
  rotateSecret(accountId: string, id: string): WebhookEndpoint {
    const { clock, ids } = this.#deps;
    const endpoint = this.find(accountId, id);
    const now = clock.now();
    endpoint.retiredSecrets = [
      { secret: endpoint.secret, until: new Date(now.getTime() + ROTATION_OVERLAP_MS) },
      ...endpoint.retiredSecrets.filter((retired) => retired.until.getTime() > now.getTime()),
    ];
    endpoint.secret = ids.webhookSecret();
    endpoint.updatedAt = now;
    return this.toModel(endpoint, { withSecret: true });
  }

  /** Returns the record of one of the account's endpoints; another account's is `404`. */
  find(accountId: string, id: string): WebhookEndpointRecord {
    const endpoint = this.#deps.store.webhookEndpoints.find(accountId, id);
    if (!endpoint) throw notFound('webhook endpoint', id);
    return endpoint;
  }

  /** The account's enabled endpoints subscribed to `type` (or to `*`), oldest first. */
  subscribers(accountId: string, type: EventType): WebhookEndpointRecord[] {
    return this.#deps.store.webhookEndpoints.ordered.filter(
      (endpoint) =>
        endpoint.accountId === accountId &&
        endpoint.status === 'enabled' &&
        (endpoint.events.includes('*') || endpoint.events.includes(type)),
    );
  }

  /** The secrets a delivery is signed with now: the current one first, then those retired less than 24 h ago. */
  signingSecrets(endpoint: WebhookEndpointRecord): string[] {
    const now = this.#deps.clock.now().getTime();
    const retired = endpoint.retiredSecrets.filter((each) => each.until.getTime() > now);
    return [endpoint.secret, ...retired.map((each) => each.secret)];
  }

  /** The endpoint as the contract models it; the secret only when asked (create and rotation). */
  toModel(record: WebhookEndpointRecord, options: { withSecret?: boolean } = {}): WebhookEndpoint {
    return {
      id: record.id,
      object: 'webhook_endpoint',
      url: record.url,
      description: record.description,
      events: [...record.events],
      status: record.status,
      ...(options.withSecret ? { secret: new Secret(record.secret) } : {}),
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
  }

  // A description without the numbers the account erased: written after an erasure, it does not keep one.
  #text(accountId: string, description: string | null): string | null {
    return description === null ? null : this.#deps.store.erasedNumbers.redact(accountId, description);
  }
}
