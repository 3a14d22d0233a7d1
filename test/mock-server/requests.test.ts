// What every request meets before its route: bearer auth, the home region, request ids and region
// headers, the error envelope, unknown routes, and the journal.
import { describe, expect, it } from 'vitest';
import { call, clientFor, textMessage, useMock } from './client.js';

const mock = useMock({ seed: 7 });

describe('authentication', () => {
  it('answers 401 missing_api_key without an Authorization header, in the error envelope', async () => {
    const answer = await call('GET', '/v1/account');
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      error: {
        type: 'authentication_error',
        code: 'missing_api_key',
        message: expect.stringContaining('No API key'),
        param: null,
        request_id: answer.headers.get('aulm-request-id'),
      },
    });
  });

  it('answers 401 invalid_api_key for an unknown key, without echoing it whole', async () => {
    const key = 'aulm_test_ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
    const answer = await call('GET', '/v1/account', { key });
    expect(answer.status).toBe(401);
    expect(answer.body.error).toMatchObject({ type: 'authentication_error', code: 'invalid_api_key' });
    expect(answer.body.error.message).not.toContain(key);
    expect(answer.body.error.message).toContain('aulm_test_••••2345');
  });

  it("shows only the last four characters of a key that is not aulm's, never its start", async () => {
    const answer = await call('GET', '/v1/account', { key: 'sk_live_51HxQpLKa9ZzYw8Vb7Nc6Md5' });
    expect(answer.body.error.code).toBe('invalid_api_key');
    expect(answer.body.error.message).not.toContain('sk_live');
    expect(answer.body.error.message).toContain('••••6Md5');
  });

  it('answers 401 invalid_api_key for an Authorization header that is not Bearer', async () => {
    const { apiKey } = mock.quickstart();
    const answer = await call('GET', '/v1/account', { headers: { authorization: `Basic ${apiKey}` } });
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('invalid_api_key');
  });

  it('authenticates before anything else, even on an unknown route', async () => {
    const answer = await call('GET', '/v1/nothing-here');
    expect(answer.status).toBe(401);
  });
});

describe('headers', () => {
  it('carries aulm-request-id on every response and aulm-region once the key is valid', async () => {
    const unauthenticated = await call('GET', '/v1/account');
    expect(unauthenticated.headers.get('aulm-request-id')).toMatch(/^req_[0-9A-Za-z]{24}$/);
    expect(unauthenticated.headers.get('aulm-region')).toBeNull();

    const { apiKey } = mock.quickstart();
    const ok = await call('GET', '/v1/account', { key: apiKey });
    expect(ok.headers.get('aulm-request-id')).toMatch(/^req_/);
    expect(ok.headers.get('aulm-request-id')).not.toBe(unauthenticated.headers.get('aulm-request-id'));
    expect(ok.headers.get('aulm-region')).toBe('eu');

    const notFound = await call('GET', '/v1/messages/msg_nope', { key: apiKey });
    expect(notFound.headers.get('aulm-region')).toBe('eu');
    expect(notFound.body.error.request_id).toBe(notFound.headers.get('aulm-request-id'));
  });
});

describe('regions', () => {
  it('serves an account on its home regional host and on the global host', async () => {
    const { apiKey } = mock.accounts.create({ region: 'us' });
    expect((await call('GET', '/v1/account', { key: apiKey, base: 'https://us.api.aulm.io' })).status).toBe(
      200,
    );
    expect((await call('GET', '/v1/account', { key: apiKey, base: 'https://api.aulm.io' })).status).toBe(200);
  });

  it('answers 421 wrong_region with aulm-home-region on another regional host, and does nothing', async () => {
    const { apiKey, sessionId } = mock.quickstart();
    const answer = await call('POST', '/v1/messages', {
      key: apiKey,
      base: 'https://us.api.aulm.io',
      body: textMessage(sessionId, '+447700900123'),
    });
    expect(answer.status).toBe(421);
    expect(answer.headers.get('aulm-home-region')).toBe('eu');
    expect(answer.headers.get('aulm-region')).toBe('eu');
    expect(answer.body.error).toMatchObject({ type: 'invalid_request_error', code: 'wrong_region' });
    const logs = await clientFor(apiKey).get('/v1/logs');
    expect(logs.body.data).toEqual([]);
  });
});

