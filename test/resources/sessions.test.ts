import { describe, expect, it } from 'vitest';
import { Aulm } from '../../src/client.js';
import { FakeAPI, ok, TEST_KEY, wireList, wireSession } from '../core/fake-api.js';

function client() {
  const api = new FakeAPI();
  return { api, aulm: new Aulm({ apiKey: TEST_KEY, fetch: api.fetch }) };
}

describe('sessions', () => {
  it('creates a session with POST /v1/sessions, an empty body when no params are given', async () => {
    const { api, aulm } = client();
    api.reply({ status: 201, body: wireSession() }, { status: 201, body: wireSession() });
    const session = await aulm.sessions.create();
    await aulm.sessions.create({ name: 'Support' });
    expect(api.requests.map(({ method, url, body }) => [method, url.pathname, body])).toEqual([
      ['POST', '/v1/sessions', {}],
      ['POST', '/v1/sessions', { name: 'Support' }],
    ]);
    expect(session).toMatchObject({
      id: 'ses_1',
      status: 'pairing',
      pairingCode: 'ABCD1234',
      phoneNumber: null,
    });
    expect(session.pairingExpiresAt).toBeInstanceOf(Date);
  });

  it('rejects a name that is too long locally', async () => {
    const { api, aulm } = client();
    await expect(aulm.sessions.create({ name: 'x'.repeat(101) })).rejects.toMatchObject({
      status: 422,
      param: 'name',
    });
    expect(api.requests).toHaveLength(0);
  });

  it('lists sessions with GET /v1/sessions and its filters', async () => {
    const { api, aulm } = client();
    api.reply(ok(wireList([wireSession({ status: 'connected', phone_number: '+14155550123' })])));
    const page = await aulm.sessions.list({ status: 'connected', limit: 10 });
    expect(api.requests[0]?.url.search).toBe('?limit=10&status=connected');
    expect(`${page.data[0]?.phoneNumber}`).toBe('+1 ••••••0123');
  });

  it('gets and deletes a session by id', async () => {
    const { api, aulm } = client();
    api.reply(ok(wireSession()), ok(wireSession({ status: 'disconnected' })));
    await aulm.sessions.get('ses_1');
    const deleted = await aulm.sessions.delete('ses_1');
    expect(api.requests.map(({ method, url }) => `${method} ${url.pathname}`)).toEqual([
      'GET /v1/sessions/ses_1',
      'DELETE /v1/sessions/ses_1',
    ]);
    expect(api.requests[1]?.headers.has('idempotency-key')).toBe(false);
    expect(deleted.status).toBe('disconnected');
  });
});
