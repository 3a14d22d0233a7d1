// Erasures: of a recipient, nothing of the number or its previews left in any response (lists, gets,
// replays, deliveries, webhook bodies still to be retried, an account export), other recipients untouched
// byte for byte; of the account, every key answering 401. And the erasure as a service function alone.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clientFor, textMessage, useMock } from './client.js';
import { connectedService } from './service/connected-service.js';
import { Receiver } from './webhook-receiver.js';

const receiver = new Receiver();
const mock = useMock({ seed: 41, webhooks: { deliver: receiver.deliver } });
receiver.attach(mock);

const ERASED = '+447700900777';
const OTHER = '+447700900888';
const HOOK = 'https://hooks.example.com/erasure';
const FAILING = 'https://hooks.example.com/failing';

/** Every list of the API walked page by page, and each item's GET, as raw text. */
async function crawl(api: ReturnType<typeof clientFor>, messageIds: string[]): Promise<string[]> {
  const bodies: string[] = [JSON.stringify((await api.get('/v1/account')).body)];
  for (const list of [
    '/v1/sessions',
    '/v1/logs',
    '/v1/webhook_endpoints',
    '/v1/webhook_deliveries',
    '/v1/privacy_requests',
  ]) {
    let cursor: string | null = null;
    do {
      const page = await api.get(`${list}?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      bodies.push(JSON.stringify(page.body));
      for (const item of page.body.data)
        bodies.push(JSON.stringify((await api.get(`${list}/${item.id}`)).body));
      cursor = page.body.next_cursor;
    } while (cursor);
  }
  for (const id of messageIds) bodies.push(JSON.stringify((await api.get(`/v1/messages/${id}`)).body));
  return bodies;
}

describe('an erasure of a recipient', () => {
  it('leaves neither the number nor its previews in any response, and other recipients byte for byte', async () => {
    receiver.clear();
    const { apiKey, sessionId } = mock.quickstart();
    const api = clientFor(apiKey);
    await api.post('/v1/webhook_endpoints', { url: HOOK, events: ['*'] });
    await api.post('/v1/webhook_endpoints', { url: FAILING, events: ['message.read'] });
    receiver.answer(FAILING, ...Array<number>(9).fill(500));
    const ids: string[] = [];
    for (const [index, to] of [ERASED, OTHER, ERASED].entries()) {
      const text = to === ERASED ? `Secret number ${index}` : `Public number ${index}`;
      const sent = await api.post(
        '/v1/messages',
        { ...textMessage(sessionId, to, text), metadata: { n: String(index) } },
        {
          headers: { 'idempotency-key': `send-${index}` },
        },
      );
      ids.push(sent.body.id);
    }
    const restriction = await api.post(
      '/v1/privacy_requests',
      {
        type: 'access',
        subject: { type: 'recipient', phone_number: ERASED },
        note: `Asked by ${ERASED} on the phone`,
      },
      { headers: { 'idempotency-key': 'access-1' } },
    );
    const earlyExport = await api.post('/v1/privacy_requests', {
      type: 'export',
      subject: { type: 'account' },
    });
    await mock.clock.advance('12s');
    expect((await api.get(`/v1/privacy_requests/${earlyExport.body.id}/export`)).status).toBe(200);
    const otherBefore = await api.get(`/v1/logs?recipient=${encodeURIComponent(OTHER)}`);
    const otherGetBefore = await api.get(`/v1/logs/${ids[1]}`);

    const erasure = await api.post('/v1/privacy_requests', {
      type: 'erasure',
      subject: { type: 'recipient', phone_number: ERASED },
    });
    await mock.clock.advance('5s');
    const done = await api.get(`/v1/privacy_requests/${erasure.body.id}`);
    const sha256 = createHash('sha256').update(ERASED).digest('hex');
    expect(done.body).toMatchObject({
      status: 'completed',
      subject: { type: 'recipient', phone_number_sha256: sha256 },
      result: { erased: { logs: 2, messages: 2, webhook_deliveries: 8 } },
    });
    expect(done.body.subject).not.toHaveProperty('phone_number');
    expect((await api.get(`/v1/privacy_requests/${restriction.body.id}`)).body).toMatchObject({
      subject: { type: 'recipient', phone_number_sha256: sha256 },
      note: 'Asked by [erased] on the phone',
    });
    expect((await api.get(`/v1/messages/${ids[0]}`)).status).toBe(404);
    expect((await api.get(`/v1/privacy_requests/${earlyExport.body.id}/export`)).status).toBe(404);

    const accountExport = await api.post('/v1/privacy_requests', {
      type: 'export',
      subject: { type: 'account' },
    });
    await mock.clock.advance('5s');
    const archive = await api.get(`/v1/privacy_requests/${accountExport.body.id}/export`);
    expect(archive.body.messages).toHaveLength(1);
    const replay = await api.post(
      '/v1/messages',
      { ...textMessage(sessionId, ERASED, 'Secret number 0'), metadata: { n: '0' } },
      {
        headers: { 'idempotency-key': 'send-0' },
      },
    );
    expect(replay.status).toBe(404);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const accessReplay = await api.post(
      '/v1/privacy_requests',
      {
        type: 'access',
        subject: { type: 'recipient', phone_number: ERASED },
        note: `Asked by ${ERASED} on the phone`,
      },
      { headers: { 'idempotency-key': 'access-1' } },
    );
    expect(accessReplay.body.subject).toEqual({ type: 'recipient', phone_number_sha256: sha256 });

    // The failing endpoint's message.read deliveries would retry; those about the number are gone.
    await mock.clock.advance('1h');
    const everything = [
      ...(await crawl(api, ids)),
      JSON.stringify(archive.body),
      JSON.stringify(replay.body),
      JSON.stringify(accessReplay.body),
      JSON.stringify(mock.webhooks.deliveries),
      JSON.stringify(mock.journal),
      ...receiver.received
        .filter((attempt) => attempt.at.getTime() >= Date.parse('2026-01-01T00:00:17Z'))
        .map((attempt) => attempt.body),
    ].join('\n');
    const lateAttempts = receiver
      .at(FAILING)
      .filter((attempt) => attempt.at.getTime() >= Date.parse('2026-01-01T00:00:17Z'));
    expect(lateAttempts.length).toBeGreaterThan(0);
    for (const trace of [ERASED, ERASED.slice(1), 'Secret number']) expect(everything).not.toContain(trace);
    expect(everything).toContain('Public number 1');
    expect((await api.get(`/v1/logs?recipient=${encodeURIComponent(OTHER)}`)).body).toEqual(otherBefore.body);
    expect(JSON.stringify((await api.get(`/v1/logs/${ids[1]}`)).body)).toBe(
      JSON.stringify(otherGetBefore.body),
    );
  });

  it('rewrites the bodies of earlier privacy_request.updated events still to be retried', async () => {
    receiver.clear();
    const { apiKey } = mock.quickstart();
    const api = clientFor(apiKey);
    await api.post('/v1/webhook_endpoints', { url: FAILING, events: ['privacy_request.updated'] });
    receiver.answer(FAILING, 500, 500, 500, 500, 500, 500);
    await api.post('/v1/privacy_requests', {
      type: 'erasure',
      subject: { type: 'recipient', phone_number: ERASED },
    });
    await mock.clock.advance('5s');
    const before = receiver.received.length;
    await mock.clock.advance('1h');
    const retried = receiver.received.slice(before);
    expect(retried.length).toBeGreaterThan(0);
    for (const attempt of retried) expect(attempt.body).not.toContain(ERASED);
  });
});

describe('a note that names the erased number', () => {
  it('is scrubbed from every privacy request, whoever it is about, in replays and in retried events', async () => {
    receiver.clear();
    const { apiKey } = mock.quickstart();
    const api = clientFor(apiKey);
    await api.post('/v1/webhook_endpoints', { url: FAILING, events: ['privacy_request.updated'] });
    receiver.answer(FAILING, ...Array<number>(9).fill(500));
    const about = { type: 'access', subject: { type: 'account' }, note: `asked by ${ERASED}` };
    const options = { headers: { 'idempotency-key': 'note-1' } };
    await api.post('/v1/privacy_requests', about, options);
    await mock.clock.advance('5s');
    await api.post('/v1/privacy_requests', {
      type: 'erasure',
      subject: { type: 'recipient', phone_number: ERASED },
    });
    await mock.clock.advance('5s');
    const before = receiver.received.length;
    const replay = await api.post('/v1/privacy_requests', about, options);
    await mock.clock.advance('1h');
    const retried = receiver.received.slice(before);
    expect(retried.length).toBeGreaterThan(0);
    for (const text of [JSON.stringify(replay.body), ...retried.map((attempt) => attempt.body)]) {
      expect(text).not.toContain(ERASED);
    }
  });
});

describe('an erasure of the account', () => {
  it('closes the account: every key answers 401', async () => {
    const { apiKey, sessionId } = mock.quickstart();
    const api = clientFor(apiKey);
    await api.post('/v1/messages', textMessage(sessionId, OTHER));
    const created = await api.post('/v1/privacy_requests', { type: 'erasure', subject: { type: 'account' } });
    expect(created.status).toBe(202);
    await mock.clock.advance('5s');
    const refused = await api.get('/v1/account');
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('invalid_api_key');
    expect(mock.webhooks.deliveries).toEqual([]);
  });
});

describe('the erasure as a service function', () => {
  it('erases a recipient without any request, leaving the other recipient as it was', async () => {
    const { service, accountId, send } = connectedService(7);
    send(ERASED, 'Hi');
    const kept = send(OTHER, 'Hi');
    const before = JSON.stringify(service.logs.get(accountId, kept.id));
    const sha256 = createHash('sha256').update(ERASED).digest('hex');
    expect(service.privacy.erasure.eraseRecipient(accountId, sha256)).toEqual({
      logs: 1,
      messages: 1,
      webhookDeliveries: 0,
    });
    expect(service.logs.list(accountId, {}).data.map((log) => log.id)).toEqual([kept.id]);
    expect(JSON.stringify(service.logs.get(accountId, kept.id))).toBe(before);
    expect(service.privacy.erasure.redact(`key-${ERASED}-${OTHER}`)).toBe(`key-[erased]-${OTHER}`);
  });
});
