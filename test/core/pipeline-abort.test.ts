import { afterEach, describe, expect, it, vi } from 'vitest';
import { Message } from '../../src/contract/index.js';
import {
  APIConnectionTimeoutError,
  APIUserAbortError,
  ConflictError,
  NotFoundError,
} from '../../src/core/errors.js';
import { resolveOptions } from '../../src/core/options.js';
import { type Call, Pipeline } from '../../src/core/pipeline.js';
import type { Transport } from '../../src/transport/transport.js';
import { apiError, FakeAPI, TEST_KEY } from './fake-api.js';
import { getAccount, sendMessage, setup } from './pipeline-fixtures.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('abort and timeout', () => {
  const hanging: Transport = {
    send: (request) =>
      new Promise((_, reject) => {
        request.signal.addEventListener('abort', () => reject(new Error('aborted')));
      }),
  };

  it('rejects with APIUserAbortError and sends nothing when the signal is already aborted', async () => {
    const { api, pipeline } = setup();
    await expect(pipeline.request(getAccount, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(api.requests).toHaveLength(0);
  });

  it('stops a request in flight with APIUserAbortError and does not retry it', async () => {
    const sent: unknown[] = [];
    const controller = new AbortController();
    const { pipeline } = setup(
      {},
      {
        send: (request) => {
          sent.push(request);
          return hanging.send(request);
        },
      },
    );
    const call = pipeline.request(getAccount, { signal: controller.signal });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(APIUserAbortError);
    expect(sent).toHaveLength(1);
  });

  it('stops at once even when the transport ignores the signal', async () => {
    const controller = new AbortController();
    const { pipeline } = setup({}, { send: () => new Promise(() => {}) });
    const call = pipeline.request(getAccount, { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('stops during the wait between retries', async () => {
    const controller = new AbortController();
    const api = new FakeAPI().always(apiError(503, 'service_unavailable'));
    const pipeline = new Pipeline(resolveOptions({ apiKey: TEST_KEY }), {
      transport: api.transport,
      sleep: (_ms, signal) =>
        new Promise((_, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason));
          controller.abort();
        }),
    });
    await expect(pipeline.request(getAccount, { signal: controller.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(api.requests).toHaveLength(1);
  });

  it('times out an attempt with APIConnectionTimeoutError after retrying it', async () => {
    vi.useFakeTimers();
    let attempts = 0;
    const { pipeline } = setup(
      { timeout: 1_000, maxRetries: 1 },
      {
        send: (request) => {
          attempts++;
          return hanging.send(request);
        },
      },
    );
    const call = pipeline.request(getAccount).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const error = await call;
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).message).toBe('The request timed out after 1000 ms.');
    expect(attempts).toBe(2);
  });

  it('takes a per-call timeout', async () => {
    vi.useFakeTimers();
    const { pipeline } = setup({ maxRetries: 0 }, hanging);
    const call = pipeline.request(getAccount, { timeout: 5 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5);
    expect(await call).toBeInstanceOf(APIConnectionTimeoutError);
  });
});

describe('local parameter checks', () => {
  it('rejects a bad parameter before sending anything', async () => {
    const { api, pipeline } = setup();
    const call = { ...sendMessage, params: { sessionId: 'ses_1', to: '12345', text: 'hi' } };
    await expect(pipeline.request(call)).rejects.toMatchObject({
      name: 'UnprocessableEntityError',
      status: 422,
      code: 'invalid_phone_number',
      param: 'to',
      requestId: null,
    });
    expect(api.requests).toHaveLength(0);
  });

  it('rejects an empty path id with param id, before sending anything', async () => {
    const { path } = await import('../../src/core/path.js');
    const { api, pipeline } = setup();
    const call: Call<Message> = { method: 'GET', path: path`/v1/messages/${''}`, result: Message };
    await expect(pipeline.request(call)).rejects.toMatchObject({ status: 422, param: 'id' });
    expect(api.requests).toHaveLength(0);
  });

  it('maps a 404 to NotFoundError and a 409 to ConflictError', async () => {
    const { api, pipeline } = setup();
    api.reply(apiError(404, 'resource_not_found'), apiError(409, 'session_not_connected'));
    await expect(pipeline.request(getAccount)).rejects.toBeInstanceOf(NotFoundError);
    await expect(pipeline.request(getAccount)).rejects.toBeInstanceOf(ConflictError);
  });
});
