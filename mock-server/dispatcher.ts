// An undici dispatcher that answers aulm's hosts through the mock's MSW handlers (by MSW's `getResponse`)
// and hands every other request to the dispatcher it wraps. MSW intercepts fetch and node:http but not
// undici's own `request`, which the SDK uses in Node: this is how the SDK reaches the mock there.
import { Buffer } from 'node:buffer';
import { getResponse, type RequestHandler } from 'msw';
import { AulmHandler, answerBareMethod } from './handlers/aulm-handler.js';
import {
  type AnswerFields,
  answerBytesOf,
  answerFieldsOf,
  checkFields,
  handOver,
  isForbiddenMethod,
  wholeRequest,
} from './handlers/handover.js';
import { Agent, Dispatcher, errors, getGlobalDispatcher } from './undici.js';

/** What an {@link AulmMockDispatcher} needs: the handlers, the hosts they answer, and where the rest goes. */
export interface AulmMockDispatcherOptions {
  /** The MSW handlers that answer aulm's routes. */
  handlers: readonly RequestHandler[];
  /** The base URLs whose requests the handlers answer; every other origin goes to `fallback`. */
  hosts: readonly string[];
  /** Where requests to other hosts go: by default undici's global dispatcher at the time of the request. */
  fallback?: Dispatcher;
}

type Handler = Dispatcher.DispatchHandler;

/**
 * An undici `Dispatcher` that serves aulm's hosts from the reference server in-process. Pass it as the
 * SDK's `dispatcher` option, or install it with `setGlobalDispatcher` (which `startAulmMock` does).
 *
 * @example
 * ```ts
 * const mock = createAulmMock({ seed: 1 });
 * const aulm = new Aulm({ apiKey: mock.quickstart().apiKey, dispatcher: mock.dispatcher });
 * ```
 */
export class AulmMockDispatcher extends Dispatcher {
  readonly #handlers: RequestHandler[];
  // Whether every handler is a mock's own, which takes a request's body handed over beside it.
  readonly #mockHandlersOnly: boolean;
  readonly #origins: Set<string>;
  readonly #fallback: Dispatcher | undefined;
  #ownAgent: Agent | undefined;

