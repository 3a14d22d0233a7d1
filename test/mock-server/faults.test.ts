// Fault injection through plain fetch (MSW's setupServer): each kind of fault (an error status in the
// envelope, a delay, a connection reset, a lost response), which requests a rule hits (method, path
// patterns, times, probability), the rule's handle and the journal. `faults-undici.test.ts` has the same
// through the undici dispatcher, and the seeded draws.
import { describe, expect, it } from 'vitest';
import { call, clientFor, textMessage, useMock } from './client.js';

const mock = useMock({ seed: 19 });

function start() {
  const { apiKey, sessionId } = mock.quickstart();
  return { api: clientFor(apiKey), sessionId };
}

describe('a status fault', () => {
  it('answers the status in the error envelope, before auth and without doing the work', async () => {
    const { api, sessionId } = start();
    mock.faults.inject({ method: 'POST', path: '/v1/messages', status: 503, times: 1 });
    const answer = await api.post('/v1/messages', textMessage(sessionId, '+447700900123'));
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({
      error: {
        type: 'api_error',
        code: 'service_unavailable',
        message: expect.stringContaining('Injected fault'),
        param: null,
        request_id: answer.headers.get('aulm-request-id'),
      },
    });
    expect(answer.headers.get('retry-after')).toBeNull();
    expect(answer.headers.get('ratelimit-limit')).toBeNull();
    expect((await api.get('/v1/logs')).body.data).toEqual([]);
    expect(mock.journal[0]).toMatchObject({ method: 'POST', status: 503, fault: 'status 503' });
  });

  it('hits a request without a key the same, as faults come before auth', async () => {
    mock.faults.inject({ path: '/v1/account', status: 500 });
    const answer = await call('GET', '/v1/account');
    expect(answer.status).toBe(500);
    expect(answer.body.error).toMatchObject({ type: 'api_error', code: 'internal_error' });
  });

  it('gives each status its type and a fitting code, and retry-after where asked', async () => {
    const { api } = start();
    const cases: Array<[number, number | undefined, string, string, string | null]> = [
      [429, undefined, 'rate_limit_error', 'rate_limited', '1'],
      [429, 7, 'rate_limit_error', 'rate_limited', '7'],
      [503, 5, 'api_error', 'service_unavailable', '5'],
      [408, undefined, 'invalid_request_error', 'request_timeout', null],
      [502, undefined, 'api_error', 'bad_gateway', null],
      [404, undefined, 'not_found_error', 'resource_not_found', null],
    ];
    for (const [status, retryAfter, type, code, header] of cases) {
      const handle = mock.faults.inject({
        path: '/v1/account',
        status,
        ...(retryAfter === undefined ? {} : { retryAfter }),
      });
      const answer = await api.get('/v1/account');
      handle.remove();
      expect([answer.status, answer.body.error.type, answer.body.error.code]).toEqual([status, type, code]);
      expect(answer.headers.get('retry-after')).toBe(header);
    }
  });
});

describe('a delay fault', () => {
  it('waits the given real time, then answers normally', async () => {
    const { api } = start();
    mock.faults.inject({ path: '/v1/account', delay: 150 });
    const started = performance.now();
    const answer = await api.get('/v1/account');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(answer.status).toBe(200);
    expect(answer.body.object).toBe('account');
    expect(mock.journal[0]).toMatchObject({ status: 200, fault: 'delay 150' });
  });

  it('delays a refused request too, and a status after its delay', async () => {
    mock.faults.inject({ path: '/v1/account', delay: 100, times: 1 });
    mock.faults.inject({ path: '/v1/sessions', delay: 100, status: 503 });
    const started = performance.now();
    expect((await call('GET', '/v1/account')).status).toBe(401);
    expect((await call('GET', '/v1/sessions')).status).toBe(503);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(mock.journal.map((entry) => entry.fault)).toEqual(['delay 100', 'delay 100, status 503']);
  });
});

describe('a network fault', () => {
  it("'reset' cuts the connection before the work: fetch rejects and nothing is sent", async () => {
    const { api, sessionId } = start();
    mock.faults.inject({ method: 'POST', path: '/v1/messages', network: 'reset', times: 1 });
    await expect(api.post('/v1/messages', textMessage(sessionId, '+447700900123'))).rejects.toThrow(
      TypeError,
    );
    expect((await api.get('/v1/logs')).body.data).toEqual([]);
    expect(mock.journal[0]).toMatchObject({ method: 'POST', status: 0, fault: 'reset' });
  });

  it("'lost_response' does the work, then cuts: a retry with the same Idempotency-Key replays it", async () => {
    const { api, sessionId } = start();
    const body = textMessage(sessionId, '+447700900123');
    const key = { headers: { 'idempotency-key': 'order-7' } };
    mock.faults.inject({ method: 'POST', path: '/v1/messages', network: 'lost_response', times: 1 });
    await expect(api.post('/v1/messages', body, key)).rejects.toThrow(TypeError);
    const logs = (await api.get('/v1/logs')).body.data;
    expect(logs).toHaveLength(1);

    const retry = await api.post('/v1/messages', body, key);
    expect(retry.status).toBe(202);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.id).toBe(logs[0].id);
    expect((await api.get('/v1/logs')).body.data).toHaveLength(1);
    expect(mock.journal.map((entry) => [entry.method, entry.status, entry.fault])).toEqual([
      ['POST', 0, 'lost_response'],
      ['GET', 200, null],
      ['POST', 202, null],
      ['GET', 200, null],
    ]);
  });
});

