// Standard base64 (RFC 4648 §4) without `Buffer`, so the webhook code runs in every runtime. Decoding is
// strict: a secret with a stray character or a wrong padding is refused, never read loosely as `atob` does.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Map([...ALPHABET].map((char, index) => [char, index]));

/** Returns the padded base64 spelling of `bytes`. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const word = (a << 16) | (b << 8) | c;
    out += ALPHABET[(word >> 18) & 63]! + ALPHABET[(word >> 12) & 63]!;
    out += i + 1 < bytes.length ? ALPHABET[(word >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? ALPHABET[word & 63]! : '=';
  }
  return out;
}

/**
 * Returns the bytes of a padded base64 text, or null when it is not one: a character outside the standard
 * alphabet (white space, `-`, `_`), a missing or misplaced padding, or a length that is not a multiple of 4
 * (a text cut short, most often).
 */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 !== 0) return null;
  const body = text.replace(/={1,2}$/, '');
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let count = 0;
  let at = 0;
  for (const char of body) {
    const value = VALUES.get(char);
    if (value === undefined) return null;
    bits = ((bits << 6) | value) & 0xfff;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[at++] = (bits >> count) & 0xff;
    }
  }
  return out;
}
