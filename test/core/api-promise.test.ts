import { describe, expect, it } from 'vitest';
import { Aulm } from '../../src/client.js';
import { APIPromise } from '../../src/core/api-promise.js';
import { FakeAPI, ok, TEST_KEY, wireMessage } from './fake-api.js';

function client() {
  const api = new FakeAPI();
  return { api, aulm: new Aulm({ apiKey: TEST_KEY, fetch: api.fetch }) };
}

describe('APIPromise', () => {
  it('is a real Promise that resolves to the model', async () => {
    const { api, aulm } = client();
    api.reply(ok(wireMessage()));
    const call = aulm.messages.get('msg_1');
    expect(call).toBeInstanceOf(Promise);
    expect(call).toBeInstanceOf(APIPromise);
    const message = await call;
    expect(message.id).toBe('msg_1');
    expect(message.to.e164).toBe('+447700900123');
    expect(message.createdAt).toEqual(new Date('2026-05-30T12:00:00.000Z'));
  });

  it('starts the request when the method is called, before it is awaited', async () => {
    const { api, aulm } = client();
    api.reply(ok(wireMessage()));
    const call = aulm.messages.get('msg_1');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(api.requests).toHaveLength(1);
    await call;
  });

  it('gives the response behind the model with withResponse()', async () => {
    const { api, aulm } = client();
    api.reply(
      ok(wireMessage(), {
        'aulm-request-id': 'req_42',
        'ratelimit-limit': '100',
        'ratelimit-remaining': '99',
        'ratelimit-reset': '30',
      }),
    );
    const before = Date.now();
    const { data, response, requestId, rateLimit } = await aulm.messages.get('msg_1').withResponse();
    expect(data.id).toBe('msg_1');
    expect(response.status).toBe(200);
    expect(response.headers).toBeInstanceOf(Headers);
    expect(response.headers.get('ratelimit-limit')).toBe('100');
    expect(requestId).toBe('req_42');
    expect(rateLimit).toMatchObject({ limit: 100, remaining: 99 });
    expect(rateLimit?.resetAt).toBeInstanceOf(Date);
    expect(rateLimit!.resetAt.getTime() - before).toBeGreaterThanOrEqual(30_000);
    expect(rateLimit!.resetAt.getTime() - Date.now()).toBeLessThanOrEqual(30_000);
  });

  it('reports no rate limit when the headers do not carry one', async () => {
    const { api, aulm } = client();
    api.reply(ok(wireMessage()));
    expect((await aulm.messages.get('msg_1').withResponse()).rateLimit).toBeNull();
  });

  it('works with catch and finally, which return plain promises', async () => {
    const { api, aulm } = client();
    api.reply({
      status: 404,
      body: {
        error: {
          type: 'not_found_error',
          code: 'resource_not_found',
          message: 'No such message.',
          param: null,
          request_id: 'req_1',
        },
      },
    });
    let settled = false;
    const code = await aulm.messages
      .get('msg_missing')
      .finally(() => {
        settled = true;
      })
      .catch((error: { code: string }) => error.code);
    expect(code).toBe('resource_not_found');
    expect(settled).toBe(true);
  });
});