describe('which requests a rule hits', () => {
  it('matches the method, in any case, and the path, where * is one segment', async () => {
    const { api, sessionId } = start();
    const { body: sent } = await api.post('/v1/messages', textMessage(sessionId, '+447700900123'));
    mock.faults.inject({ method: 'get', path: '/v1/logs/*', status: 503 });
    expect((await api.get(`/v1/logs/${sent.id}`)).status).toBe(503);
    expect((await api.get('/v1/logs')).status).toBe(200);
    expect((await api.get(`/v1/messages/${sent.id}`)).status).toBe(200);
    mock.faults.clear();
    mock.faults.inject({ method: 'POST', path: '/v1/*', status: 503 });
    expect((await api.get('/v1/sessions')).status).toBe(200);
    expect((await api.post('/v1/sessions', {})).status).toBe(503);
  });

  it('matches every path below with a last ** segment, and unknown routes too', async () => {
    const { api } = start();
    mock.faults.inject({ path: '/v1/**', status: 502 });
    for (const path of ['/v1/account', '/v1/logs', '/v1/no/such/route']) {
      expect((await api.get(path)).status).toBe(502);
    }
  });

  it('hits only the next `times` matching requests, then leaves the list', async () => {
    const { api } = start();
    mock.faults.inject({ path: '/v1/account', status: 503, times: 2 });
    const statuses = [];
    for (let index = 0; index < 3; index++) statuses.push((await api.get('/v1/account')).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(mock.faults.list()).toEqual([]);
  });

  it('applies the first rule that fires, in order of injection', async () => {
    const { api } = start();
    mock.faults.inject({ path: '/v1/account', status: 500, times: 1 });
    mock.faults.inject({ path: '/v1/account', status: 503 });
    expect((await api.get('/v1/account')).status).toBe(500);
    expect((await api.get('/v1/account')).status).toBe(503);
  });
});

describe('a probability', () => {
  it('never fires at 0 and always at 1', async () => {
    const { api } = start();
    const never = mock.faults.inject({ path: '/v1/account', status: 500, probability: 0 });
    expect((await api.get('/v1/account')).status).toBe(200);
    never.remove();
    mock.faults.inject({ path: '/v1/account', status: 500, probability: 1 });
    expect((await api.get('/v1/account')).status).toBe(500);
  });
});

describe('the handle and the controls', () => {
  it('lists the rules in force, each with an id and the rule; remove() and clear() take them out', async () => {
    const { api } = start();
    const first = mock.faults.inject({ path: '/v1/account', status: 503 });
    const second = mock.faults.inject({ method: 'POST', path: '/v1/sessions', network: 'reset' });
    expect(first.id).not.toBe(second.id);
    expect(first.rule).toEqual({ path: '/v1/account', status: 503 });
    expect(Object.isFrozen(first.rule)).toBe(true);
    expect(mock.faults.list()).toEqual([first, second]);

    first.remove();
    first.remove();
    expect(mock.faults.list()).toEqual([second]);
    expect((await api.get('/v1/account')).status).toBe(200);
    mock.faults.clear();
    expect(mock.faults.list()).toEqual([]);
    expect((await api.post('/v1/sessions', {})).status).toBe(201);
  });

  it('drops every rule on reset()', () => {
    mock.faults.inject({ path: '/v1/account', status: 503 });
    mock.reset();
    expect(mock.faults.list()).toEqual([]);
  });
});

describe('a bad rule', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['no path', { status: 503 }, /^path must be a string starting with \//],
    ['a relative path', { path: 'v1/messages', status: 503 }, /^path must be/],
    ['a partial *', { path: '/v1/msg_*', status: 503 }, /^path may use \* and \*\* only as whole segments/],
    ['** inside', { path: '/v1/**/x', status: 503 }, /^path may use \*\* only as its last segment/],
    [
      'a 2xx status',
      { path: '/v1/account', status: 200 },
      /^status must be an HTTP error status from 400 to 599/,
    ],
    ['a bad method', { path: '/v1/account', method: 'GET /', status: 503 }, /^method must be an HTTP method/],
    ['a negative delay', { path: '/v1/account', delay: -1 }, /^delay must be/],
    [
      'another network',
      { path: '/v1/account', network: 'timeout' },
      /^network must be 'reset' or 'lost_response'/,
    ],
    [
      'zero times',
      { path: '/v1/account', status: 503, times: 0 },
      /^times must be a whole number, 1 or more/,
    ],
    [
      'probability 2',
      { path: '/v1/account', status: 503, probability: 2 },
      /^probability must be a number from 0 to 1/,
    ],
    [
      'retryAfter on 500',
      { path: '/v1/account', status: 500, retryAfter: 1 },
      /^retryAfter goes with status 429 or 503/,
    ],
    [
      'status and network',
      { path: '/v1/account', status: 503, network: 'reset' },
      /^network and status cannot be combined/,
    ],
    [
      'an unknown field',
      { path: '/v1/account', status: 503, time: 1 },
      /^time is not a field of a fault rule/,
    ],
    ['nothing to do', { path: '/v1/account', times: 1 }, /^A fault rule must do something/],
    ['a query in the path', { path: '/v1/logs?status=failed', status: 503 }, /^path must be a pathname/],
    ['a trailing slash', { path: '/v1/account/', status: 503 }, /^path must be a pathname/],
    ['an injected 421', { path: '/v1/account', status: 421 }, /^status 421 cannot be injected/],
  ];

  it.each(cases)('throws a TypeError naming the field: %s', (_name, rule, message) => {
    expect(() => mock.faults.inject(rule as never)).toThrow(TypeError);
    expect(() => mock.faults.inject(rule as never)).toThrow(message);
    expect(mock.faults.list()).toEqual([]);
  });
});
