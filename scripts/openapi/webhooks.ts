// Webhooks: the routes that manage endpoints and their deliveries, and the events POSTed to an endpoint,
// one webhook of the document per event type.
import { EVENT_DATA, idOf } from '../../src/contract/index.js';
import type { RouteSpec } from './routes.js';
import { eventSchemaName, type JsonObject, jsonOf, schemaRef } from './schemas.js';

export const WEBHOOK_ROUTES: RouteSpec[] = [
  {
    method: 'post',
    path: '/v1/webhook_endpoints',
    operationId: 'createWebhookEndpoint',
    summary: 'Register a webhook endpoint (its secret appears only here and on rotation)',
    tag: 'Webhooks',
    scope: 'webhooks:write',
    status: 201,
    response: 'WebhookEndpoint',
    body: 'CreateWebhookEndpointParams',
  },
  {
    method: 'get',
    path: '/v1/webhook_endpoints',
    operationId: 'listWebhookEndpoints',
    summary: 'List webhook endpoints',
    tag: 'Webhooks',
    scope: 'webhooks:read',
    status: 200,
    response: 'WebhookEndpointList',
    query: 'ListWebhookEndpointsParams',
  },
  {
    method: 'get',
    path: '/v1/webhook_endpoints/{id}',
    operationId: 'getWebhookEndpoint',
    summary: 'Get a webhook endpoint',
    tag: 'Webhooks',
    scope: 'webhooks:read',
    status: 200,
    response: 'WebhookEndpoint',
    id: 'webhookEndpoint',
  },
  {
    method: 'patch',
    path: '/v1/webhook_endpoints/{id}',
    operationId: 'updateWebhookEndpoint',
    summary: 'Update a webhook endpoint',
    tag: 'Webhooks',
    scope: 'webhooks:write',
    status: 200,
    response: 'WebhookEndpoint',
    body: 'UpdateWebhookEndpointParams',
    id: 'webhookEndpoint',
  },
  {
    method: 'delete',
    path: '/v1/webhook_endpoints/{id}',
    operationId: 'deleteWebhookEndpoint',
    summary: 'Delete a webhook endpoint',
    tag: 'Webhooks',
    scope: 'webhooks:write',
    status: 200,
    response: 'WebhookEndpoint',
    id: 'webhookEndpoint',
  },
  {
    method: 'post',
    path: '/v1/webhook_endpoints/{id}/rotate_secret',
    operationId: 'rotateWebhookEndpointSecret',
    summary: 'Rotate the signing secret (the old one keeps signing for 24 hours)',
    tag: 'Webhooks',
    scope: 'webhooks:write',
    status: 200,
    response: 'WebhookEndpoint',
    id: 'webhookEndpoint',
  },
  {
    method: 'get',
    path: '/v1/webhook_deliveries',
    operationId: 'listWebhookDeliveries',
    summary: 'List webhook deliveries',
    tag: 'Webhooks',
    scope: 'webhooks:read',
    status: 200,
    response: 'WebhookDeliveryList',
    query: 'ListWebhookDeliveriesParams',
  },
  {
    method: 'get',
    path: '/v1/webhook_deliveries/{id}',
    operationId: 'getWebhookDelivery',
    summary: 'Get a webhook delivery',
    tag: 'Webhooks',
    scope: 'webhooks:read',
    status: 200,
    response: 'WebhookDelivery',
    id: 'webhookDelivery',
  },
  {
    method: 'post',
    path: '/v1/webhook_deliveries/{id}/retry',
    operationId: 'retryWebhookDelivery',
    summary: 'Try a delivery once more, now',
    tag: 'Webhooks',
    scope: 'webhooks:write',
    status: 200,
    response: 'WebhookDelivery',
    id: 'webhookDelivery',
  },
];

export function webhooksOf(): JsonObject {
  const webhooks: JsonObject = {};
  for (const type of Object.keys(EVENT_DATA)) {
    webhooks[type] = {
      post: {
        operationId: `on${eventSchemaName(type)}`,
        summary: `The \`${type}\` event, POSTed to the endpoint's URL`,
        tags: ['Webhooks'],
        description:
          'Signed as the Standard Webhooks specification says. A 2xx within 15 seconds succeeds; otherwise it is tried again after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h.',
        parameters: [
          {
            name: 'webhook-id',
            in: 'header',
            required: true,
            description: 'The event id, the same on every attempt.',
            schema: jsonOf(idOf('event')),
          },
          {
            name: 'webhook-timestamp',
            in: 'header',
            required: true,
            description: 'Unix seconds of this attempt.',
            schema: { type: 'integer' },
          },
          {
            name: 'webhook-signature',
            in: 'header',
            required: true,
            description:
              '`v1,<base64 HMAC-SHA256 over "{id}.{timestamp}.{body}">`, several separated by spaces.',
            schema: { type: 'string' },
          },
        ],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: schemaRef(eventSchemaName(type)) } },
        },
        responses: { '2XX': { description: 'Received.' } },
      },
    };
  }
  return webhooks;
}