describe('unknown routes and bad bodies', () => {
  it('answers 404 resource_not_found for an unknown /v1 path, and 405 with allow for a method a path does not take', async () => {
    const { apiKey } = mock.quickstart();
    const api = clientFor(apiKey);
    const unknownPath = await api.get('/v1/widgets');
    expect(unknownPath.status).toBe(404);
    expect(unknownPath.body.error).toMatchObject({ type: 'not_found_error', code: 'resource_not_found' });
    expect(unknownPath.body.error.message).toContain('/v1/widgets');
    const wrongMethod = await api.delete('/v1/messages');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect(wrongMethod.headers.get('aulm-request-id')).toMatch(/^req_/);
    expect(wrongMethod.body.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'method_not_allowed',
    });
  });

  it('answers 400 invalid_json for a body that is not JSON, and creates nothing', async () => {
    const { apiKey } = mock.quickstart();
    const api = clientFor(apiKey);
    const before = (await api.get('/v1/sessions')).body.data.length;
    const answer = await api.post('/v1/sessions', undefined, { raw: '{"name": "Till' });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_json' });
    expect((await api.get('/v1/sessions')).body.data.length).toBe(before);
  });

  it('does not echo a body that is not JSON, which may hold a phone number', async () => {
    const api = clientFor(mock.quickstart().apiKey);
    const answer = await api.post('/v1/messages', undefined, { raw: '{"to":+447700900123}' });
    expect(answer.body.error).toMatchObject({
      code: 'invalid_json',
      message: 'The request body is not valid JSON.',
    });
    expect(JSON.stringify(answer.body)).not.toContain('447700900123');
  });

  it('answers 400 unknown_parameter naming an unknown body field or query parameter', async () => {
    const { apiKey } = mock.quickstart();
    const api = clientFor(apiKey);
    const body = await api.post('/v1/sessions', { name: 'Till', colour: 'red' });
    expect(body.status).toBe(400);
    expect(body.body.error).toMatchObject({ code: 'unknown_parameter', param: 'colour' });
    const query = await api.get('/v1/logs?sessionId=ses_x');
    expect(query.status).toBe(400);
    expect(query.body.error).toMatchObject({ code: 'unknown_parameter', param: 'sessionId' });
  });

  it('tells a missing field from a field of the wrong type', async () => {
    const { apiKey } = mock.quickstart();
    const api = clientFor(apiKey);
    const missing = await api.post('/v1/messages', {
      type: 'text',
      to: '+447700900123',
      text: { body: 'x' },
    });
    expect(missing.body.error).toMatchObject({ code: 'parameter_missing', param: 'session_id' });
    const wrongType = await api.post('/v1/sessions', { name: 42 });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.error).toMatchObject({ code: 'parameter_invalid', param: 'name' });
  });
});

describe('the journal', () => {
  it('records every request that reached the handlers, in order, with its answer', async () => {
    const { apiKey, sessionId } = mock.quickstart();
    const at = mock.clock.now();
    await call('GET', '/v1/account');
    const sent = await call('POST', '/v1/messages', {
      key: apiKey,
      base: 'https://eu.api.aulm.io',
      body: textMessage(sessionId, '+447700900123'),
      headers: { 'idempotency-key': 'order-1' },
    });
    await call('GET', '/v1/logs?limit=5', { key: apiKey });
    expect(mock.journal).toEqual([
      {
        at,
        method: 'GET',
        host: 'api.aulm.io',
        path: '/v1/account',
        status: 401,
        requestId: expect.stringMatching(/^req_/),
        idempotencyKey: null,
        fault: null,
      },
      {
        at,
        method: 'POST',
        host: 'eu.api.aulm.io',
        path: '/v1/messages',
        status: 202,
        requestId: sent.headers.get('aulm-request-id'),
        idempotencyKey: 'order-1',
        fault: null,
      },
      expect.objectContaining({ method: 'GET', path: '/v1/logs', status: 200 }),
    ]);
  });
});
