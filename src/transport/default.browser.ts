// The transport of the browser and worker builds: fetch only, no undici and no `node:` import.
// It replaces default.ts there, so it exports the same function; `dispatcher` has no meaning here.
import { fetchTransport } from './fetch.js';
import type { Transport, TransportOptions } from './transport.js';

/** Returns the transport for `options`: the given `fetch`, or the global one. */
export function createDefaultTransport(options: TransportOptions): Transport {
  return fetchTransport(options.fetch);
}
