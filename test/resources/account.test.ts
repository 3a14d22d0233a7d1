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
