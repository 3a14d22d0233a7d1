// Events as webhooks: each event type at the moment it happens, to the enabled endpoints of the account
// subscribed to it and to no other; the body and the Standard Webhooks headers, verified by the SDK.
import { beforeEach, describe, expect, it } from 'vitest';
import { clientFor, textMessage, useMock } from './client.js';
import { Receiver, verifyAttempt } from './webhook-receiver.js';

const receiver = new Receiver();
const mock = useMock({ seed: 12, webhooks: { deliver: receiver.deliver } });
receiver.attach(mock);
beforeEach(() => receiver.clear());

const HOOK = 'https://hooks.example.com/all';

async function start(events: string[] = ['*'], url = HOOK) {
  const { apiKey, sessionId } = mock.quickstart();
  const api = clientFor(apiKey);
  const endpoint = (await api.post('/v1/webhook_endpoints', { url, events })).body;
  return { api, sessionId, endpoint };
}

const offsets = (url: string) =>
  receiver.at(url).map((attempt) => `${attempt.event.type}@${attempt.at.getTime() - Date.UTC(2026, 0, 1)}`);

describe('message events', () => {
  it('sends message.sent at 1 s, message.delivered at 3 s and message.read at 10 s', async () => {
    const { api, sessionId } = await start();
    await api.post('/v1/messages', textMessage(sessionId, '+447700900123'));
    await mock.clock.advance('999ms');
    expect(receiver.received).toEqual([]);
    await mock.clock.advance('1m');
    expect(offsets(HOOK)).toEqual(['message.sent@1000', 'message.delivered@3000', 'message.read@10000']);
  });

  it('sends message.failed at 1 s for a recipient not on the network', async () => {
    const { api, sessionId } = await start();
    await api.post('/v1/messages', textMessage(sessionId, '+447700900000'));
    await mock.clock.advance('1m');
    expect(offsets(HOOK)).toEqual(['message.failed@1000']);
    expect(receiver.received[0]!.event.data).toMatchObject({
      status: 'failed',
      error: { code: 'recipient_not_on_network' },
    });
  });

  it('carries the message as GET /v1/messages/{id} showed it at that moment, in wire form', async () => {
    const { api, sessionId } = await start(['message.delivered']);
    const sent = await api.post('/v1/messages', {
      ...textMessage(sessionId, '+447700900123', 'Your code is 4821'),
      metadata: { order_id: 'A-1' },
    });
    await mock.clock.advance('3s');
    const now = await api.get(`/v1/messages/${sent.body.id}`);
    await mock.clock.advance('1m');
    const [attempt] = receiver.received;
    expect(receiver.received).toHaveLength(1);
    expect(attempt!.event).toEqual({
      id: expect.stringMatching(/^evt_[0-9A-Za-z]{24}$/),
      type: 'message.delivered',
      timestamp: '2026-01-01T00:00:03.000Z',
      data: now.body,
    });
    expect(Object.keys(attempt!.event)).toEqual(['id', 'type', 'timestamp', 'data']);
    expect(attempt!.event.data).toMatchObject({ to: '+447700900123', preview: 'Your code is 4821' });
  });
});

describe('session events', () => {
  it('sends session.connected when the phone pairs, and session.disconnected when it logs out', async () => {
    const { api } = await start(['session.connected', 'session.disconnected']);
    const session = (await api.post('/v1/sessions', { name: 'Till' })).body;
    const connected = mock.sessions.connect(session.id, { phoneNumber: '+447700900555' });
    await mock.webhooks.flush();
    expect(receiver.received.map((attempt) => attempt.event)).toEqual([
      expect.objectContaining({
        type: 'session.connected',
        data: expect.objectContaining({ id: session.id, status: 'connected', phone_number: '+447700900555' }),
      }),
    ]);
    expect(connected.status).toBe('connected');
    mock.sessions.disconnect(session.id);
    await mock.webhooks.flush();
    expect(receiver.typesAt(HOOK)).toEqual(['session.connected', 'session.disconnected']);
    expect(receiver.received[1]!.event.data).toMatchObject({ id: session.id, status: 'disconnected' });
  });

  it('sends session.disconnected on DELETE /v1/sessions/{id}, before message.failed for what it held', async () => {
    const { api, sessionId } = await start();
    await api.post('/v1/messages', textMessage(sessionId, '+447700900123'));
    const answer = await api.delete(`/v1/sessions/${sessionId}`);
    expect(answer.status).toBe(200);
    await mock.webhooks.flush();
    expect(receiver.typesAt(HOOK)).toEqual(['session.disconnected', 'message.failed']);
    expect(receiver.received[1]!.event.data.error.code).toBe('session_disconnected');
  });

  it('sends nothing when a session already over is deleted again, or a pairing one is cancelled', async () => {
    const { api } = await start();
    const pairing = (await api.post('/v1/sessions', {})).body;
    await api.delete(`/v1/sessions/${pairing.id}`);
    await api.delete(`/v1/sessions/${pairing.id}`);
    await mock.webhooks.flush();
    expect(receiver.received).toEqual([]);
  });
});

