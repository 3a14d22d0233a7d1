// /v1/sessions: create (pairing), list, get, and log out.
import { http, type RequestHandler } from 'msw';
import { CreateSessionParams, ListSessionsParams, Session, SessionList } from '../../src/contract/index.js';
import type { HandlerContext } from './context.js';
import { readBody, readQuery, reply } from './replies.js';

/** The handlers of `/v1/sessions`, on every base URL. */
export function sessionHandlers(context: HandlerContext): RequestHandler[] {
  const { sessions } = context.service;
  return context.bases.flatMap((base) => [
    http.post(
      `${base}/v1/sessions`,
      context.route('sessions:write', async ({ request, caller }) => {
        const params = await readBody(request, CreateSessionParams);
        return reply(201, Session, sessions.create(caller.account.id, params));
      }),
    ),
    http.get(
      `${base}/v1/sessions`,
      context.route('sessions:read', ({ url, caller }) => {
        const params = readQuery(url, ListSessionsParams);
        return reply(200, SessionList, sessions.list(caller.account.id, params));
      }),
    ),
    http.get(
      `${base}/v1/sessions/:id`,
      context.route('sessions:read', ({ params, caller }) =>
        reply(200, Session, sessions.get(caller.account.id, params.id!)),
      ),
    ),
    http.delete(
      `${base}/v1/sessions/:id`,
      context.route('sessions:write', ({ params, caller }) =>
        reply(200, Session, sessions.logout(caller.account.id, params.id!)),
      ),
    ),
  ]);
}
