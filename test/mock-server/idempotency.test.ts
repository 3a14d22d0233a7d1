// Idempotency keys over the wire: a repeated POST with the same key replays the first answer and does the
// work once; a key reused for another request, or sent again while the first is still running, is a 409;
// keys last 24 hours on the mock's clock and belong to one account.
import { describe, expect, it } from 'vitest';
import { type Answer, call, clientFor, textMessage, useMock } from './client.js';

const mock = useMock({ seed: 13 });

function start() {
  const { apiKey, sessionId } = mock.quickstart();
  return { apiKey, api: clientFor(apiKey), sessionId };
}

const withKey = (key: string) => ({ headers: { 'idempotency-key': key } });

async function messageCount(api: ReturnType<typeof clientFor>): Promise<number> {
  return (await api.get('/v1/logs')).body.data.length;
}

function expectConflict(answer: Answer, code: string) {
  expect(answer.status).toBe(409);
  expect(answer.body.error).toMatchObject({ type: 'conflict_error', code, param: null });
}

describe('a repeated Idempotency-Key', () => {
  it('replays the first response, marked idempotent-replayed, and sends the message once', async () => {
    const { api, sessionId } = start();
    const body = textMessage(sessionId, '+447700900123');
    const first = await api.post('/v1/messages', body, withKey('order-1'));
    const second = await api.post('/v1/messages', body, withKey('order-1'));

    expect(first.status).toBe(202);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.status).toBe(202);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.headers.get('aulm-original-request-id')).toBe(first.headers.get('aulm-request-id'));
    expect(second.headers.get('aulm-request-id')).not.toBe(first.headers.get('aulm-request-id'));
    expect(await messageCount(api)).toBe(1);
    expect(mock.journal.filter((entry) => entry.method === 'POST')).toEqual([
      expect.objectContaining({ path: '/v1/messages', status: 202, idempotencyKey: 'order-1', fault: null }),
      expect.objectContaining({ path: '/v1/messages', status: 202, idempotencyKey: 'order-1', fault: null }),
    ]);
  });

  it('treats bodies with the same JSON as the same request, whatever their key order or whitespace', async () => {
    const { api, sessionId } = start();
    const first = await api.post('/v1/messages', undefined, {
      raw: `{"session_id":"${sessionId}","to":"+447700900123","type":"text","text":{"body":"hi"}}`,
      ...withKey('k'),
    });
    const second = await api.post('/v1/messages', undefined, {
      raw: `{ "text": { "body": "hi" }, "type": "text",\n  "to": "+447700900123", "session_id": "${sessionId}" }`,
      ...withKey('k'),
    });
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body.id).toBe(first.body.id);
  });

  it('treats the same request on the global and the home regional host as one', async () => {
    const { api, apiKey, sessionId } = start();
    const body = textMessage(sessionId, '+447700900123');
    const first = await api.post('/v1/messages', body, withKey('k'));
    const second = await clientFor(apiKey, 'https://eu.api.aulm.io').post('/v1/messages', body, withKey('k'));
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body.id).toBe(first.body.id);
  });

  it('replays a 4xx first answer too, even once the cause is gone', async () => {
    const { api } = start();
    const { body: pairing } = await api.post('/v1/sessions', { name: 'Till' });
    const body = textMessage(pairing.id, '+447700900123');
    const first = await api.post('/v1/messages', body, withKey('k'));
    expect(first.body.error.code).toBe('session_not_connected');
    mock.sessions.connect(pairing.id);
    const second = await api.post('/v1/messages', body, withKey('k'));
    expect(second.status).toBe(409);
    expect(second.body).toEqual(first.body);
    expect(second.body.error.request_id).toBe(first.headers.get('aulm-request-id'));
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await messageCount(api)).toBe(0);
  });

  it('is ignored on GET and DELETE, which are idempotent already', async () => {
    const { api } = start();
    const first = await api.get('/v1/account', withKey('k'));
    const second = await api.get('/v1/account', withKey('k'));
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(second.status).toBe(first.status);
    expect((await api.post('/v1/sessions', {}, withKey('k'))).status).toBe(201);
  });
});

describe('a key reused for another request', () => {
  it('answers 409 idempotency_key_reused for another body, and does nothing', async () => {
    const { api, sessionId } = start();
    await api.post('/v1/messages', textMessage(sessionId, '+447700900123'), withKey('k'));
    const other = await api.post('/v1/messages', textMessage(sessionId, '+447700900124'), withKey('k'));
    expectConflict(other, 'idempotency_key_reused');
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect(await messageCount(api)).toBe(1);
  });

  it('answers 409 idempotency_key_reused for another path', async () => {
    const { api, sessionId } = start();
    await api.post('/v1/messages', textMessage(sessionId, '+447700900123'), withKey('k'));
    const other = await api.post('/v1/sessions', {}, withKey('k'));
    expectConflict(other, 'idempotency_key_reused');
    expect(other.body.error.message).toContain('POST /v1/messages');
    expect((await api.get('/v1/sessions')).body.data).toHaveLength(1);
  });
});

