// /v1/webhook_endpoints (register, list, get, change, delete, rotate the secret) and /v1/webhook_deliveries
// (list, get, retry now).
import { http, type RequestHandler } from 'msw';
import {
  CreateWebhookEndpointParams,
  ListWebhookDeliveriesParams,
  ListWebhookEndpointsParams,
  UpdateWebhookEndpointParams,
  WebhookDelivery,
  WebhookDeliveryList,
  WebhookEndpoint,
  WebhookEndpointList,
} from '../../src/contract/index.js';
import type { HandlerContext } from './context.js';
import { readBody, readQuery, reply } from './replies.js';

/** The handlers of `/v1/webhook_endpoints` and `/v1/webhook_deliveries`, on every base URL. */
export function webhookHandlers(context: HandlerContext): RequestHandler[] {
  const { webhookEndpoints: endpoints, webhookDeliveries: deliveries } = context.service;
  return context.bases.flatMap((base) => [
    http.post(
      `${base}/v1/webhook_endpoints`,
      context.route('webhooks:write', async ({ request, caller }) => {
        const params = await readBody(request, CreateWebhookEndpointParams);
        return reply(201, WebhookEndpoint, endpoints.create(caller.account.id, params));
      }),
    ),
    http.get(
      `${base}/v1/webhook_endpoints`,
      context.route('webhooks:read', ({ url, caller }) => {
        const params = readQuery(url, ListWebhookEndpointsParams);
        return reply(200, WebhookEndpointList, endpoints.list(caller.account.id, params));
      }),
    ),
    http.get(
      `${base}/v1/webhook_endpoints/:id`,
      context.route('webhooks:read', ({ params, caller }) =>
        reply(200, WebhookEndpoint, endpoints.get(caller.account.id, params.id!)),
      ),
    ),
    http.patch(
      `${base}/v1/webhook_endpoints/:id`,
      context.route('webhooks:write', async ({ request, params, caller }) => {
        const changes = await readBody(request, UpdateWebhookEndpointParams);
        return reply(200, WebhookEndpoint, endpoints.update(caller.account.id, params.id!, changes));
      }),
    ),
    http.delete(
      `${base}/v1/webhook_endpoints/:id`,
      context.route('webhooks:write', ({ params, caller }) =>
        reply(200, WebhookEndpoint, endpoints.delete(caller.account.id, params.id!)),
      ),
    ),
    http.post(
      `${base}/v1/webhook_endpoints/:id/rotate_secret`,
      context.route('webhooks:write', ({ params, caller }) =>
        reply(200, WebhookEndpoint, endpoints.rotateSecret(caller.account.id, params.id!)),
      ),
    ),
    http.get(
      `${base}/v1/webhook_deliveries`,
      context.route('webhooks:read', ({ url, caller }) => {
        const params = readQuery(url, ListWebhookDeliveriesParams);
        return reply(200, WebhookDeliveryList, deliveries.list(caller.account.id, params));
      }),
    ),
    http.get(
      `${base}/v1/webhook_deliveries/:id`,
      context.route('webhooks:read', ({ params, caller }) =>
        reply(200, WebhookDelivery, deliveries.get(caller.account.id, params.id!)),
      ),
    ),
    http.post(
      `${base}/v1/webhook_deliveries/:id/retry`,
      context.route('webhooks:write', async ({ params, caller }) =>
        reply(200, WebhookDelivery, await deliveries.retry(caller.account.id, params.id!)),
      ),
    ),
  ]);
}
