// The logs are kept between requests (the service hands out the same frozen log while its message is
// unchanged, and the handlers keep that log's JSON), yet every list shows the messages as they are now:
// after a status change, an erasure, an objection, a restriction, a retention sweep and a reset, between
// two calls, through MSW and through the mock's undici dispatcher alike; and nothing of an erased message
// stays in memory through what the service keeps.
import { createHash } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { clientFor, textMessage, useMock, type Wire } from './client.js';
import { connectedService } from './service/connected-service.js';

const mock = useMock({ seed: 12, retentionDays: 1 });

const NUMBER = '+447700900123';
const OTHER = '+447700900456';

// A list of logs through the mock's undici dispatcher (the front end that hands a request over), so that
// both ways in are asked in each test.
async function listByDispatcher(apiKey: string): Promise<Wire> {
  const answer = await request('https://api.aulm.io/v1/logs', {
    headers: { authorization: `Bearer ${apiKey}` },
    dispatcher: mock.dispatcher,
  });
  return JSON.parse(await answer.body.text());
}

async function start() {
  const { apiKey, sessionId } = mock.quickstart();
  const api = clientFor(apiKey);
  const send = async (to: string, text: string): Promise<string> => {
    const sent = await api.post('/v1/messages', textMessage(sessionId, to, text));
    expect(sent.status).toBe(202);
    return sent.body.id;
  };
  // Both ways, and the two answers the same.
  const logs = async (): Promise<Wire[]> => {
    const page = await api.get('/v1/logs');
    expect(page.status).toBe(200);
    expect(await listByDispatcher(apiKey)).toEqual(page.body);
    return page.body.data;
  };
  return { api, send, logs };
}

describe('a list of logs kept between requests', () => {
  it('shows a status reached between two calls, with its time, in the list and in the log', async () => {
    const { api, send, logs } = await start();
    const id = await send(NUMBER, 'Your code is 4821');
    expect((await logs())[0]).toMatchObject({ status: 'queued', timestamp: '2026-01-01T00:00:00.000Z' });
    await mock.clock.advance('1s');
    expect((await logs())[0]).toMatchObject({ status: 'sent', timestamp: '2026-01-01T00:00:01.000Z' });
    await mock.clock.advance('2s');
    expect((await logs())[0]).toMatchObject({ status: 'delivered', timestamp: '2026-01-01T00:00:03.000Z' });
    expect((await api.get(`/v1/logs/${id}`)).body).toMatchObject({ status: 'delivered' });
  });

  it('shows a failure reached between two calls, with its error', async () => {
    const { send, logs } = await start();
    await send('+447700900000', 'Not on the network');
    expect((await logs())[0]).toMatchObject({ status: 'queued', error: null });
    await mock.clock.advance('1s');
    expect((await logs())[0]).toMatchObject({
      status: 'failed',
      error: { code: 'recipient_not_on_network', message: 'The recipient is not on the network.' },
    });
  });

  it('no longer shows the logs of an erased recipient, nor its number or previews', async () => {
    const { api, send, logs } = await start();
    await send(NUMBER, 'Secret preview');
    const kept = await send(OTHER, 'Public preview');
    expect((await logs()).map((log) => log.recipient)).toEqual([OTHER, NUMBER]);
    await api.post('/v1/privacy_requests', {
      type: 'erasure',
      subject: { type: 'recipient', phone_number: NUMBER },
    });
    await mock.clock.advance('5s');
    const after = await logs();
    expect(after.map((log) => log.id)).toEqual([kept]);
    expect(JSON.stringify(after)).not.toContain(NUMBER);
    expect(JSON.stringify(after)).not.toContain('Secret preview');
  });

  it("shows a recipient's previews as null once an objection erases them", async () => {
    const { api, send, logs } = await start();
    await send(NUMBER, 'Objected preview');
    await send(OTHER, 'Other preview');
    expect((await logs()).map((log) => log.preview)).toEqual(['Other preview', 'Objected preview']);
    await api.post('/v1/privacy_requests', {
      type: 'objection',
      subject: { type: 'recipient', phone_number: NUMBER },
    });
    await mock.clock.advance('5s');
    expect((await logs()).map((log) => log.preview)).toEqual(['Other preview', null]);
  });

  it('hides the logs of a restricted recipient, and shows them again once the restriction is lifted', async () => {
    const { api, send, logs } = await start();
    await send(NUMBER, 'Restricted');
    const other = await send(OTHER, 'Free');
    expect(await logs()).toHaveLength(2);
    const restriction = await api.post('/v1/privacy_requests', {
      type: 'restriction',
      subject: { type: 'recipient', phone_number: NUMBER },
    });
    await mock.clock.advance('5s');
    expect((await logs()).map((log) => log.id)).toEqual([other]);
    await api.post(`/v1/privacy_requests/${restriction.body.id}/lift`);
    expect((await logs()).map((log) => log.recipient)).toEqual([OTHER, NUMBER]);
  });

  it('no longer shows the logs a retention sweep deleted', async () => {
    const { send, logs } = await start();
    await send(NUMBER, 'Soon gone');
    expect(await logs()).toHaveLength(1);
    await mock.clock.advance('1d');
    expect(await logs()).toEqual([]);
  });

  it('shows the new messages after a reset, though a seed gives them the same ids as before', async () => {
    const first = await start();
    const before = await first.send(NUMBER, 'Before the reset');
    expect((await first.logs())[0]).toMatchObject({
      id: before,
      recipient: NUMBER,
      preview: 'Before the reset',
    });
    mock.reset();
    const second = await start();
    const after = await second.send(OTHER, 'After the reset');
    expect(after).toBe(before);
    expect(await second.logs()).toEqual([
      expect.objectContaining({ id: before, recipient: OTHER, preview: 'After the reset', status: 'queued' }),
    ]);
  });
});

