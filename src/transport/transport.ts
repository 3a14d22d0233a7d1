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

/**
 * What the pipeline reads of response headers: fetch's `Headers`, or a view with the same `get` over
 * the headers as the transport received them, iterable as name–value pairs for the `Headers` the
 * public API shows (built only when someone looks).
 */
export interface ResponseHeaders extends Iterable<[string, string]> {
  get(name: string): string | null;
  getSetCookie(): string[];
}

/** One HTTP response, with its body read to the last byte. */
export interface TransportResponse {
  status: number;
  headers: ResponseHeaders;
  body: string;
}

/** What a transport rejects with when the deadline of `sendWithin` passes. */
export class DeadlineExceeded extends Error {
  constructor(timeout: number) {
    super(`No complete response within ${timeout} ms.`);
    this.name = 'DeadlineExceeded';
  }
}

/**
 * Sends requests. A transport rejects on a network failure or an abort and resolves on every HTTP
 * status: deciding what a status means is the pipeline's job.
 */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
  /**
   * Sends under a deadline the transport keeps itself, for a transport that can cancel its own request
   * cheaply (undici): it rejects at once with `DeadlineExceeded` after `timeout` ms, and with the
   * signal's reason as soon as `signal` aborts, cancelling the request either way. Without it,
   * `send` is given an AbortController and raced against a timer (deadline.ts), which also makes a
   * custom `fetch` that ignores its signal stop on time.
   */
  sendWithin?(
    request: Omit<TransportRequest, 'signal'>,
    timeout: number,
    signal: AbortSignal | undefined,
  ): Promise<TransportResponse>;
}

/** A `fetch` function: the global one or any with the same signature. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** What chooses and configures a transport: a custom `fetch`, or an undici `dispatcher` (Node). */
export interface TransportOptions {
  fetch?: Fetch | undefined;
  dispatcher?: Dispatcher | undefined;
}
