// The reference server over real HTTP, for any language and any process: node:http in front of the same
// MSW handlers (through MSW's `getResponse`, so in-process and standalone cannot drift), plus the control
// routes under `/__mock/`. A response of type 'error' from the handlers cuts the connection for real.
import { Buffer } from 'node:buffer';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';
import { controlHandlers, requestId } from './control.js';
import { AulmHandler, answerBareMethod, redactorOf } from './handlers/aulm-handler.js';
import { errorResponse } from './handlers/context.js';
import {
  answerBytesOf,
  answerFieldsOf,
  handOver,
  isForbiddenMethod,
  urlOf,
  wholeRequest,
} from './handlers/handover.js';
import type { AulmMockOptions } from './mock.js';
import { ServiceError } from './service/index.js';
import { answerOnSocket, answerUnreadRequests, notFound } from './socket-answers.js';
import { type AulmMock, createAulmMock } from './start.js';

/** The options of `startStandalone`: the mock's own options, and where to listen. */
export interface StandaloneOptions extends Omit<AulmMockOptions, 'hosts' | 'dispatcher'> {
  /** The TCP port (default 4010); `0` picks a free one, which `url` then carries. */
  port?: number;
  /** The interface to listen on (default `127.0.0.1`; `0.0.0.0` or `::` for every interface). */
  host?: string;
}

/** A running standalone reference server. */
export interface StandaloneServer {
  /** The base URL, without `/v1` (`http://127.0.0.1:4010`). */
  readonly url: string;
  /**
   * A test key (`aulm_test_...`, scope `*`) of the quickstart account. `POST /__mock/reset` makes a new
   * quickstart, and this then reads the new key (the same one again under a `seed`).
   */
  readonly apiKey: string;
  /** A session of the quickstart account that is already `connected`. */
  readonly sessionId: string;
  /** The mock behind the server: its clock, faults, journal and the rest of the handle. */
  readonly mock: AulmMock;
  /** Stops listening, cuts every open connection, and stops the mock's clock. */
  close(): Promise<void>;
}

/** What the control routes may change on the standalone server: the quickstart, which a reset renews. */
export interface StandaloneState {
  readonly mock: AulmMock;
  apiKey: string;
  sessionId: string;
  accountId: string;
}

const DEFAULT_PORT = 4010;
const DEFAULT_HOST = '127.0.0.1';

/**
 * Starts the reference server on a real port: the aulm API under `/v1` on `url`, the control routes under
 * `/__mock/`, with an account, a test key and a connected session ready. The clock is `'real'` unless
 * `clock: 'manual'` is asked for; webhooks go out with `fetch`.
 *
 * @example
 * ```ts
 * const server = await startStandalone({ port: 0, seed: 1 });
 * const response = await fetch(`${server.url}/v1/account`, {
 *   headers: { authorization: `Bearer ${server.apiKey}` },
 * });
 * await server.close();
 * ```
 */
