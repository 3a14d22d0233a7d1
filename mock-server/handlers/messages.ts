// /v1/messages: send (queued, then on along its timeline) and get.
import { http, type RequestHandler } from 'msw';
import { Message, SendMessageParams } from '../../src/contract/index.js';
import type { HandlerContext } from './context.js';
import { readBody, reply } from './replies.js';

/** The handlers of `/v1/messages`, on every base URL. */
export function messageHandlers(context: HandlerContext): RequestHandler[] {
  const { messages } = context.service;
  return context.bases.flatMap((base) => [
    http.post(
      `${base}/v1/messages`,
      context.route('messages:write', async ({ request, caller }) => {
        const params = await readBody(request, SendMessageParams);
        return reply(202, Message, messages.send(caller.account.id, caller.key.mode, params));
      }),
    ),
    http.get(
      `${base}/v1/messages/:id`,
      context.route('messages:read', ({ params, caller }) =>
        reply(200, Message, messages.get(caller.account.id, params.id!)),
      ),
    ),
  ]);
}
