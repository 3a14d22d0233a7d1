// The client's retries in time, on fake timers: how long it waits between attempts, when it gives up,
// and how an abort in the middle of a wait ends everything at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Aulm } from '../../src/client.js';
import { APIUserAbortError, InternalServerError } from '../../src/core/errors.js';
import { apiError, FakeAPI, TEST_KEY, wireMessage } from './fake-api.js';

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(Math, 'random').mockReturnValue(0.5); // jitter takes off 12.5% of each wait
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function failingAPI() {
  const api = new FakeAPI().always(apiError(503, 'service_unavailable'));
  const sentAt: number[] = [];
  const fetch: typeof api.fetch = (url, init) => {
    sentAt.push(Date.now());
    return api.fetch(url, init);
  };
  return { api, fetch, sentAt };
}

describe('a request that keeps failing', () => {
  it('stops after maxRetries with the last error, having waited 0.5 s, 1 s, 2 s less jitter', async () => {
    const { fetch, sentAt } = failingAPI();
    const aulm = new Aulm({ apiKey: TEST_KEY, fetch, maxRetries: 3 });
    const call = aulm.messages.get('msg_1').catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    const error = await call;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 503, code: 'service_unavailable' });
    const waits = sentAt.slice(1).map((at, index) => at - sentAt[index]!);
    expect(waits).toEqual([437, 875, 1750]); // timers count whole milliseconds
  });

  it('takes maxRetries per call over the client’s', async () => {
    const { fetch, sentAt } = failingAPI();
    const aulm = new Aulm({ apiKey: TEST_KEY, fetch, maxRetries: 5 });
    const call = aulm.messages.get('msg_1', { maxRetries: 1 }).catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    expect(await call).toBeInstanceOf(InternalServerError);
    expect(sentAt).toHaveLength(2);
  });

  it('caps the wait at 8 s', async () => {
    const { fetch, sentAt } = failingAPI();
    const aulm = new Aulm({ apiKey: TEST_KEY, fetch, maxRetries: 7 });
    const call = aulm.messages.get('msg_1').catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    await call;
    const waits = sentAt.slice(1).map((at, index) => at - sentAt[index]!);
    expect(waits.slice(-2)).toEqual([7000, 7000]);
  });
});

describe('an abort in the middle of a backoff', () => {
  it('rejects within 50 ms with APIUserAbortError and sends nothing further', async () => {
    const { fetch, sentAt } = failingAPI();
    const aulm = new Aulm({ apiKey: TEST_KEY, fetch, maxRetries: 2 });
    const controller = new AbortController();
    let settled: unknown;
    const call = aulm.messages
      .send({ sessionId: 'ses_1', to: '+447700900123', text: 'hi' }, { signal: controller.signal })
      .then(
        () => 'resolved',
        (error: unknown) => error,
      )
      .then((outcome) => {
        settled = outcome;
      });
    await vi.advanceTimersByTimeAsync(100); // the first attempt has failed; the 437.5 ms wait is under way
    expect(sentAt).toHaveLength(1);
    controller.abort();
    await vi.advanceTimersByTimeAsync(50);
    expect(settled).toBeInstanceOf(APIUserAbortError);
    await vi.advanceTimersByTimeAsync(20_000);
    await call;
    expect(sentAt).toHaveLength(1);
  });

  it('resolves with the message when no abort comes', async () => {
    const api = new FakeAPI().reply(apiError(503, 'service_unavailable')).always({
      status: 202,
      body: wireMessage(),
    });
    const aulm = new Aulm({ apiKey: TEST_KEY, fetch: api.fetch });
    const call = aulm.messages.send({ sessionId: 'ses_1', to: '+447700900123', text: 'hi' });
    await vi.runAllTimersAsync();
    expect((await call).id).toBe('msg_1');
    expect(api.requests).toHaveLength(2);
  });
});
