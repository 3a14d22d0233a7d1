// Scopes on every route: a key reads with `<resource>:read` and writes with `<resource>:write`, `*` does
// everything, and a route outside the key's scopes is `403 permission_error` `missing_scope` naming the
// scope, whatever the body, before anything is checked or changed.
import { beforeEach, describe, expect, it } from 'vitest';
import { clientFor, textMessage, useMock, type Wire } from './client.js';

const mock = useMock({ seed: 23 });

const ID = '000000000000000000000000';

// Every route of the API, with the scope it takes. Bodies are what a real call would send; they do not
// matter to a refusal, which comes first.
const ROUTES: Array<{ method: string; path: string; scope: string; body?: (sessionId: string) => unknown }> =
  [
    { method: 'GET', path: '/v1/account', scope: 'account:read' },
    { method: 'PATCH', path: '/v1/account', scope: 'account:write', body: () => ({ name: 'Renamed' }) },
    { method: 'GET', path: '/v1/api_keys', scope: 'account:read' },
    {
      method: 'POST',
      path: '/v1/api_keys',
      scope: 'account:write',
      // A key grants only scopes it holds itself.
      body: () => ({ name: 'More', scopes: ['account:write'] }),
    },
    { method: 'DELETE', path: `/v1/api_keys/key_${ID}`, scope: 'account:write' },
    { method: 'POST', path: '/v1/sessions', scope: 'sessions:write', body: () => ({}) },
    { method: 'GET', path: '/v1/sessions', scope: 'sessions:read' },
    { method: 'GET', path: `/v1/sessions/ses_${ID}`, scope: 'sessions:read' },
    { method: 'DELETE', path: `/v1/sessions/ses_${ID}`, scope: 'sessions:write' },
    {
      method: 'POST',
      path: '/v1/messages',
      scope: 'messages:write',
      body: (sessionId) => textMessage(sessionId, '+447700900123'),
    },
    { method: 'GET', path: `/v1/messages/msg_${ID}`, scope: 'messages:read' },
    { method: 'GET', path: '/v1/logs', scope: 'logs:read' },
    { method: 'GET', path: `/v1/logs/msg_${ID}`, scope: 'logs:read' },
    {
      method: 'POST',
      path: '/v1/webhook_endpoints',
      scope: 'webhooks:write',
      body: () => ({ url: 'https://hooks.example.com', events: ['*'] }),
    },
    { method: 'GET', path: '/v1/webhook_endpoints', scope: 'webhooks:read' },
    { method: 'GET', path: `/v1/webhook_endpoints/whe_${ID}`, scope: 'webhooks:read' },
    { method: 'PATCH', path: `/v1/webhook_endpoints/whe_${ID}`, scope: 'webhooks:write', body: () => ({}) },
    { method: 'DELETE', path: `/v1/webhook_endpoints/whe_${ID}`, scope: 'webhooks:write' },
    { method: 'POST', path: `/v1/webhook_endpoints/whe_${ID}/rotate_secret`, scope: 'webhooks:write' },
    { method: 'GET', path: '/v1/webhook_deliveries', scope: 'webhooks:read' },
    { method: 'GET', path: `/v1/webhook_deliveries/whd_${ID}`, scope: 'webhooks:read' },
    { method: 'POST', path: `/v1/webhook_deliveries/whd_${ID}/retry`, scope: 'webhooks:write' },
    {
      method: 'POST',
      path: '/v1/privacy_requests',
      scope: 'privacy:write',
      body: () => ({ type: 'access', subject: { type: 'account' } }),
    },
    { method: 'GET', path: '/v1/privacy_requests', scope: 'privacy:read' },
    { method: 'GET', path: `/v1/privacy_requests/prq_${ID}`, scope: 'privacy:read' },
    { method: 'POST', path: `/v1/privacy_requests/prq_${ID}/cancel`, scope: 'privacy:write' },
    { method: 'POST', path: `/v1/privacy_requests/prq_${ID}/lift`, scope: 'privacy:write' },
    {
      method: 'POST',
      path: `/v1/privacy_requests/prq_${ID}/extend`,
      scope: 'privacy:write',
      body: () => ({ reason: 'Complex request' }),
    },
    { method: 'GET', path: `/v1/privacy_requests/prq_${ID}/export`, scope: 'privacy:read' },
    {
      method: 'POST',
      path: '/v1/support/tickets',
      scope: 'support:write',
      body: () => ({ subject: 'Help', body: 'Please' }),
    },
    { method: 'GET', path: '/v1/support/tickets', scope: 'support:read' },
    { method: 'GET', path: `/v1/support/tickets/tkt_${ID}`, scope: 'support:read' },
    {
      method: 'POST',
      path: `/v1/support/tickets/tkt_${ID}/messages`,
      scope: 'support:write',
      body: () => ({ body: 'More' }),
    },
    {
      method: 'POST',
      path: `/v1/support/tickets/tkt_${ID}/csat`,
      scope: 'support:write',
      body: () => ({ score: 5 }),
    },
  ];

