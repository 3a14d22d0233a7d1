// The rules API.md gives a request that is wrong in its form rather than its values, on every way in:
// methods a path does not take (405 with `allow`), ids that cannot be percent-decoded (404), bodies not said
// to be JSON (415), bodies that are not one JSON object (400 invalid_json), fields and query parameters a
// route does not define or that come twice (400), URLs no parser takes (422), and metadata keys, `__proto__`
// among them. Every refusal is the error envelope with `aulm-request-id`, and changes nothing.
import { connect } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStandalone } from '../../mock-server/index.js';
import { clientFor, textMessage, useMock, type Wire } from './client.js';

const mock = useMock({ seed: 31 });

// Sends a raw request through the mock's undici dispatcher: methods and bodies fetch would not send.
async function raw(
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: string | Uint8Array; key?: string } = {},
) {
  const apiKey = init.key ?? mock.quickstart().apiKey;
  const response = await request(`https://api.aulm.io${path}`, {
    method: method as 'GET',
    headers: { authorization: `Bearer ${apiKey}`, ...init.headers },
    body: init.body,
    dispatcher: mock.dispatcher,
  });
  const text = await response.body.text();
  return {
    status: response.statusCode,
    headers: response.headers,
    body: text === '' ? null : (JSON.parse(text) as Wire),
  };
}

describe('a method a path does not take', () => {
  it.each([
    ['PUT', '/v1/logs', 'GET'],
    ['DELETE', '/v1/messages', 'POST'],
    ['POST', '/v1/account', 'GET, PATCH'],
    ['OPTIONS', '/v1/webhook_endpoints/whe_1', 'GET, PATCH, DELETE'],
    ['HEAD', '/v1/logs/msg_1', 'GET'],
    ['TRACE', '/v1/logs', 'GET'],
    ['TRACK', '/v1/sessions', 'POST, GET'],
  ])('%s %s is 405 method_not_allowed, with allow: %s and a request id', async (method, path, allow) => {
    const answer = await raw(method, path);
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe(allow);
    expect(answer.headers['aulm-request-id']).toMatch(/^req_/);
    if (method !== 'HEAD') {
      expect(answer.body.error).toMatchObject({ type: 'invalid_request_error', code: 'method_not_allowed' });
      expect(answer.body.error.request_id).toBe(answer.headers['aulm-request-id']);
    }
    expect(mock.journal.at(-1)).toMatchObject({ method, path, status: 405 });
  });

  it('is answered, to a valid key, with its region and its rate limit, as every answer to one is', async () => {
    for (const method of ['PUT', 'TRACE']) {
      const answer = await raw(method, '/v1/logs');
      expect(answer.status).toBe(405);
      expect(answer.headers['aulm-region']).toBe('eu');
      expect(answer.headers['ratelimit-remaining']).toMatch(/^\d+$/);
    }
  });

  it('is 401 without a key, as any request is', async () => {
    const { status, body } = await clientFor('').delete('/v1/logs', { key: null });
    expect([status, body.error.code]).toEqual([401, 'missing_api_key']);
  });

  it('is 404 on a path the API does not have, whatever the method', async () => {
    expect((await raw('TRACE', '/v1/widgets')).status).toBe(404);
    expect((await raw('PUT', '/v1/widgets')).status).toBe(404);
  });
});

describe('an id that cannot be percent-decoded', () => {
  it.each(['/v1/messages/%zz', '/v1/logs/%E0%A4%A', '/v1/privacy_requests/%/cancel'])(
    '%s is an id that does not exist: 404, with a request id',
    async (path) => {
      const method = path.endsWith('/cancel') ? 'POST' : 'GET';
      const answer = await raw(method, path);
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('resource_not_found');
      expect(answer.headers['aulm-request-id']).toMatch(/^req_/);
    },
  );

  it('is refused for a missing key first, as any id is', async () => {
    const answer = await clientFor('').get('/v1/messages/%zz', { key: null });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('aulm-request-id')).toMatch(/^req_/);
  });
});

