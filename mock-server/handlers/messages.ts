// /v1/messages: send (queued, then on along its timeline) and get.
import { Message, SendMessageParams } from '../../src/contract/index.js';
import type { HandlerContext } from './context.js';
import { reply } from './replies.js';
import { type ApiRoute, get, post } from './route-table.js';

/** The routes of `/v1/messages`. */
export function messageRoutes(context: HandlerContext): ApiRoute[] {
  const { messages } = context.service;
  return [
    post('/v1/messages', 'messages:write', { body: SendMessageParams }, ({ body, caller }) =>
      reply(202, Message, messages.send(caller.account.id, caller.key.mode, body)),
    ),
    get('/v1/messages/:id', 'messages:read', ({ params, caller }) =>
      reply(200, Message, messages.get(caller.account.id, params.id!)),
    ),
  ];
}
