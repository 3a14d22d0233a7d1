// The transport over `fetch`: browsers, workers, Deno, Bun, and Node when a custom `fetch` is given.
import type { Fetch, Transport, TransportRequest, TransportResponse } from './transport.js';

/**
 * Returns a transport that sends through `fetchFunction`, or through the global `fetch` (looked up on
 * each request, so a polyfill or a test double installed later applies).
 */
export function fetchTransport(fetchFunction?: Fetch): Transport {
  return {
    async send(request: TransportRequest): Promise<TransportResponse> {
      const send = fetchFunction ?? (globalThis.fetch as Fetch | undefined);
      if (typeof send !== 'function') {
        throw new TypeError('No fetch function: this runtime has no global fetch; pass the `fetch` option.');
      }
      const response = await send(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: request.signal,
      });
      // Reading the body under the same signal keeps the timeout running to the last byte.
      const body = await response.text();
      return { status: response.status, headers: response.headers, body };
    },
  };
}
