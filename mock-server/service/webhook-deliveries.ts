// Webhook deliveries: one record per event and endpoint, its attempts signed per Standard Webhooks (with the
// SDK's own `signWebhook`), and the retry schedule on the mock's clock. The HTTP request itself is not made
// here: a `WebhookTransport` is injected (the mock's `webhooks.deliver`), and `null` sends nothing.
import type {
  DeliveryAttempt,
  ListEnvelope,
  ListWebhookDeliveriesParams,
  WebhookDelivery,
} from '../../src/contract/index.js';
import { signWebhook } from '../../src/webhooks/sign.js';
import { notFound, ServiceError } from './errors.js';
import type { ServiceDeps } from './index.js';
import { paginate } from './pager.js';
import type { EventRecord, WebhookDeliveryRecord, WebhookEndpointRecord } from './store.js';
import type { WebhookEndpoints } from './webhook-endpoints.js';

/** The waits before the 2nd to the 8th scheduled attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const RETRY_DELAYS_MS: readonly number[] = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];

/** The scheduled attempts a delivery gets before it is `failed`. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** How long an attempt may take, in real milliseconds, before it counts as a timeout: 15 s. */
export const ATTEMPT_TIMEOUT_MS = 15_000;

/** One delivery attempt as it leaves: a `POST` of `body` to `url` with `headers`, given up on `signal`. */
export interface OutgoingWebhook {
  readonly url: string;
  /** `content-type`, `webhook-id`, `webhook-timestamp` and `webhook-signature`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Aborted when the attempt times out, or the mock is reset or closed. */
  readonly signal: AbortSignal;
}

/** Sends an attempt and resolves to the status the receiver answered; rejects when there was no answer. */
export type WebhookTransport = (webhook: OutgoingWebhook) => Promise<{ status: number }>;

/** How deliveries leave: the transport (`null`: none leave) and the time an attempt may take. */
export interface WebhookPolicy {
  readonly transport: WebhookTransport | null;
  /** Real milliseconds (default 15,000). */
  readonly timeoutMs: number;
}

/** The webhook deliveries of every account. */
export class WebhookDeliveries {
  readonly #deps: ServiceDeps;
  readonly #endpoints: WebhookEndpoints;
  readonly #inFlight = new Set<AbortController>();
  readonly #hidden: Array<(delivery: WebhookDeliveryRecord) => boolean> = [];

  constructor(deps: ServiceDeps, endpoints: WebhookEndpoints) {
    this.#deps = deps;
    this.#endpoints = endpoints;
    // An endpoint that stops receiving ends its pending deliveries: nothing more is tried on its own.
    endpoints.on((_change, endpoint) => {
      for (const delivery of deps.store.webhookDeliveries.ordered) {
        if (delivery.endpointId === endpoint.id && delivery.status === 'pending') this.#end(delivery);
      }
    });
  }

