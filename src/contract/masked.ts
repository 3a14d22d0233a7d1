// Personal data in the models: previews, phone numbers and secrets are values that print masked everywhere
// (console.log, util.inspect, JSON.stringify, template strings) and give up their text only on `reveal()`.
// No schema here: `aulm/webhooks` builds them without zod. `instanceof` holds across copies (brand.ts).
import { isBranded, markBrands } from './brand.js';

const inspect = Symbol.for('nodejs.util.inspect.custom');

/**
 * A value that prints only masked, however it is printed: `String()`, template strings,
 * `JSON.stringify`, `console.log` and `util.inspect` all show `toString()`. `reveal()` gives the value.
 */
export abstract class MaskedValue {
  /** The class's name, stable under minification; `instanceof` reads it. */
  static readonly brand: string = 'MaskedValue';

  /** Whether `value` is one of this class, made by this copy of the SDK or another (ESM, CommonJS, `aulm/webhooks`). */
  static [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class right of `instanceof`, often a subclass.
    return isBranded(this, value);
  }

  constructor() {
    markBrands(new.target, Object);
  }

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
  static override readonly brand: string = 'Redacted';
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
  static override readonly brand: string = 'PhoneNumber';
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
    return this.#e164 === (typeof other === 'string' ? other : other.e164);
  }

  /** Returns the number masked: `+44 ••••••0123`. */
  override toString(): string {
    const code = callingCode(this.#e164);
    const rest = this.#e164.length - 1 - code.length;
    const shown = Math.min(4, rest);
    return `+${code} ${'•'.repeat(rest - shown)}${this.#e164.slice(this.#e164.length - shown)}`;
  }
}

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
  static override readonly brand: string = 'Secret';
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
