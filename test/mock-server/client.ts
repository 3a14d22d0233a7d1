// A plain fetch client for the reference server's tests: the wire as it is (snake_case JSON, headers),
// with no SDK in between, so that the tests see exactly what the server answers.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type AulmMock, type AulmMockOptions, createAulmMock } from '../../mock-server/index.js';

/** JSON read off the wire, loosely: the tests assert on its shape. */
// biome-ignore lint/suspicious/noExplicitAny: wire JSON is read loosely in tests and checked by assertions
export type Wire = any;

/** A response, read. */
export interface Answer {
  status: number;
  headers: Headers;
  body: Wire;
}

/** How one request is sent. */
export interface CallOptions {
  /** The API key (`null`: no Authorization header). */
  key?: string | null;
  /** A JSON body. */
  body?: unknown;
  /** A body sent as it is, not as JSON. */
  raw?: string;
  /** The base URL (default `https://api.aulm.io`). */
  base?: string;
  headers?: Record<string, string>;
}

/** Sends one request with `fetch` and reads the answer. */
export async function call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers = new Headers(options.headers);
  if (options.key) headers.set('authorization', `Bearer ${options.key}`);
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers.set('content-type', 'application/json');
  const response = await fetch(`${options.base ?? 'https://api.aulm.io'}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? null : JSON.parse(text) };
}

/** Returns a client bound to one key. */
export function clientFor(key: string, base?: string) {
  const bound = (options: CallOptions = {}): CallOptions => ({ key, ...(base ? { base } : {}), ...options });
  return {
    get: (path: string, options?: CallOptions) => call('GET', path, bound(options)),
    post: (path: string, body?: unknown, options?: CallOptions) =>
      call('POST', path, bound({ ...(body === undefined ? {} : { body }), ...options })),
    patch: (path: string, body?: unknown, options?: CallOptions) =>
      call('PATCH', path, bound({ ...(body === undefined ? {} : { body }), ...options })),
    delete: (path: string, options?: CallOptions) => call('DELETE', path, bound(options)),
  };
}

/** A text message body for `POST /v1/messages`. */
export function textMessage(sessionId: string, to: string, body = 'Your code is 4821') {
  return { session_id: sessionId, to, type: 'text', text: { body } };
}

/**
 * Serves one mock to `fetch` through MSW for the test file, with every other request an error, and
 * resets it before each test. Returns the mock.
 */
export function useMock(options: AulmMockOptions = { seed: 1 }): AulmMock {
  const mock = createAulmMock(options);
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => mock.reset());
  afterAll(async () => {
    server.close();
    await mock.close();
  });
  return mock;
}
