import { describe, expect, it } from 'vitest';
import { Aulm } from '../../src/client.js';
import { UnprocessableEntityError, WebhookVerificationError } from '../../src/core/errors.js';
import { signWebhook } from '../../src/webhooks/index.js';
import { FakeAPI, ok, TEST_KEY, wireEndpoint, wireList, wireMessage } from '../core/fake-api.js';

function client() {
  const api = new FakeAPI();
  return { api, aulm: new Aulm({ apiKey: TEST_KEY, fetch: api.fetch }) };
}

const at = '2026-05-30T12:00:00.000Z';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

function wireDelivery(overrides: Record<string, unknown> = {}) {
  return {
    id: 'whd_1',
    object: 'webhook_delivery',
    endpoint_id: 'whe_1',
    event_id: 'evt_1',
    event_type: 'message.delivered',
    status: 'pending',
    attempts: [{ at, response_status: 500, duration_ms: 12, error: null }],
    next_attempt_at: '2026-05-30T12:00:05.000Z',
    created_at: at,
    ...overrides,
  };
}

const requested = (api: FakeAPI) =>
  api.requests.map(({ method, url }) => `${method} ${url.pathname}${url.search}`);

describe('webhooks.endpoints', () => {
  it('creates an endpoint with POST /v1/webhook_endpoints and returns it with its secret', async () => {
    const { api, aulm } = client();
    api.reply({ status: 201, body: wireEndpoint({ secret: SECRET, description: 'Orders' }) });
    const endpoint = await aulm.webhooks.endpoints.create({
      url: 'https://hooks.acme.test/aulm',
      events: ['message.delivered'],
      description: 'Orders',
    });
    expect(api.requests[0]).toMatchObject({
      method: 'POST',
      url: new URL('https://api.aulm.io/v1/webhook_endpoints'),
      body: { url: 'https://hooks.acme.test/aulm', events: ['message.delivered'], description: 'Orders' },
    });
    expect(api.requests[0]?.headers.get('idempotency-key')).toBeTruthy();
    expect(endpoint).toMatchObject({ id: 'whe_1', status: 'enabled', description: 'Orders' });
    expect(endpoint.secret?.reveal()).toBe(SECRET);
    expect(`${endpoint.secret}`).toBe(`whsec_••••${SECRET.slice(-4)}`);
    expect(endpoint.createdAt).toEqual(new Date(at));
  });

  it.each([
    [{ url: 'http://hooks.acme.test/aulm', events: ['*'] }, 'url'],
    [{ url: 'https://hooks.acme.test/aulm', events: [] }, 'events'],
    [{ url: 'https://hooks.acme.test/aulm', events: ['message.bounced'] }, 'events.0'],
  ])('refuses %j locally, with the param the server would name (%s)', async (params, param) => {
    const { api, aulm } = client();
    const error = await aulm.webhooks.endpoints.create(params as never).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({ status: 422, code: 'parameter_invalid', param });
    expect(api.requests).toHaveLength(0);
  });

  it('lists, gets, updates, deletes and rotates, each on its path', async () => {
    const { api, aulm } = client();
    api.reply(
      ok(wireList([wireEndpoint()], 'cur_1')),
      ok(wireEndpoint()),
      ok(wireEndpoint({ status: 'disabled', description: null })),
      ok(wireEndpoint()),
      ok(wireEndpoint({ secret: SECRET })),
    );
    const page = await aulm.webhooks.endpoints.list({ limit: 5 });
    await aulm.webhooks.endpoints.get('whe_1');
    const updated = await aulm.webhooks.endpoints.update('whe_1', { status: 'disabled', description: null });
    await aulm.webhooks.endpoints.delete('whe_1');
    const rotated = await aulm.webhooks.endpoints.rotateSecret('whe_1');
    expect(requested(api)).toEqual([
      'GET /v1/webhook_endpoints?limit=5',
      'GET /v1/webhook_endpoints/whe_1',
      'PATCH /v1/webhook_endpoints/whe_1',
      'DELETE /v1/webhook_endpoints/whe_1',
      'POST /v1/webhook_endpoints/whe_1/rotate_secret',
    ]);
    expect(api.requests[2]?.body).toEqual({ status: 'disabled', description: null });
    expect(api.requests[4]?.body).toBeUndefined();
    expect(page).toMatchObject({ hasMore: true, nextCursor: 'cur_1' });
    expect(updated).toMatchObject({ status: 'disabled', description: null });
    expect(rotated.secret?.reveal()).toBe(SECRET);
  });

  it('refuses a bad update and an empty id locally', async () => {
    const { api, aulm } = client();
    await expect(
      aulm.webhooks.endpoints.update('whe_1', { status: 'paused' as never }),
    ).rejects.toMatchObject({
      status: 422,
      param: 'status',
    });
    await expect(aulm.webhooks.endpoints.update('whe_1', { secret: 'x' } as never)).rejects.toMatchObject({
      status: 400,
      code: 'unknown_parameter',
    });
    await expect(aulm.webhooks.endpoints.rotateSecret('')).rejects.toMatchObject({ param: 'id' });
    expect(api.requests).toHaveLength(0);
  });

  it('walks every page of endpoints with for await', async () => {
    const { api, aulm } = client();
    api.reply(ok(wireList([wireEndpoint()], 'cur_1')), ok(wireList([wireEndpoint({ id: 'whe_2' })])));
    const ids: string[] = [];
    for await (const endpoint of aulm.webhooks.endpoints.list()) ids.push(endpoint.id);
    expect(ids).toEqual(['whe_1', 'whe_2']);
    expect(api.requests[1]?.url.search).toBe('?cursor=cur_1');
  });
});

