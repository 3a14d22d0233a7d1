// The request pipeline: check the parameters, build the request, send it under a timeout, retry what may
// be retried, follow `421 wrong_region` once, and decode the response or the error. Every resource
// method is one call to `request` or `list`.
import * as z from 'zod/mini';
import { CHECK_OPTIONS, describeIssue, type ListEnvelope } from '../contract/index.js';
import { sendWithinOf } from '../transport/deadline.js';
import {
  DeadlineExceeded,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from '../transport/transport.js';
import { APIPromise, type APIResponse } from './api-promise.js';
import { decodeResponse, errorFromResponse, ResponseSnapshot, rateLimitOf, requestIdOf } from './decode.js';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AulmError,
  errorFromStatus,
} from './errors.js';
import { LevelLogger } from './logger.js';
import {
  checkHeaders,
  checkMaxRetries,
  checkTimeout,
  type ExtraHeaders,
  maskApiKey,
  type ResolvedOptions,
} from './options.js';
import { Page, PagePromise } from './pagination.js';
import type { RequestPath } from './path.js';
import { homeRegionHost, isAulmHost } from './region.js';
import { RetryPolicy } from './retry-policy.js';
import { userAgent } from './runtime.js';
import { type Sleep, sleep } from './sleep.js';

/**
 * Options for one call, its last argument.
 *
 * @example
 * ```ts
 * await aulm.messages.send(params, { idempotencyKey: `order-${order.id}`, timeout: 5_000 });
 * ```
 */
export interface RequestOptions {
  /** Aborts the call, retries included; it then rejects with `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
  /** Milliseconds each attempt may take, instead of the client's `timeout`. */
  timeout?: number | undefined;
  /** Retries for this call, instead of the client's `maxRetries`. */
  maxRetries?: number | undefined;
  /** The `Idempotency-Key` of a POST, instead of a generated one. The same key is sent on every retry. */
  idempotencyKey?: string | undefined;
  /** Headers for this call; a `null` value removes a header the SDK would send. */
  headers?: ExtraHeaders | undefined;
}

/** One endpoint call, as a resource method describes it. */
export interface Call<T> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string | RequestPath;
  /** The call's parameters in the model's (camelCase) form: the query of a GET, the body otherwise. */
  params?: unknown;
  /** The schema that checks `params` and encodes them to the wire. */
  paramsSchema?: z.ZodMiniType;
  /** The schema that decodes the response to what the call returns. */
  result: z.ZodMiniType<T>;
}

/** What the pipeline runs on besides the options; tests pass their own. */
export interface PipelineParts {
  transport: Transport;
  retryPolicy?: RetryPolicy;
  sleep?: Sleep;
}

const IDEMPOTENCY_KEY = /^[\x20-\x7e]{1,255}$/;
const NO_OPTIONS: RequestOptions = {};
// Stands for a POST's own Idempotency-Key in the headers shared by every call of a kind.
const PER_CALL_KEY = 'aulm:per-call-key';

/** Sends calls for the client: one instance per `Aulm`, holding its key and the region it learned. */
export class Pipeline {
  readonly #options: ResolvedOptions;
  readonly #sendWithin: Required<Transport>['sendWithin'];
  readonly #retryPolicy: RetryPolicy;
  readonly #sleep: Sleep;
  readonly #log: LevelLogger;
  // The headers of a call without headers of its own, by kind (has a body, is a POST), built once.
  readonly #sharedHeaders: (Record<string, string> | undefined)[] = [];
  #baseURL: string;

  constructor(options: ResolvedOptions, parts: PipelineParts) {
    this.#options = options;
    this.#sendWithin = sendWithinOf(parts.transport);
    this.#retryPolicy = parts.retryPolicy ?? new RetryPolicy();
    this.#sleep = parts.sleep ?? sleep;
    this.#log = new LevelLogger(options.logger, options.logLevel);
    this.#baseURL = options.baseURL;
  }

  /** The base URL requests go to now: the configured one, or the home region learned from a `421`. */
  get baseURL(): string {
    return this.#baseURL;
  }

