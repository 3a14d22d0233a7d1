// Every route of the reference server, in matching order, with the 404 for unknown `/v1` routes, served
// by one MSW handler.
import type { RequestHandler } from 'msw';
import { ServiceError } from '../service/index.js';
import { accountRoutes } from './account.js';
import { apiKeyRoutes } from './api-keys.js';
import { AulmHandler } from './aulm-handler.js';
import type { HandlerContext } from './context.js';
import { logRoutes } from './logs.js';
import { messageRoutes } from './messages.js';
import { privacyRoutes } from './privacy.js';
import { type ApiRoute, RouteTable } from './route-table.js';
import { sessionRoutes } from './sessions.js';
import { supportRoutes } from './support.js';
import { webhookRoutes } from './webhooks.js';

export { AulmHandler, type AulmHandlerInfo } from './aulm-handler.js';
export { HandlerContext } from './context.js';

/** Returns the MSW handlers of every route, on every base URL of the context: one handler for them all. */
export function createHandlers(context: HandlerContext): RequestHandler[] {
  const routes = [
    ...accountRoutes(context),
    ...apiKeyRoutes(context),
    ...sessionRoutes(context),
    ...messageRoutes(context),
    ...logRoutes(context),
    ...webhookRoutes(context),
    ...privacyRoutes(context),
    ...supportRoutes(context),
  ];
  return [new AulmHandler(context, new RouteTable(routes, unknownRoute))];
}

// Any other method or path under /v1 on an aulm host: authenticated like every route, then 404.
const unknownRoute: ApiRoute = {
  method: '*',
  path: '/v1/**',
  scope: null,
  body: null,
  query: null,
  run: ({ request, url }) => {
    throw new ServiceError(
      404,
      'resource_not_found',
      `Unrecognized request URL: ${request.method} ${url.pathname}`,
    );
  },
};