describe('who gets an event', () => {
  it('only the enabled endpoints of the account subscribed to its type, or to *, one delivery each', async () => {
    const { api, sessionId, endpoint: all } = await start(['*']);
    const make = async (url: string, events: string[]) =>
      (await api.post('/v1/webhook_endpoints', { url, events })).body;
    const delivered = await make('https://hooks.example.com/delivered', ['message.delivered']);
    const sessions = await make('https://hooks.example.com/sessions', ['session.connected']);
    const disabled = await make('https://hooks.example.com/disabled', ['*']);
    await api.patch(`/v1/webhook_endpoints/${disabled.id}`, { status: 'disabled' });
    const other = mock.quickstart();
    await clientFor(other.apiKey).post('/v1/webhook_endpoints', {
      url: 'https://hooks.example.com/other',
      events: ['*'],
    });

    await api.post('/v1/messages', textMessage(sessionId, '+447700900123'));
    await mock.clock.advance('1m');

    expect(receiver.typesAt(HOOK)).toEqual(['message.sent', 'message.delivered', 'message.read']);
    expect(receiver.typesAt(delivered.url)).toEqual(['message.delivered']);
    expect(receiver.at(sessions.url)).toEqual([]);
    expect(receiver.at(disabled.url)).toEqual([]);
    expect(receiver.at('https://hooks.example.com/other')).toEqual([]);
    const records = (await api.get('/v1/webhook_deliveries')).body.data;
    expect(records.map((record: { endpoint_id: string; event_type: string }) => record.endpoint_id)).toEqual([
      all.id,
      delivered.id,
      all.id,
      all.id,
    ]);
    // message.delivered: one event, one delivery to each of the two endpoints.
    expect(records[1].event_id).toBe(records[2].event_id);
    expect(records[1].id).not.toBe(records[2].id);
  });

  it('starts again once a disabled endpoint is enabled, and sends a deleted one nothing', async () => {
    const { api, sessionId, endpoint } = await start(['message.sent']);
    const path = `/v1/webhook_endpoints/${endpoint.id}`;
    await api.patch(path, { status: 'disabled' });
    await api.post('/v1/messages', textMessage(sessionId, '+447700900123'));
    await mock.clock.advance('1s');
    await api.patch(path, { status: 'enabled' });
    await api.post('/v1/messages', textMessage(sessionId, '+447700900124'));
    await mock.clock.advance('1s');
    await api.delete(path);
    await api.post('/v1/messages', textMessage(sessionId, '+447700900125'));
    await mock.clock.advance('1s');
    expect(receiver.received.map((attempt) => attempt.event.data.to)).toEqual(['+447700900124']);
  });

  it('follows a change of events or url from the next event on', async () => {
    const { api, sessionId, endpoint } = await start(['message.sent']);
    await api.post('/v1/messages', textMessage(sessionId, '+447700900123'));
    await mock.clock.advance('1s');
    await api.patch(`/v1/webhook_endpoints/${endpoint.id}`, {
      events: ['message.read'],
      url: 'https://hooks.example.com/moved',
    });
    await mock.clock.advance('1m');
    expect(receiver.received.map((attempt) => `${attempt.url} ${attempt.event.type}`)).toEqual([
      `${HOOK} message.sent`,
      'https://hooks.example.com/moved message.read',
    ]);
  });
});

describe('a delivery', () => {
  it('is a JSON POST with webhook-id (the event id), webhook-timestamp (the mock’s time) and a v1 signature', async () => {
    const { api, sessionId, endpoint } = await start(['message.sent']);
    await api.post('/v1/messages', textMessage(sessionId, '+447700900123'));
    await mock.clock.advance('1s');
    const [attempt] = receiver.received;
    expect(attempt!.headers.get('content-type')).toBe('application/json');
    expect(attempt!.headers.get('webhook-id')).toBe(attempt!.event.id);
    expect(attempt!.headers.get('webhook-timestamp')).toBe(String(Date.UTC(2026, 0, 1, 0, 0, 1) / 1000));
    expect(attempt!.headers.get('webhook-signature')).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    const event = await verifyAttempt(attempt!, endpoint.secret);
    expect(event).toMatchObject({ id: attempt!.event.id, type: 'message.sent' });
    expect(event.timestamp).toEqual(new Date('2026-01-01T00:00:01.000Z'));
  });

  it('verifies with its own endpoint’s secret only', async () => {
    const { api, sessionId, endpoint } = await start(['message.sent']);
    const other = (
      await api.post('/v1/webhook_endpoints', {
        url: 'https://hooks.example.com/2',
        events: ['message.sent'],
      })
    ).body;
    await api.post('/v1/messages', textMessage(sessionId, '+447700900123'));
    await mock.clock.advance('1s');
    const [mine, theirs] = [receiver.at(HOOK)[0]!, receiver.at(other.url)[0]!];
    await expect(verifyAttempt(mine, endpoint.secret)).resolves.toMatchObject({ type: 'message.sent' });
    await expect(verifyAttempt(theirs, other.secret)).resolves.toMatchObject({ type: 'message.sent' });
    await expect(verifyAttempt(mine, other.secret)).rejects.toMatchObject({
      reason: 'no_matching_signature',
    });
    expect(mine.body).toBe(theirs.body);
  });
});
