// verifyWebhook reads a verified body into the event: known types into their models (previews and phone
// numbers redacted as everywhere), unknown types as UnknownWebhookEvent, anything else as invalid_payload.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EVENT_DATA } from '../../src/contract/events.js';
import { PhoneNumber, Redacted } from '../../src/contract/personal.js';
import { Aulm } from '../../src/index.js';
import { KNOWN_EVENT } from '../../src/webhooks/event.js';
import { signWebhook, verifyWebhook, verifyWebhookSignature } from '../../src/webhooks/index.js';
import { eventBody, MESSAGE_WIRE, rejection, SECRET, SESSION_WIRE } from './fixtures.js';

const client = new Aulm({ apiKey: 'aulm_test_key', baseURL: 'http://127.0.0.1:9' });

async function delivered(body: string) {
  return verifyWebhook(body, await signWebhook(body, { secret: SECRET }), { secret: SECRET });
}

async function invalidPayload(body: string) {
  const error = await rejection(delivered(body));
  expect(error.reason).toBe('invalid_payload');
  expect(error.message).toMatch(/^The signature is valid, but /);
  return error.message;
}

describe('a known event', () => {
  it('comes back typed, message.delivered with a Message whose preview and number print redacted', async () => {
    const event = await delivered(eventBody('message.delivered', MESSAGE_WIRE));
    expect(event.unknown).toBeUndefined();
    if (event.unknown || event.type !== 'message.delivered') throw new Error('expected message.delivered');
    expect(event.id).toBe('evt_0123456789abcdefghijklmn');
    expect(event.timestamp).toEqual(new Date('2026-11-01T10:00:03.000Z'));
    expect(event.data).toMatchObject({
      id: MESSAGE_WIRE.id,
      sessionId: MESSAGE_WIRE.session_id,
      status: 'delivered',
      metadata: { order: '1042' },
      createdAt: new Date(MESSAGE_WIRE.created_at),
    });
    expect(event.data.to).toBeInstanceOf(PhoneNumber);
    expect(event.data.preview).toBeInstanceOf(Redacted);
    expect(`${event.data.to}`).toBe('+44 ••••••0123');
    expect(String(event.data.preview)).toBe('[redacted: 17 chars]');
    expect(event.data.to.reveal()).toBe('+447700900123');
    expect(event.data.preview?.reveal()).toBe('Your code is 4821');
    for (const printed of [JSON.stringify(event), inspect(event, { depth: 5 })]) {
      expect(printed).not.toContain('447700900123');
      expect(printed).not.toContain('4821');
    }
  });

  it('decodes a session event into a Session', async () => {
    const event = await delivered(eventBody('session.connected', SESSION_WIRE));
    if (event.unknown || event.type !== 'session.connected') throw new Error('expected session.connected');
    expect(event.data).toMatchObject({ id: SESSION_WIRE.id, status: 'connected', region: 'eu' });
    expect(`${event.data.phoneNumber}`).toBe('+44 ••••••0555');
  });

  it('keeps, camelCased, a field of the data that this version does not know; the client drops it', async () => {
    const body = eventBody('message.sent', { ...MESSAGE_WIRE, status: 'sent', new_field: 1 });
    expect((await delivered(body)).data).toHaveProperty('newField', 1);
    const viaClient = await client.webhooks.verify(body, await signWebhook(body, { secret: SECRET }), {
      secret: SECRET,
    });
    expect(viaClient.data).not.toHaveProperty('newField');
    expect(viaClient.data).not.toHaveProperty('new_field');
  });

  it('fails as invalid_payload when the data is not the object its type is about', async () => {
    expect(await invalidPayload(eventBody('session.disconnected', null))).toContain(
      'data should be an object',
    );
    expect(await invalidPayload(eventBody('message.sent', { ...SESSION_WIRE }))).toContain(
      'data.object should be "message"',
    );
  });
});

describe('the client, aulm.webhooks.verify', () => {
  async function refusal(body: string) {
    const headers = await signWebhook(body, { secret: SECRET });
    const error = await rejection(client.webhooks.verify(body, headers, { secret: SECRET }));
    expect(error.reason).toBe('invalid_payload');
    return error.message;
  }

  it('reads a known event into the same model as aulm/webhooks does', async () => {
    const body = eventBody('message.delivered', MESSAGE_WIRE);
    const headers = await signWebhook(body, { secret: SECRET });
    const event = await client.webhooks.verify(body, headers, { secret: SECRET });
    expect(event).toEqual(await delivered(body));
  });

  it('fails as invalid_payload naming the field of data that does not match its model, never its value', async () => {
    const message = await refusal(eventBody('message.delivered', { ...MESSAGE_WIRE, to: '447700900123' }));
    expect(message).toContain('data.to');
    expect(message).toContain('message.delivered');
    expect(message).not.toContain('447700900123');
    expect(await refusal(eventBody('message.read', { ...MESSAGE_WIRE, status: 'seen' }))).toContain(
      'data.status should be one of "queued", "sent", "delivered", "read", "failed"',
    );
    const { session_id: _, ...withoutSession } = MESSAGE_WIRE;
    expect(await refusal(eventBody('message.sent', withoutSession))).toContain('data.session_id is missing');
    expect(await refusal(eventBody('session.disconnected', null))).toContain('data should be an object');
  });
});

