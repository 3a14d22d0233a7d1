// In Node: `createAulmMock` builds a mock without installing anything; `startAulmMock` also installs it
// in this process (MSW for fetch and node:http, and the undici global dispatcher for the SDK), and
// `close()` undoes both.
import { setupServer } from 'msw/node';
import { AulmMockDispatcher } from './dispatcher.js';
import { type AulmMockControls, type AulmMockOptions, assembleMock, handleOf } from './mock.js';
import { getGlobalDispatcher, setGlobalDispatcher } from './undici.js';

/** A running reference server: its controls, its undici dispatcher, and `close()`. */
export interface AulmMock extends AulmMockControls {
  /**
   * An undici dispatcher that answers aulm's hosts through `handlers` and passes every other request on:
   * give it to the SDK as its `dispatcher` option, since MSW does not reach undici's `request` in Node.
   */
  readonly dispatcher: AulmMockDispatcher;
  /** Undoes whatever `startAulmMock` installed, stops the clock's timers and aborts webhook attempts in flight. */
  close(): Promise<void>;
}

let started = false;

/**
 * Builds a reference server without installing it anywhere: use `mock.handlers` with your own MSW setup,
 * or `mock.dispatcher` as the SDK's `dispatcher`.
 *
 * @example
 * ```ts
 * const mock = createAulmMock({ seed: 1 });
 * const server = setupServer(...mock.handlers);
 * server.listen();
 * ```
 */
export function createAulmMock(options: AulmMockOptions = {}): AulmMock {
  const assembled = assembleMock(options);
  let dispatcher: AulmMockDispatcher | undefined;
  return handleOf<AulmMock>(assembled, {
    dispatcher: {
      get: () => {
        dispatcher ??= new AulmMockDispatcher({
          handlers: assembled.controls.handlers,
          hosts: assembled.hosts,
          ...(options.dispatcher ? { fallback: options.dispatcher } : {}),
        });
        return dispatcher;
      },
      enumerable: true,
      configurable: true,
    },
    close: { value: async () => assembled.stop(), enumerable: true, configurable: true, writable: true },
  });
}

/**
 * Builds a reference server and installs it in this process: MSW answers aulm's hosts for `fetch` and
 * `node:http` (other requests pass through), and undici's global dispatcher answers them for the SDK.
 *
 * @example
 * ```ts
 * const mock = await startAulmMock({ seed: 1 });
 * const { apiKey, sessionId } = mock.quickstart();
 * // ... requests to https://api.aulm.io ...
 * await mock.clock.advance('10s');
 * await mock.close();
 * ```
 */
export async function startAulmMock(options: AulmMockOptions = {}): Promise<AulmMock> {
  // MSW's interception and undici's global dispatcher are one per process: two started mocks closed out
  // of order would leave both broken, so a second is refused while the first is open.
  if (started) {
    throw new Error(
      'Another mock started with startAulmMock is still open: await its close() first, or build several with createAulmMock and use their handlers and dispatcher.',
    );
  }
  const assembled = assembleMock(options);
  const server = setupServer(...assembled.controls.handlers);
  server.listen({ onUnhandledRequest: 'bypass' });
  const previous = getGlobalDispatcher();
  const dispatcher = new AulmMockDispatcher({
    handlers: assembled.controls.handlers,
    hosts: assembled.hosts,
    fallback: options.dispatcher ?? previous,
  });
  setGlobalDispatcher(dispatcher);
  started = true;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    started = false;
    server.close();
    setGlobalDispatcher(previous);
    await assembled.stop();
  };
  return handleOf<AulmMock>(assembled, {
    dispatcher: { get: () => dispatcher, enumerable: true, configurable: true },
    close: { value: close, enumerable: true, configurable: true, writable: true },
  });
}
