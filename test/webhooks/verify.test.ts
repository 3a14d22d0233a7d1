// verifyWebhookSignature and verifyWebhook: the tolerance both ways, rotation with several secrets,
// several signatures in one header, bad secrets, missing headers, every shape of headers and raw body,
// and messages that say what to do without ever quoting the secret or the body.
import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook, verifyWebhookSignature } from '../../src/webhooks/index.js';
import {
  eventBody,
  headersOf,
  OTHER_SECRET,
  reasonOf,
  rejection,
  SECRET,
  SESSION_WIRE,
  VECTORS,
} from './fixtures.js';

const vector = VECTORS[0]!;
const THIRD_SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const at = vector.timestamp;

function verifyAt(now: number, tolerance?: number) {
  return verifyWebhookSignature(vector.payload, headersOf(vector), { secret: vector.secret, now, tolerance });
}

describe('the timestamp', () => {
  it('passes up to 300 seconds either way by default', async () => {
    await expect(verifyAt(at + 300)).resolves.toBeUndefined();
    await expect(verifyAt(at - 300)).resolves.toBeUndefined();
  });

  it('fails as timestamp_too_old past the tolerance, saying by how much', async () => {
    const error = await rejection(verifyAt(at + 301));
    expect(error.reason).toBe('timestamp_too_old');
    expect(error.message).toContain('301 seconds ago');
    expect(error.message).toContain('tolerance of 300 seconds');
  });

  it('fails as timestamp_too_new when it is ahead of the clock past the tolerance', async () => {
    const error = await rejection(verifyAt(at - 301));
    expect(error.reason).toBe('timestamp_too_new');
    expect(error.message).toMatch(/301 seconds in the future.*clock/);
  });

  it('takes a tolerance in seconds, 0 included', async () => {
    await expect(verifyAt(at + 10, 10)).resolves.toBeUndefined();
    expect(await reasonOf(verifyAt(at + 11, 10))).toBe('timestamp_too_old');
    await expect(verifyAt(at, 0)).resolves.toBeUndefined();
    expect(await reasonOf(verifyAt(at - 1, 0))).toBe('timestamp_too_new');
  });

  it('is checked against the clock when no `now` is given', async () => {
    const body = eventBody('session.connected', SESSION_WIRE);
    await expect(
      verifyWebhookSignature(body, await signWebhook(body, { secret: SECRET }), { secret: SECRET }),
    ).resolves.toBeUndefined();
    const stale = await signWebhook(body, { secret: SECRET, timestamp: new Date(Date.now() - 400_000) });
    expect(await reasonOf(verifyWebhookSignature(body, stale, { secret: SECRET }))).toBe('timestamp_too_old');
  });

  it.each(['', 'abc', '1614265330.5', '-1614265330', '1e9', '0x60380f72'])(
    'fails as invalid_timestamp for %j',
    async (timestamp) => {
      const headers = { ...headersOf(vector), 'webhook-timestamp': timestamp };
      const expected = timestamp === '' ? 'missing_header' : 'invalid_timestamp';
      expect(
        await reasonOf(verifyWebhookSignature(vector.payload, headers, { secret: vector.secret, now: at })),
      ).toBe(expected);
    },
  );

  it('refuses a bad `tolerance` or `now` as a programming error, with a TypeError', async () => {
    await expect(verifyAt(at, -1)).rejects.toThrow(TypeError);
    await expect(verifyAt(at, Number.NaN)).rejects.toThrow(TypeError);
    await expect(verifyAt(Number.NaN)).rejects.toThrow(TypeError);
    await expect(
      verifyWebhookSignature(vector.payload, headersOf(vector), {
        secret: vector.secret,
        now: new Date('x'),
      }),
    ).rejects.toThrow(TypeError);
  });
});