describe('an unknown event type', () => {
  it('verifies and comes back as an UnknownWebhookEvent, its data as sent', async () => {
    const data = { id: 'inv_1', amount_due: 1200, nested: { at: '2026-11-01T10:00:00Z' } };
    const event = await delivered(eventBody('invoice.paid', data));
    expect(event).toEqual({
      id: 'evt_0123456789abcdefghijklmn',
      type: 'invoice.paid',
      timestamp: new Date('2026-11-01T10:00:03.000Z'),
      data,
      unknown: true,
    });
  });

  it('reads privacy_request.updated into a typed privacy request, its subject masked', async () => {
    const data = {
      id: 'prq_1',
      object: 'privacy_request',
      type: 'restriction',
      subject: { type: 'recipient', phone_number: '+447700900123' },
      status: 'completed',
      due_at: '2026-12-01T10:00:00.000Z',
      extended: false,
      created_at: '2026-11-01T10:00:00.000Z',
      updated_at: '2026-11-01T10:00:06.000Z',
      completed_at: '2026-11-01T10:00:06.000Z',
      result: { restricted_since: '2026-11-01T10:00:06.000Z' },
      rejection_reason: null,
    };
    const event = await delivered(eventBody('privacy_request.updated', data));
    if (event.unknown || event.type !== 'privacy_request.updated')
      throw new Error(`unexpected ${event.type}`);
    expect(event.unknown).toBeUndefined();
    expect(event.data.type === 'restriction' && event.data.result?.restrictedSince).toEqual(
      new Date('2026-11-01T10:00:06.000Z'),
    );
    expect(JSON.stringify(event)).not.toContain('447700900123');
  });

  it.each(['constructor', 'toString', '__proto__'])(
    'treats %s as a type name, not a property',
    async (type) => {
      const event = await delivered(eventBody(type, {}));
      expect(event).toMatchObject({ type, unknown: true });
    },
  );
});

describe('a verified body that is not an event', () => {
  it('fails as invalid_payload when it is not JSON', async () => {
    expect(await invalidPayload('not json')).toContain('not UTF-8 JSON text');
  });

  it.each([
    ['an array', '[]', 'the body should be an object'],
    ['a string', '"evt_1"', 'the body should be an object'],
    [
      'an envelope without type',
      JSON.stringify({ id: 'evt_1', timestamp: '2026-11-01T10:00:00Z', data: {} }),
      'type is missing',
    ],
    [
      'an envelope with an empty id',
      JSON.stringify({ id: '', type: 'a.b', timestamp: '2026-11-01T10:00:00Z', data: {} }),
      'id should not be empty',
    ],
    [
      'an envelope without data',
      JSON.stringify({ id: 'evt_1', type: 'a.b', timestamp: '2026-11-01T10:00:00Z' }),
      'data is missing',
    ],
    [
      'a bad timestamp',
      JSON.stringify({ id: 'evt_1', type: 'a.b', timestamp: 'yesterday', data: {} }),
      'timestamp should be an ISO 8601 timestamp',
    ],
  ])('fails as invalid_payload for %s, naming what is wrong', async (_, body, problem) => {
    const message = await invalidPayload(body);
    expect(message).toContain('not an event envelope {id, type, timestamp, data}');
    expect(message).toContain(problem);
  });

  it('passes verifyWebhookSignature, which checks the signature alone', async () => {
    const headers = await signWebhook('not json', { secret: SECRET });
    await expect(verifyWebhookSignature('not json', headers, { secret: SECRET })).resolves.toBeUndefined();
  });
});

describe('the event types aulm/webhooks knows without the contract', () => {
  it('are exactly the types of the contract, each named after the object its data is', () => {
    for (const type of Object.keys(EVENT_DATA)) expect(KNOWN_EVENT.test(type), type).toBe(true);
    for (const type of ['message', 'message.', 'message.sent.x', 'session.paused', 'invoice.paid']) {
      expect(KNOWN_EVENT.test(type), type).toBe(false);
    }
  });
});
