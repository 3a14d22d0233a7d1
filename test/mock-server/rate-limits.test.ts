// Rate limits per API key: a token bucket refilled on the mock's clock, reported on every authenticated
// response in `ratelimit-*` headers, and a 429 with `retry-after` once the bucket is empty.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAulmMock } from '../../mock-server/index.js';
import { type Answer, call, clientFor, textMessage } from './client.js';

const tight = createAulmMock({ seed: 17, rateLimit: { requestsPerSecond: 2, burst: 3 } });
const roomy = createAulmMock({
  seed: 17,
  hosts: ['https://api.aulm.test', 'https://eu.api.aulm.test', 'https://us.api.aulm.test'],
});
const server = setupServer(...tight.handlers, ...roomy.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  tight.reset();
  roomy.reset();
});
afterAll(async () => {
  server.close();
  await tight.close();
  await roomy.close();
});

function limits(answer: Answer) {
  return ['limit', 'remaining', 'reset'].map((name) => answer.headers.get(`ratelimit-${name}`));
}

describe('the ratelimit headers', () => {
  it('are on every response to a valid key, whatever its status, and on none without one', async () => {
    const { apiKey } = roomy.quickstart();
    const api = clientFor(apiKey, 'https://api.aulm.test');
    expect(limits(await api.get('/v1/account'))).toEqual(['10000', '9999', '1']);
    expect(limits(await api.get('/v1/messages/msg_nope'))).toEqual(['10000', '9998', '1']);
    expect(limits(await api.post('/v1/sessions', { colour: 'red' }))).toEqual(['10000', '9997', '1']);
    const wrongRegion = await clientFor(apiKey, 'https://us.api.aulm.test').get('/v1/account');
    expect(wrongRegion.status).toBe(421);
    expect(limits(wrongRegion)).toEqual(['10000', '9996', '1']);
    const unauthenticated = await call('GET', '/v1/account', { base: 'https://api.aulm.test' });
    expect(unauthenticated.status).toBe(401);
    expect(limits(unauthenticated)).toEqual([null, null, null]);
  });

  it('report the bucket: its size, the whole tokens left, and the seconds until it is full again', async () => {
    const api = clientFor(tight.quickstart().apiKey);
    expect(limits(await api.get('/v1/account'))).toEqual(['3', '2', '1']);
    expect(limits(await api.get('/v1/account'))).toEqual(['3', '1', '1']);
    expect(limits(await api.get('/v1/account'))).toEqual(['3', '0', '2']);
    await tight.clock.advance('500ms');
    expect(limits(await api.get('/v1/account'))).toEqual(['3', '0', '2']);
    await tight.clock.advance('2s');
    expect(limits(await api.get('/v1/account'))).toEqual(['3', '2', '1']);
  });
});

describe('an empty bucket', () => {
  it('answers the 4th request in the same instant 429 rate_limited with retry-after, until time refills it', async () => {
    const api = clientFor(tight.quickstart().apiKey);
    for (let index = 0; index < 3; index++) expect((await api.get('/v1/account')).status).toBe(200);
    const refused = await api.get('/v1/account');
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limited', param: null });
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(limits(refused)).toEqual(['3', '0', '2']);
    expect(refused.body.error.request_id).toBe(refused.headers.get('aulm-request-id'));

    await tight.clock.advance('1s');
    expect((await api.get('/v1/account')).status).toBe(200);
    expect((await api.get('/v1/account')).status).toBe(200);
    expect((await api.get('/v1/account')).status).toBe(429);
  });

  it('does no work on a refused request, and holds no idempotency key for it', async () => {
    const { apiKey, sessionId } = tight.quickstart();
    const api = clientFor(apiKey);
    for (let index = 0; index < 3; index++) await api.get('/v1/account');
    const body = textMessage(sessionId, '+447700900123');
    const refused = await api.post('/v1/messages', body, { headers: { 'idempotency-key': 'k' } });
    expect(refused.status).toBe(429);
    await tight.clock.advance('1s');
    const sent = await api.post('/v1/messages', body, { headers: { 'idempotency-key': 'k' } });
    expect(sent.status).toBe(202);
    expect(sent.headers.get('idempotent-replayed')).toBeNull();
    expect((await api.get('/v1/logs')).body.data).toHaveLength(1);
  });

  it('belongs to one key: another key still has its own bucket', async () => {
    const first = clientFor(tight.quickstart().apiKey);
    const second = clientFor(tight.accounts.create().apiKey);
    for (let index = 0; index < 3; index++) await first.get('/v1/account');
    expect((await first.get('/v1/account')).status).toBe(429);
    expect((await second.get('/v1/account')).status).toBe(200);
  });

  it('is counted on refusals after auth too: a 421 takes a token', async () => {
    const { apiKey } = tight.quickstart();
    const wrongHost = clientFor(apiKey, 'https://us.api.aulm.io');
    for (let index = 0; index < 3; index++) expect((await wrongHost.get('/v1/account')).status).toBe(421);
    expect((await clientFor(apiKey).get('/v1/account')).status).toBe(429);
  });

  it('is full again after reset()', async () => {
    const api = clientFor(tight.quickstart().apiKey);
    for (let index = 0; index < 3; index++) await api.get('/v1/account');
    tight.reset();
    const fresh = clientFor(tight.quickstart().apiKey);
    expect(limits(await fresh.get('/v1/account'))).toEqual(['3', '2', '1']);
  });
});

describe('the rateLimit option', () => {
  it('refuses a bucket that could never serve a request, naming the field', () => {
    expect(() => createAulmMock({ rateLimit: { burst: 0 } })).toThrow(
      new TypeError('rateLimit.burst must be a whole number, 1 or more, not 0'),
    );
    expect(() => createAulmMock({ rateLimit: { requestsPerSecond: -1 } })).toThrow(
      /^rateLimit\.requestsPerSecond must be a positive number/,
    );
  });
});
