// API keys over the wire: a key's secret shown once, its prefix and scopes, the list without secrets,
// `last_used_at` on the mock's clock, revocation (401 from then on), and one account never touching
// another's keys.
import { beforeEach, describe, expect, it } from 'vitest';
import { call, clientFor, useMock, type Wire } from './client.js';

const mock = useMock({ seed: 22 });

let apiKey: string;
let api: ReturnType<typeof clientFor>;

beforeEach(() => {
  apiKey = mock.quickstart().apiKey;
  api = clientFor(apiKey);
});

async function create(body: Wire = { name: 'Nightly export', scopes: ['logs:read'] }): Promise<Wire> {
  const answer = await api.post('/v1/api_keys', body);
  expect(answer.status).toBe(201);
  return answer.body;
}

describe('POST /v1/api_keys', () => {
  it('creates a key with its whole secret, once, its prefix and its scopes', async () => {
    const key = await create({ name: 'Dashboard', scopes: ['logs:read', 'messages:read'] });
    expect(key).toEqual({
      id: expect.stringMatching(/^key_[0-9A-Za-z]{24}$/),
      object: 'api_key',
      name: 'Dashboard',
      prefix: key.secret.slice(0, 14),
      scopes: ['logs:read', 'messages:read'],
      secret: expect.stringMatching(/^aulm_test_[0-9A-Za-z]{32}$/),
      created_at: '2026-01-01T00:00:00.000Z',
      last_used_at: null,
    });
    expect(key.prefix).toMatch(/^aulm_test_[0-9A-Za-z]{4}$/);
    const listed = (await api.get('/v1/api_keys')).body.data.find((k: Wire) => k.id === key.id);
    expect(listed).not.toHaveProperty('secret');
    expect(listed).toEqual({ ...key, secret: undefined });
  });

  it('makes a key that works, within its scopes', async () => {
    const key = await create();
    const reader = clientFor(key.secret);
    expect((await reader.get('/v1/logs')).status).toBe(200);
    expect((await reader.get('/v1/account')).status).toBe(403);
  });

  it('keeps the scopes as given, without repeats', async () => {
    const key = await create({ name: 'Twice', scopes: ['logs:read', 'webhooks:read', 'logs:read'] });
    expect(key.scopes).toEqual(['logs:read', 'webhooks:read']);
  });

  it('refuses an unknown scope, no scopes, and a missing name, with 422 naming the field', async () => {
    for (const [body, param] of [
      [{ name: 'Bad', scopes: ['logs:write'] }, 'scopes.0'],
      [{ name: 'Bad', scopes: [] }, 'scopes'],
      [{ scopes: ['*'] }, 'name'],
    ] as const) {
      const answer = await api.post('/v1/api_keys', body);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(answer.body.error.param).toBe(param);
    }
  });

  it('refuses to grant a scope the creating key does not hold: 403 missing_scope naming it', async () => {
    const writer = clientFor(
      (await create({ name: 'Admin', scopes: ['account:write', 'logs:read'] })).secret,
    );
    const answer = await writer.post('/v1/api_keys', {
      name: 'More',
      scopes: ['logs:read', 'messages:write'],
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error).toMatchObject({
      type: 'permission_error',
      code: 'missing_scope',
      param: 'scopes',
      message: expect.stringContaining('messages:write'),
    });
    const star = await writer.post('/v1/api_keys', { name: 'All', scopes: ['*'] });
    expect(star.body.error).toMatchObject({ code: 'missing_scope', message: expect.stringContaining('*') });
    expect((await writer.post('/v1/api_keys', { name: 'Less', scopes: ['logs:read'] })).status).toBe(201);
  });
});

describe('GET /v1/api_keys', () => {
  it('lists the keys newest first, without secrets, and pages', async () => {
    const a = await create({ name: 'A', scopes: ['logs:read'] });
    const b = await create({ name: 'B', scopes: ['logs:read'] });
    const page = await api.get('/v1/api_keys?limit=2');
    expect(page.status).toBe(200);
    expect(page.body.data.map((key: Wire) => key.id)).toEqual([b.id, a.id]);
    expect(page.body.has_more).toBe(true);
    for (const key of page.body.data) expect(key).not.toHaveProperty('secret');
    const rest = await api.get(`/v1/api_keys?limit=2&cursor=${page.body.next_cursor}`);
    expect(rest.body.data.map((key: Wire) => key.name)).toEqual(['Default']);
    expect(rest.body.has_more).toBe(false);
  });

  it("moves a key's last_used_at on each authenticated use, on the mock's clock", async () => {
    const key = await create();
    await mock.clock.advance('1h');
    await clientFor(key.secret).get('/v1/logs');
    const used = async () =>
      (await api.get('/v1/api_keys')).body.data.find((k: Wire) => k.id === key.id).last_used_at;
    expect(await used()).toBe('2026-01-01T01:00:00.000Z');
    await mock.clock.advance('2d');
    await clientFor(key.secret).get('/v1/account'); // refused by scope, but authenticated: it counts
    expect(await used()).toBe('2026-01-03T01:00:00.000Z');
  });

  it("shows only the caller's account's keys", async () => {
    const other = clientFor(mock.accounts.create().apiKey);
    await create();
    expect((await other.get('/v1/api_keys')).body.data.map((key: Wire) => key.name)).toEqual(['Default']);
  });
});

describe('DELETE /v1/api_keys/{id}', () => {
  it('revokes a key: it answers 401 from then on, and leaves the list', async () => {
    const key = await create();
    const reader = clientFor(key.secret);
    expect((await reader.get('/v1/logs')).status).toBe(200);
    const revoked = await api.delete(`/v1/api_keys/${key.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: key.id, object: 'api_key', prefix: key.prefix });
    expect(revoked.body).not.toHaveProperty('secret');
    const refused = await reader.get('/v1/logs');
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({ type: 'authentication_error', code: 'invalid_api_key' });
    expect(refused.body.error.message).toContain('revoked');
    expect(refused.body.error.message).not.toContain(key.secret);
    const ids = (await api.get('/v1/api_keys')).body.data.map((k: Wire) => k.id);
    expect(ids).not.toContain(key.id);
  });

  it('answers 404 for a key revoked already, an unknown key, and another account’s key', async () => {
    const key = await create();
    await api.delete(`/v1/api_keys/${key.id}`);
    expect((await api.delete(`/v1/api_keys/${key.id}`)).status).toBe(404);
    expect((await api.delete('/v1/api_keys/key_000000000000000000000000')).status).toBe(404);
    const other = clientFor(mock.accounts.create().apiKey);
    const theirs = (await other.post('/v1/api_keys', { name: 'Theirs', scopes: ['logs:read'] })).body;
    const answer = await api.delete(`/v1/api_keys/${theirs.id}`);
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('resource_not_found');
    expect((await clientFor(theirs.secret).get('/v1/logs')).status).toBe(200);
  });

  it('may revoke the very key it is called with', async () => {
    const own = (await api.get('/v1/api_keys')).body.data[0];
    expect((await api.delete(`/v1/api_keys/${own.id}`)).status).toBe(200);
    expect((await call('GET', '/v1/account', { key: apiKey })).status).toBe(401);
  });
});
