// Webhook deliveries over the wire: the retry schedule on the mock's clock (5 s, 5 min, 30 min, 2 h, 5 h,
// 10 h, 10 h, then `failed`), what a failed attempt records, `retry` now, secret rotation, and the
// deliveries list with its filters and pages.
import { beforeEach, describe, expect, it } from 'vitest';
import { clientFor, textMessage, useMock, type Wire } from './client.js';
import { Receiver, verifyAttempt } from './webhook-receiver.js';

const receiver = new Receiver();
const mock = useMock({ seed: 13, webhooks: { deliver: receiver.deliver } });
receiver.attach(mock);
beforeEach(() => receiver.clear());

const HOOK = 'https://hooks.example.com/aulm';
const START = Date.UTC(2026, 0, 1);
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const iso = (offset: number) => new Date(START + offset).toISOString();

// An account with an endpoint for message.sent, and a way to make one event: a message to a number that
// stops at `sent`, sent at +1 s.
async function start(events: string[] = ['message.sent']) {
  const { apiKey, sessionId } = mock.quickstart();
  const api = clientFor(apiKey);
  const endpoint = (await api.post('/v1/webhook_endpoints', { url: HOOK, events })).body;
  let next = 0;
  const send = async () => {
    const to = `+4477009${String(next++).padStart(2, '0')}0001`;
    return (await api.post('/v1/messages', textMessage(sessionId, to))).body;
  };
  const delivery = async (): Promise<Wire> => (await api.get('/v1/webhook_deliveries?limit=1')).body.data[0];
  return { api, sessionId, endpoint, send, delivery };
}

describe('the retry schedule', () => {
  it('tries again after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, then gives up: failed', async () => {
    const { send, delivery } = await start();
    receiver.answer(HOOK, ...Array(8).fill(500));
    await send();
    await mock.clock.advance('1s');
    expect(receiver.at(HOOK)).toHaveLength(1);
    let at = 1 * SECOND;
    for (const delay of [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR]) {
      const tried = receiver.at(HOOK).length;
      expect(await delivery()).toMatchObject({ status: 'pending', next_attempt_at: iso(at + delay) });
      await mock.clock.advance(delay - 1);
      expect(receiver.at(HOOK)).toHaveLength(tried);
      await mock.clock.advance(1);
      expect(receiver.at(HOOK)).toHaveLength(tried + 1);
      at += delay;
    }
    const failed = await delivery();
    expect(failed).toMatchObject({ status: 'failed', next_attempt_at: null });
    expect(failed.attempts.map((attempt: Wire) => attempt.at)).toEqual(
      receiver.at(HOOK).map((attempt) => attempt.at.toISOString()),
    );
    expect(failed.attempts.at(-1)).toEqual({
      at: iso(at),
      response_status: 500,
      duration_ms: expect.any(Number),
      error: null,
    });
    await mock.clock.advance('3d');
    expect(receiver.at(HOOK)).toHaveLength(8);
  });

  it('sends the same webhook-id and body on every attempt, with a fresh timestamp and signature', async () => {
    const { send, endpoint } = await start();
    receiver.answer(HOOK, 503, 503);
    await send();
    await mock.clock.advance('1s');
    await mock.clock.advance('5s');
    await mock.clock.advance('5m');
    const attempts = receiver.at(HOOK);
    const header = (name: string) => attempts.map((attempt) => attempt.headers.get(name));
    expect(new Set(header('webhook-id')).size).toBe(1);
    expect(new Set(attempts.map((attempt) => attempt.body)).size).toBe(1);
    expect(header('webhook-timestamp')).toEqual(
      [1 * SECOND, 6 * SECOND, 5 * MINUTE + 6 * SECOND].map((offset) => String((START + offset) / 1000)),
    );
    expect(new Set(header('webhook-signature')).size).toBe(3);
    for (const attempt of attempts) {
      await expect(verifyAttempt(attempt, endpoint.secret)).resolves.toMatchObject({ type: 'message.sent' });
    }
  });

  it('records four attempts and succeeded for an endpoint that answers 500 three times, then 200', async () => {
    const { send, delivery } = await start();
    receiver.answer(HOOK, 500, 500, 500, 200);
    await send();
    await mock.clock.advance('1s');
    await mock.clock.advance('1h');
    const record = await delivery();
    expect(record).toMatchObject({ status: 'succeeded', next_attempt_at: null });
    expect(record.attempts.map((attempt: Wire) => [attempt.at, attempt.response_status])).toEqual([
      [iso(1 * SECOND), 500],
      [iso(6 * SECOND), 500],
      [iso(5 * MINUTE + 6 * SECOND), 500],
      [iso(35 * MINUTE + 6 * SECOND), 200],
    ]);
    await mock.clock.advance('2d');
    expect(receiver.at(HOOK)).toHaveLength(4);
  });

  it('counts a redirect as a failure', async () => {
    const { send, delivery } = await start();
    receiver.answer(HOOK, 302);
    await send();
    await mock.clock.advance('1s');
    expect(await delivery()).toMatchObject({ status: 'pending', attempts: [{ response_status: 302 }] });
  });

  it('records a timeout and a network error with no status, and retries both', async () => {
    const { send, delivery } = await start();
    const timeout = new DOMException('The operation timed out.', 'TimeoutError');
    const refused = new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    receiver.answer(HOOK, timeout, refused);
    await send();
    await mock.clock.advance('1s');
    await mock.clock.advance('5s');
    const record = await delivery();
    expect(record.attempts).toEqual([
      {
        at: iso(1 * SECOND),
        response_status: null,
        duration_ms: expect.any(Number),
        error: 'Timed out: no response within 15 s.',
      },
      {
        at: iso(6 * SECOND),
        response_status: null,
        duration_ms: expect.any(Number),
        error: 'Connection failed: fetch failed (ECONNREFUSED)',
      },
    ]);
    expect(record).toMatchObject({ status: 'pending', next_attempt_at: iso(5 * MINUTE + 6 * SECOND) });
  });
});

