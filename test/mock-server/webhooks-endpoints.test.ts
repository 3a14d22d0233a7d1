// Webhook endpoints over the wire: registering one (its secret shown once), listing, reading, changing,
// deleting and rotating its secret; bad input that changes nothing; another account's endpoint is a 404.
import { beforeEach, describe, expect, it } from 'vitest';
import { clientFor, useMock } from './client.js';
import { Receiver } from './webhook-receiver.js';

const receiver = new Receiver();
const mock = useMock({ seed: 11, webhooks: { deliver: receiver.deliver } });
receiver.attach(mock);
beforeEach(() => receiver.clear());

const SECRET = /^whsec_[A-Za-z0-9+/]{43}=$/;

function start() {
  const { apiKey } = mock.quickstart();
  return clientFor(apiKey);
}

async function createEndpoint(api: ReturnType<typeof clientFor>, body: object = {}) {
  const answer = await api.post('/v1/webhook_endpoints', {
    url: 'https://hooks.example.com/aulm',
    events: ['message.delivered'],
    ...body,
  });
  expect(answer.status).toBe(201);
  return answer.body;
}

describe('POST /v1/webhook_endpoints', () => {
  it('answers 201 with the endpoint, enabled, and its secret: whsec_ and the base64 of 32 bytes', async () => {
    const api = start();
    const answer = await api.post('/v1/webhook_endpoints', {
      url: 'https://hooks.example.com/aulm',
      events: ['message.delivered', 'message.failed'],
      description: 'Orders',
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      id: expect.stringMatching(/^whe_[0-9A-Za-z]{24}$/),
      object: 'webhook_endpoint',
      url: 'https://hooks.example.com/aulm',
      description: 'Orders',
      events: ['message.delivered', 'message.failed'],
      status: 'enabled',
      secret: expect.stringMatching(SECRET),
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    });
    expect(atob(answer.body.secret.slice('whsec_'.length))).toHaveLength(32);
  });

  it('shows the secret only on create and rotation: never on get, list, update or delete', async () => {
    const api = start();
    const { id } = await createEndpoint(api);
    const path = `/v1/webhook_endpoints/${id}`;
    const answers = [
      (await api.get(path)).body,
      (await api.get('/v1/webhook_endpoints')).body.data[0],
      (await api.patch(path, { description: 'x' })).body,
      (await api.delete(path)).body,
    ];
    for (const body of answers) {
      expect(body.id).toBe(id);
      expect(body).not.toHaveProperty('secret');
    }
  });

  it('takes an https:// URL on loopback for a receiver under test, and ["*"] for every event', async () => {
    const api = start();
    const endpoint = await createEndpoint(api, { url: 'https://127.0.0.1:3000/hooks', events: ['*'] });
    expect(endpoint).toMatchObject({ url: 'https://127.0.0.1:3000/hooks', events: ['*'], description: null });
  });

  it.each([
    'http://127.0.0.1:3000/hooks',
    'ftp://example.com/hooks',
    'https://user@',
    'https://user:secret@example.com/hooks',
    'https://%zz/hook',
    'https://[bad/',
    'https://x:99999/hook',
    'https://x:0/hook',
    'not a url',
  ])('refuses %s with 422 parameter_invalid naming url, on create and on change', async (url) => {
    const api = start();
    const created = await api.post('/v1/webhook_endpoints', { url, events: ['*'] });
    expect(created.status).toBe(422);
    expect(created.body.error).toMatchObject({ code: 'parameter_invalid', param: 'url' });
    const endpoint = await createEndpoint(api, { events: ['*'] });
    const changed = await api.patch(`/v1/webhook_endpoints/${endpoint.id}`, { url });
    expect(changed.status).toBe(422);
    expect(changed.body.error).toMatchObject({ code: 'parameter_invalid', param: 'url' });
    expect((await api.get(`/v1/webhook_endpoints/${endpoint.id}`)).body.url).toBe(endpoint.url);
  });

  it('keeps a repeated event type once', async () => {
    const api = start();
    const endpoint = await createEndpoint(api, { events: ['message.sent', 'message.read', 'message.sent'] });
    expect(endpoint.events).toEqual(['message.sent', 'message.read']);
  });

  it.each([
    [{ url: 'http://hooks.example.com/aulm' }, 422, 'parameter_invalid', 'url'],
    [{ url: 'ftp://hooks.example.com' }, 422, 'parameter_invalid', 'url'],
    [{ url: undefined }, 422, 'parameter_missing', 'url'],
    [{ events: undefined }, 422, 'parameter_missing', 'events'],
    [{ events: [] }, 422, 'parameter_invalid', 'events'],
    [{ events: ['message.bounced'] }, 422, 'parameter_invalid', 'events.0'],
    [{ events: '*' }, 422, 'parameter_invalid', 'events'],
    [{ description: 'x'.repeat(501) }, 422, 'parameter_invalid', 'description'],
    [{ secret: 'whsec_mine' }, 400, 'unknown_parameter', 'secret'],
  ])('refuses %j with %i %s (param %s) and creates nothing', async (change, status, code, param) => {
    const api = start();
    const answer = await api.post('/v1/webhook_endpoints', {
      url: 'https://hooks.example.com/aulm',
      events: ['*'],
      ...change,
    });
    expect(answer.status).toBe(status);
    expect(answer.body.error).toMatchObject({ code, param });
    expect((await api.get('/v1/webhook_endpoints')).body.data).toEqual([]);
  });

  it('creates one endpoint for a repeated Idempotency-Key, and replays the same secret', async () => {
    const api = start();
    const body = { url: 'https://hooks.example.com/aulm', events: ['*'] };
    const headers = { 'idempotency-key': 'endpoint-1' };
    const first = await api.post('/v1/webhook_endpoints', body, { headers });
    const second = await api.post('/v1/webhook_endpoints', body, { headers });
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect((await api.get('/v1/webhook_endpoints')).body.data).toHaveLength(1);
  });
});

