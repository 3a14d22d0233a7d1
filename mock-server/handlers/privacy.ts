// /v1/privacy_requests: file (202), list, get, cancel, lift, extend, and download an export's archive.
import {
  CreatePrivacyRequestParams,
  ExtendPrivacyRequestParams,
  ListPrivacyRequestsParams,
  PrivacyRequest,
  PrivacyRequestList,
} from '../../src/contract/index.js';
import type { HandlerContext } from './context.js';
import { reply } from './replies.js';
import { type ApiRoute, get, post } from './route-table.js';

/** The routes of `/v1/privacy_requests`. */
export function privacyRoutes(context: HandlerContext): ApiRoute[] {
  const { privacy } = context.service;
  return [
    post(
      '/v1/privacy_requests',
      'privacy:write',
      { body: CreatePrivacyRequestParams },
      // The export's download_url points at the host the request came to.
      ({ body, url, caller }) =>
        reply(202, PrivacyRequest, privacy.create(caller.account.id, body, url.origin)),
    ),
    get('/v1/privacy_requests', 'privacy:read', { query: ListPrivacyRequestsParams }, ({ query, caller }) =>
      reply(200, PrivacyRequestList, privacy.list(caller.account.id, query)),
    ),
    get('/v1/privacy_requests/:id', 'privacy:read', ({ params, caller }) =>
      reply(200, PrivacyRequest, privacy.get(caller.account.id, params.id!)),
    ),
    post('/v1/privacy_requests/:id/cancel', 'privacy:write', ({ params, caller }) =>
      reply(200, PrivacyRequest, privacy.cancel(caller.account.id, params.id!)),
    ),
    post('/v1/privacy_requests/:id/lift', 'privacy:write', ({ params, caller }) =>
      reply(200, PrivacyRequest, privacy.lift(caller.account.id, params.id!)),
    ),
    post(
      '/v1/privacy_requests/:id/extend',
      'privacy:write',
      { body: ExtendPrivacyRequestParams },
      // The reason is the business's own record: checked, not kept.
      ({ params, caller }) => reply(200, PrivacyRequest, privacy.extend(caller.account.id, params.id!)),
    ),
    get('/v1/privacy_requests/:id/export', 'privacy:read', ({ params, caller }) => ({
      // Stored as the JSON text the contract's PrivacyExport encoded when the export completed.
      status: 200,
      body: JSON.parse(privacy.exportArchive(caller.account.id, params.id!)),
    })),
  ];
}