describe('the log of a message, as the service keeps it', () => {
  function service() {
    const { service: made, clock, accountId, send } = connectedService(3);
    return { made, clock, accountId, send: (to: string) => send(to, 'Kept text') };
  }

  it('is the same frozen object while the message is unchanged, and a new one once it changes', async () => {
    const { made, clock, accountId, send } = service();
    const { id } = send(NUMBER);
    const first = made.logs.get(accountId, id);
    expect(Object.isFrozen(first)).toBe(true);
    expect(made.logs.get(accountId, id)).toBe(first);
    expect(made.logs.list(accountId, {}).data[0]).toBe(first);
    await clock.advance('1s');
    const sent = made.logs.get(accountId, id);
    expect(sent).not.toBe(first);
    expect(sent.status).toBe('sent');
    expect(first.status).toBe('queued');
  });

  it('is made again without the preview once an objection erases it', () => {
    const { made, accountId, send } = service();
    const { id } = send(NUMBER);
    const before = made.logs.get(accountId, id);
    expect(before.preview?.reveal()).toBe('Kept text');
    made.privacy.erasure.erasePreviews(accountId, createHash('sha256').update(NUMBER).digest('hex'));
    const after = made.logs.get(accountId, id);
    expect(after).not.toBe(before);
    expect(after.preview).toBeNull();
  });

  // A full garbage collection, from a process started without --expose-gc.
  async function collect(): Promise<void> {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // A WeakRef read in this turn keeps its target until the turn ends.
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }

  it('keeps nothing of a message an erasure deleted, its log or its timers, though the clock never ran', async () => {
    const { made, accountId, send } = service();
    const { id } = send(NUMBER);
    made.logs.get(accountId, id);
    const message = new WeakRef(made.messages.find(accountId, id));
    const log = new WeakRef(made.logs.get(accountId, id));
    made.privacy.erasure.eraseRecipient(accountId, createHash('sha256').update(NUMBER).digest('hex'));
    await collect();
    expect(message.deref()).toBeUndefined();
    expect(log.deref()).toBeUndefined();
  });

  it('lets go of the log that showed a preview as soon as an objection erases it', async () => {
    const { made, accountId, send } = service();
    const { id } = send(NUMBER);
    const before = new WeakRef(made.logs.get(accountId, id));
    made.privacy.erasure.erasePreviews(accountId, createHash('sha256').update(NUMBER).digest('hex'));
    await collect();
    expect(before.deref()).toBeUndefined();
  });
});