describe('POST /v1/webhook_deliveries/{id}/retry', () => {
  it('tries a pending delivery now: a 2xx makes it succeeded and cancels what was scheduled', async () => {
    const { api, send, delivery } = await start();
    receiver.answer(HOOK, 500, 200);
    await send();
    await mock.clock.advance('1s');
    const { id } = await delivery();
    const answer = await api.post(`/v1/webhook_deliveries/${id}/retry`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id, status: 'succeeded', next_attempt_at: null });
    expect(answer.body.attempts.map((attempt: Wire) => attempt.response_status)).toEqual([500, 200]);
    await mock.clock.advance('1d');
    expect(receiver.at(HOOK)).toHaveLength(2);
  });

  it('keeps a pending delivery’s schedule when the retry fails, and does not count it among the eight', async () => {
    const { api, send, delivery } = await start();
    receiver.answer(HOOK, ...Array(9).fill(500));
    await send();
    await mock.clock.advance('1s');
    const before = await delivery();
    const answer = await api.post(`/v1/webhook_deliveries/${before.id}/retry`);
    expect(answer.body).toMatchObject({ status: 'pending', next_attempt_at: before.next_attempt_at });
    expect(answer.body.attempts).toHaveLength(2);
    await mock.clock.advance('2d');
    const after = await delivery();
    expect(after).toMatchObject({ status: 'failed', next_attempt_at: null });
    expect(after.attempts).toHaveLength(9);
  });

  it('tries a failed delivery once: succeeded on a 2xx, still failed and unscheduled otherwise', async () => {
    const { api, send, delivery } = await start();
    receiver.answer(HOOK, ...Array(9).fill(500), 204);
    await send();
    await mock.clock.advance('1s');
    await mock.clock.advance('2d');
    const { id } = await delivery();
    const again = await api.post(`/v1/webhook_deliveries/${id}/retry`);
    expect(again.body).toMatchObject({ status: 'failed', next_attempt_at: null });
    expect(again.body.attempts).toHaveLength(9);
    await mock.clock.advance('1d');
    expect(receiver.at(HOOK)).toHaveLength(9);
    const last = await api.post(`/v1/webhook_deliveries/${id}/retry`);
    expect(last.body).toMatchObject({ status: 'succeeded', next_attempt_at: null });
    expect(last.body.attempts.at(-1)).toMatchObject({
      at: iso(3 * 24 * HOUR + SECOND),
      response_status: 204,
    });
  });

  it('sends a succeeded delivery again when asked', async () => {
    const { api, send, delivery } = await start();
    await send();
    await mock.clock.advance('1s');
    const { id } = await delivery();
    const again = await api.post(`/v1/webhook_deliveries/${id}/retry`);
    expect(again.body.status).toBe('succeeded');
    expect(receiver.typesAt(HOOK)).toEqual(['message.sent', 'message.sent']);
    expect(new Set(receiver.at(HOOK).map((attempt) => attempt.headers.get('webhook-id'))).size).toBe(1);
  });

  it('refuses with 409 invalid_state when the endpoint is disabled or deleted', async () => {
    const { api, send, delivery, endpoint } = await start();
    await send();
    await mock.clock.advance('1s');
    const { id } = await delivery();
    const path = `/v1/webhook_endpoints/${endpoint.id}`;
    await api.patch(path, { status: 'disabled' });
    const disabled = await api.post(`/v1/webhook_deliveries/${id}/retry`);
    expect(disabled.status).toBe(409);
    expect(disabled.body.error).toMatchObject({ type: 'conflict_error', code: 'invalid_state' });
    await api.delete(path);
    expect((await api.post(`/v1/webhook_deliveries/${id}/retry`)).body.error.code).toBe('invalid_state');
    expect(receiver.at(HOOK)).toHaveLength(1);
    expect((await api.post('/v1/webhook_deliveries/whd_nope/retry')).status).toBe(404);
  });
});

