// An erasure reaches free text: every form of the erased number (`+447700900125`, `07700 900125`,
// `(0)7700-900125`, ...) becomes `[erased]` in every text the account keeps (its support tickets, the
// metadata and previews of its other messages, privacy notes and changes, labels), in the copies made of
// it (webhook bodies still to be retried, idempotent replays, export archives), and nowhere is the rest of
// a text, or a number that merely shares digits with it, touched.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type Answer, clientFor, textMessage, useMock } from './client.js';
import { crawl, formsIn, type NumberParts } from './erased-forms.js';
import { connectedService } from './service/connected-service.js';
import { Receiver } from './webhook-receiver.js';

const receiver = new Receiver();
const mock = useMock({ seed: 43, webhooks: { deliver: receiver.deliver } });
receiver.attach(mock);

const ERASED = '+447700900125';
const GB: NumberParts = { callingCode: '44', nationalNumber: '7700900125', trunk: '0' };
const OTHER = '+447700900888';
/** Numbers that share digits with the erased one, and are other numbers. */
const NEIGHBOURS = '07700 900126, +4477009001250, 1447700900125';
const HOOK = 'https://hooks.example.com/free-text';

const sha256 = (e164: string) => createHash('sha256').update(e164).digest('hex');
const text = (answer: Answer) => JSON.stringify(answer.body);

describe('the helper that looks for the number', () => {
  it('sees every written form of it, and not its neighbours', () => {
    for (const form of [
      '+447700900125',
      '447700900125',
      '07700 900125',
      '(0)7700-900125',
      '+44 (0)7700 900125',
    ]) {
      expect(formsIn(`x ${form} y`, GB), form).not.toEqual([]);
    }
    expect(formsIn(NEIGHBOURS, GB)).toEqual([]);
  });
});