  /**
   * Records the delivery of `event` to `endpoint` and starts its first attempt at once (in flight until
   * `clock.settled()`). With no transport the record stays `pending`, with no attempt and nothing scheduled.
   */
  create(event: EventRecord, endpoint: WebhookEndpointRecord): WebhookDeliveryRecord {
    const { store, ids, clock } = this.#deps;
    const delivery = store.webhookDeliveries.insert({
      id: ids.id('webhookDelivery'),
      accountId: endpoint.accountId,
      seq: store.nextSeq(),
      endpointId: endpoint.id,
      eventId: event.id,
      eventType: event.type,
      status: 'pending',
      attempts: [],
      scheduledAttempts: 0,
      nextAttemptAt: null,
      timer: null,
      createdAt: clock.now(),
    });
    if (this.#deps.webhooks.transport) this.#start(delivery, 'scheduled');
    return delivery;
  }

  /** Leaves out of every list the deliveries `hidden` holds (those of a restricted recipient's messages). */
  hide(hidden: (delivery: WebhookDeliveryRecord) => boolean): void {
    this.#hidden.push(hidden);
  }

  /**
   * Deletes a delivery and cancels its next scheduled attempt; one in flight records nothing (a privacy
   * erasure of the recipient it is about).
   */
  delete(delivery: WebhookDeliveryRecord): void {
    this.#unschedule(delivery);
    this.#deps.store.webhookDeliveries.delete(delivery.id);
  }

  /** Lists an account's deliveries, newest first, by `endpointId`, `eventType` and `status`. */
  list(accountId: string, params: ListWebhookDeliveriesParams): ListEnvelope<WebhookDelivery> {
    return paginate(
      'webhook_deliveries',
      this.#deps.store.webhookDeliveries.ordered,
      params,
      (row) =>
        row.accountId === accountId &&
        (params.endpointId === undefined || row.endpointId === params.endpointId) &&
        (params.eventType === undefined || row.eventType === params.eventType) &&
        (params.status === undefined || row.status === params.status) &&
        !this.#hidden.some((hidden) => hidden(row)),
      (row) => this.toModel(row),
    );
  }

  /** Returns one of the account's deliveries. */
  get(accountId: string, id: string): WebhookDelivery {
    return this.toModel(this.find(accountId, id));
  }

  /** Returns the record of one of the account's deliveries; another account's is `404`. */
  find(accountId: string, id: string): WebhookDeliveryRecord {
    const delivery = this.#deps.store.webhookDeliveries.find(accountId, id);
    if (!delivery) throw notFound('webhook delivery', id);
    return delivery;
  }

  /**
   * Tries a delivery once more, now, whatever its status, and resolves once the attempt is over. A 2xx makes
   * it `succeeded` and cancels what was scheduled; a failure changes neither its status nor its schedule
   * (the attempt is recorded, and does not count among the eight). An endpoint that was deleted or is
   * disabled is `409 invalid_state`. With no transport nothing is sent and the delivery comes back as it is.
   */
  async retry(accountId: string, id: string): Promise<WebhookDelivery> {
    const delivery = this.find(accountId, id);
    const endpoint = this.#deps.store.webhookEndpoints.find(accountId, delivery.endpointId);
    if (!endpoint || endpoint.status === 'disabled') {
      const why = endpoint ? `is disabled; enable it first` : 'was deleted';
      throw new ServiceError(409, 'invalid_state', `The endpoint of delivery ${id} ${why}.`);
    }
    if (this.#deps.webhooks.transport) await this.#start(delivery, 'manual');
    return this.toModel(delivery);
  }

  /** Every delivery of every account, oldest first (the mock's `webhooks.deliveries`). */
  all(): WebhookDelivery[] {
    return this.#deps.store.webhookDeliveries.ordered.map((row) => this.toModel(row));
  }

  /** Aborts every attempt in flight (on reset and close): each ends at once, and records nothing. */
  abortAll(): void {
    for (const controller of this.#inFlight) controller.abort();
  }

  /** The delivery as the contract models it. */
  toModel(record: WebhookDeliveryRecord): WebhookDelivery {
    return {
      id: record.id,
      object: 'webhook_delivery',
      endpointId: record.endpointId,
      eventId: record.eventId,
      eventType: record.eventType,
      status: record.status,
      attempts: record.attempts.map((attempt) => ({ ...attempt })),
      nextAttemptAt: record.nextAttemptAt,
      createdAt: record.createdAt,
    };
  }

  // Starts an attempt; the clock tracks it, so that `advance` and `flush` wait for it.
  #start(delivery: WebhookDeliveryRecord, kind: 'scheduled' | 'manual'): Promise<void> {
    const work = this.#attempt(delivery, kind);
    this.#deps.clock.track(work);
    return work;
  }

  async #attempt(delivery: WebhookDeliveryRecord, kind: 'scheduled' | 'manual'): Promise<void> {
    const { store, clock } = this.#deps;
    const endpoint = store.webhookEndpoints.findAny(delivery.endpointId);
    const event = store.events.findAny(delivery.eventId);
    if (!endpoint || !event) return;
    if (kind === 'scheduled') {
      delivery.scheduledAttempts += 1;
      delivery.nextAttemptAt = null;
    }
    // The attempt's time, and its signature's, are read before anything is awaited: under the manual
    // clock that is the moment the event (or the retry) fell due.
    const at = clock.now();
    const headers = await signWebhook(event.body, {
      secret: this.#endpoints.signingSecrets(endpoint),
      id: event.id,
      timestamp: at,
    });
    const outcome = await this.#send({
      url: endpoint.url,
      headers: { 'content-type': 'application/json', ...headers },
      body: event.body,
    });
    if (outcome === null || store.webhookDeliveries.findAny(delivery.id) !== delivery) return;
    const attempt: DeliveryAttempt = { at, ...outcome };
    delivery.attempts.push(attempt);
    const { responseStatus } = attempt;
    if (responseStatus !== null && responseStatus >= 200 && responseStatus < 300) {
      delivery.status = 'succeeded';
      this.#unschedule(delivery);
      return;
    }
    if (kind === 'manual' || delivery.status !== 'pending') return;
    if (delivery.scheduledAttempts >= MAX_ATTEMPTS) {
      this.#end(delivery);
      return;
    }
    // Counted from the end of the attempt: the same instant under the manual clock.
    const next = clock.now().getTime() + RETRY_DELAYS_MS[delivery.scheduledAttempts - 1]!;
    delivery.nextAttemptAt = new Date(next);
    delivery.timer = clock.schedule(next, () => {
      delivery.timer = null;
      if (store.webhookDeliveries.findAny(delivery.id) === delivery && delivery.status === 'pending') {
        void this.#start(delivery, 'scheduled');
      }
    });
  }

  // One POST under the time limit, measured on real time. `null`: aborted by a reset or close.
  async #send(
    webhook: Omit<OutgoingWebhook, 'signal'>,
  ): Promise<Pick<DeliveryAttempt, 'responseStatus' | 'durationMs' | 'error'> | null> {
    const { transport, timeoutMs } = this.#deps.webhooks;
    if (!transport) return null;
    const controller = new AbortController();
    this.#inFlight.add(controller);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException(timeoutError(timeoutMs), 'TimeoutError'));
    }, timeoutMs);
    // Settles when the attempt is given up, so that a transport that ignores its signal still loses the race.
    const stopped = new Promise<'stopped'>((resolve) => {
      controller.signal.addEventListener('abort', () => resolve('stopped'), { once: true });
    });
    const started = performance.now();
    const failure = (error: string) => ({
      responseStatus: null,
      durationMs: Math.round(performance.now() - started),
      error,
    });
    try {
      const sending = transport({ ...webhook, signal: controller.signal });
      sending.catch(() => {});
      const answer = await Promise.race([sending, stopped]);
      if (answer !== 'stopped') {
        return {
          responseStatus: answer.status,
          durationMs: Math.round(performance.now() - started),
          error: null,
        };
      }
    } catch (error) {
      // A transport may time out on its own (`AbortSignal.timeout`): that is a timeout too.
      const timeout = (error as { name?: unknown } | null)?.name === 'TimeoutError';
      if (!controller.signal.aborted || timedOut) {
        return failure(
          timeout || timedOut ? timeoutError(timeoutMs) : `Connection failed: ${describe(error)}`,
        );
      }
    } finally {
      clearTimeout(timer);
      this.#inFlight.delete(controller);
    }
    return timedOut ? failure(timeoutError(timeoutMs)) : null;
  }

  // A pending delivery given up: after the eighth failure, or when its endpoint stops receiving.
  #end(delivery: WebhookDeliveryRecord): void {
    delivery.status = 'failed';
    this.#unschedule(delivery);
  }

  #unschedule(delivery: WebhookDeliveryRecord): void {
    delivery.timer?.cancel();
    delivery.timer = null;
    delivery.nextAttemptAt = null;
  }
}

// What a failed connection says, with the cause's code (ECONNREFUSED) where fetch tucks it away.
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === 'string' ? `${message} (${code})` : message;
}

// The `error` of an attempt that got no answer in time.
function timeoutError(ms: number): string {
  return `Timed out: no response within ${ms / 1000} s.`;
}