describe('webhooks.deliveries', () => {
  it('lists with the filters in snake_case, gets one, and retries one', async () => {
    const { api, aulm } = client();
    api.reply(
      ok(wireList([wireDelivery()])),
      ok(wireDelivery()),
      ok(wireDelivery({ status: 'succeeded', next_attempt_at: null })),
    );
    const page = await aulm.webhooks.deliveries.list({
      endpointId: 'whe_1',
      eventType: 'message.delivered',
      status: 'pending',
    });
    const delivery = await aulm.webhooks.deliveries.get('whd_1');
    const retried = await aulm.webhooks.deliveries.retry('whd_1');
    expect(requested(api)).toEqual([
      'GET /v1/webhook_deliveries?endpoint_id=whe_1&event_type=message.delivered&status=pending',
      'GET /v1/webhook_deliveries/whd_1',
      'POST /v1/webhook_deliveries/whd_1/retry',
    ]);
    expect(page.data[0]).toMatchObject({ endpointId: 'whe_1', eventId: 'evt_1' });
    expect(delivery.attempts).toEqual([
      { at: new Date(at), responseStatus: 500, durationMs: 12, error: null },
    ]);
    expect(delivery.nextAttemptAt).toEqual(new Date('2026-05-30T12:00:05.000Z'));
    expect(retried).toMatchObject({ status: 'succeeded', nextAttemptAt: null });
  });

  it('refuses a bad filter locally', async () => {
    const { api, aulm } = client();
    await expect(aulm.webhooks.deliveries.list({ status: 'lost' as never })).rejects.toMatchObject({
      status: 422,
      param: 'status',
    });
    await expect(aulm.webhooks.deliveries.list({ endpointId: 'ses_1' })).rejects.toMatchObject({
      param: 'endpoint_id',
    });
    expect(api.requests).toHaveLength(0);
  });

  it('throws ResponseValidationError for a delivery missing its attempts', async () => {
    const { api, aulm } = client();
    const { attempts: _, ...broken } = wireDelivery();
    api.reply(ok(broken));
    await expect(aulm.webhooks.deliveries.get('whd_1')).rejects.toMatchObject({
      name: 'ResponseValidationError',
    });
  });
});

describe('webhooks.verify', () => {
  it('verifies a delivery and returns its typed event, without a request', async () => {
    const { api, aulm } = client();
    const body = JSON.stringify({
      id: 'evt_1',
      type: 'message.delivered',
      timestamp: at,
      data: wireMessage({ status: 'delivered' }),
    });
    const headers = await signWebhook(body, { secret: SECRET, timestamp: new Date(at) });
    const event = await aulm.webhooks.verify(body, headers, { secret: SECRET, now: new Date(at) });
    expect(event).toMatchObject({ id: 'evt_1', type: 'message.delivered', data: { id: 'msg_1' } });
    if (event.unknown || event.type !== 'message.delivered') throw new Error('not a message.delivered event');
    expect(String(event.data.to)).toBe('+44 ••••••0123');
    expect(api.requests).toHaveLength(0);
  });

  it('rejects a delivery signed with another secret', async () => {
    const { aulm } = client();
    const body = JSON.stringify({ id: 'evt_1', type: 'session.connected', timestamp: at, data: {} });
    const headers = await signWebhook(body, { secret: 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD' });
    const error = await aulm.webhooks.verify(body, headers, { secret: SECRET }).catch((thrown) => thrown);
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(error).toMatchObject({ reason: 'no_matching_signature' });
  });
});
