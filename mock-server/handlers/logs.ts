// /v1/logs: the message logs, filtered and paged, and one log by its message id.
import { http, type RequestHandler } from 'msw';
import { ListLogsParams, MessageLog, MessageLogList } from '../../src/contract/index.js';
import type { HandlerContext } from './context.js';
import { readQuery, reply } from './replies.js';

/** The handlers of `/v1/logs`, on every base URL. */
export function logHandlers(context: HandlerContext): RequestHandler[] {
  const { logs } = context.service;
  return context.bases.flatMap((base) => [
    http.get(
      `${base}/v1/logs`,
      context.route('logs:read', ({ url, caller }) => {
        const params = readQuery(url, ListLogsParams);
        return reply(200, MessageLogList, logs.list(caller.account.id, params));
      }),
    ),
    http.get(
      `${base}/v1/logs/:id`,
      context.route('logs:read', ({ params, caller }) =>
        reply(200, MessageLog, logs.get(caller.account.id, params.id!)),
      ),
    ),
  ]);
}
