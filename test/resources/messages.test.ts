import { afterEach, describe, expect, it, vi } from 'vitest';
import { Aulm } from '../../src/client.js';
import { Redacted } from '../../src/contract/index.js';
import {
  APIUserAbortError,
  AulmError,
  BadRequestError,
  UnprocessableEntityError,
  WaitTimeoutError,
} from '../../src/core/errors.js';
import { FakeAPI, ok, TEST_KEY, wireMessage } from '../core/fake-api.js';

function client() {
  const api = new FakeAPI();
  return { api, aulm: new Aulm({ apiKey: TEST_KEY, fetch: api.fetch }) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('messages.send', () => {
  it('posts a text message to /v1/messages and returns the queued message', async () => {
    const { api, aulm } = client();
    api.reply({ status: 202, body: wireMessage() });
    const message = await aulm.messages.send({
      sessionId: 'ses_1',
      to: '+447700900123',
      text: 'Your code is 4821',
      metadata: { orderId: 'o_1' },
    });
    expect(api.requests[0]).toMatchObject({
      method: 'POST',
      url: new URL('https://api.aulm.io/v1/messages'),
      body: {
        session_id: 'ses_1',
        to: '+447700900123',
        type: 'text',
        text: { body: 'Your code is 4821' },
        metadata: { orderId: 'o_1' },
      },
    });
    expect(message).toMatchObject({ id: 'msg_1', sessionId: 'ses_1', status: 'queued' });
    expect(message.preview).toBeInstanceOf(Redacted);
  });

  it('posts a media message', async () => {
    const { api, aulm } = client();
    api.reply({ status: 202, body: wireMessage({ type: 'media' }) });
    await aulm.messages.send({
      sessionId: 'ses_1',
      to: '+447700900123',
      media: { url: 'https://cdn.acme.test/a.jpg', mimeType: 'image/jpeg', caption: 'Your receipt' },
    });
    expect(api.requests[0]?.body).toEqual({
      session_id: 'ses_1',
      to: '+447700900123',
      type: 'media',
      media: { url: 'https://cdn.acme.test/a.jpg', mime_type: 'image/jpeg', caption: 'Your receipt' },
    });
  });

  it('rejects a bad phone number locally with UnprocessableEntityError, param to, and sends nothing', async () => {
    const { api, aulm } = client();
    const error = await aulm.messages
      .send({ sessionId: 'ses_1', to: '07700 900123', text: 'hi' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({ status: 422, code: 'invalid_phone_number', param: 'to', requestId: null });
    expect(api.requests).toHaveLength(0);
  });

  it('rejects other bad parameters locally as the API would', async () => {
    const { api, aulm } = client();
    const cases: [unknown, object][] = [
      [
        { sessionId: 'ses_1', to: '+447700900123' },
        { code: 'parameter_missing', param: 'text' },
      ],
      [
        { sessionId: 'ses_1', to: '+447700900123', text: '' },
        { code: 'parameter_invalid', param: 'text.body' },
      ],
      [
        { sessionId: 'ses_1', to: 447700900123, text: 'hi' },
        { code: 'parameter_invalid', param: 'to' },
      ],
      [
        { sessionId: 'chat_1', to: '+447700900123', text: 'hi' },
        { code: 'parameter_invalid', param: 'session_id' },
      ],
      [
        {
          sessionId: 'ses_1',
          to: '+447700900123',
          media: { url: 'http://a.test/x.jpg', mimeType: 'image/jpeg' },
        },
        { code: 'parameter_invalid', param: 'media.url' },
      ],
      [undefined, { code: 'parameter_invalid', param: null }],
    ];
    for (const [params, expected] of cases) {
      const error = await aulm.messages.send(params as never).catch((e: unknown) => e);
      expect(error, JSON.stringify(params)).toBeInstanceOf(UnprocessableEntityError);
      expect(error).toMatchObject(expected);
    }
    expect(api.requests).toHaveLength(0);
  });

  it('rejects an unknown parameter locally with BadRequestError unknown_parameter', async () => {
    const { api, aulm } = client();
    const params = { sessionId: 'ses_1', to: '+447700900123', text: 'hi', priority: 'high' };
    await expect(aulm.messages.send(params as never)).rejects.toMatchObject({
      name: 'BadRequestError',
      code: 'unknown_parameter',
      param: 'priority',
    });
    await expect(aulm.messages.send(params as never)).rejects.toBeInstanceOf(BadRequestError);
    expect(api.requests).toHaveLength(0);
  });
});

describe('messages.get', () => {
  it('gets /v1/messages/{id}, encoding the id', async () => {
    const { api, aulm } = client();
    api.reply(ok(wireMessage()));
    await aulm.messages.get('msg_1/../x');
    expect(api.requests[0]?.url.pathname).toBe('/v1/messages/msg_1%2F..%2Fx');
  });

  it('rejects an empty id locally', async () => {
    const { api, aulm } = client();
    await expect(aulm.messages.get('')).rejects.toMatchObject({
      name: 'UnprocessableEntityError',
      param: 'id',
    });
    await expect(aulm.messages.get(undefined as never)).rejects.toMatchObject({ code: 'parameter_missing' });
    expect(api.requests).toHaveLength(0);
  });
});

describe('messages.waitFor', () => {
  const status = (value: string) => ok(wireMessage({ status: value }));

  it('polls until the status reaches until, delivered by default', async () => {
    const { api, aulm } = client();
    api.reply(status('queued'), status('sent'), status('delivered'));
    const message = await aulm.messages.waitFor('msg_1', { pollInterval: 1 });
    expect(message.status).toBe('delivered');
    expect(api.requests).toHaveLength(3);
  });

  it('counts a later status as reached', async () => {
    const { api, aulm } = client();
    api.reply(status('queued'), status('read'));
    expect((await aulm.messages.waitFor('msg_1', { until: 'sent', pollInterval: 1 })).status).toBe('read');
  });

  it('resolves with a failed message rather than waiting on', async () => {
    const { api, aulm } = client();
    api.reply(
      status('queued'),
      ok(wireMessage({ status: 'failed', error: { code: 'recipient_not_on_network', message: 'x' } })),
    );
    const message = await aulm.messages.waitFor('msg_1', { until: 'read', pollInterval: 1 });
    expect(message.status).toBe('failed');
    expect(message.error?.code).toBe('recipient_not_on_network');
  });

  it('backs off between polls, 1.5 times longer each time', async () => {
    vi.useFakeTimers();
    const { api, aulm } = client();
    api.always(status('queued'));
    const waiting = aulm.messages
      .waitFor('msg_1', { pollInterval: 1_000, timeout: 60_000 })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(0);
    expect(api.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(api.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_499);
    expect(api.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(api.requests).toHaveLength(3);
    await vi.runAllTimersAsync();
    expect(await waiting).toBeInstanceOf(WaitTimeoutError);
  });

  it('throws WaitTimeoutError with the last status when the timeout runs out', async () => {
    vi.useFakeTimers();
    const { api, aulm } = client();
    api.always(status('sent'));
    const waiting = aulm.messages.waitFor('msg_1', { timeout: 5_000 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5_000);
    const error = await waiting;
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as Error).message).toBe(
      'Timed out after 5000 ms waiting for message msg_1 to be delivered (last status: sent).',
    );
    expect((error as WaitTimeoutError).last).toMatchObject({ status: 'sent' });
  });

  it('stops with APIUserAbortError when its signal aborts', async () => {
    const { api, aulm } = client();
    api.always(status('queued'));
    const controller = new AbortController();
    const waiting = aulm.messages.waitFor('msg_1', { signal: controller.signal, pollInterval: 60_000 });
    await vi.waitFor(() => expect(api.requests).toHaveLength(1));
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('refuses a status it cannot wait for', async () => {
    const { aulm } = client();
    await expect(aulm.messages.waitFor('msg_1', { until: 'queued' as never })).rejects.toBeInstanceOf(
      AulmError,
    );
  });
});