describe('an endpoint that stops receiving', () => {
  it('ends its pending deliveries as failed when disabled or deleted; their records stay', async () => {
    const { api, send, delivery, endpoint } = await start();
    receiver.answer(HOOK, 500, 500);
    await send();
    await mock.clock.advance('1s');
    await api.patch(`/v1/webhook_endpoints/${endpoint.id}`, { status: 'disabled' });
    expect(await delivery()).toMatchObject({ status: 'failed', next_attempt_at: null });
    await api.patch(`/v1/webhook_endpoints/${endpoint.id}`, { status: 'enabled' });
    await mock.clock.advance('1d');
    expect(receiver.at(HOOK)).toHaveLength(1);

    await send();
    await mock.clock.advance('1s');
    await api.delete(`/v1/webhook_endpoints/${endpoint.id}`);
    const listed = (await api.get(`/v1/webhook_deliveries?endpoint_id=${endpoint.id}`)).body.data;
    expect(listed.map((record: Wire) => record.status)).toEqual(['failed', 'failed']);
  });
});

describe('secret rotation', () => {
  it('signs with the old and the new secret for 24 hours, then with the new one alone', async () => {
    const { api, send, endpoint } = await start();
    const rotated = (await api.post(`/v1/webhook_endpoints/${endpoint.id}/rotate_secret`)).body;
    await send();
    await mock.clock.advance('1s');
    await mock.clock.set(START + 24 * HOUR - 2 * SECOND);
    await send();
    await mock.clock.advance('1s'); // sent at 23:59:59 after the rotation
    await send();
    await mock.clock.advance('1s'); // sent at 24:00:00
    const attempts = receiver.at(HOOK);
    const signatures = attempts.map((attempt) => attempt.headers.get('webhook-signature')!.split(' ').length);
    expect(signatures).toEqual([2, 2, 1]);
    for (const attempt of attempts.slice(0, 2)) {
      await expect(verifyAttempt(attempt, endpoint.secret)).resolves.toBeDefined();
      await expect(verifyAttempt(attempt, rotated.secret)).resolves.toBeDefined();
    }
    await expect(verifyAttempt(attempts[2]!, rotated.secret)).resolves.toBeDefined();
    await expect(verifyAttempt(attempts[2]!, endpoint.secret)).rejects.toMatchObject({
      reason: 'no_matching_signature',
    });
  });

  it('signs with every secret retired in the last 24 hours after two rotations', async () => {
    const { api, send, endpoint } = await start();
    const rotate = async () => (await api.post(`/v1/webhook_endpoints/${endpoint.id}/rotate_secret`)).body;
    const second = await rotate();
    await mock.clock.advance('12h');
    const third = await rotate();
    await send();
    await mock.clock.advance('1s');
    await mock.clock.advance('12h');
    await send();
    await mock.clock.advance('1s');
    const [both, later] = receiver.at(HOOK);
    expect(both!.headers.get('webhook-signature')!.split(' ')).toHaveLength(3);
    for (const secret of [endpoint.secret, second.secret, third.secret]) {
      await expect(verifyAttempt(both!, secret)).resolves.toBeDefined();
    }
    expect(later!.headers.get('webhook-signature')!.split(' ')).toHaveLength(2);
    await expect(verifyAttempt(later!, endpoint.secret)).rejects.toMatchObject({
      reason: 'no_matching_signature',
    });
    await expect(verifyAttempt(later!, second.secret)).resolves.toBeDefined();
  });
});