  /** Starts a call and returns its `APIPromise`. */
  request<T>(call: Call<T>, options?: RequestOptions): APIPromise<T> {
    return new APIPromise(this.#execute(call, options));
  }

  /** Starts a list call and returns its `PagePromise`; each next page repeats it with the next cursor. */
  list<Item>(call: Call<ListEnvelope<Item>>, options?: RequestOptions): PagePromise<Item> {
    const response = this.#execute(call, options).then((result) => ({
      ...result,
      data: new Page(result.data, (cursor) =>
        this.list({ ...call, params: { ...(call.params as object), cursor } }, options),
      ),
    }));
    return new PagePromise(response);
  }

  async #execute<T>(call: Call<T>, options: RequestOptions = NO_OPTIONS): Promise<APIResponse<T>> {
    const { signal } = options;
    if (signal?.aborted) throw new APIUserAbortError();
    const timeout = options.timeout === undefined ? this.#options.timeout : checkTimeout(options.timeout);
    const maxRetries =
      options.maxRetries === undefined ? this.#options.maxRetries : checkMaxRetries(options.maxRetries);
    const path = typeof call.path === 'string' ? call.path : call.path.resolve();
    const wire = encodeParams(call);
    const query = call.method === 'GET' && wire ? queryString(wire) : '';
    const body = call.method !== 'GET' && wire ? JSON.stringify(wire) : undefined;
    const headers = this.#headers(call.method, body !== undefined, options);
    const log = this.#log;
    let followedRegion = false;

    // Log fields are built only for a level that is written: logging is off by default.
    for (let attempt = 1, retry = 0; ; attempt++) {
      const request = { method: call.method, url: `${this.#baseURL}${path}${query}`, headers, body };
      const started = Date.now();
      let failure: AulmError;
      if (log.wants('debug')) log.debug(`aulm: ${call.method} ${path}`, fieldsOf(call.method, path, attempt));
      try {
        const response = await this.#attempt(request, timeout, signal);
        const durationMs = Date.now() - started;
        if (log.wants('info')) {
          log.info(
            `aulm: ${call.method} ${path} → ${response.status}`,
            outcomeOf(fieldsOf(call.method, path, attempt), response, durationMs),
          );
        }
        if (response.status >= 200 && response.status < 300) return this.#success(call, path, response);
        failure = errorFromResponse(response);
        if (!followedRegion && this.#followRegion(failure)) {
          followedRegion = true;
          if (log.wants('warn')) {
            log.warn(
              `aulm: following 421 wrong_region to ${this.#baseURL}`,
              outcomeOf(fieldsOf(call.method, path, attempt), response, durationMs),
            );
          }
          continue;
        }
      } catch (error) {
        if (!(error instanceof APIConnectionError)) throw error;
        failure = error;
        if (log.wants('info')) {
          log.info(`aulm: ${call.method} ${path} failed: ${error.message}`, {
            ...fieldsOf(call.method, path, attempt),
            durationMs: Date.now() - started,
          });
        }
      }
      const delayMs = this.#retryPolicy.delayBefore(retry, maxRetries, failure);
      if (delayMs === null) {
        const level = failure instanceof APIError && failure.status < 500 ? 'warn' : 'error';
        if (log.wants(level)) {
          log[level](`aulm: ${call.method} ${path} failed: ${failure.name}`, {
            ...fieldsOf(call.method, path, attempt),
            retries: retry,
          });
        }
        throw failure;
      }
      if (log.wants('warn')) {
        log.warn(`aulm: retrying ${call.method} ${path} in ${Math.round(delayMs)} ms`, {
          ...fieldsOf(call.method, path, attempt),
          delayMs,
        });
      }
      try {
        await this.#sleep(delayMs, signal);
      } catch {
        throw new APIUserAbortError();
      }
      retry++;
    }
  }

  // One attempt: the transport's answer, or an APIUserAbortError, APIConnectionTimeoutError or
  // APIConnectionError. The transport keeps the deadline (transport/deadline.ts): undici cancels its own
  // request on a timer, any other is raced against one.
  async #attempt(
    request: Omit<TransportRequest, 'signal'>,
    timeout: number,
    signal: AbortSignal | undefined,
  ): Promise<TransportResponse> {
    // An abort between attempts (say, while a 421 was being followed) is final before anything is sent.
    if (signal?.aborted) throw new APIUserAbortError();
    try {
      return await this.#sendWithin(request, timeout, signal);
    } catch (error) {
      if (signal?.aborted) throw new APIUserAbortError();
      if (error instanceof DeadlineExceeded) throw new APIConnectionTimeoutError(timeout);
      // The cause is kept for debugging, unless some message in its chain quotes the key or the query.
      const options = this.#quotesSecrets(error, request.url) ? undefined : { cause: error };
      throw new APIConnectionError(`Connection error: ${this.#describe(error)}`, options);
    }
  }

  #success<T>(call: Call<T>, path: string, response: TransportResponse): APIResponse<T> {
    const requestId = requestIdOf(response.headers);
    const where = `${call.method} ${path}`;
    const data = decodeResponse(call.result, response.body, {
      where,
      requestId,
      validate: this.#options.validateResponses,
      onMismatch: (error) => this.#log.warn(`aulm: ${error.message}`, { path: error.path, requestId }),
    });
    return {
      data,
      response: new ResponseSnapshot(response.status, response.headers),
      requestId,
      rateLimit: rateLimitOf(response.headers),
    };
  }

  // Follows `421 wrong_region` to the home region it names, remembered for later calls; only from one
  // of aulm's own hosts, so a custom baseURL (a proxy, a local server) is never left.
  #followRegion(error: AulmError): boolean {
    if (!(error instanceof APIError) || error.status !== 421 || error.code !== 'wrong_region') return false;
    const home = homeRegionHost(error.headers.get('aulm-home-region'));
    if (!home || home === this.#baseURL || !isAulmHost(this.#baseURL)) return false;
    this.#baseURL = home;
    return true;
  }

  // The request headers, as `Headers` would merge them (lower-case names): the SDK's, then
  // `defaultHeaders`, then the call's own, a `null` removing one. Without headers of its own, a call
  // copies those of its kind, merged once, and fills in its Idempotency-Key.
  #headers(method: string, hasBody: boolean, options: RequestOptions): Record<string, string> {
    const key = method === 'POST' ? idempotencyKey(options.idempotencyKey) : undefined;
    if (options.headers !== undefined) {
      return this.#mergeHeaders(hasBody, key, checkHeaders(options.headers, 'headers'));
    }
    const kind = (hasBody ? 1 : 0) + (key === undefined ? 0 : 2);
    this.#sharedHeaders[kind] ??= this.#mergeHeaders(hasBody, key && PER_CALL_KEY, {});
    const headers = { ...this.#sharedHeaders[kind] };
    // `defaultHeaders` may have set or removed the Idempotency-Key, as they may any other header.
    if (key !== undefined && headers['idempotency-key'] === PER_CALL_KEY) headers['idempotency-key'] = key;
    return headers;
  }

  #mergeHeaders(hasBody: boolean, key: string | undefined, extra: ExtraHeaders): Record<string, string> {
    const headers = new Headers({
      Accept: 'application/json',
      Authorization: `Bearer ${this.#options.apiKey}`,
    });
    const agent = userAgent();
    if (agent) headers.set('User-Agent', agent);
    if (hasBody) headers.set('Content-Type', 'application/json');
    if (key !== undefined) headers.set('Idempotency-Key', key);
    for (const [name, value] of Object.entries({ ...this.#options.defaultHeaders, ...extra })) {
      if (value === null) headers.delete(name);
      else if (value !== undefined) headers.set(name, value);
    }
    return Object.fromEntries(headers);
  }

  // A query can hold personal data (a `recipient` filter), and some fetch implementations quote the URL
  // in their errors: such a cause is dropped rather than carried into logs and error reports.
  #quotesSecrets(error: unknown, url: string, depth = 0): boolean {
    if (typeof error !== 'object' || error === null || depth > 3) return false;
    const { message, cause } = error as { message?: unknown; cause?: unknown };
    const text = String(message);
    const query = new URL(url).search;
    const quotes =
      text.includes(this.#options.apiKey) ||
      (query !== '' && (text.includes(query.slice(1)) || text.includes(decodeURIComponent(query.slice(1)))));
    return quotes || this.#quotesSecrets(cause, url, depth + 1);
  }

  // The message of a transport's error, with the key masked and the query of any URL in it cut off.
  #describe(error: unknown): string {
    const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
    const code = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
    const message = error instanceof Error ? error.message : String(error);
    return `${message}${code}`
      .replaceAll(this.#options.apiKey, maskApiKey(this.#options.apiKey))
      .replace(/(\bhttps?:\/\/[^\s?#'"]*)\?[^\s#'"]*/g, '$1?…');
  }
}

/** Checks a call's parameters with its schema and returns their wire form; throws the API's 400 or 422. */
function encodeParams(call: Call<unknown>): Record<string, unknown> | undefined {
  if (!call.paramsSchema) return undefined;
  const where = call.method === 'GET' ? 'query' : 'body';
  let problem: ReturnType<typeof describeIssue>;
  try {
    const encoded = z.safeEncode(call.paramsSchema, call.params as never, CHECK_OPTIONS);
    if (encoded.success) return encoded.data as Record<string, unknown>;
    problem = describeIssue(encoded.error, where);
  } catch {
    // A codec's encoder met something that is not an object at all.
    problem = {
      status: 422,
      code: 'parameter_invalid',
      param: null,
      message: `The ${where} must be an object.`,
    };
  }
  throw errorFromStatus({
    ...problem,
    type: 'invalid_request_error',
    requestId: null,
    headers: new Headers(),
  });
}

/** What every log line of an attempt says about it. */
function fieldsOf(method: string, path: string, attempt: number): Record<string, unknown> {
  return { method, path, attempt };
}

/** What the log line of a response says: the attempt, then its status, request id and duration. */
function outcomeOf(
  fields: Record<string, unknown>,
  response: TransportResponse,
  durationMs: number,
): Record<string, unknown> {
  return { ...fields, status: response.status, requestId: requestIdOf(response.headers), durationMs };
}

function queryString(wire: Record<string, unknown>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(wire)) if (value !== undefined) query.set(name, String(value));
  const text = query.toString();
  return text ? `?${text}` : '';
}

function idempotencyKey(given: string | undefined): string {
  if (given === undefined) return newIdempotencyKey();
  if (typeof given !== 'string' || !IDEMPOTENCY_KEY.test(given)) {
    throw new AulmError('The `idempotencyKey` option must be 1 to 255 printable ASCII characters.');
  }
  return given;
}

// crypto.randomUUID exists only in secure contexts in browsers; getRandomValues exists everywhere.
function newIdempotencyKey(): string {
  if (typeof globalThis.crypto?.randomUUID === 'function') return globalThis.crypto.randomUUID();
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
