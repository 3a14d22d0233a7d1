import { describe, expect, it } from 'vitest';
import { Aulm } from '../../src/client.js';
import { FakeAPI, ok, TEST_KEY, wireAccount } from '../core/fake-api.js';

describe('account', () => {
  it('gets /v1/account', async () => {
    const api = new FakeAPI().reply(ok(wireAccount()));
    const account = await new Aulm({ apiKey: TEST_KEY, fetch: api.fetch }).account.get();
    expect(api.requests[0]).toMatchObject({ method: 'GET', body: undefined });
    expect(api.requests[0]?.url.href).toBe('https://api.aulm.io/v1/account');
    expect(account).toMatchObject({ id: 'acct_1', object: 'account', region: 'eu' });
    expect(account.createdAt).toBeInstanceOf(Date);
  });

  it('takes request options as its last argument', async () => {
    const api = new FakeAPI().reply(ok(wireAccount()));
    await new Aulm({ apiKey: TEST_KEY, fetch: api.fetch }).account.get({
      headers: { 'x-request-source': 'cron' },
    });
    expect(api.requests[0]?.headers.get('x-request-source')).toBe('cron');
  });
});

describe('account.update', () => {
  it('patches /v1/account with the new name and email, and returns the account', async () => {
    const api = new FakeAPI().reply(ok(wireAccount({ name: 'Acme Ltd', email: 'privacy@acme.test' })));
    const account = await new Aulm({ apiKey: TEST_KEY, fetch: api.fetch }).account.update({
      name: 'Acme Ltd',
      email: 'privacy@acme.test',
    });
    expect(api.requests[0]).toMatchObject({
      method: 'PATCH',
      body: { name: 'Acme Ltd', email: 'privacy@acme.test' },
    });
    expect(api.requests[0]?.url.href).toBe('https://api.aulm.io/v1/account');
    expect(api.requests[0]?.headers.has('idempotency-key')).toBe(false);
    expect(account).toMatchObject({ id: 'acct_1', name: 'Acme Ltd', email: 'privacy@acme.test' });
  });

  it('rejects a bad email or a field it cannot change locally, and sends nothing', async () => {
    const api = new FakeAPI();
    const aulm = new Aulm({ apiKey: TEST_KEY, fetch: api.fetch });
    await expect(aulm.account.update({ email: 'not an email' })).rejects.toMatchObject({
      name: 'UnprocessableEntityError',
      code: 'parameter_invalid',
      param: 'email',
    });
    await expect(aulm.account.update({ region: 'us' } as never)).rejects.toMatchObject({
      name: 'BadRequestError',
      code: 'unknown_parameter',
      param: 'region',
    });
    expect(api.requests).toHaveLength(0);
  });
});