describe('a body', () => {
  // A body for the account of the key it is sent with.
  let account: ReturnType<typeof mock.quickstart>;
  beforeEach(() => {
    account = mock.quickstart();
  });
  const send = (headers: Record<string, string>, body: string | Uint8Array) =>
    raw('POST', '/v1/messages', { headers, body, key: account.apiKey });
  const valid = () => JSON.stringify(textMessage(account.sessionId, '+447700900123'));

  it.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'image/png',
    'application/json; charset=iso-8859-1',
    'application/jsonp',
  ])('said to be %s is 415 unsupported_media_type, and sends nothing', async (type) => {
    const answer = await send({ 'content-type': type }, valid());
    expect(answer.status).toBe(415);
    expect(answer.body.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'unsupported_media_type',
    });
    expect((await clientFor(account.apiKey).get('/v1/logs')).body.data).toEqual([]);
  });

  it('said to be nothing is 415 too', async () => {
    expect((await send({}, valid())).status).toBe(415);
  });

  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON;Charset="UTF-8"'])(
    'said to be %s is taken',
    async (type) => {
      expect((await send({ 'content-type': type }, valid())).status).toBe(202);
    },
  );

  it.each([
    ['only other Unicode white space', '\u00a0'],
    ['a JSON array', '[]'],
    ['a JSON string', '"text"'],
    ['null', 'null'],
    ['two objects', '{} {}'],
    ['an object in other white space', '\u00a0{}'],
    ['cut short', '{"session_id":'],
  ])('that is %s is 400 invalid_json', async (_, body) => {
    const answer = await send({ 'content-type': 'application/json' }, body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_json');
  });

  it('that is not UTF-8 is 400 invalid_json, not read with U+FFFD in the place of its bytes', async () => {
    const bytes = new TextEncoder().encode(valid().replace('4821', 'XX'));
    bytes[bytes.indexOf(88)] = 0xff;
    const answer = await send({ 'content-type': 'application/json' }, bytes);
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('UTF-8');
  });

  it('in JSON white space around one object is taken', async () => {
    expect((await send({ 'content-type': 'application/json' }, ` \t\r\n${valid()}\n`)).status).toBe(202);
  });

  it('with a field a route without a body does not define is 400 unknown_parameter naming it', async () => {
    const api = clientFor(mock.quickstart().apiKey);
    const endpoint = await api.post('/v1/webhook_endpoints', {
      url: 'https://hooks.example.com/a',
      events: ['*'],
    });
    const answer = await api.post(`/v1/webhook_endpoints/${endpoint.body.id}/rotate_secret`, { force: true });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'unknown_parameter', param: 'force' });
    expect((await api.post(`/v1/webhook_endpoints/${endpoint.body.id}/rotate_secret`, {})).status).toBe(200);
  });
});

describe('a query', () => {
  it.each([
    ['/v1/account?foo=1', 'foo'],
    ['/v1/messages/msg_1?expand=all', 'expand'],
    ['/v1/logs?foo=1', 'foo'],
    ['/v1/logs?__proto__=1', '__proto__'],
  ])('%s is 400 unknown_parameter naming %s', async (path, param) => {
    const answer = await clientFor(mock.quickstart().apiKey).get(path);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'unknown_parameter', param });
  });

  it.each([
    ['/v1/logs?status=failed&status=sent', 'status'],
    ['/v1/logs?limit=1&limit=1', 'limit'],
  ])('%s gives a parameter twice: 400 naming it', async (path, param) => {
    const answer = await clientFor(mock.quickstart().apiKey).get(path);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'parameter_repeated', param });
  });
});

