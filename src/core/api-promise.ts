// What every call returns: a promise of the model that also gives the response behind it.
import type { RateLimit } from './decode.js';

/** The status and headers of a response. */
export interface RawResponse {
  /** The HTTP status. */
  status: number;
  /** The response headers. */
  headers: Headers;
}

/** A call's result with the response behind it, as `withResponse()` gives it. */
export interface APIResponse<T> {
  /** What the call returns. */
  data: T;
  /** The status and headers of the (last) response. */
  response: RawResponse;
  /** The `aulm-request-id` of the response, to quote to support. */
  requestId: string | null;
  /** The key's rate limit after this request, or null when the response did not report it. */
  rateLimit: RateLimit | null;
}

/**
 * The promise every call returns: `await` it for the model, or call `withResponse()` for the model with
 * the status, headers, request id and rate limit of the response.
 *
 * It is a real `Promise`, and eager: the request starts when the method is called, whether or not the
 * result is awaited (so a call that is never awaited still goes out, like any other async function).
 *
 * @example
 * ```ts
 * const message = await aulm.messages.get('msg_123');
 * const { data, requestId, rateLimit } = await aulm.messages.get('msg_123').withResponse();
 * ```
 */
export class APIPromise<T> extends Promise<T> {
  /**
   * `Promise`: `then`, `catch` and `finally` build plain promises, since one derived from this class would
   * start no request.
   */
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  readonly #response: Promise<APIResponse<T>>;
  #data: Promise<T> | undefined;

  /** Wraps the promise of a call's `APIResponse`; the SDK builds these, users receive them. */
  constructor(response: Promise<APIResponse<T>>) {
    // The base promise is never used: every way of reading this one goes through `then`, below.
    super((resolve) => resolve(undefined as T));
    this.#response = response;
  }

  /** Resolves to the model with the response behind it: `{ data, response, requestId, rateLimit }`. */
  withResponse(): Promise<APIResponse<T>> {
    return this.#response;
  }

  // The model is derived on first use only, so a caller who reads `withResponse()` alone leaves no
  // second, unobserved rejection behind.
  // biome-ignore lint/suspicious/noThenProperty: this is a promise; `then` is how its model is read.
  override then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    this.#data ??= this.#response.then((result) => result.data);
    return this.#data.then(onFulfilled, onRejected);
  }
}