describe('an erasure of a recipient, in free text', () => {
  it('takes every form of the number out of every text the account keeps, and leaves the rest', async () => {
    receiver.clear();
    const { apiKey, sessionId } = mock.quickstart();
    const api = clientFor(apiKey);
    await api.patch('/v1/account', { name: 'Acme for +447700900125' });
    await api.post('/v1/webhook_endpoints', {
      url: HOOK,
      events: ['*'],
      description: 'Hooks of +44 7700 900125',
    });
    receiver.answer(HOOK, ...Array<number>(100).fill(500));
    const line = await api.post('/v1/sessions', { name: 'Line of 07700900125' });
    mock.sessions.connect(line.body.id);
    await api.post('/v1/api_keys', { name: 'Key for 447700900125', scopes: ['logs:read'] });
    const metadata = {
      referred_by: '+447700900125',
      note: 'call 07700 900125, not 07700 900126',
      '07700900125': 'a key that names it',
      neighbours: NEIGHBOURS,
    };
    const send = {
      ...textMessage(sessionId, OTHER, 'Referred by 07700-900-125, thanks'),
      metadata,
    };
    const sent = await api.post('/v1/messages', send, { headers: { 'idempotency-key': 'send-other' } });
    const open = {
      subject: 'About +44 7700 900125',
      body: 'Customer 07700900125 asked; 07700900126 did not',
    };
    const ticket = await api.post('/v1/support/tickets', open, {
      headers: { 'idempotency-key': 'ticket-1' },
    });
    const ticketId: string = ticket.body.id;
    await api.post(`/v1/support/tickets/${ticketId}/messages`, { body: 'Again: (0)7700-900125' });
    mock.support.reply(ticketId, 'Agent: we found 447700900125');
    mock.support.solve(ticketId, { reply: 'Solved for +447700900125' });
    await api.post(`/v1/support/tickets/${ticketId}/csat`, { score: 5, comment: 'Thanks about 7700 900125' });
    const access = {
      type: 'access',
      subject: { type: 'account' },
      note: 'Asked by 07700 900125 on the phone',
    };
    const noted = await api.post('/v1/privacy_requests', access, {
      headers: { 'idempotency-key': 'note-1' },
    });
    const rectification = await api.post('/v1/privacy_requests', {
      type: 'rectification',
      subject: { type: 'account' },
      changes: { name: 'Acme (07700900125)' },
    });
    const early = await api.post('/v1/privacy_requests', { type: 'export', subject: { type: 'account' } });
    await mock.clock.advance('12s');
    expect((await api.get(`/v1/privacy_requests/${early.body.id}/export`)).status).toBe(200);
    // Before the erasure, the texts say what they were given.
    expect(formsIn(text(await api.get(`/v1/support/tickets/${ticketId}`)), GB)).not.toEqual([]);

    const erasure = await api.post('/v1/privacy_requests', {
      type: 'erasure',
      subject: { type: 'recipient', phone_number: ERASED },
    });
    await mock.clock.advance('5s');
    const erasedAt = mock.clock.now().getTime();
    expect((await api.get(`/v1/privacy_requests/${erasure.body.id}`)).body.status).toBe('completed');

    const message = await api.get(`/v1/messages/${sent.body.id}`);
    expect(message.body.metadata).toEqual({
      referred_by: '[erased]',
      note: 'call [erased], not 07700 900126',
      '[erased]': 'a key that names it',
      neighbours: NEIGHBOURS,
    });
    expect(message.body.preview).toBe('Referred by [erased], thanks');
    expect((await api.get(`/v1/logs/${sent.body.id}`)).body.preview).toBe('Referred by [erased], thanks');
    const solved = await api.get(`/v1/support/tickets/${ticketId}`);
    expect(solved.body.subject).toBe('About [erased]');
    expect(solved.body.messages.map((each: { body: string }) => each.body)).toEqual([
      'Customer [erased] asked; 07700900126 did not',
      'Again: [erased]',
      'Agent: we found [erased]',
      'Solved for [erased]',
    ]);
    expect(solved.body.csat.comment).toBe('Thanks about [erased]');
    expect((await api.get(`/v1/privacy_requests/${noted.body.id}`)).body.note).toBe(
      'Asked by [erased] on the phone',
    );
    expect((await api.get(`/v1/privacy_requests/${rectification.body.id}`)).body.changes).toEqual({
      name: 'Acme ([erased])',
    });
    expect((await api.get('/v1/account')).body.name).toBe('Acme ([erased])');
    expect((await api.get(`/v1/sessions/${line.body.id}`)).body.name).toBe('Line of [erased]');
    expect((await api.get('/v1/api_keys')).body.data.map((key: { name: string }) => key.name)).toContain(
      'Key for [erased]',
    );
    expect((await api.get('/v1/webhook_endpoints')).body.data[0].description).toBe('Hooks of [erased]');
    // The archive built before named the number: it is gone. One built now does not name it.
    expect((await api.get(`/v1/privacy_requests/${early.body.id}/export`)).status).toBe(404);
    const later = await api.post('/v1/privacy_requests', { type: 'export', subject: { type: 'account' } });
    await mock.clock.advance('5s');
    const archive = await api.get(`/v1/privacy_requests/${later.body.id}/export`);
    expect(archive.body.messages[0].metadata.referred_by).toBe('[erased]');

    // A retry of a request made before the erasure still gets its first answer, now without the number.
    const replays = [
      await api.post('/v1/messages', send, { headers: { 'idempotency-key': 'send-other' } }),
      await api.post('/v1/support/tickets', open, { headers: { 'idempotency-key': 'ticket-1' } }),
      await api.post('/v1/privacy_requests', access, { headers: { 'idempotency-key': 'note-1' } }),
    ];
    for (const replay of replays) expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replays[0]!.body.metadata.referred_by).toBe('[erased]');
    expect(replays[1]!.body.subject).toBe('About [erased]');
    expect(replays[2]!.body.note).toBe('Asked by [erased] on the phone');

    // The events still to be retried send their bodies as they are now.
    await mock.clock.advance('1h');
    const retried = receiver.at(HOOK).filter((attempt) => attempt.at.getTime() >= erasedAt);
    expect(retried.map((attempt) => attempt.event.type)).toContain('message.read');
    const everything = [
      ...(await crawl(api, [sent.body.id])),
      ...replays.map(text),
      text(archive),
      JSON.stringify(mock.webhooks.deliveries),
      ...retried.map((attempt) => attempt.body),
    ].join('\n');
    expect(formsIn(everything, GB)).toEqual([]);
    expect(everything).toContain('07700 900126');
    expect(everything).toContain(NEIGHBOURS);
  });

  it('finds the national forms of the number’s own country: an American number', async () => {
    const { account, apiKey } = mock.accounts.create({ region: 'us' });
    const api = clientFor(apiKey);
    const session = await api.post('/v1/sessions', {});
    mock.sessions.connect(session.body.id);
    const ticket = await api.post('/v1/support/tickets', {
      subject: 'Erase (202) 555-0123',
      body: 'Also written 202-555-0123, 202.555.0123, 2025550123, 1-202-555-0123 and +1 202 555 0123; not (202) 555-0124, nor 555-0123, nor 07700900125.',
    });
    const sent = await api.post('/v1/messages', {
      ...textMessage(session.body.id, '+12025550199', 'Hello'),
      metadata: { friend: '(202) 555-0123' },
    });
    await api.post('/v1/privacy_requests', {
      type: 'erasure',
      subject: { type: 'recipient', phone_number: '+12025550123' },
    });
    await mock.clock.advance('5s');
    const read = await api.get(`/v1/support/tickets/${ticket.body.id}`);
    expect(read.body.subject).toBe('Erase [erased]');
    expect(read.body.messages[0].body).toBe(
      'Also written [erased], [erased], [erased], [erased] and [erased]; not (202) 555-0124, nor 555-0123, nor 07700900125.',
    );
    expect((await api.get(`/v1/messages/${sent.body.id}`)).body.metadata).toEqual({ friend: '[erased]' });
    const US: NumberParts = { callingCode: '1', nationalNumber: '2025550123', trunk: '1' };
    expect(formsIn((await crawl(api, [sent.body.id])).join('\n'), US)).toEqual([]);
    expect(account.country).toBe('US');
  });

  it('quotes no form of it back in a refusal, even of a request that names it itself', async () => {
    const { apiKey, sessionId } = mock.quickstart();
    const api = clientFor(apiKey);
    await api.post('/v1/messages', textMessage(sessionId, ERASED));
    await api.post('/v1/privacy_requests', {
      type: 'erasure',
      subject: { type: 'recipient', phone_number: ERASED },
    });
    await mock.clock.advance('5s');
    for (const path of ['/v1/messages/07700900125', '/v1/logs/+447700900125', '/v1/nothing/447700900125']) {
      const answer = await api.get(path);
      expect(answer.status, path).toBe(404);
      expect(formsIn(text(answer), GB), path).toEqual([]);
    }
    const unknown = await api.get('/v1/logs?447700900125=1');
    expect([unknown.status, unknown.body.error.param]).toEqual([400, '[erased]']);
  });

  it('tells another account nothing of it: its refusals quote the number as sent', async () => {
    const first = mock.quickstart();
    await clientFor(first.apiKey).post('/v1/privacy_requests', {
      type: 'erasure',
      subject: { type: 'recipient', phone_number: ERASED },
    });
    await mock.clock.advance('5s');
    const other = clientFor(mock.quickstart().apiKey);
    const answer = await other.get('/v1/messages/+447700900125');
    expect(answer.body.error.message).toContain('+447700900125');
  });

  it('leaves another account’s texts alone', async () => {
    const first = mock.quickstart();
    const second = mock.quickstart();
    const other = clientFor(second.apiKey);
    const ticket = await other.post('/v1/support/tickets', { subject: 'Hi', body: 'About 07700 900125' });
    await clientFor(first.apiKey).post('/v1/privacy_requests', {
      type: 'erasure',
      subject: { type: 'recipient', phone_number: ERASED },
    });
    await mock.clock.advance('5s');
    expect((await other.get(`/v1/support/tickets/${ticket.body.id}`)).body.messages[0].body).toBe(
      'About 07700 900125',
    );
  });
});