describe('GET /v1/webhook_endpoints', () => {
  it('lists the account’s endpoints newest first, in pages', async () => {
    const api = start();
    const ids: string[] = [];
    for (let index = 0; index < 3; index++) {
      ids.push((await createEndpoint(api, { url: `https://hooks.example.com/${index}` })).id);
    }
    const first = await api.get('/v1/webhook_endpoints?limit=2');
    expect(first.body.data.map((endpoint: { id: string }) => endpoint.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.has_more).toBe(true);
    const second = await api.get(`/v1/webhook_endpoints?limit=2&cursor=${first.body.next_cursor}`);
    expect(second.body).toMatchObject({ data: [{ id: ids[0] }], has_more: false, next_cursor: null });
  });

  it('refuses an unknown query parameter and a cursor of another list', async () => {
    const api = start();
    expect((await api.get('/v1/webhook_endpoints?status=enabled')).body.error).toMatchObject({
      code: 'unknown_parameter',
      param: 'status',
    });
    await api.post('/v1/sessions', {});
    const cursor = (await api.get('/v1/sessions?limit=1')).body.next_cursor;
    expect(cursor).toEqual(expect.any(String));
    expect((await api.get(`/v1/webhook_endpoints?cursor=${cursor}`)).body.error).toMatchObject({
      code: 'invalid_cursor',
    });
  });
});

describe('PATCH /v1/webhook_endpoints/{id}', () => {
  it('changes the fields given, clears the description with null, and moves updated_at', async () => {
    const api = start();
    const endpoint = await createEndpoint(api, { description: 'Orders' });
    await mock.clock.advance('1m');
    const path = `/v1/webhook_endpoints/${endpoint.id}`;
    const changed = await api.patch(path, {
      url: 'https://hooks.example.com/v2',
      events: ['*'],
      description: null,
      status: 'disabled',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      url: 'https://hooks.example.com/v2',
      events: ['*'],
      description: null,
      status: 'disabled',
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:01:00.000Z',
    });
    expect((await api.get(path)).body).toEqual(changed.body);
    await mock.clock.advance('1m');
    const same = await api.patch(path, {});
    expect(same.body).toEqual(changed.body);
  });

  it.each([
    [{ url: 'http://hooks.example.com' }, 422, 'url'],
    [{ status: 'paused' }, 422, 'status'],
    [{ events: [] }, 422, 'events'],
    [{ secret: 'whsec_x' }, 400, 'secret'],
  ])('refuses %j with %i (param %s) and changes nothing', async (body, status, param) => {
    const api = start();
    const endpoint = await createEndpoint(api);
    const path = `/v1/webhook_endpoints/${endpoint.id}`;
    const { secret: _, ...before } = endpoint;
    const answer = await api.patch(path, body);
    expect(answer.status).toBe(status);
    expect(answer.body.error.param).toBe(param);
    expect((await api.get(path)).body).toEqual(before);
  });
});

describe('DELETE /v1/webhook_endpoints/{id}', () => {
  it('answers the endpoint as it was, and then it is gone', async () => {
    const api = start();
    const endpoint = await createEndpoint(api);
    const path = `/v1/webhook_endpoints/${endpoint.id}`;
    const deleted = await api.delete(path);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id: endpoint.id, object: 'webhook_endpoint', status: 'enabled' });
    expect((await api.get(path)).status).toBe(404);
    expect((await api.delete(path)).status).toBe(404);
    expect((await api.get('/v1/webhook_endpoints')).body.data).toEqual([]);
  });
});

describe('POST /v1/webhook_endpoints/{id}/rotate_secret', () => {
  it('answers the endpoint with a new secret', async () => {
    const api = start();
    const endpoint = await createEndpoint(api);
    await mock.clock.advance('1h');
    const rotated = await api.post(`/v1/webhook_endpoints/${endpoint.id}/rotate_secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({ id: endpoint.id, updated_at: '2026-01-01T01:00:00.000Z' });
    expect(rotated.body.secret).toMatch(SECRET);
    expect(rotated.body.secret).not.toBe(endpoint.secret);
  });
});

describe('another account', () => {
  it('gets a 404 for every route of an endpoint or delivery it does not own, and changes nothing', async () => {
    const owner = start();
    const endpoint = await createEndpoint(owner, { events: ['session.connected'] });
    const session = await owner.post('/v1/sessions', {});
    mock.sessions.connect(session.body.id);
    await mock.webhooks.flush();
    const [delivery] = mock.webhooks.deliveries;
    expect(delivery).toBeDefined();

    const other = start();
    const endpointPath = `/v1/webhook_endpoints/${endpoint.id}`;
    const answers = [
      await other.get(endpointPath),
      await other.patch(endpointPath, { status: 'disabled' }),
      await other.post(`${endpointPath}/rotate_secret`),
      await other.delete(endpointPath),
      await other.get(`/v1/webhook_deliveries/${delivery!.id}`),
      await other.post(`/v1/webhook_deliveries/${delivery!.id}/retry`),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('resource_not_found');
    }
    expect((await other.get('/v1/webhook_endpoints')).body.data).toEqual([]);
    expect((await other.get('/v1/webhook_deliveries')).body.data).toEqual([]);
    expect((await other.get(`/v1/webhook_deliveries?endpoint_id=${endpoint.id}`)).body.data).toEqual([]);
    expect((await owner.get(endpointPath)).body).toMatchObject({ status: 'enabled' });
    expect(receiver.received).toHaveLength(1);
  });
});
