// The transport of the Node build: undici, unless a custom `fetch` is given.
// The browser build swaps this file for default.browser.ts (an esbuild alias in tsup.config.ts).
import { fetchTransport } from './fetch.js';
import type { Transport, TransportOptions } from './transport.js';
import { undiciTransport } from './undici.js';

/** Returns the transport for `options`: `fetch` when one is given, else undici (on `dispatcher` if given). */
export function createDefaultTransport(options: TransportOptions): Transport {
  return options.fetch ? fetchTransport(options.fetch) : undiciTransport(options.dispatcher);
}