describe('a media URL', () => {
  it.each([
    'http://example.com/a.jpg',
    'https://user@',
    'https://%zz/a.jpg',
    'https://x:99999/a.jpg',
    ' https://example.com/a.jpg',
    'https://example.com/a\n.jpg',
    'https://example.com/a b.jpg',
  ])('%s is 422 parameter_invalid naming media.url, and sends nothing', async (url) => {
    const { apiKey, sessionId } = mock.quickstart();
    const api = clientFor(apiKey);
    const answer = await api.post('/v1/messages', {
      session_id: sessionId,
      to: '+447700900123',
      type: 'media',
      media: { url, mime_type: 'image/jpeg' },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatchObject({ code: 'parameter_invalid', param: 'media.url' });
    expect((await api.get('/v1/logs')).body.data).toEqual([]);
  });
});

describe('metadata', () => {
  it('keeps a key named __proto__ as any other, and gives it back', async () => {
    const { apiKey, sessionId } = mock.quickstart();
    const sent = await raw('POST', '/v1/messages', {
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(textMessage(sessionId, '+447700900123')).replace(
        /}$/,
        ',"metadata":{"__proto__":"kept","plan":"pro"}}',
      ),
    });
    expect(sent.status).toBe(202);
    const read = await clientFor(apiKey).get(`/v1/messages/${sent.body.id}`);
    expect(Object.entries(read.body.metadata)).toEqual([
      ['__proto__', 'kept'],
      ['plan', 'pro'],
    ]);
  });

  it.each([
    ['{"__proto__":5}', 'metadata.__proto__'],
    ['{"a b":"x"}', 'metadata.a b'],
    ['{"":"x"}', 'metadata.'],
    [`{"${'k'.repeat(41)}":"x"}`, `metadata.${'k'.repeat(41)}`],
    ['{"plan":"x","note":{"a":1}}', 'metadata.note'],
  ])('%s is 422 parameter_invalid naming %s, and sends nothing', async (metadata, param) => {
    const { apiKey, sessionId } = mock.quickstart();
    const answer = await raw('POST', '/v1/messages', {
      key: apiKey,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(textMessage(sessionId, '+447700900123')).replace(/}$/, `,"metadata":${metadata}}`),
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatchObject({ code: 'parameter_invalid', param });
    expect((await clientFor(apiKey).get('/v1/logs')).body.data).toEqual([]);
  });
});

describe('the standalone server', () => {
  let server: Awaited<ReturnType<typeof startStandalone>>;
  beforeAll(async () => {
    server = await startStandalone({ port: 0, seed: 31, clock: 'manual', webhooks: { deliver: 'off' } });
  });
  afterAll(() => server.close());

  const over = async (method: string, path: string, headers: Record<string, string> = {}, body?: string) => {
    const response = await request(`${server.url}${path}`, {
      method: method as 'GET',
      headers: { authorization: `Bearer ${server.apiKey}`, ...headers },
      body,
    });
    return {
      status: response.statusCode,
      headers: response.headers,
      body: (await response.body.json()) as Wire,
    };
  };

  it('answers as in-process does: TRACE, an undecodable id, a body not said to be JSON', async () => {
    const trace = await over('TRACE', '/v1/logs');
    expect([trace.status, trace.headers.allow, trace.body.error.code]).toEqual([
      405,
      'GET',
      'method_not_allowed',
    ]);
    expect(trace.headers['aulm-request-id']).toMatch(/^req_/);
    const undecodable = await over('GET', '/v1/messages/%zz');
    expect([undecodable.status, undecodable.body.error.code]).toEqual([404, 'resource_not_found']);
    expect(undecodable.headers['aulm-request-id']).toMatch(/^req_/);
    const text = await over('POST', '/v1/sessions', { 'content-type': 'text/plain' }, '{"name":"x"}');
    expect([text.status, text.body.error.code]).toEqual([415, 'unsupported_media_type']);
  });

  // What node:http itself cannot read, sent on a bare socket.
  const rawly = (text: string) =>
    new Promise<string>((resolve) => {
      const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () => socket.write(text));
      let answer = '';
      socket.on('data', (chunk) => {
        answer += chunk;
      });
      socket.on('close', () => resolve(answer));
    });

  it.each([
    [
      `TRACK /v1/privacy_requests HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer KEY\r\n\r\n`,
      405,
      'method_not_allowed',
    ],
    ['TRACK /v1/privacy_requests HTTP/1.1\r\nHost: x\r\n\r\n', 401, 'missing_api_key'],
    ['CONNECT api.aulm.io:443 HTTP/1.1\r\nHost: api.aulm.io:443\r\n\r\n', 404, 'resource_not_found'],
    ['FOO /v1/nowhere HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer KEY\r\n\r\n', 404, 'resource_not_found'],
    ['GET /v1/logs HTTP/1.1\r\nNot a header\r\n\r\n', 400, 'invalid_request'],
  ])('answers what node:http cannot read in the envelope too: %j', async (text, status, code) => {
    const answer = await rawly(text.replace('KEY', server.apiKey));
    expect(answer).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(answer).toMatch(/\r\naulm-request-id: req_\w+\r\n/);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).error.code).toBe(code);
  });

  it('quotes no erased number back in its own refusals, nor in the control routes', async () => {
    const number = '+447700900125';
    const sent = await over(
      'POST',
      '/v1/privacy_requests',
      { 'content-type': 'application/json' },
      JSON.stringify({ type: 'erasure', subject: { type: 'recipient', phone_number: number } }),
    );
    expect(sent.status).toBe(202);
    await server.mock.clock.advance('5s');
    for (const [method, path] of [
      ['GET', `/nowhere/${number}`],
      ['POST', `/__mock/support/tickets/${number}/reply`],
    ]) {
      const answer = await request(`${server.url}${path}`, {
        method: method as 'GET',
        headers: { 'content-type': 'application/json' },
        body: method === 'POST' ? '{"body":"hi"}' : undefined,
      });
      const text = await answer.body.text();
      expect(answer.statusCode, path).toBeGreaterThanOrEqual(400);
      expect(text, path).not.toContain('7700900125');
    }
  });
});
