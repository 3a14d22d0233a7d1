// /v1/privacy_requests: file (202), list, get, cancel, lift, extend, and download an export's archive.
import { http, type RequestHandler } from 'msw';
import {
  CreatePrivacyRequestParams,
  ExtendPrivacyRequestParams,
  ListPrivacyRequestsParams,
  PrivacyRequest,
  PrivacyRequestList,
} from '../../src/contract/index.js';
import type { HandlerContext } from './context.js';
import { readBody, readQuery, reply } from './replies.js';

/** The handlers of `/v1/privacy_requests`, on every base URL. */
export function privacyHandlers(context: HandlerContext): RequestHandler[] {
  const { privacy } = context.service;
  return context.bases.flatMap((base) => [
    http.post(
      `${base}/v1/privacy_requests`,
      context.route('privacy:write', async ({ request, url, caller }) => {
        const params = await readBody(request, CreatePrivacyRequestParams);
        // The export's download_url points at the host the request came to.
        return reply(202, PrivacyRequest, privacy.create(caller.account.id, params, url.origin));
      }),
    ),
    http.get(
      `${base}/v1/privacy_requests`,
      context.route('privacy:read', ({ url, caller }) => {
        const params = readQuery(url, ListPrivacyRequestsParams);
        return reply(200, PrivacyRequestList, privacy.list(caller.account.id, params));
      }),
    ),
    http.get(
      `${base}/v1/privacy_requests/:id`,
      context.route('privacy:read', ({ params, caller }) =>
        reply(200, PrivacyRequest, privacy.get(caller.account.id, params.id!)),
      ),
    ),
    http.post(
      `${base}/v1/privacy_requests/:id/cancel`,
      context.route('privacy:write', ({ params, caller }) =>
        reply(200, PrivacyRequest, privacy.cancel(caller.account.id, params.id!)),
      ),
    ),
    http.post(
      `${base}/v1/privacy_requests/:id/lift`,
      context.route('privacy:write', ({ params, caller }) =>
        reply(200, PrivacyRequest, privacy.lift(caller.account.id, params.id!)),
      ),
    ),
    http.post(
      `${base}/v1/privacy_requests/:id/extend`,
      context.route('privacy:write', async ({ request, params, caller }) => {
        await readBody(request, ExtendPrivacyRequestParams);
        return reply(200, PrivacyRequest, privacy.extend(caller.account.id, params.id!));
      }),
    ),
    http.get(
      `${base}/v1/privacy_requests/:id/export`,
      context.route('privacy:read', ({ params, caller }) => ({
        // Stored as the JSON text the contract's PrivacyExport encoded when the export completed.
        status: 200,
        body: JSON.parse(privacy.exportArchive(caller.account.id, params.id!)),
      })),
    ),
  ]);
}