export async function startStandalone(options: StandaloneOptions = {}): Promise<StandaloneServer> {
  const { port = DEFAULT_PORT, host = DEFAULT_HOST, ...mockOptions } = options;
  if (!(Number.isInteger(port) && port >= 0 && port <= 65_535)) {
    throw new RangeError(`port must be an integer from 0 to 65535, not ${String(port)}`);
  }
  // Until the mock is made (a moment after listening: its hosts are the base URL that listening gives).
  let serve: (request: IncomingMessage, response: ServerResponse) => void = (_, response) => {
    const starting = new ServiceError(
      503,
      'service_unavailable',
      'The reference server is starting; try again.',
    );
    answerOnSocket(response.socket!, errorResponse(starting, requestId(), new Headers()), (write) => write());
  };
  const server = createServer((request, response) => serve(request, response));
  await listen(server, port, host);
  const base = baseURL(host, (server.address() as AddressInfo).port);

  let mock: AulmMock;
  try {
    mock = createAulmMock({
      ...mockOptions,
      clock: mockOptions.clock ?? 'real',
      webhooks: mockOptions.webhooks ?? { deliver: 'fetch' },
      hosts: [base],
    });
  } catch (error) {
    await stop(server);
    throw error;
  }
  const state: StandaloneState = { mock, ...mock.quickstart() };
  const control = controlHandlers(base, state);
  const writeSoon = atEndOfTurn();
  // What node:http hands over as no request (one it cannot read, a CONNECT) is answered in the envelope too.
  answerUnreadRequests(server, base, () => state.mock.handlers, writeSoon);
  serve = (request, response) => {
    // A client that goes away mid-request must not take the server down with it.
    answer(base, control, state, request, response, writeSoon).catch(() => request.socket.destroy());
  };

  let closing: Promise<void> | undefined;
  return {
    url: base,
    get apiKey() {
      return state.apiKey;
    },
    get sessionId() {
      return state.sessionId;
    },
    mock,
    close() {
      closing ??= stop(server).then(() => mock.close());
      return closing;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

// The URL a client on this machine reaches: a wildcard address is reached through loopback.
function baseURL(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

async function answer(
  base: string,
  control: RequestHandler[],
  state: StandaloneState,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  writeSoon: (write: () => void) => void,
): Promise<void> {
  let response: Response;
  try {
    const method = incoming.method ?? 'GET';
    if (isForbiddenMethod(method)) {
      // No `Request` carries it, so MSW never sees it: the mock's handler answers it itself.
      const url = new URL(targetOf(base, incoming));
      const authorization = incoming.headers.authorization ?? null;
      response =
        answerBareMethod(state.mock.handlers, method, url, authorization) ??
        notFound(method, url.pathname, state.mock.handlers);
    } else {
      const request = await toRequest(base, incoming, state.mock.handlers);
      const path = urlOf(request).pathname;
      response =
        (path.startsWith('/__mock/') ? await getResponse(control, request) : undefined) ??
        (await getResponse(state.mock.handlers, request)) ??
        notFound(request.method, path, state.mock.handlers);
    }
  } catch (error) {
    response = errorResponse(error, requestId(), new Headers(), redactorOf(state.mock.handlers));
  }
  if (response.type === 'error') {
    // A fault's `network: 'reset'` or `'lost_response'`: the client sees the connection reset.
    incoming.socket.resetAndDestroy();
    return;
  }
  // The body the handlers built, unread, when they built it; any other response's is read.
  const body = answerBytesOf(response) ?? new Uint8Array(await response.arrayBuffer());
  const head = incoming.method === 'HEAD';
  writeSoon(() => {
    try {
      write(response, body, head, outgoing);
    } catch {
      incoming.socket.destroy();
    }
  });
}

/**
 * Returns a function that queues a write until the end of this turn of the event loop, where the writes
 * of the turn go out together. A write to a socket wakes the client's process if it sleeps, and written
 * one by one as they were made, the answers woke it again and again: under load, writing took a quarter
 * of the server's time, most of it the kernel's. Written together, the answers of a turn wake it once.
 * An answer waits only for the other requests read in the same turn.
 */
function atEndOfTurn(): (write: () => void) => void {
  let queue: Array<() => void> = [];
  const flush = () => {
    const writes = queue;
    queue = [];
    for (const write of writes) write();
  };
  return (write) => {
    if (queue.length === 0) setImmediate(flush);
    queue.push(write);
  };
}

// The request as fetch knows it, on the server's own base URL whatever Host the client sent, so that
// the handlers (which match on the base URL) answer `localhost` and `127.0.0.1` alike.
async function toRequest(
  base: string,
  incoming: IncomingMessage,
  handlers: readonly RequestHandler[],
): Promise<Request> {
  const headers: Array<[string, string]> = [];
  let framed = false;
  const raw = incoming.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = raw[index]!;
    headers.push([name, raw[index + 1]!]);
    framed ||= isBodyFraming(name);
  }
  // A request with neither Content-Length nor Transfer-Encoding has no body (RFC 9112, 6.3), and node:http
  // reads it so: there is nothing to wait for (node:http discards the empty stream once answered).
  const body = framed ? await bodyOf(incoming) : null;
  // Every method goes to the handlers as sent, so the standalone answers exactly as in-process does.
  const method = incoming.method ?? 'GET';
  const url = targetOf(base, incoming);
  // A handler of the user's, added to `mock.handlers`, gets a request like any other.
  if (!handlers.every((handler) => handler instanceof AulmHandler)) {
    return wholeRequest(url, method, headers, body);
  }
  return handOver(url, method, headers, body);
}

// The URL a request is for, on the server's base URL: its target is read as a path even when it looks like
// `//host/...` or a proxy's absolute URL.
function targetOf(base: string, incoming: IncomingMessage): string {
  const target = incoming.url ?? '/';
  return `${base}${target.startsWith('/') ? target : `/${target}`}`;
}

function isBodyFraming(name: string): boolean {
  return (
    (name.length === 14 && name.toLowerCase() === 'content-length') ||
    (name.length === 17 && name.toLowerCase() === 'transfer-encoding')
  );
}

// The whole body, or `null` when there is none; by its events, lighter than an async iterator per request.
function bodyOf(incoming: IncomingMessage): Promise<Buffer<ArrayBuffer> | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => resolve(chunks.length === 0 ? null : Buffer.concat(chunks)));
    incoming.on('error', reject);
    incoming.on('close', () => {
      if (!incoming.complete) reject(new Error('The client closed the connection mid-request.'));
    });
  });
}

// The answer as it is written: its header fields, content-length last (none on a 204 or 304), in one
// `writeHead`, and its body.
function write(response: Response, body: Uint8Array, head: boolean, outgoing: ServerResponse): void {
  const headers: string[] = [];
  const fields = answerFieldsOf(response);
  for (const name in fields) {
    if (name === 'content-length') continue;
    const value = fields[name]!;
    if (typeof value === 'string') headers.push(name, value);
    else for (const line of value) headers.push(name, line);
  }
  if (response.status !== 204 && response.status !== 304) headers.push('content-length', String(body.length));
  outgoing.writeHead(response.status, response.statusText || undefined, headers);
  outgoing.end(head ? undefined : body);
}
