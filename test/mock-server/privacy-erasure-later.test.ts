// Text written after an erasure: the number the account erased is not written down again in free text
// (a ticket, a note, metadata, a preview, a label, the journal's paths and keys), the same way as the text
// kept before it; a send to the number, or a request about it, filed anew still shows it where it is the
// subject, since the business gave it again.
import { describe, expect, it } from 'vitest';
import { clientFor, textMessage, useMock } from './client.js';
import { crawl, formsIn, type NumberParts } from './erased-forms.js';
import { Receiver } from './webhook-receiver.js';

const receiver = new Receiver();
const mock = useMock({ seed: 44, webhooks: { deliver: receiver.deliver } });
receiver.attach(mock);

const ERASED = '+447700900125';
const GB: NumberParts = { callingCode: '44', nationalNumber: '7700900125', trunk: '0' };
const OTHER = '+447700900888';
const HOOK = 'https://hooks.example.com/later';

/** An account that erased ERASED, with a connected session and an endpoint receiving every event. */
async function erasedAccount() {
  receiver.clear();
  const { apiKey, sessionId } = mock.quickstart();
  const api = clientFor(apiKey);
  await api.post('/v1/privacy_requests', {
    type: 'erasure',
    subject: { type: 'recipient', phone_number: ERASED },
  });
  await mock.clock.advance('5s');
  return { api, sessionId };
}

describe('text written after an erasure', () => {
  it('does not keep the erased number in any free text, in any form, and keeps the rest', async () => {
    const { api, sessionId } = await erasedAccount();
    const endpoint = await api.post('/v1/webhook_endpoints', {
      url: HOOK,
      events: ['*'],
      description: 'For +44 7700 900125',
    });
    await api.patch(`/v1/webhook_endpoints/${endpoint.body.id}`, { description: 'Now 07700 900125' });
    await api.patch('/v1/account', { name: 'Acme, 07700900125' });
    const line = await api.post('/v1/sessions', { name: 'Line of 447700900125' });
    mock.sessions.connect(line.body.id);
    await api.post('/v1/api_keys', { name: 'Key of (0)7700-900125', scopes: ['logs:read'] });
    const long = 'We will call your friend on 07700 900125 tomorrow';
    const sent = await api.post(
      '/v1/messages',
      {
        ...textMessage(sessionId, OTHER, long),
        metadata: { referred_by: '07700 900125', ref: '07700 900126' },
      },
      { headers: { 'idempotency-key': 'later-+447700900125' } },
    );
    const ticket = await api.post('/v1/support/tickets', {
      subject: 'Re +447700900125',
      body: 'See 07700900125',
    });
    const id: string = ticket.body.id;
    await api.post(`/v1/support/tickets/${id}/messages`, { body: 'And 07700 900125' });
    mock.support.reply(id, 'Agent: 447700900125 is erased');
    mock.support.solve(id);
    await api.post(`/v1/support/tickets/${id}/csat`, { score: 4, comment: 'ok 07700900125' });
    const note = await api.post('/v1/privacy_requests', {
      type: 'access',
      subject: { type: 'account' },
      note: 'For 07700 900125',
    });
    await api.get('/v1/messages/07700900125');
    await mock.clock.advance('15s');

    expect(sent.body.preview).toBe('We will call your friend on [erased] tom…');
    expect(sent.body.metadata).toEqual({ referred_by: '[erased]', ref: '07700 900126' });
    const read = await api.get(`/v1/support/tickets/${id}`);
    expect(read.body.subject).toBe('Re [erased]');
    expect(read.body.messages.map((message: { body: string }) => message.body)).toEqual([
      'See [erased]',
      'And [erased]',
      'Agent: [erased] is erased',
    ]);
    expect(read.body.csat.comment).toBe('ok [erased]');
    expect((await api.get(`/v1/privacy_requests/${note.body.id}`)).body.note).toBe('For [erased]');
    expect((await api.get('/v1/account')).body.name).toBe('Acme, [erased]');
    expect((await api.get(`/v1/sessions/${line.body.id}`)).body.name).toBe('Line of [erased]');
    expect((await api.get(`/v1/webhook_endpoints/${endpoint.body.id}`)).body.description).toBe(
      'Now [erased]',
    );
    const journal = mock.journal.map((entry) => `${entry.path} ${entry.idempotencyKey}`);
    expect(journal).toContain('/v1/messages/[erased] null');
    expect(journal).toContain('/v1/messages later-[erased]');
    const everything = [
      ...(await crawl(api, [sent.body.id])),
      JSON.stringify(mock.journal),
      ...receiver.received.map((attempt) => attempt.body),
    ].join('\n');
    expect(receiver.received.map((attempt) => attempt.event.type)).toContain('session.connected');
    expect(formsIn(everything, GB)).toEqual([]);
    expect(everything).toContain('07700 900126');
  });

  it('still shows the number where the business gives it anew as the subject: a send to it, a request about it', async () => {
    const { api, sessionId } = await erasedAccount();
    const sent = await api.post('/v1/messages', {
      ...textMessage(sessionId, ERASED, 'Hello again'),
      metadata: { self: ERASED },
    });
    const request = await api.post('/v1/privacy_requests', {
      type: 'access',
      subject: { type: 'recipient', phone_number: ERASED },
      note: `Asked by ${ERASED}`,
    });
    expect(sent.body).toMatchObject({ to: ERASED, metadata: { self: '[erased]' } });
    expect(request.body).toMatchObject({
      subject: { type: 'recipient', phone_number: ERASED },
      note: 'Asked by [erased]',
    });
  });

  it('leaves the journal of the requests before any erasure as it was', async () => {
    receiver.clear();
    const { apiKey } = mock.quickstart();
    await clientFor(apiKey).get('/v1/messages/07700900125');
    expect(mock.journal.at(-1)?.path).toBe('/v1/messages/07700900125');
  });
});
