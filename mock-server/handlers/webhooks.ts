// /v1/webhook_endpoints (register, list, get, change, delete, rotate the secret) and /v1/webhook_deliveries
// (list, get, retry now).
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
import { reply } from './replies.js';
import { type ApiRoute, del, get, patch, post } from './route-table.js';

/** The routes of `/v1/webhook_endpoints` and `/v1/webhook_deliveries`. */
export function webhookRoutes(context: HandlerContext): ApiRoute[] {
  const { webhookEndpoints: endpoints, webhookDeliveries: deliveries } = context.service;
  return [
    post(
      '/v1/webhook_endpoints',
      'webhooks:write',
      { body: CreateWebhookEndpointParams },
      ({ body, caller }) => reply(201, WebhookEndpoint, endpoints.create(caller.account.id, body)),
    ),
    get(
      '/v1/webhook_endpoints',
      'webhooks:read',
      { query: ListWebhookEndpointsParams },
      ({ query, caller }) => reply(200, WebhookEndpointList, endpoints.list(caller.account.id, query)),
    ),
    get('/v1/webhook_endpoints/:id', 'webhooks:read', ({ params, caller }) =>
      reply(200, WebhookEndpoint, endpoints.get(caller.account.id, params.id!)),
    ),
    patch(
      '/v1/webhook_endpoints/:id',
      'webhooks:write',
      { body: UpdateWebhookEndpointParams },
      ({ body, params, caller }) =>
        reply(200, WebhookEndpoint, endpoints.update(caller.account.id, params.id!, body)),
    ),
    del('/v1/webhook_endpoints/:id', 'webhooks:write', ({ params, caller }) =>
      reply(200, WebhookEndpoint, endpoints.delete(caller.account.id, params.id!)),
    ),
    post('/v1/webhook_endpoints/:id/rotate_secret', 'webhooks:write', ({ params, caller }) =>
      reply(200, WebhookEndpoint, endpoints.rotateSecret(caller.account.id, params.id!)),
    ),
    get(
      '/v1/webhook_deliveries',
      'webhooks:read',
      { query: ListWebhookDeliveriesParams },
      ({ query, caller }) => reply(200, WebhookDeliveryList, deliveries.list(caller.account.id, query)),
    ),
    get('/v1/webhook_deliveries/:id', 'webhooks:read', ({ params, caller }) =>
      reply(200, WebhookDelivery, deliveries.get(caller.account.id, params.id!)),
    ),
    post('/v1/webhook_deliveries/:id/retry', 'webhooks:write', async ({ params, caller }) =>
      reply(200, WebhookDelivery, await deliveries.retry(caller.account.id, params.id!)),
    ),
  ];
}
