// The base64 codec of the webhook code, against Node's Buffer: the same text out, the same bytes back,
// and nothing that is not padded standard base64 taken in.
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../../src/webhooks/base64.js';

describe('base64', () => {
  it('encodes and decodes as Buffer does, for every length up to 70 bytes', () => {
    for (let length = 0; length <= 70; length++) {
      const bytes = globalThis.crypto.getRandomValues(new Uint8Array(length));
      const text = Buffer.from(bytes).toString('base64');
      expect(encodeBase64(bytes)).toBe(text);
      expect(decodeBase64(text)).toEqual(new Uint8Array(bytes));
    }
  });

  it.each(['QQ', 'QQ=', 'Q===', 'QQ==QQ==', 'QQ-_', 'QQ Q', ' QQ=', 'Q\nQ=', 'QQ=A', 'Ä==='])(
    'refuses %j',
    (text) => {
      expect(decodeBase64(text)).toBeNull();
    },
  );
});
