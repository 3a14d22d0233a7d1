// Privacy requests over the wire: the lifecycle on the clock, due dates, cancel, lift and extend, the
// result of each type, restrictions and objections on sends, the export download, and the events.
import { describe, expect, it } from 'vitest';
import { addCalendarMonths } from '../../mock-server/service/index.js';
import { clientFor, textMessage, useMock } from './client.js';
import { Receiver } from './webhook-receiver.js';

const receiver = new Receiver();
const mock = useMock({ seed: 40, webhooks: { deliver: receiver.deliver } });
receiver.attach(mock);

const NUMBER = '+447700900123';
const OTHER = '+447700900456';

function start() {
  const { apiKey, sessionId } = mock.quickstart();
  return { api: clientFor(apiKey), sessionId };
}

const recipient = (phoneNumber = NUMBER) => ({ type: 'recipient', phone_number: phoneNumber });

describe('the lifecycle', () => {
  it('is received, processing at 1 s and completed at 5 s, due one calendar month on', async () => {
    const { api } = start();
    const created = await api.post('/v1/privacy_requests', { type: 'access', subject: recipient() });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({
      object: 'privacy_request',
      type: 'access',
      status: 'received',
      subject: { type: 'recipient', phone_number: NUMBER },
      due_at: '2026-02-01T00:00:00.000Z',
      extended: false,
      completed_at: null,
      result: null,
      rejection_reason: null,
    });
    const status = async () => (await api.get(`/v1/privacy_requests/${created.body.id}`)).body.status;
    await mock.clock.advance('999ms');
    expect(await status()).toBe('received');
    await mock.clock.advance(1);
    expect(await status()).toBe('processing');
    await mock.clock.advance('3999ms');
    expect(await status()).toBe('processing');
    await mock.clock.advance(1);
    const done = await api.get(`/v1/privacy_requests/${created.body.id}`);
    expect(done.body).toMatchObject({ status: 'completed', completed_at: '2026-01-01T00:00:05.000Z' });
  });

  it('clamps the due date to the end of a shorter month', () => {
    expect(addCalendarMonths(new Date('2026-01-31T10:00:00Z'), 1).toISOString()).toBe(
      '2026-02-28T10:00:00.000Z',
    );
    expect(addCalendarMonths(new Date('2028-01-31T10:00:00Z'), 1).toISOString()).toBe(
      '2028-02-29T10:00:00.000Z',
    );
    expect(addCalendarMonths(new Date('2026-12-15T00:00:00Z'), 1).toISOString()).toBe(
      '2027-01-15T00:00:00.000Z',
    );
    expect(addCalendarMonths(new Date('2026-01-31T00:00:00Z'), 3).toISOString()).toBe(
      '2026-04-30T00:00:00.000Z',
    );
  });

  it('lists newest first, filtered by type and status', async () => {
    const { api } = start();
    const first = await api.post('/v1/privacy_requests', { type: 'access', subject: recipient() });
    await mock.clock.advance('10s');
    const second = await api.post('/v1/privacy_requests', { type: 'export', subject: { type: 'account' } });
    const all = await api.get('/v1/privacy_requests');
    expect(all.body.data.map((row: { id: string }) => row.id)).toEqual([second.body.id, first.body.id]);
    const completed = await api.get('/v1/privacy_requests?status=completed');
    expect(completed.body.data.map((row: { id: string }) => row.id)).toEqual([first.body.id]);
    const exports = await api.get('/v1/privacy_requests?type=export&limit=1');
    expect(exports.body).toMatchObject({ has_more: false, data: [{ id: second.body.id }] });
  });

  it('answers 404 for another account’s request', async () => {
    const { api } = start();
    const other = start();
    const created = await api.post('/v1/privacy_requests', { type: 'access', subject: recipient() });
    expect((await other.api.get(`/v1/privacy_requests/${created.body.id}`)).status).toBe(404);
    expect((await other.api.post(`/v1/privacy_requests/${created.body.id}/cancel`)).status).toBe(404);
  });

  it('refuses changes on any type but a rectification', async () => {
    const { api } = start();
    const refused = await api.post('/v1/privacy_requests', {
      type: 'access',
      subject: { type: 'account' },
      changes: { name: 'New' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'parameter_invalid', param: 'changes' });
  });
});

describe('cancel, lift and extend', () => {
  it('cancels only while received', async () => {
    const { api } = start();
    const created = await api.post('/v1/privacy_requests', { type: 'erasure', subject: recipient() });
    const cancelled = await api.post(`/v1/privacy_requests/${created.body.id}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    await mock.clock.advance('10s');
    expect((await api.get(`/v1/privacy_requests/${created.body.id}`)).body.status).toBe('cancelled');
    const late = await api.post('/v1/privacy_requests', { type: 'access', subject: recipient() });
    await mock.clock.advance('1s');
    const refused = await api.post(`/v1/privacy_requests/${late.body.id}/cancel`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('invalid_state');
  });

  it('lifts only a completed restriction or objection', async () => {
    const { api } = start();
    const access = await api.post('/v1/privacy_requests', { type: 'access', subject: recipient() });
    const restriction = await api.post('/v1/privacy_requests', { type: 'restriction', subject: recipient() });
    expect((await api.post(`/v1/privacy_requests/${restriction.body.id}/lift`)).status).toBe(409);
    await mock.clock.advance('10s');
    expect((await api.post(`/v1/privacy_requests/${access.body.id}/lift`)).status).toBe(409);
    const lifted = await api.post(`/v1/privacy_requests/${restriction.body.id}/lift`);
    expect(lifted.body).toMatchObject({ status: 'lifted', result: { restricted_since: expect.any(String) } });
    expect((await api.post(`/v1/privacy_requests/${restriction.body.id}/lift`)).status).toBe(409);
  });

  it('extends once, while open and before due_at, to three months from receipt', async () => {
    const { api } = start();
    await mock.clock.set('2026-01-31T00:00:00.000Z');
    const created = await api.post('/v1/privacy_requests', { type: 'access', subject: recipient() });
    expect(created.body.due_at).toBe('2026-02-28T00:00:00.000Z');
    expect((await api.post(`/v1/privacy_requests/${created.body.id}/extend`, {})).status).toBe(422);
    const extended = await api.post(`/v1/privacy_requests/${created.body.id}/extend`, { reason: 'complex' });
    expect(extended.body).toMatchObject({ extended: true, due_at: '2026-04-30T00:00:00.000Z' });
    const again = await api.post(`/v1/privacy_requests/${created.body.id}/extend`, { reason: 'again' });
    expect(again.status).toBe(409);
    await mock.clock.advance('10s');
    const other = await api.post('/v1/privacy_requests', { type: 'access', subject: recipient() });
    await mock.clock.advance('10s');
    expect((await api.post(`/v1/privacy_requests/${other.body.id}/extend`, { reason: 'x' })).status).toBe(
      409,
    );
  });
});

describe('results', () => {
  it('reports what is held about a recipient on access', async () => {
    const { api, sessionId } = start();
    await api.post('/v1/webhook_endpoints', { url: 'https://hooks.example.com/p', events: ['message.sent'] });
    await api.post('/v1/messages', { ...textMessage(sessionId, NUMBER), metadata: { order: 'A-1' } });
    await mock.clock.advance('2s');
    await api.post('/v1/messages', textMessage(sessionId, OTHER));
    const created = await api.post('/v1/privacy_requests', { type: 'access', subject: recipient() });
    await mock.clock.advance('5s');
    const done = await api.get(`/v1/privacy_requests/${created.body.id}`);
    expect(done.body.result).toEqual({
      categories: [
        'phone_number',
        'privacy_requests',
        'messages',
        'message_logs',
        'message_previews',
        'message_metadata',
        'webhook_deliveries',
      ],
      counts: { logs: 1, messages: 1, webhook_deliveries: 1 },
      oldest_record_at: '2026-01-01T00:00:00.000Z',
    });
  });

  it('applies a rectification of the account, and rejects one of a recipient or one without changes', async () => {
    const { api } = start();
    const account = await api.post('/v1/privacy_requests', {
      type: 'rectification',
      subject: { type: 'account' },
      changes: { email: 'new@example.com' },
    });
    const person = await api.post('/v1/privacy_requests', { type: 'rectification', subject: recipient() });
    const empty = await api.post('/v1/privacy_requests', {
      type: 'rectification',
      subject: { type: 'account' },
    });
    await mock.clock.advance('5s');
    expect((await api.get(`/v1/privacy_requests/${account.body.id}`)).body).toMatchObject({
      status: 'completed',
      result: { updated_fields: ['email'] },
    });
    expect((await api.get('/v1/account')).body.email).toBe('new@example.com');
    for (const rejected of [person, empty]) {
      expect((await api.get(`/v1/privacy_requests/${rejected.body.id}`)).body).toMatchObject({
        status: 'rejected',
        result: null,
        completed_at: null,
        rejection_reason: expect.any(String),
      });
    }
  });

  it('builds an export of a recipient, downloadable on the host it was filed on until expires_at', async () => {
    const { api, sessionId } = start();
    await api.post('/v1/messages', textMessage(sessionId, NUMBER, 'Kept for the export'));
    await api.post('/v1/messages', textMessage(sessionId, OTHER, 'Not about them'));
    const created = await api.post(
      '/v1/privacy_requests',
      { type: 'export', subject: recipient() },
      { base: 'https://eu.api.aulm.io' },
    );
    await mock.clock.advance('5s');
    const done = (await api.get(`/v1/privacy_requests/${created.body.id}`)).body;
    expect(done.result).toMatchObject({
      download_url: `https://eu.api.aulm.io/v1/privacy_requests/${created.body.id}/export`,
      format: 'json',
      expires_at: '2026-01-08T00:00:05.000Z',
    });
    const archive = await api.get(`/v1/privacy_requests/${created.body.id}/export`);
    expect(archive.status).toBe(200);
    expect(new TextEncoder().encode(JSON.stringify(archive.body)).length).toBe(done.result.size_bytes);
    expect(archive.body).toMatchObject({
      object: 'privacy_export',
      request_id: created.body.id,
      subject: { type: 'recipient', phone_number: NUMBER },
      account: null,
      logs: [{ recipient: NUMBER, preview: 'Kept for the export' }],
      messages: [{ to: NUMBER }],
      webhook_deliveries: [],
    });
    expect(JSON.stringify(archive.body)).not.toContain(OTHER);
    await mock.clock.set('2026-01-08T00:00:04.999Z');
    expect((await api.get(`/v1/privacy_requests/${created.body.id}/export`)).status).toBe(200);
    await mock.clock.advance(1);
    expect((await api.get(`/v1/privacy_requests/${created.body.id}/export`)).status).toBe(404);
  });

  it('answers 409 for an export not yet completed and 404 for another type', async () => {
    const { api } = start();
    const pending = await api.post('/v1/privacy_requests', { type: 'export', subject: { type: 'account' } });
    const access = await api.post('/v1/privacy_requests', { type: 'access', subject: { type: 'account' } });
    expect((await api.get(`/v1/privacy_requests/${pending.body.id}/export`)).status).toBe(409);
    await mock.clock.advance('5s');
    expect((await api.get(`/v1/privacy_requests/${access.body.id}/export`)).status).toBe(404);
    const archive = await api.get(`/v1/privacy_requests/${pending.body.id}/export`);
    expect(archive.body).toMatchObject({ account: { object: 'account' }, subject: { type: 'account' } });
  });
});