describe('a key whose first request is still being processed', () => {
  it('answers 409 idempotency_request_in_progress, then replays once the first is answered', async () => {
    const { api, sessionId } = start();
    const body = textMessage(sessionId, '+447700900123');
    mock.faults.inject({ method: 'POST', path: '/v1/messages', delay: 400, times: 1 });
    const slow = api.post('/v1/messages', body, withKey('k'));
    await new Promise((resolve) => setTimeout(resolve, 100));

    const meanwhile = await api.post('/v1/messages', body, withKey('k'));
    expectConflict(meanwhile, 'idempotency_request_in_progress');
    const first = await slow;
    expect(first.status).toBe(202);
    const after = await api.post('/v1/messages', body, withKey('k'));
    expect(after.headers.get('idempotent-replayed')).toBe('true');
    expect(after.body.id).toBe(first.body.id);
    expect(await messageCount(api)).toBe(1);
    expect(mock.journal.map((entry) => [entry.status, entry.fault])).toEqual([
      [202, 'delay 400'],
      [409, null],
      [202, null],
      [200, null],
    ]);
  });
});

describe('how long a key lasts', () => {
  it('replays for 24 hours on the mock clock, then treats the key as new', async () => {
    const { api, sessionId } = start();
    const first = await api.post('/v1/messages', textMessage(sessionId, '+447700900123'), withKey('k'));
    await mock.clock.advance('23h');
    const within = await api.post('/v1/messages', textMessage(sessionId, '+447700900123'), withKey('k'));
    expect(within.body.id).toBe(first.body.id);
    expect(within.headers.get('idempotent-replayed')).toBe('true');

    await mock.clock.advance('1h');
    const after = await api.post('/v1/messages', textMessage(sessionId, '+447700900124'), withKey('k'));
    expect(after.status).toBe(202);
    expect(after.headers.get('idempotent-replayed')).toBeNull();
    expect(after.body.id).not.toBe(first.body.id);
    expect(await messageCount(api)).toBe(2);
  });

  it('is forgotten by reset()', async () => {
    const first = start();
    await first.api.post('/v1/sessions', {}, withKey('k'));
    mock.reset();
    const { api } = start();
    const again = await api.post('/v1/sessions', { name: 'Other' }, withKey('k'));
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
  });
});

describe('which keys are accepted', () => {
  it('answers 400 invalid_idempotency_key for a key over 255 characters, and does nothing', async () => {
    const { api, sessionId } = start();
    const answer = await api.post(
      '/v1/messages',
      textMessage(sessionId, '+447700900123'),
      withKey('k'.repeat(256)),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'invalid_idempotency_key',
      param: null,
    });
    expect(await messageCount(api)).toBe(0);
  });

  it('answers 400 invalid_idempotency_key for an empty key, and accepts 255 printable characters', async () => {
    const { api, sessionId } = start();
    const empty = await api.post('/v1/sessions', {}, withKey(''));
    expect(empty.body.error.code).toBe('invalid_idempotency_key');
    const longest = `! ~${'a'.repeat(252)}`;
    const sent = await api.post('/v1/messages', textMessage(sessionId, '+447700900123'), withKey(longest));
    expect(sent.status).toBe(202);
    expect(mock.journal.at(-1)?.idempotencyKey).toBe(longest);
  });

  it("keeps each account's keys apart: the same key in two accounts is two requests", async () => {
    const one = start();
    const two = start();
    const first = await one.api.post(
      '/v1/messages',
      textMessage(one.sessionId, '+447700900123'),
      withKey('k'),
    );
    const second = await two.api.post(
      '/v1/messages',
      textMessage(two.sessionId, '+447700900123'),
      withKey('k'),
    );
    expect(second.status).toBe(202);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(second.body.id).not.toBe(first.body.id);
    expect(await messageCount(one.api)).toBe(1);
    expect(await messageCount(two.api)).toBe(1);
  });

  it('holds no key for a request refused before its work (401, or an injected 503)', async () => {
    const { api, sessionId } = start();
    const body = textMessage(sessionId, '+447700900123');
    expect((await call('POST', '/v1/messages', { body, ...withKey('k') })).status).toBe(401);
    mock.faults.inject({ path: '/v1/messages', status: 503, times: 1 });
    expect((await api.post('/v1/messages', body, withKey('k'))).status).toBe(503);
    const sent = await api.post('/v1/messages', body, withKey('k'));
    expect(sent.status).toBe(202);
    expect(sent.headers.get('idempotent-replayed')).toBeNull();
  });
});
