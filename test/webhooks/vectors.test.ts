// The published Standard Webhooks vectors: each verifies at its timestamp, and a change to any byte of its
// id, timestamp, payload or signature makes it fail, for the reason that change calls for.
import { describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../src/webhooks/index.js';
import { headersOf, reasonOf, VECTORS, type Vector } from './fixtures.js';

function verify(
  vector: Vector,
  change: Partial<Record<'id' | 'timestamp' | 'payload' | 'signature', string>>,
) {
  const headers = {
    'webhook-id': change.id ?? vector.id,
    'webhook-timestamp': change.timestamp ?? String(vector.timestamp),
    'webhook-signature': change.signature ?? vector.signature,
  };
  return verifyWebhookSignature(change.payload ?? vector.payload, headers, {
    secret: vector.secret,
    now: vector.timestamp,
  });
}

// Every text that differs from `text` in exactly one character, the character swapped for a neighbour of
// the same kind (a digit for a digit, a letter for a letter), so the result still looks well-formed.
function oneCharacterChanges(text: string): string[] {
  return [...text].map((char, index) => {
    const swapped = /\d/.test(char)
      ? String((Number(char) + 1) % 10)
      : /[a-y]/i.test(char)
        ? String.fromCharCode(char.charCodeAt(0) + 1)
        : char === 'A'
          ? 'B'
          : 'A';
    return text.slice(0, index) + swapped + text.slice(index + 1);
  });
}

describe.each(VECTORS.map((vector) => [vector.id, vector] as const))(
  'the published vector %s',
  (_, vector) => {
    it('verifies at its timestamp, given as unix seconds or as a Date', async () => {
      await expect(
        verifyWebhookSignature(vector.payload, headersOf(vector), {
          secret: vector.secret,
          now: vector.timestamp,
        }),
      ).resolves.toBeUndefined();
      await expect(
        verifyWebhookSignature(vector.payload, headersOf(vector), {
          secret: vector.secret,
          now: new Date(vector.timestamp * 1000),
        }),
      ).resolves.toBeUndefined();
    });

    it('fails with no_matching_signature once any byte of the id changes', async () => {
      for (const id of oneCharacterChanges(vector.id)) {
        expect(await reasonOf(verify(vector, { id }))).toBe('no_matching_signature');
      }
    });

    it('fails once any byte of the payload changes', async () => {
      for (const payload of oneCharacterChanges(vector.payload)) {
        expect(await reasonOf(verify(vector, { payload }))).toBe('no_matching_signature');
      }
    });

    it('fails once any byte of the signature changes, the v1, prefix included', async () => {
      for (const signature of oneCharacterChanges(vector.signature)) {
        expect(await reasonOf(verify(vector, { signature }))).toBe('no_matching_signature');
      }
    });

    it('fails once any digit of the timestamp changes: out of tolerance, or else on the signature', async () => {
      for (const timestamp of oneCharacterChanges(String(vector.timestamp))) {
        const shift = Number(timestamp) - vector.timestamp;
        const expected =
          shift > 300 ? 'timestamp_too_new' : shift < -300 ? 'timestamp_too_old' : 'no_matching_signature';
        expect(await reasonOf(verify(vector, { timestamp }))).toBe(expected);
      }
    });

    it('fails with invalid_timestamp once a digit of the timestamp becomes something else', async () => {
      for (const [index] of [...String(vector.timestamp)].entries()) {
        const text = String(vector.timestamp);
        const timestamp = `${text.slice(0, index)}x${text.slice(index + 1)}`;
        expect(await reasonOf(verify(vector, { timestamp }))).toBe('invalid_timestamp');
      }
    });

    it('does not match the same signature in another base64 spelling', async () => {
      const base64 = vector.signature.slice(3);
      const spellings = [
        base64.replace(/=+$/, ''), // unpadded
        base64.replaceAll('+', '-').replaceAll('/', '_'), // base64url
        `${base64}=`,
      ].filter((spelling) => spelling !== base64);
      expect(spellings.length).toBeGreaterThan(1);
      for (const spelling of spellings) {
        expect(await reasonOf(verify(vector, { signature: `v1,${spelling}` }))).toBe('no_matching_signature');
      }
    });
  },
);