describe('restriction and objection', () => {
  it('refuses sends to a restricted number, hides and freezes its logs, until lifted', async () => {
    const { api, sessionId } = start();
    const sent = await api.post('/v1/messages', textMessage(sessionId, NUMBER));
    await api.post('/v1/messages', textMessage(sessionId, OTHER));
    await mock.clock.advance('1s');
    const restriction = await api.post('/v1/privacy_requests', { type: 'restriction', subject: recipient() });
    await mock.clock.advance('5s');
    const refused = await api.post('/v1/messages', textMessage(sessionId, NUMBER));
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      type: 'permission_error',
      code: 'recipient_restricted',
      param: 'to',
    });
    expect(refused.body.error.message).not.toContain(NUMBER);
    const logs = await api.get('/v1/logs');
    expect(logs.body.data.map((log: { recipient: string }) => log.recipient)).toEqual([OTHER]);
    expect((await api.get(`/v1/logs?recipient=${encodeURIComponent(NUMBER)}`)).body.data).toEqual([]);
    await mock.clock.advance('10s');
    // Delivered at 3 s, before the restriction completed at 6 s; the read at 10 s is not applied.
    expect((await api.get(`/v1/messages/${sent.body.id}`)).body.status).toBe('delivered');
    await api.post(`/v1/privacy_requests/${restriction.body.id}/lift`);
    expect((await api.get('/v1/logs')).body.data).toHaveLength(2);
    expect((await api.post('/v1/messages', textMessage(sessionId, NUMBER))).status).toBe(202);
  });

  it('refuses sends to an objecting number and erases its previews, until lifted', async () => {
    const { api, sessionId } = start();
    const sent = await api.post('/v1/messages', textMessage(sessionId, NUMBER, 'A preview to go'), {
      headers: { 'idempotency-key': 'objected-send' },
    });
    const other = await api.post('/v1/messages', textMessage(sessionId, OTHER, 'A preview to keep'));
    const objection = await api.post('/v1/privacy_requests', { type: 'objection', subject: recipient() });
    await mock.clock.advance('5s');
    expect((await api.get(`/v1/privacy_requests/${objection.body.id}`)).body.result).toEqual({
      objected_since: '2026-01-01T00:00:05.000Z',
    });
    expect((await api.get(`/v1/logs/${sent.body.id}`)).body.preview).toBeNull();
    expect((await api.get(`/v1/messages/${sent.body.id}`)).body.preview).toBeNull();
    expect((await api.get(`/v1/logs/${other.body.id}`)).body.preview).toBe('A preview to keep');
    const replay = await api.post('/v1/messages', textMessage(sessionId, NUMBER, 'A preview to go'), {
      headers: { 'idempotency-key': 'objected-send' },
    });
    expect(replay.body.preview).toBeNull();
    const refused = await api.post('/v1/messages', textMessage(sessionId, NUMBER));
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'recipient_objected', param: 'to' });
    await api.post(`/v1/privacy_requests/${objection.body.id}/lift`);
    const after = await api.post('/v1/messages', textMessage(sessionId, NUMBER, 'Welcome back'));
    expect(after.body).toMatchObject({ status: 'queued', preview: 'Welcome back' });
  });

  it('rejects a restriction or objection of the account', async () => {
    const { api } = start();
    const created = await api.post('/v1/privacy_requests', {
      type: 'objection',
      subject: { type: 'account' },
    });
    await mock.clock.advance('5s');
    expect((await api.get(`/v1/privacy_requests/${created.body.id}`)).body.status).toBe('rejected');
  });
});

describe('events', () => {
  it('sends privacy_request.updated on each change to a subscribed endpoint', async () => {
    receiver.clear();
    const { api } = start();
    const hook = 'https://hooks.example.com/privacy';
    await api.post('/v1/webhook_endpoints', { url: hook, events: ['privacy_request.updated'] });
    const created = await api.post('/v1/privacy_requests', { type: 'restriction', subject: recipient() });
    await mock.clock.advance('5s');
    await api.post(`/v1/privacy_requests/${created.body.id}/lift`);
    await mock.webhooks.flush();
    const events = receiver.at(hook).map((attempt) => attempt.event);
    expect(events.map((event) => [event.type, event.data.status])).toEqual([
      ['privacy_request.updated', 'processing'],
      ['privacy_request.updated', 'completed'],
      ['privacy_request.updated', 'lifted'],
    ]);
    expect(events[1].data).toMatchObject({
      id: created.body.id,
      result: { restricted_since: expect.any(String) },
    });
  });
});
