// /v1/account: the account the key belongs to, read and changed.
import { Account, UpdateAccountParams } from '../../src/contract/index.js';
import type { HandlerContext } from './context.js';
import { reply } from './replies.js';
import { type ApiRoute, get, patch } from './route-table.js';

/** The routes of `/v1/account`. */
export function accountRoutes(context: HandlerContext): ApiRoute[] {
  const { service } = context;
  return [
    get('/v1/account', 'account:read', ({ caller }) =>
      reply(200, Account, service.accounts.get(caller.account.id)),
    ),
    patch('/v1/account', 'account:write', { body: UpdateAccountParams }, ({ body, caller }) =>
      reply(200, Account, service.accounts.update(caller.account.id, body)),
    ),
  ];
}
