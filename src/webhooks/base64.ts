// Standard base64 (RFC 4648 §4) with `atob` and `btoa`, which every runtime has. Decoding is strict: a
// secret with a stray character or a wrong padding is refused, never read loosely as `atob` alone does.

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Returns the padded base64 spelling of `bytes`. */
export function encodeBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Returns the bytes of a padded base64 text, or null when it is not one: a character outside the standard
 * alphabet (white space, `-`, `_`), a missing or misplaced padding, or a length that is not a multiple of 4
 * (a text cut short, most often).
 */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | null {
  return BASE64.test(text) ? Uint8Array.from(atob(text), (char) => char.charCodeAt(0)) : null;
}