describe('secrets', () => {
  it('verifies with any of several secrets, as while a secret is rotated', async () => {
    for (const secret of [
      [OTHER_SECRET, vector.secret],
      [vector.secret, OTHER_SECRET],
    ]) {
      await expect(
        verifyWebhookSignature(vector.payload, headersOf(vector), { secret, now: at }),
      ).resolves.toBeUndefined();
    }
  });

  it('fails with no_matching_signature when none of the secrets signed it', async () => {
    const error = await rejection(
      verifyWebhookSignature(vector.payload, headersOf(vector), {
        secret: [OTHER_SECRET, THIRD_SECRET],
        now: at,
      }),
    );
    expect(error.reason).toBe('no_matching_signature');
    expect(error.message).toContain('any of the secrets given');
    expect(error.message).toContain('raw body');
  });

  it.each([
    ['an empty secret', '', /is empty/],
    ['a secret without whsec_', 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', /does not start with "whsec_"/],
    ['an API key', 'aulm_test_0123456789abcdefghijklmnopqrstuv', /looks like an API key/],
    ['whsec_ alone', 'whsec_', /not "whsec_" followed by base64/],
    ['a cut secret', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS', /not "whsec_" followed by base64/],
    ['base64url', 'whsec_C2FVsBQIhrscChlQIMV-b5sSYspob7oD', /not "whsec_" followed by base64/],
    ['a space inside', 'whsec_MfKQ9r8GKYqrTwjU PD8ILPZIo2LaLaSw', /not "whsec_" followed by base64/],
    ['a number', 42, /is a number/],
    ['no secret', undefined, /is missing/],
    ['an empty list', [], /list of webhook secrets is empty/],
  ])('fails as invalid_secret for %s, saying what is wrong', async (_, secret, message) => {
    const error = await rejection(
      verifyWebhookSignature(vector.payload, headersOf(vector), { secret: secret as string, now: at }),
    );
    expect(error.reason).toBe('invalid_secret');
    expect(error.message).toMatch(message);
  });

  it.each([' ', '\n', '\t', '\r\n'])('says to trim a secret with %j at its start or end', async (space) => {
    for (const secret of [`${space}${SECRET}`, `${SECRET}${space}`]) {
      const error = await rejection(
        verifyWebhookSignature(vector.payload, headersOf(vector), { secret, now: at }),
      );
      expect(error.reason).toBe('invalid_secret');
      expect(error.message).toBe('The webhook secret has white space at its start or end; trim it.');
    }
  });

  it('names which secret of a list is bad', async () => {
    const error = await rejection(
      verifyWebhookSignature(vector.payload, headersOf(vector), { secret: [SECRET, `${SECRET} `], now: at }),
    );
    expect(error.message).toBe('Webhook secret 2 of 2 has white space at its start or end; trim it.');
  });

  it('checks the secret before anything else, so a misconfiguration shows on the first request', async () => {
    expect(await reasonOf(verifyWebhookSignature({} as never, {}, { secret: '' }))).toBe('invalid_secret');
  });

  it('never quotes the secret, in any message', async () => {
    const key = OTHER_SECRET.slice('whsec_'.length);
    const errors = await Promise.all(
      [`${OTHER_SECRET} `, key, `${OTHER_SECRET}!`, OTHER_SECRET, [SECRET.slice(1), OTHER_SECRET]].map(
        (secret) => rejection(verifyWebhookSignature(vector.payload, headersOf(vector), { secret, now: at })),
      ),
    );
    for (const error of errors) {
      expect(error.message).not.toContain(key.slice(0, 8));
      expect(error.message).not.toContain(SECRET.slice(7, 15));
    }
  });
});

describe('the webhook-signature header', () => {
  const good = vector.signature;
  const bad = 'v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

  it.each([
    ['the matching one last', `${bad} ${good}`],
    ['the matching one first', `${good} ${bad}`],
    ['a v2 signature beside', `v2,somethingelse ${good}`],
    ['two header lines joined with a comma', `${bad}, ${good}`],
    ['extra white space', `  ${bad}\t ${good}  `],
  ])('verifies with several signatures, %s', async (_, signature) => {
    const headers = { ...headersOf(vector), 'webhook-signature': signature };
    await expect(
      verifyWebhookSignature(vector.payload, headers, { secret: vector.secret, now: at }),
    ).resolves.toBeUndefined();
  });

  it.each([
    ['a v2 signature', `v2,${good.slice(3)}`],
    ['a signature without version', good.slice(3)],
    ['a v1 prefix alone', 'v1,'],
    ['only wrong ones', `${bad} ${bad}`],
  ])('fails with no_matching_signature for %s', async (_, signature) => {
    const headers = { ...headersOf(vector), 'webhook-signature': signature };
    expect(
      await reasonOf(verifyWebhookSignature(vector.payload, headers, { secret: vector.secret, now: at })),
    ).toBe('no_matching_signature');
  });
});

describe('missing headers', () => {
  it.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'])(
    'fails as missing_header naming %s',
    async (name) => {
      for (const value of [undefined, '', '   ']) {
        const headers: Record<string, string | undefined> = { ...headersOf(vector), [name]: value };
        const error = await rejection(
          verifyWebhookSignature(vector.payload, headers, { secret: vector.secret, now: at }),
        );
        expect(error.reason).toBe('missing_header');
        expect(error.message).toMatch(new RegExp(`^The ${name} header is missing`));
      }
    },
  );

  it('names every header that is missing', async () => {
    const error = await rejection(
      verifyWebhookSignature(vector.payload, new Headers({ 'content-type': 'application/json' }), {
        secret: vector.secret,
      }),
    );
    expect(error.message).toMatch(
      /^The webhook-id, webhook-timestamp and webhook-signature headers are missing/,
    );
  });

  it('fails as missing_header when no headers are given', async () => {
    const error = await rejection(
      verifyWebhookSignature(vector.payload, undefined as never, { secret: SECRET }),
    );
    expect(error.reason).toBe('missing_header');
    expect(error.message).toContain('No headers were given');
  });
});

describe('the shapes of headers', () => {
  it('reads a Headers', async () => {
    const headers = new Headers(headersOf(vector));
    await expect(
      verifyWebhookSignature(vector.payload, headers, { secret: vector.secret, now: at }),
    ).resolves.toBeUndefined();
  });

  it('reads a plain object with names in any case', async () => {
    const headers = {
      'Webhook-Id': vector.id,
      'WEBHOOK-TIMESTAMP': String(vector.timestamp),
      'webhook-Signature': vector.signature,
    };
    await expect(
      verifyWebhookSignature(vector.payload, headers, { secret: vector.secret, now: at }),
    ).resolves.toBeUndefined();
  });

  it("reads Node's IncomingHttpHeaders, taking every signature of a list and the first of other lists", async () => {
    const headers: IncomingHttpHeaders = {
      'content-type': 'application/json',
      'webhook-id': [vector.id, 'msg_other'] as unknown as string,
      'webhook-timestamp': String(vector.timestamp),
      'webhook-signature': ['v1,AAAA', vector.signature] as unknown as string,
      'set-cookie': ['a=1', 'b=2'],
    };
    await expect(
      verifyWebhookSignature(vector.payload, headers, { secret: vector.secret, now: at }),
    ).resolves.toBeUndefined();
  });

  it('reads a timestamp given as a number in a plain object', async () => {
    const headers = { ...headersOf(vector), 'webhook-timestamp': vector.timestamp };
    await expect(
      verifyWebhookSignature(vector.payload, headers, { secret: vector.secret, now: at }),
    ).resolves.toBeUndefined();
  });
});

describe('the raw body', () => {
  const body = eventBody('session.connected', { ...SESSION_WIRE, name: 'Café 👋 Zürich' });
  const bytes = new TextEncoder().encode(body);

  it.each([
    ['a string', body],
    ['a Uint8Array', bytes],
    ['a Buffer', Buffer.from(body)],
    ['a Buffer that is a slice of a larger one', Buffer.from(`xx${body}yy`).subarray(2, 2 + bytes.length)],
    ['an ArrayBuffer', bytes.slice().buffer],
    ['a DataView', new DataView(bytes.slice().buffer)],
  ])('verifies %s, the same bytes whatever their form', async (_, raw) => {
    const headers = await signWebhook(body, { secret: SECRET });
    const event = await verifyWebhook(raw, headers, { secret: SECRET });
    expect(event).toMatchObject({ type: 'session.connected', data: { name: 'Café 👋 Zürich' } });
  });

  it('verifies bytes that are not UTF-8 as they are, and then finds them no event', async () => {
    const raw = new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]);
    const headers = await signWebhook(raw, { secret: SECRET });
    await expect(verifyWebhookSignature(raw, headers, { secret: SECRET })).resolves.toBeUndefined();
    const error = await rejection(verifyWebhook(raw, headers, { secret: SECRET }));
    expect(error).toMatchObject({ reason: 'invalid_payload', message: expect.stringContaining('not UTF-8') });
  });

  it.each([
    ['a parsed object', JSON.parse(vector.payload)],
    ['a parsed array', []],
  ])('fails as invalid_payload for %s, saying to pass the raw body', async (_, parsed) => {
    const error = await rejection(
      verifyWebhook(parsed, headersOf(vector), { secret: vector.secret, now: at }),
    );
    expect(error.reason).toBe('invalid_payload');
    expect(error.message).toContain('already-parsed object');
    expect(error.message).toContain('express.raw({ type: "application/json" })');
    expect(error.message).toContain('await request.text()');
    expect(error.message).not.toContain('2432232314');
  });

  it.each([
    ['no body', undefined, 'No body was given'],
    ['a number', 2432232314, 'given as a number'],
  ])('fails as invalid_payload for %s', async (_, raw, message) => {
    const error = await rejection(
      verifyWebhookSignature(raw as never, headersOf(vector), { secret: vector.secret, now: at }),
    );
    expect(error).toMatchObject({ reason: 'invalid_payload', message: expect.stringContaining(message) });
  });
});
