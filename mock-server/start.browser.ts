// In a browser: `createAulmMock` builds a mock without installing anything; `startAulmMock` also starts
// MSW's service worker (`setupWorker` from `msw/browser`) with the mock's handlers, and `close()` stops it.
// No undici and no `node:` here: a page's `fetch` (the SDK's, in a browser) goes through the worker.
import { setupWorker } from 'msw/browser';
import { type AulmMockControls, type AulmMockOptions, assembleMock, handleOf } from './mock.js';

/** A reference server in a browser: its controls, and `close()`. */
export interface AulmMock extends AulmMockControls {
  /** Stops the service worker that `startAulmMock` started, the clock's timers and webhook attempts in flight. */
  close(): Promise<void>;
}

let started = false;

/**
 * Builds a reference server without installing it anywhere: give `mock.handlers` to your own MSW worker.
 *
 * @example
 * ```ts
 * const mock = createAulmMock({ seed: 1 });
 * const worker = setupWorker(...mock.handlers);
 * await worker.start({ onUnhandledRequest: 'bypass' });
 * ```
 */
export function createAulmMock(options: AulmMockOptions = {}): AulmMock {
  const assembled = assembleMock(options);
  return handleOf<AulmMock>(assembled, {
    close: { value: async () => assembled.stop(), enumerable: true, configurable: true, writable: true },
  });
}

/**
 * Builds a reference server and starts MSW's service worker with its handlers, so that the page's `fetch`
 * to aulm's hosts is answered by the mock (other requests pass through). The page must serve MSW's
 * `mockServiceWorker.js` (`npx msw init public/`), at `/mockServiceWorker.js` unless `worker.serviceWorker.url`
 * says where.
 *
 * @example
 * ```ts
 * const mock = await startAulmMock({ seed: 1, worker: { quiet: true } });
 * const { apiKey, sessionId } = mock.quickstart();
 * const aulm = new Aulm({ apiKey, dangerouslyAllowBrowser: true });
 * await aulm.messages.send({ sessionId, to: '+447700900123', text: 'hello' });
 * await mock.clock.advance('10s');
 * await mock.close();
 * ```
 */
export async function startAulmMock(options: AulmMockOptions = {}): Promise<AulmMock> {
  // One MSW worker answers a page: two started mocks closed out of order would leave both broken.
  if (started) {
    throw new Error(
      'Another mock started with startAulmMock is still open: await its close() first, or build several with createAulmMock and use their handlers.',
    );
  }
  const assembled = assembleMock(options);
  const worker = setupWorker(...assembled.controls.handlers);
  started = true;
  try {
    await worker.start({ ...options.worker, onUnhandledRequest: 'bypass' });
  } catch (error) {
    // No worker.stop(): MSW warns of a redundant stop when its start failed.
    started = false;
    await assembled.stop();
    throw error;
  }
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    started = false;
    worker.stop();
    await assembled.stop();
  };
  return handleOf<AulmMock>(assembled, {
    close: { value: close, enumerable: true, configurable: true, writable: true },
  });
}
