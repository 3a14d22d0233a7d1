// Waiting for an object to reach a state by polling it with backoff: the shared part of every `waitFor`.
import { APIUserAbortError, AulmError, WaitTimeoutError } from './errors.js';
import { sleep } from './sleep.js';

/**
 * Options of a `waitFor`: how long to wait in all, a signal to stop it, and how often to poll.
 *
 * @example
 * ```ts
 * await aulm.messages.waitFor(message.id, { until: 'delivered', timeout: 30_000 });
 * ```
 */
export interface WaitOptions {
  /** Milliseconds to wait in all before throwing `WaitTimeoutError`. Default 60 000. */
  timeout?: number | undefined;
  /** Stops the wait; it then rejects with `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
  /** Milliseconds before the second poll; each later wait is 1.5 times longer, up to 10 s. Default 500. */
  pollInterval?: number | undefined;
}

/** What `pollUntil` polls and when it stops. */
export interface Poll<T> {
  /** Fetches the object once; it must stop when `signal` aborts. */
  fetch: (signal: AbortSignal) => PromiseLike<T>;
  /** Whether the object has reached what is awaited. */
  done: (value: T) => boolean;
  /** Says what was awaited, for the timeout's message (`message msg_1 to be delivered`). */
  describe: (last: T | null) => string;
}

const MAX_POLL_INTERVAL = 10_000;

/** Polls until `poll.done`, with backoff; rejects with `WaitTimeoutError` after `timeout` in all. */
export async function pollUntil<T>(poll: Poll<T>, options: WaitOptions = {}): Promise<T> {
  const { timeout = 60_000, pollInterval = 500, signal } = options;
  if (!(timeout > 0) || !(pollInterval > 0)) {
    throw new AulmError('The `timeout` and `pollInterval` options must be positive numbers of milliseconds.');
  }
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeout);
  const onAbort = () => deadline.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) deadline.abort();
  let last: T | null = null;
  try {
    for (let interval = pollInterval; ; interval = Math.min(interval * 1.5, MAX_POLL_INTERVAL)) {
      if (deadline.signal.aborted) break;
      try {
        last = await poll.fetch(deadline.signal);
        if (poll.done(last)) return last;
        await sleep(interval, deadline.signal);
      } catch (error) {
        if (!deadline.signal.aborted) throw error;
      }
    }
    if (signal?.aborted) throw new APIUserAbortError('The wait was aborted.');
    throw new WaitTimeoutError(`Timed out after ${timeout} ms waiting for ${poll.describe(last)}.`, last);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
