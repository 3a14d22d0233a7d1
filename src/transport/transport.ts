// The one thing the request pipeline needs from the network: send a request, get the whole response.
// Each runtime plugs in its own (fetch.ts, undici.ts); default.ts picks one by export condition.
import type { Dispatcher } from 'undici';

/** One HTTP request, ready to send. */
export interface TransportRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Aborts the request, including the reading of the body. */
  signal: AbortSignal;
}

/** One HTTP response, with its body read to the last byte. */
export interface TransportResponse {
  status: number;
  headers: Headers;
  body: string;
}

/**
 * Sends requests. A transport rejects on a network failure or an abort and resolves on every HTTP
 * status: deciding what a status means is the pipeline's job.
 */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
}

/** A `fetch` function: the global one or any with the same signature. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** What chooses and configures a transport: a custom `fetch`, or an undici `dispatcher` (Node). */
export interface TransportOptions {
  fetch?: Fetch | undefined;
  dispatcher?: Dispatcher | undefined;
}
