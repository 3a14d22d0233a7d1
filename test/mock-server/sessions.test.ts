// Sessions over the wire: pairing with a code that expires after five minutes on the manual clock,
// what the phone does (connect, disconnect), listing, reading and logging out.
import { describe, expect, it } from 'vitest';
import { clientFor, useMock } from './client.js';

const mock = useMock({ seed: 3 });

function account() {
  const { apiKey, account } = mock.accounts.create();
  return { api: clientFor(apiKey), account };
}

describe('POST /v1/sessions', () => {
  it('creates a session in pairing, with an 8-character code valid for five minutes', async () => {
    const { api, account: owner } = account();
    const answer = await api.post('/v1/sessions', { name: 'Front desk' });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      id: expect.stringMatching(/^ses_[0-9A-Za-z]{24}$/),
      object: 'session',
      name: 'Front desk',
      status: 'pairing',
      pairing_code: expect.stringMatching(/^[A-Z2-9]{8}$/),
      pairing_expires_at: '2026-01-01T00:05:00.000Z',
      phone_number: null,
      device: null,
      country: null,
      region: owner.region,
      created_at: '2026-01-01T00:00:00.000Z',
      connected_at: null,
      last_seen_at: null,
    });
  });

  it('accepts an empty body (the name is optional)', async () => {
    const { api } = account();
    const answer = await api.post('/v1/sessions');
    expect(answer.status).toBe(201);
    expect(answer.body.name).toBeNull();
  });

  it('expires a session left unpaired for five minutes, and not a moment before', async () => {
    const { api } = account();
    const { body: created } = await api.post('/v1/sessions');
    await mock.clock.advance(5 * 60_000 - 1);
    expect((await api.get(`/v1/sessions/${created.id}`)).body.status).toBe('pairing');
    await mock.clock.advance(1);
    const expired = (await api.get(`/v1/sessions/${created.id}`)).body;
    expect(expired.status).toBe('expired');
    expect(expired.pairing_code).toBeNull();
  });

  it('does not expire a session paired in time', async () => {
    const { api } = account();
    const { body: created } = await api.post('/v1/sessions');
    await mock.clock.advance('4m');
    mock.sessions.connect(created.id);
    await mock.clock.advance('1h');
    expect((await api.get(`/v1/sessions/${created.id}`)).body.status).toBe('connected');
  });
});

describe('the phone: sessions.connect and sessions.disconnect', () => {
  it('connects a pairing session with the phone number and device given', async () => {
    const { api } = account();
    const { body: created } = await api.post('/v1/sessions');
    await mock.clock.advance('30s');
    const connected = mock.sessions.connect(created.id, {
      phoneNumber: '+447700900777',
      device: { platform: 'ios', browser: 'Safari' },
    });
    expect(connected.status).toBe('connected');
    const read = (await api.get(`/v1/sessions/${created.id}`)).body;
    expect(read).toMatchObject({
      status: 'connected',
      phone_number: '+447700900777',
      device: { platform: 'ios', browser: 'Safari' },
      country: 'GB',
      pairing_code: null,
      pairing_expires_at: null,
      connected_at: '2026-01-01T00:00:30.000Z',
      last_seen_at: '2026-01-01T00:00:30.000Z',
    });
  });

  it('makes up a phone number in the account region when none is given', async () => {
    const { apiKey } = mock.accounts.create({ region: 'us' });
    const api = clientFor(apiKey);
    const { body: created } = await api.post('/v1/sessions');
    const connected = mock.sessions.connect(created.id);
    expect(connected.phoneNumber?.e164).toMatch(/^\+120255501\d\d$/);
    expect(connected.country).toBe('US');
  });

  it('refuses to connect an expired session', async () => {
    const { api } = account();
    const { body: created } = await api.post('/v1/sessions');
    await mock.clock.advance('5m');
    expect(() => mock.sessions.connect(created.id)).toThrow(/expired/);
  });

  it('disconnects a connected session, as a logout from the phone', async () => {
    const { apiKey, sessionId } = mock.quickstart();
    mock.sessions.disconnect(sessionId);
    expect((await clientFor(apiKey).get(`/v1/sessions/${sessionId}`)).body.status).toBe('disconnected');
  });
});

describe('GET /v1/sessions', () => {
  it('lists the sessions newest first, filtered by status', async () => {
    const { api } = account();
    const ids: string[] = [];
    for (const name of ['one', 'two', 'three']) ids.push((await api.post('/v1/sessions', { name })).body.id);
    mock.sessions.connect(ids[1]!);

    const all = await api.get('/v1/sessions');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ object: 'list', has_more: false, next_cursor: null });
    expect(all.body.data.map((session: { id: string }) => session.id)).toEqual([...ids].reverse());

    const connected = await api.get('/v1/sessions?status=connected');
    expect(connected.body.data.map((session: { id: string }) => session.id)).toEqual([ids[1]]);
  });

  it('pages with limit and cursor', async () => {
    const { api } = account();
    for (let index = 0; index < 5; index++) await api.post('/v1/sessions', { name: `till ${index}` });
    const first = await api.get('/v1/sessions?limit=2');
    expect(first.body.data.map((session: { name: string }) => session.name)).toEqual(['till 4', 'till 3']);
    expect(first.body.has_more).toBe(true);
    const second = await api.get(`/v1/sessions?limit=2&cursor=${first.body.next_cursor}`);
    expect(second.body.data.map((session: { name: string }) => session.name)).toEqual(['till 2', 'till 1']);
    const third = await api.get(`/v1/sessions?limit=2&cursor=${second.body.next_cursor}`);
    expect(third.body.data.map((session: { name: string }) => session.name)).toEqual(['till 0']);
    expect(third.body).toMatchObject({ has_more: false, next_cursor: null });
  });

  it('answers 422 for an unknown status', async () => {
    const { api } = account();
    const answer = await api.get('/v1/sessions?status=asleep');
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatchObject({ code: 'parameter_invalid', param: 'status' });
  });
});

describe('GET and DELETE /v1/sessions/{id}', () => {
  it('answers 404 naming an unknown session', async () => {
    const { api } = account();
    const answer = await api.get('/v1/sessions/ses_missing');
    expect(answer.status).toBe(404);
    expect(answer.body.error).toMatchObject({
      type: 'not_found_error',
      code: 'resource_not_found',
      message: 'No such session: ses_missing',
    });
    expect((await api.delete('/v1/sessions/ses_missing')).status).toBe(404);
  });

  it('logs a connected session out and returns it disconnected', async () => {
    const { apiKey, sessionId } = mock.quickstart();
    const api = clientFor(apiKey);
    await mock.clock.advance('1m');
    const answer = await api.delete(`/v1/sessions/${sessionId}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: sessionId,
      status: 'disconnected',
      last_seen_at: '2026-01-01T00:01:00.000Z',
    });
    expect((await api.get(`/v1/sessions/${sessionId}`)).body.status).toBe('disconnected');
    expect((await api.delete(`/v1/sessions/${sessionId}`)).body.status).toBe('disconnected');
  });

  it('cancels a pairing session, which then never expires', async () => {
    const { api } = account();
    const { body: created } = await api.post('/v1/sessions');
    expect((await api.delete(`/v1/sessions/${created.id}`)).body.status).toBe('disconnected');
    await mock.clock.advance('10m');
    expect((await api.get(`/v1/sessions/${created.id}`)).body.status).toBe('disconnected');
  });
});