describe('GET /v1/webhook_deliveries', () => {
  it('filters by endpoint_id, event_type and status, newest first, in pages', async () => {
    const { api, sessionId, endpoint: all } = await start(['*']);
    const failing = 'https://hooks.example.com/failing';
    const sent = (await api.post('/v1/webhook_endpoints', { url: failing, events: ['message.sent'] })).body;
    receiver.answer(failing, 500);
    await api.post('/v1/messages', textMessage(sessionId, '+447700900123'));
    await mock.clock.advance('3s');
    const list = async (query: string) =>
      (await api.get(`/v1/webhook_deliveries${query}`)).body.data.map(
        (record: Wire) =>
          `${record.endpoint_id === all.id ? 'all' : 'sent'} ${record.event_type} ${record.status}`,
      );
    expect(await list('')).toEqual([
      'all message.delivered succeeded',
      'sent message.sent pending',
      'all message.sent succeeded',
    ]);
    expect(await list(`?endpoint_id=${sent.id}`)).toEqual(['sent message.sent pending']);
    expect(await list('?event_type=message.sent')).toEqual([
      'sent message.sent pending',
      'all message.sent succeeded',
    ]);
    expect(await list('?status=succeeded&event_type=message.delivered')).toEqual([
      'all message.delivered succeeded',
    ]);
    expect(await list('?event_type=privacy_request.updated')).toEqual([]);

    const first = (await api.get('/v1/webhook_deliveries?limit=2')).body;
    expect(first).toMatchObject({ has_more: true, next_cursor: expect.any(String) });
    const second = (await api.get(`/v1/webhook_deliveries?limit=2&cursor=${first.next_cursor}`)).body;
    expect(second).toMatchObject({ has_more: false, next_cursor: null });
    expect([...first.data, ...second.data].map((record: Wire) => record.id)).toEqual(
      (await api.get('/v1/webhook_deliveries')).body.data.map((record: Wire) => record.id),
    );
  });

  it.each([
    ['?status=lost', 422, 'parameter_invalid', 'status'],
    ['?endpoint_id=ses_1', 422, 'parameter_invalid', 'endpoint_id'],
    ['?limit=0', 422, 'parameter_invalid', 'limit'],
    ['?cursor=nope', 400, 'invalid_cursor', 'cursor'],
    ['?type=message.sent', 400, 'unknown_parameter', 'type'],
  ])('refuses %s with %i %s', async (query, status, code, param) => {
    const { api } = await start();
    const answer = await api.get(`/v1/webhook_deliveries${query}`);
    expect(answer.status).toBe(status);
    expect(answer.body.error).toMatchObject({ code, param });
  });

  it('shows one delivery, as the list does', async () => {
    const { api, send, delivery } = await start();
    await send();
    await mock.clock.advance('1s');
    const listed = await delivery();
    const one = await api.get(`/v1/webhook_deliveries/${listed.id}`);
    expect(one.body).toEqual(listed);
    expect(one.body).toEqual({
      id: expect.stringMatching(/^whd_[0-9A-Za-z]{24}$/),
      object: 'webhook_delivery',
      endpoint_id: expect.stringMatching(/^whe_/),
      event_id: receiver.received[0]!.event.id,
      event_type: 'message.sent',
      status: 'succeeded',
      attempts: [{ at: iso(SECOND), response_status: 204, duration_ms: expect.any(Number), error: null }],
      next_attempt_at: null,
      created_at: iso(SECOND),
    });
  });
});

describe('the handle', () => {
  it('shows every delivery of every account, oldest first, as models', async () => {
    const { send } = await start();
    await send();
    await mock.clock.advance('1s');
    const other = await start(['*']);
    await other.send();
    await mock.clock.advance('1s');
    const deliveries = mock.webhooks.deliveries;
    expect(deliveries.map((delivery) => delivery.eventType)).toEqual(['message.sent', 'message.sent']);
    expect(deliveries[0]).toMatchObject({ status: 'succeeded', nextAttemptAt: null });
    expect(deliveries[0]!.createdAt).toBeInstanceOf(Date);
    expect(deliveries[0]!.attempts[0]).toMatchObject({ responseStatus: 204, error: null });
  });

  it('reset() drops endpoints, events and deliveries', async () => {
    const { send } = await start();
    receiver.answer(HOOK, 500);
    await send();
    await mock.clock.advance('1s');
    mock.reset();
    expect(mock.webhooks.deliveries).toEqual([]);
    const { api } = await start();
    expect((await api.get('/v1/webhook_endpoints')).body.data).toHaveLength(1);
    expect((await api.get('/v1/webhook_deliveries')).body.data).toEqual([]);
    await mock.clock.advance('1d');
    expect(receiver.at(HOOK)).toHaveLength(1);
  });
});
