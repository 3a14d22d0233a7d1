// Keys with scopes through the SDK: a read-only key reads and is refused every write, naming the scope;
// a revoked key is refused outright.
import { Aulm, AuthenticationError, PermissionDeniedError } from 'aulm';
import { startAulmMock } from 'aulm/mock-server';
import { expect, it } from 'vitest';

it('lets a logs:read key list logs, refuses each write naming the scope, and refuses it once revoked', async () => {
  const mock = await startAulmMock({ seed: 60 });
  try {
    const { apiKey, sessionId } = mock.quickstart();
    const admin = new Aulm({ apiKey });
    const created = await admin.apiKeys.create({ name: 'Dashboard', scopes: ['logs:read'] });
    expect(String(created.secret)).toMatch(/^aulm_test_••••\S{4}$/);
    const reader = new Aulm({ apiKey: created.secret!.reveal(), maxRetries: 0 });

    await expect(reader.logs.list()).resolves.toMatchObject({ data: [] });
    const writes: [string, () => Promise<unknown>][] = [
      ['messages:write', () => reader.messages.send({ sessionId, to: '+447700900123', text: 'hi' })],
      ['sessions:write', () => reader.sessions.create()],
      [
        'webhooks:write',
        () => reader.webhooks.endpoints.create({ url: 'https://hooks.example.com', events: ['*'] }),
      ],
      [
        'privacy:write',
        () => reader.privacy.requests.create({ type: 'access', subject: { type: 'account' } }),
      ],
      ['support:write', () => reader.support.tickets.create({ subject: 'Help', body: 'Please' })],
      ['account:write', () => reader.account.update({ name: 'Renamed' })],
    ];
    for (const [scope, write] of writes) {
      const error = await write().catch((e: unknown) => e);
      expect(error, scope).toBeInstanceOf(PermissionDeniedError);
      expect(error).toMatchObject({ status: 403, code: 'missing_scope' });
      expect((error as Error).message).toContain(scope);
    }

    await admin.apiKeys.revoke(created.id);
    await expect(reader.logs.list()).rejects.toBeInstanceOf(AuthenticationError);
  } finally {
    await mock.close();
  }
});
