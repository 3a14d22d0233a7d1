// How a webhook delivery leaves the mock, from its `webhooks.deliver` option: a `Request` handed to the
// test's own function, or to `fetch` (the global one at the time of the attempt, so that MSW's
// interception, installed before or after the mock, sees it), or nowhere ('off'). Runtime-neutral.
import type { WebhookTransport } from './service/index.js';

/** Sends a delivery and resolves to the receiver's response; rejects when there is none. */
export type DeliverWebhook = (request: Request) => Promise<Response>;

/** The `webhooks.deliver` option: a function, `'fetch'` (the default) or `'off'`. */
export type DeliverOption = DeliverWebhook | 'fetch' | 'off';

/** Returns the service's transport for a `deliver` option (`null` for `'off'`); throws a `TypeError` on a bad one. */
export function webhookTransportOf(deliver: DeliverOption | undefined): WebhookTransport | null {
  if (deliver === 'off') return null;
  const send: DeliverWebhook =
    deliver === undefined || deliver === 'fetch' ? (request) => globalThis.fetch(request) : deliver;
  if (typeof send !== 'function') {
    throw new TypeError(
      `webhooks.deliver must be a function (request) => Promise<Response>, 'fetch' or 'off', not ${String(deliver)}`,
    );
  }
  const target = send === deliver ? (url: string) => url : overLoopback;
  return async ({ url, headers, body, signal }) => {
    // Redirects are not followed: a 3xx is an answer, and not a 2xx.
    const request = new Request(target(url), { method: 'POST', headers, body, signal, redirect: 'manual' });
    const response = await send(request);
    if (response?.type === 'opaqueredirect') {
      // A browser hides a redirect's status: it is an answer all the same, and not a 2xx.
      throw new TypeError('The receiver answered with a redirect, which is not followed.');
    }
    if (typeof response?.status !== 'number' || response.type === 'error' || response.status === 0) {
      throw new TypeError('The receiver gave no HTTP response (a network error).');
    }
    // The body is not read: only the status counts. Dropping it frees the connection.
    response.body?.cancel().catch(() => {});
    return { status: response.status };
  };
}

// The hosts of this machine, as the URL parser writes them.
const LOOPBACK = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/;

/**
 * Returns where `fetch` sends a delivery for an endpoint URL: the URL itself, but for a receiver on this
 * machine (`https://localhost:3000/hooks`, `https://127.0.0.1:…`, `https://[::1]:…`), which gets it over
 * plain HTTP on the same port. Endpoint URLs are `https` only, as the API has them, and no receiver under
 * test on loopback holds a certificate for it. A `deliver` function is handed the URL as it is.
 */
export function overLoopback(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' || !LOOPBACK.test(parsed.hostname)) return url;
  const port = parsed.port === '' ? '443' : parsed.port;
  return `http://${parsed.hostname}:${port}${parsed.pathname}${parsed.search}`;
}