  constructor(options: AulmMockDispatcherOptions) {
    super();
    this.#handlers = [...options.handlers];
    this.#mockHandlersOnly = this.#handlers.every((handler) => handler instanceof AulmHandler);
    this.#origins = new Set(options.hosts.map((host) => new URL(host).origin));
    this.#fallback = options.fallback;
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Handler): boolean {
    const origin = options.origin === undefined ? '' : new URL(String(options.origin)).origin;
    if (!this.#origins.has(origin)) return this.#fallbackFor().dispatch(options, handler);
    void this.#serve(origin, options, handler);
    return true;
  }

  /** Closes the agent this dispatcher made for requests to other hosts, if any; the mock itself holds nothing open. */
  override close(): Promise<void>;
  /** Closes the agent this dispatcher made for requests to other hosts, if any; the mock itself holds nothing open. */
  override close(callback: () => void): void;
  override close(callback?: () => void): Promise<void> | void {
    const done = this.#ownAgent ? this.#ownAgent.close() : Promise.resolve();
    if (!callback) return done;
    done.then(callback, callback);
  }

  /** Destroys the agent this dispatcher made for requests to other hosts, if any; the mock itself holds nothing open. */
  override destroy(): Promise<void>;
  /** Destroys the agent this dispatcher made for requests to other hosts, if any; the mock itself holds nothing open. */
  override destroy(error: Error | null): Promise<void>;
  /** Destroys the agent this dispatcher made for requests to other hosts, if any; the mock itself holds nothing open. */
  override destroy(callback: () => void): void;
  /** Destroys the agent this dispatcher made for requests to other hosts, if any; the mock itself holds nothing open. */
  override destroy(error: Error | null, callback: () => void): void;
  override destroy(first?: Error | null | (() => void), second?: () => void): Promise<void> | void {
    const callback = typeof first === 'function' ? first : second;
    const done = this.#ownAgent ? this.#ownAgent.destroy() : Promise.resolve();
    if (!callback) return done;
    done.then(callback, callback);
  }

  // The global dispatcher may be this very dispatcher (startAulmMock installs it): never loop back.
  #fallbackFor(): Dispatcher {
    if (this.#fallback) return this.#fallback;
    const global = getGlobalDispatcher();
    if (global !== this) return global;
    this.#ownAgent ??= new Agent();
    return this.#ownAgent;
  }

  #requestOf(
    url: URL,
    method: string,
    fields: Dispatcher.DispatchOptions['headers'],
    body: string | Uint8Array | null,
  ): Request {
    const headers = toHeaders(fields);
    if (!this.#mockHandlersOnly) return wholeRequest(url, method, headers, body);
    checkFields(headers);
    return handOver(url, method, headers, body);
  }

  async #serve(origin: string, options: Dispatcher.DispatchOptions, handler: Handler): Promise<void> {
    const call = new HandlerCall(handler);
    try {
      const body = await readBody(options.body);
      if (call.aborted) return;
      const url = new URL(options.path, origin);
      const { method } = options;
      // A method fetch forbids: no `Request` carries it, so MSW never sees it; the mock's handler answers.
      const response = isForbiddenMethod(method)
        ? answerBareMethod(this.#handlers, method, url, authorizationOf(toHeaders(options.headers)))
        : await getResponse(this.#handlers, this.#requestOf(url, method, options.headers, body));
      if (call.aborted) return;
      if (!response) {
        this.#fallbackFor().dispatch({ ...options, body }, handler);
        return;
      }
      if (response.type === 'error') throw new errors.SocketError('other side closed');
      const bytes = answerBytesOf(response);
      const payload =
        bytes === undefined
          ? Buffer.from(await response.arrayBuffer())
          : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (call.aborted) return;
      call.respond(response.status, response.statusText, answerFieldsOf(response), payload);
    } catch (error) {
      call.fail(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

// One request's conversation with its handler, in undici's newer (controller) or older (callback) style.
class HandlerCall implements Dispatcher.DispatchController {
  readonly #handler: Handler;
  #reason: Error | null = null;
  #paused = false;

  constructor(handler: Handler) {
    this.#handler = handler;
    if (handler.onRequestStart) handler.onRequestStart(this, {});
    else handler.onConnect?.((reason?: Error) => this.abort(reason ?? new errors.RequestAbortedError()));
  }

  get aborted(): boolean {
    return this.#reason !== null;
  }

  get paused(): boolean {
    return this.#paused;
  }

  get reason(): Error | null {
    return this.#reason;
  }

  abort(reason: Error): void {
    if (this.#reason) return;
    this.#reason = reason;
    this.#error(reason);
  }

  pause(): void {
    this.#paused = true;
  }

  resume(): void {
    this.#paused = false;
  }

  respond(status: number, statusText: string, fields: AnswerFields, payload: Buffer): void {
    const handler = this.#handler;
    if (handler.onResponseStart) {
      handler.onResponseStart(this, status, { ...fields } as Record<string, string | string[]>, statusText);
      if (payload.length > 0) handler.onResponseData?.(this, payload);
      handler.onResponseEnd?.(this, {});
      return;
    }
    const raw: Buffer[] = [];
    for (const name in fields) {
      const value = fields[name]!;
      for (const line of typeof value === 'string' ? [value] : value) {
        raw.push(Buffer.from(name, 'latin1'), Buffer.from(line, 'latin1'));
      }
    }
    handler.onHeaders?.(status, raw, () => {}, statusText);
    if (payload.length > 0) handler.onData?.(payload);
    handler.onComplete?.([]);
  }

  fail(error: Error): void {
    if (this.#reason) return;
    this.#reason = error;
    this.#error(error);
  }

  #error(error: Error): void {
    if (this.#handler.onResponseError) this.#handler.onResponseError(this, error);
    else this.#handler.onError?.(error);
  }
}

// The headers as name and value pairs, which `new Request` reads once (a `Headers` would be copied again).
function toHeaders(headers: Dispatcher.DispatchOptions['headers']): Array<[string, string]> {
  const result: Array<[string, string]> = [];
  if (!headers) return result;
  if (Array.isArray(headers)) {
    for (let index = 0; index + 1 < headers.length; index += 2) {
      result.push([String(headers[index]), String(headers[index + 1])]);
    }
    return result;
  }
  const entries =
    Symbol.iterator in headers
      ? (headers as Iterable<[string, string | string[] | undefined]>)
      : Object.entries(headers as Record<string, string | string[] | undefined>);
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) result.push([name, String(item)]);
  }
  return result;
}

function authorizationOf(headers: ReadonlyArray<[string, string]>): string | null {
  return headers.find(([name]) => name.toLowerCase() === 'authorization')?.[1] ?? null;
}

async function readBody(body: Dispatcher.DispatchOptions['body']): Promise<Uint8Array | string | null> {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<string | Uint8Array>) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  }
  throw new errors.InvalidArgumentError(
    'The aulm mock dispatcher reads string, byte and stream bodies only.',
  );
}
