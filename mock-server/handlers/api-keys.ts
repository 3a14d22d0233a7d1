// /v1/api_keys: create a key limited to some scopes (its secret shown once), list, revoke. Keys are the
// account's business, so the routes take the account's scopes: `account:read` to list, `account:write` to
// create and revoke.
import { http, type RequestHandler } from 'msw';
import { ApiKey, ApiKeyList, CreateApiKeyParams, ListApiKeysParams } from '../../src/contract/index.js';
import type { HandlerContext } from './context.js';
import { readBody, readQuery, reply } from './replies.js';

/** The handlers of `/v1/api_keys`, on every base URL. */
export function apiKeyHandlers(context: HandlerContext): RequestHandler[] {
  const { apiKeys } = context.service;
  return context.bases.flatMap((base) => [
    http.post(
      `${base}/v1/api_keys`,
      context.route('account:write', async ({ request, caller }) => {
        const params = await readBody(request, CreateApiKeyParams);
        return reply(201, ApiKey, apiKeys.create(caller, params));
      }),
    ),
    http.get(
      `${base}/v1/api_keys`,
      context.route('account:read', ({ url, caller }) => {
        const params = readQuery(url, ListApiKeysParams);
        return reply(200, ApiKeyList, apiKeys.list(caller.account.id, params));
      }),
    ),
    http.delete(
      `${base}/v1/api_keys/:id`,
      context.route('account:write', ({ params, caller }) =>
        reply(200, ApiKey, apiKeys.revoke(caller.account.id, params.id!)),
      ),
    ),
  ]);
}
