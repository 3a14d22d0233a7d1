// /v1/account: the account the key belongs to, read and changed.
import { http, type RequestHandler } from 'msw';
import { Account, UpdateAccountParams } from '../../src/contract/index.js';
import type { HandlerContext } from './context.js';
import { readBody, reply } from './replies.js';

/** The handlers of `/v1/account`, on every base URL. */
export function accountHandlers(context: HandlerContext): RequestHandler[] {
  const { service } = context;
  return context.bases.flatMap((base) => [
    http.get(
      `${base}/v1/account`,
      context.route('account:read', ({ caller }) =>
        reply(200, Account, service.accounts.get(caller.account.id)),
      ),
    ),
    http.patch(
      `${base}/v1/account`,
      context.route('account:write', async ({ request, caller }) => {
        const params = await readBody(request, UpdateAccountParams);
        return reply(200, Account, service.accounts.update(caller.account.id, params));
      }),
    ),
  ]);
}
