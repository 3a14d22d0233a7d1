// /v1/logs: the message logs, filtered and paged, and one log by its message id.
import { ListLogsParams, MessageLog, MessageLogList } from '../../src/contract/index.js';
import type { HandlerContext } from './context.js';
import { reply } from './replies.js';
import { type ApiRoute, get } from './route-table.js';

/** The routes of `/v1/logs`. */
export function logRoutes(context: HandlerContext): ApiRoute[] {
  const { logs } = context.service;
  return [
    get('/v1/logs', 'logs:read', { query: ListLogsParams }, ({ query, caller }) =>
      reply(200, MessageLogList, logs.list(caller.account.id, query)),
    ),
    get('/v1/logs/:id', 'logs:read', ({ params, caller }) =>
      reply(200, MessageLog, logs.get(caller.account.id, params.id!)),
    ),
  ];
}
