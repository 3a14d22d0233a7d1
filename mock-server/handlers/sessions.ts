// /v1/sessions: create (pairing), list, get, and log out.
import { CreateSessionParams, ListSessionsParams, Session, SessionList } from '../../src/contract/index.js';
import type { HandlerContext } from './context.js';
import { reply } from './replies.js';
import { type ApiRoute, del, get, post } from './route-table.js';

/** The routes of `/v1/sessions`. */
export function sessionRoutes(context: HandlerContext): ApiRoute[] {
  const { sessions } = context.service;
  return [
    post('/v1/sessions', 'sessions:write', { body: CreateSessionParams }, ({ body, caller }) =>
      reply(201, Session, sessions.create(caller.account.id, body)),
    ),
    get('/v1/sessions', 'sessions:read', { query: ListSessionsParams }, ({ query, caller }) =>
      reply(200, SessionList, sessions.list(caller.account.id, query)),
    ),
    get('/v1/sessions/:id', 'sessions:read', ({ params, caller }) =>
      reply(200, Session, sessions.get(caller.account.id, params.id!)),
    ),
    del('/v1/sessions/:id', 'sessions:write', ({ params, caller }) =>
      reply(200, Session, sessions.logout(caller.account.id, params.id!)),
    ),
  ];
}
