// The standalone reference server over real HTTP on loopback: the API as in-process, the control routes
// under /__mock/ (and their refusals, each naming the field), network faults as real connection resets,
// the 404 envelope for unknown paths, and a port that is free again after close().
import { createServer } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEEDED_START, type StandaloneServer, startStandalone } from '../../mock-server/index.js';
import { type Answer, type CallOptions, call, textMessage } from './client.js';

let server: StandaloneServer;

beforeAll(async () => {
  server = await startStandalone({ port: 0, seed: 1, clock: 'manual' });
});
afterAll(() => server.close());
beforeEach(async () => {
  expect((await control('POST', '/__mock/reset')).status).toBe(200);
});

/** A request to the API with the quickstart key. */
function api(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  return call(method, path, { base: server.url, key: server.apiKey, ...options });
}

/** A request to a control route: no key. */
function control(method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<Answer> {
  return call(method, path, { base: server.url, ...(body === undefined ? {} : { body }), ...options });
}

/** Expects an answer to be the API's error envelope with this status, code and param. */
function expectRefusal(answer: Answer, status: number, code: string, param: string | null): void {
  expect(answer.status).toBe(status);
  expect(answer.body.error).toEqual({
    type: expect.any(String),
    code,
    message: expect.any(String),
    param,
    request_id: expect.stringMatching(/^req_[0-9A-Za-z]{24}$/),
  });
}

describe('startStandalone', () => {
  it('listens on the port it was given, 0 meaning a free one, and serves the API with the quickstart key', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toMatch(/:0$/);
    expect(server.apiKey).toMatch(/^aulm_test_[0-9A-Za-z]{32}$/);
    expect(server.sessionId).toMatch(/^ses_[0-9A-Za-z]{24}$/);
    const response = await fetch(`${server.url}/v1/account`, {
      headers: { authorization: `Bearer ${server.apiKey}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('aulm-request-id')).toMatch(/^req_/);
    expect(await response.json()).toMatchObject({ object: 'account', region: 'eu' });
    expect((await api('GET', `/v1/sessions/${server.sessionId}`)).body.status).toBe('connected');
  });

  it('answers whatever Host header the client sends, and journals the host it listens on', async () => {
    const answer = await request(`${server.url}/v1/account`, {
      headers: { host: 'mock.example.test', authorization: `Bearer ${server.apiKey}` },
    });
    expect(answer.statusCode).toBe(200);
    await answer.body.dump();
    const journal = (await control('GET', '/__mock/journal')).body.entries;
    expect(journal.at(-1)).toMatchObject({ host: new URL(server.url).host, path: '/v1/account' });
  });

  it('sends a content-length (none on a 204), and answers HEAD on /__mock/health without a body', async () => {
    const account = await request(`${server.url}/v1/account`, {
      headers: { authorization: `Bearer ${server.apiKey}` },
    });
    const text = await account.body.text();
    expect(account.headers['content-length']).toBe(String(Buffer.byteLength(text)));
    expect(account.headers['transfer-encoding']).toBeUndefined();
    const cleared = await request(`${server.url}/__mock/faults`, { method: 'DELETE' });
    await cleared.body.dump();
    expect(cleared.statusCode).toBe(204);
    expect(cleared.headers['content-length']).toBeUndefined();
    const head = await request(`${server.url}/__mock/health`, { method: 'HEAD' });
    expect(head.statusCode).toBe(200);
    expect(await head.body.text()).toBe('');
  });

  it('passes HEAD to the API as sent, answering as in-process does', async () => {
    const head = await api('HEAD', '/v1/account');
    expect(head.status).toBe(405);
    expect(head.headers.get('allow')).toBe('GET, PATCH');
    expect(server.mock.journal.at(-1)).toMatchObject({ method: 'HEAD', path: '/v1/account' });
  });

  it('starts on the seeded time under the manual clock, and on the wall clock by default', async () => {
    expect(server.mock.clock.now().toISOString()).toBe(SEEDED_START);
    const real = await startStandalone({ port: 0 });
    try {
      expect(Math.abs(real.mock.clock.now().getTime() - Date.now())).toBeLessThan(5_000);
    } finally {
      await real.close();
    }
  });

  it('answers an unknown path with the 404 envelope', async () => {
    const outside = await control('GET', '/nothing/here');
    expectRefusal(outside, 404, 'resource_not_found', null);
    expect(outside.body.error.type).toBe('not_found_error');
    expect(outside.body.error.message).toContain('GET /nothing/here');
    expectRefusal(await control('POST', '/__mock/nothing'), 404, 'resource_not_found', null);
    expectRefusal(await control('GET', '//elsewhere.test/v1/account'), 404, 'resource_not_found', null);
    expectRefusal(await api('GET', '/v1/nothing'), 404, 'resource_not_found', null);
  });

  it('frees its port on close()', async () => {
    const other = await startStandalone({ port: 0, seed: 2 });
    const { port } = new URL(other.url);
    await other.close();
    await expect(fetch(`${other.url}/__mock/health`)).rejects.toThrow();
    const probe = createServer();
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(Number(port), '127.0.0.1', () => resolve());
    });
    await new Promise((resolve) => probe.close(resolve));
  });

  it('refuses a port that is not one', async () => {
    await expect(startStandalone({ port: 70_000 })).rejects.toThrow(RangeError);
  });
});

describe('the clock control', () => {
  it('moves a sent message along its timeline by POST /__mock/clock/advance', async () => {
    const sent = await api('POST', '/v1/messages', { body: textMessage(server.sessionId, '+447700900123') });
    expect(sent.status).toBe(202);
    expect(sent.body.status).toBe('queued');

    const moved = await control('POST', '/__mock/clock/advance', { ms: 3_000 });
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({ now: '2026-01-01T00:00:03.000Z' });
    expect((await api('GET', `/v1/messages/${sent.body.id}`)).body.status).toBe('delivered');

    const later = await control('POST', '/__mock/clock/advance', { duration: '10s' });
    expect(later.body).toEqual({ now: '2026-01-01T00:00:13.000Z' });
    expect((await api('GET', `/v1/messages/${sent.body.id}`)).body.status).toBe('read');
    expect((await control('GET', '/__mock/clock')).body).toEqual({ now: '2026-01-01T00:00:13.000Z' });
  });

  it('refuses a bad advance, naming the field, and leaves the time alone', async () => {
    const advance = (body: unknown) => control('POST', '/__mock/clock/advance', body);
    expectRefusal(await advance({}), 422, 'parameter_missing', 'ms');
    expectRefusal(await advance({ ms: -1 }), 422, 'parameter_invalid', 'ms');
    expectRefusal(await advance({ ms: 'soon' }), 422, 'parameter_invalid', 'ms');
    expectRefusal(await advance({ duration: 'a while' }), 422, 'parameter_invalid', 'duration');
    expectRefusal(await advance({ ms: 1, duration: '1s' }), 422, 'parameter_invalid', 'duration');
    expectRefusal(await advance({ seconds: 5 }), 400, 'unknown_parameter', 'seconds');
    expectRefusal(
      await control('POST', '/__mock/clock/advance', undefined, { raw: '{"ms":' }),
      400,
      'invalid_json',
      null,
    );
    expect(server.mock.clock.now().toISOString()).toBe(SEEDED_START);
  });
});

describe('the fault controls', () => {
  it('injects a status fault by POST /__mock/faults, lists it, and clears it by DELETE', async () => {
    const injected = await control('POST', '/__mock/faults', {
      method: 'GET',
      path: '/v1/account',
      status: 503,
      retry_after: 2,
      times: 1,
    });
    expect(injected.status).toBe(201);
    expect(injected.body).toMatchObject({ id: expect.any(String), path: '/v1/account', retry_after: 2 });
    expect(injected.headers.get('aulm-request-id')).toMatch(/^req_/);

    const failed = await api('GET', '/v1/account');
    expect(failed.status).toBe(503);
    expect(failed.body.error.type).toBe('api_error');
    expect(failed.headers.get('retry-after')).toBe('2');
    expect((await api('GET', '/v1/account')).status).toBe(200);

    await control('POST', '/__mock/faults', { path: '/v1/**', status: 500 });
    expect((await control('GET', '/__mock/faults')).body).toEqual([
      expect.objectContaining({ path: '/v1/**', status: 500 }),
    ]);
    expect((await control('DELETE', '/__mock/faults')).status).toBe(204);
    expect((await control('GET', '/__mock/faults')).body).toEqual([]);
    expect((await api('GET', '/v1/account')).status).toBe(200);
  });

  it('removes one fault by DELETE /__mock/faults/{id}', async () => {
    const { id } = (await control('POST', '/__mock/faults', { path: '/v1/account', status: 500 })).body;
    expect((await control('DELETE', `/__mock/faults/${id}`)).status).toBe(204);
    expect((await api('GET', '/v1/account')).status).toBe(200);
    expectRefusal(await control('DELETE', `/__mock/faults/${id}`), 404, 'resource_not_found', 'id');
  });

  it('refuses a bad rule with 422 or 400, naming the field by its wire name', async () => {
    const inject = (body: unknown) => control('POST', '/__mock/faults', body);
    expectRefusal(await inject({ status: 503 }), 422, 'parameter_missing', 'path');
    expectRefusal(await inject({ path: '/v1/account', status: 200 }), 422, 'parameter_invalid', 'status');
    expectRefusal(await inject({ path: '/v1/account', status: '503' }), 422, 'parameter_invalid', 'status');
    const retry = await inject({ path: '/v1/account', status: 503, retry_after: -1 });
    expectRefusal(retry, 422, 'parameter_invalid', 'retry_after');
    expect(retry.body.error.message).toMatch(/^retry_after /);
    expectRefusal(
      await inject({ path: '/v1/account', network: 'boom' }),
      422,
      'parameter_invalid',
      'network',
    );
    expectRefusal(await inject({ path: 'v1/account', status: 500 }), 422, 'parameter_invalid', 'path');
    expectRefusal(await inject({ path: '/v1/account' }), 422, 'parameter_invalid', null);
    expectRefusal(await inject({ path: '/v1/account', code: 'x' }), 400, 'unknown_parameter', 'code');
    expect((await control('GET', '/__mock/faults')).body).toEqual([]);
  });

  it("cuts the connection for network: 'reset', so fetch and undici's request both fail", async () => {
    await control('POST', '/__mock/faults', { path: '/v1/account', network: 'reset', times: 2 });
    await expect(
      fetch(`${server.url}/v1/account`, { headers: { authorization: `Bearer ${server.apiKey}` } }),
    ).rejects.toThrow(TypeError);
    const failure = await request(`${server.url}/v1/account`, {
      headers: { authorization: `Bearer ${server.apiKey}` },
    }).then(
      () => null,
      (error: NodeJS.ErrnoException) => error,
    );
    expect(failure?.code).toMatch(/^(UND_ERR_SOCKET|ECONNRESET)$/);
    expect((await api('GET', '/v1/account')).status).toBe(200);
  });

  it("does the work and then cuts the connection for network: 'lost_response'", async () => {
    await control('POST', '/__mock/faults', {
      method: 'POST',
      path: '/v1/messages',
      network: 'lost_response',
    });
    await expect(
      api('POST', '/v1/messages', { body: textMessage(server.sessionId, '+447700900123') }),
    ).rejects.toThrow();
    await control('DELETE', '/__mock/faults');
    const logs = await api('GET', '/v1/logs');
    expect(logs.body.data).toHaveLength(1);
    expect(logs.body.data[0]).toMatchObject({ recipient: '+447700900123', status: 'queued' });
    expect((await api('GET', `/v1/messages/${logs.body.data[0].id}`)).status).toBe(200);
    const journal = (await control('GET', '/__mock/journal')).body.entries;
    expect(journal[0]).toMatchObject({ method: 'POST', path: '/v1/messages', fault: 'lost_response' });
  });
});

describe('the account and session controls', () => {
  it('creates an account by POST /__mock/accounts, with a key that works', async () => {
    const created = await control('POST', '/__mock/accounts', {
      region: 'us',
      name: 'Acme',
      email: 'ops@acme.test',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      account: {
        id: expect.stringMatching(/^acct_/),
        object: 'account',
        name: 'Acme',
        email: 'ops@acme.test',
        country: expect.any(String),
        region: 'us',
        created_at: SEEDED_START,
      },
      api_key: expect.stringMatching(/^aulm_test_/),
    });
    const account = await call('GET', '/v1/account', { base: server.url, key: created.body.api_key });
    expect(account.body.id).toBe(created.body.account.id);
  });

  it('refuses a bad account, naming the field', async () => {
    const create = (body: unknown) => control('POST', '/__mock/accounts', body);
    expectRefusal(await create({ region: 'mars' }), 422, 'parameter_invalid', 'region');
    expectRefusal(await create({ name: 7 }), 422, 'parameter_invalid', 'name');
    expectRefusal(await create({ nickname: 'x' }), 400, 'unknown_parameter', 'nickname');
  });

  it('pairs a session by POST /__mock/sessions/{id}/connect, as the phone would', async () => {
    const pairing = await api('POST', '/v1/sessions', { body: { name: 'Shop' } });
    expect(pairing.body.status).toBe('pairing');
    const connected = await control('POST', `/__mock/sessions/${pairing.body.id}/connect`, {
      phone_number: '+447700900456',
      device: { platform: 'ios', browser: 'Safari' },
    });
    expect(connected.status).toBe(200);
    expect(connected.body).toMatchObject({
      id: pairing.body.id,
      object: 'session',
      status: 'connected',
      phone_number: '+447700900456',
      device: { platform: 'ios', browser: 'Safari' },
      connected_at: SEEDED_START,
    });
    expect((await api('GET', `/v1/sessions/${pairing.body.id}`)).body.status).toBe('connected');
    const gone = await control('POST', `/__mock/sessions/${pairing.body.id}/disconnect`);
    expect(gone.body.status).toBe('disconnected');
  });

  it('refuses a bad connect, naming the field, and an unknown session with 404', async () => {
    const { id } = (await api('POST', '/v1/sessions', {})).body;
    const connect = (body: unknown, session = id) =>
      control('POST', `/__mock/sessions/${session}/connect`, body);
    expectRefusal(await connect({ phone_number: '12345' }), 422, 'invalid_phone_number', 'phone_number');
    expectRefusal(await connect({ device: { platform: 1 } }), 422, 'parameter_invalid', 'device.platform');
    expectRefusal(await connect({ phone: '+447700900456' }), 400, 'unknown_parameter', 'phone');
    expectRefusal(await connect({}, 'ses_000000000000000000000000'), 404, 'resource_not_found', null);
    expect((await api('GET', `/v1/sessions/${id}`)).body.status).toBe('pairing');
  });
});

describe('the journal, health and reset controls', () => {
  it('answers the journal in wire form, with its limit and the count dropped: snake_case, times as ISO strings', async () => {
    await api('GET', '/v1/account', { headers: { 'idempotency-key': 'k-1' } });
    await control('GET', '/__mock/health');
    const journal = await control('GET', '/__mock/journal');
    expect(journal.status).toBe(200);
    expect(journal.body).toEqual({
      limit: 10_000,
      dropped: 0,
      entries: [
        expect.objectContaining({
          at: SEEDED_START,
          method: 'GET',
          path: '/v1/account',
          status: 200,
          request_id: expect.stringMatching(/^req_/),
          idempotency_key: 'k-1',
          fault: null,
        }),
      ],
    });
  });

  it('answers health with 200', async () => {
    const health = await control('GET', '/__mock/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
  });

  it('resets everything but keeps the seeded quickstart key and session working', async () => {
    const before = { apiKey: server.apiKey, sessionId: server.sessionId };
    await control('POST', '/__mock/accounts', {});
    await control('POST', '/__mock/faults', { path: '/v1/logs', status: 500 });
    await control('POST', '/__mock/clock/advance', { duration: '1h' });
    const reset = await control('POST', '/__mock/reset');
    expect(reset.body).toEqual({
      api_key: before.apiKey,
      session_id: before.sessionId,
      account_id: expect.stringMatching(/^acct_/),
    });
    expect(server.mock.clock.now().toISOString()).toBe(SEEDED_START);
    expect((await control('GET', '/__mock/faults')).body).toEqual([]);
    expect((await control('GET', '/__mock/journal')).body).toEqual({
      limit: 10_000,
      dropped: 0,
      entries: [],
    });
    expect((await api('GET', '/v1/logs')).status).toBe(200);
    expect((await api('GET', `/v1/sessions/${before.sessionId}`)).body.status).toBe('connected');
  });
});