let admin: ReturnType<typeof clientFor>;
let sessionId: string;

beforeEach(() => {
  const start = mock.quickstart();
  admin = clientFor(start.apiKey);
  sessionId = start.sessionId;
});

async function keyWith(...scopes: string[]): Promise<ReturnType<typeof clientFor>> {
  const answer = await admin.post('/v1/api_keys', { name: scopes.join(' '), scopes });
  expect(answer.status).toBe(201);
  return clientFor(answer.body.secret);
}

function send(api: ReturnType<typeof clientFor>, route: (typeof ROUTES)[number]): Promise<Wire> {
  const body = route.body?.(sessionId);
  if (route.method === 'GET') return api.get(route.path);
  if (route.method === 'DELETE') return api.delete(route.path);
  if (route.method === 'PATCH') return api.patch(route.path, body);
  return api.post(route.path, body);
}

describe('a key with only logs:read', () => {
  it('lists logs and reads one', async () => {
    const reader = await keyWith('logs:read');
    const sent = (await admin.post('/v1/messages', textMessage(sessionId, '+447700900123'))).body;
    const list = await reader.get('/v1/logs');
    expect(list.status).toBe(200);
    expect(list.body.data.map((log: Wire) => log.id)).toEqual([sent.id]);
    expect((await reader.get(`/v1/logs/${sent.id}`)).status).toBe(200);
  });

  it.each(ROUTES.filter((route) => route.scope !== 'logs:read'))(
    'is refused $method $path with 403 missing_scope naming $scope',
    async (route) => {
      const reader = await keyWith('logs:read');
      const answer = await send(reader, route);
      expect(answer.status).toBe(403);
      expect(answer.body.error).toEqual({
        type: 'permission_error',
        code: 'missing_scope',
        message: expect.stringContaining(route.scope),
        param: null,
        request_id: answer.headers.get('aulm-request-id'),
      });
    },
  );

  it('changes nothing when refused a write', async () => {
    const reader = await keyWith('logs:read');
    await reader.post('/v1/messages', textMessage(sessionId, '+447700900123'));
    await reader.patch('/v1/account', { name: 'Renamed' });
    expect((await admin.get('/v1/logs')).body.data).toEqual([]);
    expect((await admin.get('/v1/account')).body.name).toBe('Test account');
  });
});

describe('each route takes its own scope', () => {
  it.each(ROUTES)('$method $path passes the scope check with $scope alone', async (route) => {
    const answer = await send(await keyWith(route.scope), route);
    expect(answer.body?.error?.code).not.toBe('missing_scope');
    expect(answer.status).not.toBe(403);
    // The route exists: not the 404 of an unknown URL.
    expect(answer.body?.error?.message ?? '').not.toMatch(/^Unrecognized request URL/);
  });

  it.each(ROUTES)('$method $path passes the scope check with *', async (route) => {
    const answer = await send(await keyWith('*'), route);
    expect(answer.status).not.toBe(403);
  });

  it('a read scope does not write, and a write scope does not read', async () => {
    const read = await keyWith('sessions:read');
    expect((await read.post('/v1/sessions', {})).body.error.message).toContain('sessions:write');
    const write = await keyWith('sessions:write');
    expect((await write.get('/v1/sessions')).body.error.message).toContain('sessions:read');
  });
});
