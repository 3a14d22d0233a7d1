// Personal data in the models: previews and phone numbers are values that print masked everywhere
// (console.log, util.inspect, JSON.stringify, template strings) and give up their text only on `reveal()`.
import * as z from 'zod/mini';

const inspect = Symbol.for('nodejs.util.inspect.custom');

/**
 * A value that prints only masked, however it is printed: `String()`, template strings,
 * `JSON.stringify`, `console.log` and `util.inspect` all show `toString()`. `reveal()` gives the value.
 */
export abstract class MaskedValue {
  /** Returns the value itself. Call it only where the value is meant to be seen or used. */
  abstract reveal(): string;

  /** Returns the value masked. */
  abstract toString(): string;

  /** Returns what `toString()` does, so `JSON.stringify` never writes the value out. */
  toJSON(): string {
    return this.toString();
  }

  /** Returns `toString()`: `String()` and templates print masked. */
  [Symbol.toPrimitive](): string {
    return this.toString();
  }

  /** Returns `toString()`: `util.inspect` prints masked. */
  [inspect](): string {
    return this.toString();
  }
}

/**
 * A piece of personal text, such as a message preview, that never prints itself.
 * Printing, `String()`, `JSON.stringify` and `util.inspect` show `[redacted: N chars]`.
 *
 * @example
 * ```ts
 * console.log(log.preview);          // [redacted: 18 chars]
 * console.log(log.preview?.reveal()); // Your code is 4821
 * ```
 */
export class Redacted extends MaskedValue {
  readonly #text: string;

  constructor(text: string) {
    super();
    this.#text = text;
  }

  /** The number of characters of the text, as the service stored it. */
  get length(): number {
    return [...this.#text].length;
  }

  /** Returns the text itself. Call it only where the text is meant to be seen. */
  override reveal(): string {
    return this.#text;
  }

  /** Returns `[redacted: N chars]`. */
  override toString(): string {
    return `[redacted: ${this.length} chars]`;
  }
}

/** E.164: `+`, then 8 to 15 digits, the first not zero. */
export const E164_PATTERN = /^\+[1-9]\d{7,14}$/;

/** Returns whether `value` is a phone number in E.164 form. */
export function isE164(value: string): boolean {
  return E164_PATTERN.test(value);
}

// Country calling codes of one or two digits; every other code has three (ITU-T E.164 assignments).
const SHORT_CALLING_CODES = new Set(
  '1 7 20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(
    ' ',
  ),
);

/** Returns the country calling code of an E.164 number, without the `+`. */
export function callingCode(e164: string): string {
  const digits = e164.slice(1);
  if (SHORT_CALLING_CODES.has(digits.slice(0, 1))) return digits.slice(0, 1);
  if (SHORT_CALLING_CODES.has(digits.slice(0, 2))) return digits.slice(0, 2);
  return digits.slice(0, 3);
}

/**
 * A phone number that prints masked: the country calling code and the last four digits
 * (`+447700900123` prints `+44 ••••••0123`). `reveal()` or `e164` give the full number.
 *
 * @example
 * ```ts
 * console.log(`${log.recipient}`);  // +44 ••••••0123
 * log.recipient.e164;               // '+447700900123'
 * ```
 */
export class PhoneNumber extends MaskedValue {
  readonly #e164: string;

  constructor(e164: string) {
    super();
    this.#e164 = e164;
  }

  /** The full number in E.164 form. */
  get e164(): string {
    return this.#e164;
  }

  /** Returns the full number in E.164 form. */
  override reveal(): string {
    return this.#e164;
  }

  /** Returns whether this is the same number as `other` (a `PhoneNumber` or an E.164 string). */
  equals(other: PhoneNumber | string): boolean {
    return this.#e164 === (other instanceof PhoneNumber ? other.e164 : other);
  }

  /** Returns the number masked: `+44 ••••••0123`. */
  override toString(): string {
    const code = callingCode(this.#e164);
    const rest = this.#e164.length - 1 - code.length;
    const shown = Math.min(4, rest);
    return `+${code} ${'•'.repeat(rest - shown)}${this.#e164.slice(this.#e164.length - shown)}`;
  }
}

// A value from another copy of this module (ESM beside CJS) fails `instanceof`, so look for `reveal`.
function revealed(value: unknown): string {
  if (
    typeof value === 'object' &&
    value !== null &&
    'reveal' in value &&
    typeof value.reveal === 'function'
  ) {
    return String(value.reveal());
  }
  return String(value);
}

/** A phone number on the wire as a request parameter: an E.164 string, checked. */
export const e164 = z.string().check(
  z.refine((value) => isE164(value), {
    error: 'must be a phone number in E.164 form: + then 8 to 15 digits, the first not 0',
    params: { code: 'invalid_phone_number' },
  }),
);

/** A phone number in a response: an E.164 string on the wire, a masked `PhoneNumber` in the model. */
export const phoneNumber = z.codec(e164, z.custom<PhoneNumber>(), {
  decode: (text) => new PhoneNumber(text),
  encode: (value) => revealed(value),
});

/** A preview of a message in a response: a string on the wire, a `Redacted` in the model. */
export const preview = z.codec(z.string(), z.custom<Redacted>(), {
  decode: (text) => new Redacted(text),
  encode: (value) => revealed(value),
});

const SECRET_PREFIX = /^(aulm_(test|live)_|whsec_)/;

/**
 * A credential the API shows once (a new API key, a webhook signing secret). It prints masked, with its
 * prefix and last four characters (`aulm_test_••••abcd`); `reveal()` gives the whole of it.
 *
 * @example
 * ```ts
 * const key = await aulm.apiKeys.create({ name: 'CI', scopes: ['logs:read'] });
 * console.log(key.secret);          // aulm_test_••••x7Qa
 * await vault.store(key.secret?.reveal());
 * ```
 */
export class Secret extends MaskedValue {
  readonly #value: string;

  constructor(value: string) {
    super();
    this.#value = value;
  }

  /** Returns the whole secret. Call it only to store or use it. */
  override reveal(): string {
    return this.#value;
  }

  /** Returns the secret masked: its prefix, `••••` and its last four characters. */
  override toString(): string {
    const prefix = SECRET_PREFIX.exec(this.#value)?.[0] ?? '';
    const rest = this.#value.slice(prefix.length);
    return rest.length >= 12 ? `${prefix}••••${rest.slice(-4)}` : `${prefix}••••`;
  }
}

/** A credential in a response: a string on the wire, a masked `Secret` in the model. */
export const secret = z.codec(z.string().check(z.minLength(1)), z.custom<Secret>(), {
  decode: (text) => new Secret(text),
  encode: (value) => revealed(value),
});