describe('the erasure in free text, as a service function', () => {
  it('rewrites tickets and metadata without any request, from the country of a message to the number', () => {
    const { service, accountId, send } = connectedService(9);
    send(ERASED, 'Hi');
    const kept = service.messages.send(accountId, 'test', {
      sessionId: service.sessions.list(accountId, {}).data[0]!.id,
      to: OTHER,
      text: 'Hello',
      metadata: { referred_by: '07700 900125' },
    });
    const ticket = service.support.create(accountId, {
      subject: 'Re 07700900125',
      body: 'See +44 7700 900125.',
    });
    service.privacy.erasure.eraseRecipient(accountId, sha256(ERASED));
    expect(service.messages.get(accountId, kept.id).metadata).toEqual({ referred_by: '[erased]' });
    const read = service.support.get(accountId, ticket.id);
    expect([read.subject, read.messages?.[0]?.body]).toEqual(['Re [erased]', 'See [erased].']);
  });

  it('finds only the international forms of a number it knows by hash alone, from another country', () => {
    const { service, accountId } = connectedService(10);
    const body = '+1 202 555 0123 or (202) 555-0123';
    const ticket = service.support.create(accountId, { subject: 'Re', body });
    service.privacy.erasure.eraseRecipient(accountId, sha256('+12025550123'));
    expect(service.support.get(accountId, ticket.id).messages?.[0]?.body).toBe('[erased] or (202) 555-0123');
  });
});
