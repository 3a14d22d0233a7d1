// /v1/api_keys: create a key limited to some scopes (its secret shown once), list, revoke. Keys are the
// account's business, so the routes take the account's scopes: `account:read` to list, `account:write` to
// create and revoke.
import { ApiKey, ApiKeyList, CreateApiKeyParams, ListApiKeysParams } from '../../src/contract/index.js';
import type { HandlerContext } from './context.js';
import { reply } from './replies.js';
import { type ApiRoute, del, get, post } from './route-table.js';

/** The routes of `/v1/api_keys`. */
export function apiKeyRoutes(context: HandlerContext): ApiRoute[] {
  const { apiKeys } = context.service;
  return [
    post('/v1/api_keys', 'account:write', { body: CreateApiKeyParams }, ({ body, caller }) =>
      reply(201, ApiKey, apiKeys.create(caller, body)),
    ),
    get('/v1/api_keys', 'account:read', { query: ListApiKeysParams }, ({ query, caller }) =>
      reply(200, ApiKeyList, apiKeys.list(caller.account.id, query)),
    ),
    del('/v1/api_keys/:id', 'account:write', ({ params, caller }) =>
      reply(200, ApiKey, apiKeys.revoke(caller.account.id, params.id!)),
    ),
  ];
}
