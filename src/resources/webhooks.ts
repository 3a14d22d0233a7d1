// `aulm.webhooks`: the endpoints events are sent to (`endpoints`), the record of every delivery
// (`deliveries`), and `verify`, which checks a delivery that arrived and returns its typed event.
import {
  CreateWebhookEndpointParams,
  ListWebhookDeliveriesParams,
  ListWebhookEndpointsParams,
  UpdateWebhookEndpointParams,
  WebhookDelivery,
  WebhookDeliveryList,
  WebhookEndpoint,
  WebhookEndpointList,
  type WebhookEvent,
} from '../contract/index.js';
import type { APIPromise } from '../core/api-promise.js';
import { checkEventData } from '../core/event-data.js';
import type { PagePromise } from '../core/pagination.js';
import { path } from '../core/path.js';
import type { Pipeline, RequestOptions } from '../core/pipeline.js';
import { decodeEvent } from '../webhooks/event.js';
import type { VerifyWebhookOptions, WebhookRawBody, WebhookRequestHeaders } from '../webhooks/index.js';
import { verifiedBody } from '../webhooks/verify.js';

/** Webhook endpoints: `aulm.webhooks.endpoints`. */
export class WebhookEndpointsResource {
  readonly #client: Pipeline;

  /**
   * Built by the client, on its request pipeline.
   * @internal
   */
  constructor(client: Pipeline) {
    this.#client = client;
  }

  /**
   * Registers a URL for events: a list of event types, or `['*']` for all. The endpoint comes back with
   * its signing `secret`, shown this once (and on `rotateSecret`): store it to verify deliveries.
   *
   * @example
   * ```ts
   * const endpoint = await aulm.webhooks.endpoints.create({
   *   url: 'https://example.com/aulm/webhooks',
   *   events: ['message.delivered', 'message.failed'],
   * });
   * await saveSecret(endpoint.id, endpoint.secret!);
   * ```
   */
  create(params: CreateWebhookEndpointParams, options?: RequestOptions): APIPromise<WebhookEndpoint> {
    return this.#client.request(
      {
        method: 'POST',
        path: '/v1/webhook_endpoints',
        params,
        paramsSchema: CreateWebhookEndpointParams,
        result: WebhookEndpoint,
      },
      options,
    );
  }

  /** Lists endpoints, newest first: `await` it for a page, `for await` it for every endpoint. */
  list(params: ListWebhookEndpointsParams = {}, options?: RequestOptions): PagePromise<WebhookEndpoint> {
    return this.#client.list(
      {
        method: 'GET',
        path: '/v1/webhook_endpoints',
        params,
        paramsSchema: ListWebhookEndpointsParams,
        result: WebhookEndpointList,
      },
      options,
    );
  }

  /** Returns an endpoint by its id (`whe_...`), without its secret. */
  get(id: string, options?: RequestOptions): APIPromise<WebhookEndpoint> {
    return this.#client.request(
      { method: 'GET', path: path`/v1/webhook_endpoints/${id}`, result: WebhookEndpoint },
      options,
    );
  }

  /**
   * Changes an endpoint's `url`, `events`, `description` (`null` clears it) or `status` (`'disabled'`
   * stops its deliveries, `'enabled'` starts them again); what is not given stays.
   *
   * @example
   * ```ts
   * await aulm.webhooks.endpoints.update(endpoint.id, { status: 'disabled' });
   * ```
   */
  update(
    id: string,
    params: UpdateWebhookEndpointParams,
    options?: RequestOptions,
  ): APIPromise<WebhookEndpoint> {
    return this.#client.request(
      {
        method: 'PATCH',
        path: path`/v1/webhook_endpoints/${id}`,
        params,
        paramsSchema: UpdateWebhookEndpointParams,
        result: WebhookEndpoint,
      },
      options,
    );
  }

  /** Deletes an endpoint and returns it as it was; its deliveries stay listed, and nothing more is sent. */
  delete(id: string, options?: RequestOptions): APIPromise<WebhookEndpoint> {
    return this.#client.request(
      { method: 'DELETE', path: path`/v1/webhook_endpoints/${id}`, result: WebhookEndpoint },
      options,
    );
  }

  /**
   * Gives an endpoint a new signing `secret`, returned this once. For 24 hours deliveries are signed with
   * both the old and the new secret, so receivers can switch over without missing one: verify with both
   * meanwhile (`secret: [newSecret, oldSecret]`).
   *
   * @example
   * ```ts
   * const { secret } = await aulm.webhooks.endpoints.rotateSecret(endpoint.id);
   * ```
   */
  rotateSecret(id: string, options?: RequestOptions): APIPromise<WebhookEndpoint> {
    return this.#client.request(
      { method: 'POST', path: path`/v1/webhook_endpoints/${id}/rotate_secret`, result: WebhookEndpoint },
      options,
    );
  }
}

