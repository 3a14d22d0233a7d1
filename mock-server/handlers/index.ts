// Every handler of the reference server, in matching order, ending with the 404 for unknown `/v1` routes.
import { http, type RequestHandler } from 'msw';
import { ServiceError } from '../service/index.js';
import { accountHandlers } from './account.js';
import { apiKeyHandlers } from './api-keys.js';
import type { HandlerContext } from './context.js';
import { logHandlers } from './logs.js';
import { messageHandlers } from './messages.js';
import { privacyHandlers } from './privacy.js';
import { sessionHandlers } from './sessions.js';
import { supportHandlers } from './support.js';
import { webhookHandlers } from './webhooks.js';

export { HandlerContext } from './context.js';

/** Returns the MSW handlers of every route, on every base URL of the context. */
export function createHandlers(context: HandlerContext): RequestHandler[] {
  return [
    ...accountHandlers(context),
    ...apiKeyHandlers(context),
    ...sessionHandlers(context),
    ...messageHandlers(context),
    ...logHandlers(context),
    ...webhookHandlers(context),
    ...privacyHandlers(context),
    ...supportHandlers(context),
    ...unknownRouteHandlers(context),
  ];
}

// Any other method or path under /v1 on an aulm host: authenticated like every route, then 404.
function unknownRouteHandlers(context: HandlerContext): RequestHandler[] {
  const unknown = context.route(null, ({ request, url }) => {
    throw new ServiceError(
      404,
      'resource_not_found',
      `Unrecognized request URL: ${request.method} ${url.pathname}`,
    );
  });
  return context.bases.flatMap((base) => [
    http.all(`${base}/v1`, unknown),
    http.all(`${base}/v1/*`, unknown),
  ]);
}
