// Interoperability: what the Standard Webhooks reference library signs, we verify, and what we sign, it
// verifies; and Node's crypto and WebCrypto, the two ways we compute an HMAC, give the same signatures.
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook, verifyWebhookSignature } from '../../src/webhooks/index.js';
import { type HmacBackend, useHmacBackend } from '../../src/webhooks/signature.js';
import { eventBody, headersOf, MESSAGE_WIRE, OTHER_SECRET, SECRET, VECTORS } from './fixtures.js';

const BODIES = [
  '',
  '{}',
  eventBody('message.delivered', MESSAGE_WIRE),
  JSON.stringify({ text: 'Grüße, 東京 👋', n: 1 }),
  'x'.repeat(100_000),
];

afterEach(() => useHmacBackend('auto'));

describe('the standardwebhooks library', () => {
  it.each(BODIES.map((body) => [body.slice(0, 30), body]))('signs what we verify: %j', async (_, body) => {
    const id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';
    const date = new Date();
    const headers = {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(date.getTime() / 1000)),
      'webhook-signature': new Webhook(SECRET).sign(id, date, body),
    };
    await expect(verifyWebhookSignature(body, headers, { secret: SECRET })).resolves.toBeUndefined();
  });

  it.each(BODIES.map((body) => [body.slice(0, 30), body]))('verifies what we sign: %j', async (_, body) => {
    const headers = await signWebhook(body, { secret: SECRET });
    expect(() => new Webhook(SECRET).verify(body, { ...headers }, { jsonParse: false })).not.toThrow();
  });

  it('verifies what we sign with two secrets, with either secret', async () => {
    const body = eventBody('message.delivered', MESSAGE_WIRE);
    const headers = await signWebhook(body, { secret: [SECRET, OTHER_SECRET] });
    for (const secret of [SECRET, OTHER_SECRET]) {
      expect(new Webhook(secret).verify(body, { ...headers })).toMatchObject({ type: 'message.delivered' });
    }
  });

  it('rejects what we sign once the body changes, as we do', async () => {
    const headers = await signWebhook('{"a":1}', { secret: SECRET });
    expect(() => new Webhook(SECRET).verify('{"a":2}', { ...headers })).toThrow(
      'No matching signature found',
    );
  });
});

describe.each<HmacBackend>(['node', 'webcrypto'])('the %s HMAC', (backend) => {
  it('verifies both published vectors', async () => {
    useHmacBackend(backend);
    for (const vector of VECTORS) {
      await expect(
        verifyWebhookSignature(vector.payload, headersOf(vector), {
          secret: vector.secret,
          now: vector.timestamp,
        }),
      ).resolves.toBeUndefined();
    }
  });

  it('gives the same signatures as the other one, and as the standardwebhooks library', async () => {
    for (const body of BODIES) {
      const options = { secret: [SECRET, OTHER_SECRET], id: 'msg_1', timestamp: 1_800_000_000 };
      useHmacBackend(backend);
      const ours = await signWebhook(body, options);
      useHmacBackend(backend === 'node' ? 'webcrypto' : 'node');
      expect(await signWebhook(body, options)).toEqual(ours);
      const date = new Date(1_800_000_000_000);
      const theirs = [SECRET, OTHER_SECRET].map((secret) => new Webhook(secret).sign('msg_1', date, body));
      expect(ours['webhook-signature']).toBe(theirs.join(' '));
    }
  });
});

describe('the automatic choice of HMAC', () => {
  it('finds Node crypto on this Node, through process.getBuiltinModule', async () => {
    expect(typeof process.getBuiltinModule).toBe('function');
    useHmacBackend('node');
    await expect(signWebhook('{}', { secret: SECRET })).resolves.toHaveProperty('webhook-signature');
  });
});

describe('signWebhook', () => {
  const body = eventBody('message.delivered', MESSAGE_WIRE);

  it('round-trips through verifyWebhook', async () => {
    const event = await verifyWebhook(body, await signWebhook(body, { secret: SECRET }), { secret: SECRET });
    expect(event).toMatchObject({ id: 'evt_0123456789abcdefghijklmn', type: 'message.delivered' });
  });

  it("takes the event's id as webhook-id for an event envelope, as the service does", async () => {
    expect((await signWebhook(body, { secret: SECRET }))['webhook-id']).toBe('evt_0123456789abcdefghijklmn');
    expect((await signWebhook(new TextEncoder().encode(body), { secret: SECRET }))['webhook-id']).toBe(
      'evt_0123456789abcdefghijklmn',
    );
  });

  it('makes up a random msg_ id for any other payload', async () => {
    const [first, second] = await Promise.all([
      signWebhook('{"a":1}', { secret: SECRET }),
      signWebhook('{"a":1}', { secret: SECRET }),
    ]);
    expect(first['webhook-id']).toMatch(/^msg_[A-Za-z0-9]{24}$/);
    expect(second['webhook-id']).not.toBe(first['webhook-id']);
  });

  it('takes an id, and a timestamp in unix seconds or as a Date', async () => {
    const bySeconds = await signWebhook(body, {
      secret: SECRET,
      id: 'msg_given',
      timestamp: 1_800_000_000.9,
    });
    const byDate = await signWebhook(body, {
      secret: SECRET,
      id: 'msg_given',
      timestamp: new Date(1_800_000_000_900),
    });
    expect(bySeconds).toEqual(byDate);
    expect(bySeconds).toMatchObject({ 'webhook-id': 'msg_given', 'webhook-timestamp': '1800000000' });
  });

  it('stamps the current time by default', async () => {
    const before = Math.floor(Date.now() / 1000);
    const stamped = Number((await signWebhook(body, { secret: SECRET }))['webhook-timestamp']);
    expect(stamped).toBeGreaterThanOrEqual(before);
    expect(stamped).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
  });

  it('reproduces the published vectors', async () => {
    for (const vector of VECTORS) {
      const headers = await signWebhook(vector.payload, {
        secret: vector.secret,
        id: vector.id,
        timestamp: vector.timestamp,
      });
      expect(headers).toEqual(headersOf(vector));
    }
  });

  it('refuses a parsed object, which it cannot send byte for byte, and a bad secret', async () => {
    await expect(signWebhook(JSON.parse(body), { secret: SECRET })).rejects.toThrow(
      /JSON\.stringify\(event\)/,
    );
    await expect(signWebhook(body, { secret: 'whsec_bad!' })).rejects.toMatchObject({
      reason: 'invalid_secret',
    });
    await expect(signWebhook(body, { secret: SECRET, timestamp: Number.NaN })).rejects.toThrow(TypeError);
  });
});
