// The account over the wire: read it, change its name and email, and a bad email changes nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { clientFor, useMock } from './client.js';

const mock = useMock({ seed: 21 });

let api: ReturnType<typeof clientFor>;

beforeEach(() => {
  api = clientFor(mock.quickstart().apiKey);
});

describe('PATCH /v1/account', () => {
  it('changes the name and the email given, and returns the account as it now is', async () => {
    const before = (await api.get('/v1/account')).body;
    const answer = await api.patch('/v1/account', { name: 'Acme Ltd', email: 'privacy@acme.example' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ...before, name: 'Acme Ltd', email: 'privacy@acme.example' });
    expect((await api.get('/v1/account')).body).toEqual(answer.body);
  });

  it('changes only what is given: an empty body changes nothing', async () => {
    await api.patch('/v1/account', { email: 'ops@acme.example' });
    const answer = await api.patch('/v1/account', { name: 'Renamed' });
    expect(answer.body).toMatchObject({ name: 'Renamed', email: 'ops@acme.example' });
    expect((await api.patch('/v1/account', {})).body).toEqual(answer.body);
  });

  it('refuses a bad email with 422 naming email, and changes nothing', async () => {
    const before = (await api.get('/v1/account')).body;
    const answer = await api.patch('/v1/account', { name: 'Other', email: 'not-an-email' });
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatchObject({ type: 'invalid_request_error', param: 'email' });
    expect((await api.get('/v1/account')).body).toEqual(before);
  });

  it('refuses an unknown field and an empty name', async () => {
    expect((await api.patch('/v1/account', { country: 'FR' })).status).toBe(400);
    const empty = await api.patch('/v1/account', { name: '' });
    expect(empty.status).toBe(422);
    expect(empty.body.error.param).toBe('name');
  });

  it("changes only the caller's own account", async () => {
    const other = clientFor(mock.accounts.create({ name: 'Other' }).apiKey);
    await api.patch('/v1/account', { name: 'Mine' });
    expect((await other.get('/v1/account')).body.name).toBe('Other');
  });
});