/** The record of every delivery and its attempts: `aulm.webhooks.deliveries`. */
export class WebhookDeliveriesResource {
  readonly #client: Pipeline;

  /**
   * Built by the client, on its request pipeline.
   * @internal
   */
  constructor(client: Pipeline) {
    this.#client = client;
  }

  /**
   * Lists deliveries, newest first, filtered by `endpointId`, `eventType` and `status`.
   *
   * @example
   * ```ts
   * for await (const delivery of aulm.webhooks.deliveries.list({ status: 'failed' })) {
   *   await aulm.webhooks.deliveries.retry(delivery.id);
   * }
   * ```
   */
  list(params: ListWebhookDeliveriesParams = {}, options?: RequestOptions): PagePromise<WebhookDelivery> {
    return this.#client.list(
      {
        method: 'GET',
        path: '/v1/webhook_deliveries',
        params,
        paramsSchema: ListWebhookDeliveriesParams,
        result: WebhookDeliveryList,
      },
      options,
    );
  }

  /** Returns a delivery by its id (`whd_...`), with every attempt. */
  get(id: string, options?: RequestOptions): APIPromise<WebhookDelivery> {
    return this.#client.request(
      { method: 'GET', path: path`/v1/webhook_deliveries/${id}`, result: WebhookDelivery },
      options,
    );
  }

  /**
   * Tries a delivery once more, now, and returns it with that attempt recorded: `succeeded` if the
   * endpoint answered with a 2xx; otherwise its status and schedule are as they were.
   */
  retry(id: string, options?: RequestOptions): APIPromise<WebhookDelivery> {
    return this.#client.request(
      { method: 'POST', path: path`/v1/webhook_deliveries/${id}/retry`, result: WebhookDelivery },
      options,
    );
  }
}

/** Webhooks: `aulm.webhooks`. */
export class WebhooksResource {
  /** The URLs events are sent to, and their signing secrets. */
  readonly endpoints: WebhookEndpointsResource;
  /** The record of every delivery, and retrying one. */
  readonly deliveries: WebhookDeliveriesResource;

  /**
   * Built by the client, on its request pipeline.
   * @internal
   */
  constructor(client: Pipeline) {
    this.endpoints = new WebhookEndpointsResource(client);
    this.deliveries = new WebhookDeliveriesResource(client);
  }

  /**
   * Checks that a delivery was signed by aulm with the endpoint's secret, recently, and returns its event,
   * typed by `type` (`unknown: true` for a type this version does not know). Rejects with
   * `WebhookVerificationError`, whose `reason` says which check failed. It makes no request. It is
   * `verifyWebhook` of `aulm/webhooks`, which reads `data` by the wire's naming rules alone, plus a check
   * of `data` against its model, field by field, as responses are checked (`invalid_payload` names the
   * field that does not match).
   *
   * @param rawBody - the body exactly as received: a string or bytes, never the parsed JSON.
   * @param headers - the request's headers: a `Headers`, a plain object, or Node's `req.headers`.
   * @param options - `secret` (one, or a list while rotating), `tolerance` (seconds, default 300), `now`.
   *
   * @example
   * ```ts
   * const event = await aulm.webhooks.verify(await request.text(), request.headers, {
   *   secret: process.env.AULM_WEBHOOK_SECRET!,
   * });
   * if (event.unknown) return; // a type this version does not know
   * if (event.type === 'message.delivered') markDelivered(event.data.id);
   * ```
   */
  verify(
    rawBody: WebhookRawBody,
    headers: WebhookRequestHeaders,
    options: VerifyWebhookOptions,
  ): Promise<WebhookEvent> {
    return verifiedBody(rawBody, headers, options).then((body) => decodeEvent(body, checkEventData));
  }
}
