// The numbers erased by privacy requests, per account, and the one way they are taken out of a text: every
// written form of them becomes `[erased]`. A number is kept as its SHA-256 and its country calling code, never
// itself. libphonenumber-js (its smallest metadata, `min`) finds what reads as a phone number, as a person of
// the number's country reads it (`+44 7700 900123`, `447700900123`, `07700 900123`, `(0)7700-900123`) and as
// one of the account's country dials it (`0044 7700 900123` from Britain, `011 44 7700 900123` from the US);
// a number found is erased when its E.164 form hashes to one kept, so another number that shares digits
// with it (`+4477009001230`, `07700900124`) is another number, and stays.
import {
  type CountryCode,
  findPhoneNumbersInText,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/min';
import { sha256Hex } from './privacy-digest.js';

// What an erased number becomes, wherever it stands in a text.
const ERASED_MARK = '[erased]';

// How a text is read: by a country's conventions (its national forms and its international dialling
// prefix), or by the national forms of the country that owns a calling code, or neither (`+` forms only).
type Reading = { defaultCountry: CountryCode } | { defaultCallingCode: string } | Record<string, never>;

// What one account (or every account at once) has erased, and the readings its texts get.
interface Erasures {
  /** The SHA-256 of each erased E.164 number, and its country calling code (`null`: not known). */
  readonly numbers: Map<string, string | null>;
  /** The account's own country, whose dialling conventions its texts are written in. */
  readonly countries: Set<string>;
  readings: Reading[];
}

/** Returns the country calling code of an E.164 number (`+447700900123` → `44`), or `null`. */
export function callingCodeOf(e164: string): string | null {
  return parsePhoneNumberFromString(e164)?.countryCallingCode ?? null;
}

/** The numbers erased in each account, known by hash; the registry every text of the service is checked by. */
export class ErasedNumbers {
  readonly #accounts = new Map<string, Erasures>();
  // Every account's at once (the mock's journal, which is no account's), made again after each change.
  #all: Erasures | null = null;

  /**
   * Records that `accountId` erased the number whose SHA-256 is `sha256`. `callingCode` (`44`) lets its
   * national forms be found; without it only its international forms are. `country` is the account's
   * (ISO 3166 alpha-2), whose international dialling prefix its texts may use.
   */
  add(accountId: string, sha256: string, callingCode: string | null, country: string | null): void {
    let erasures = this.#accounts.get(accountId);
    if (!erasures) {
      erasures = { numbers: new Map(), countries: new Set(), readings: [] };
      this.#accounts.set(accountId, erasures);
    }
    erasures.numbers.set(sha256, callingCode ?? erasures.numbers.get(sha256) ?? null);
    if (country !== null) erasures.countries.add(country);
    erasures.readings = readingsOf(erasures);
    this.#all = null;
  }

  /**
   * Returns `text` with every form of every number erased in `accountId` (`null`: in any account) replaced by
   * `[erased]`, and the rest of it as it was; the same string when there is nothing to replace.
   */
  redact(accountId: string | null, text: string): string {
    const erasures = accountId === null ? this.#every() : this.#accounts.get(accountId);
    return erasures === undefined || erasures.numbers.size === 0 ? text : redactText(erasures, text);
  }

  /**
   * Returns `value` (JSON: strings, arrays and plain objects) with `redact` applied to every string in it,
   * object keys included; the same value when nothing changed, else a copy. A key that becomes one already
   * present is numbered (`[erased] (2)`), so that no value is lost.
   */
  redactValue<T>(accountId: string, value: T): T {
    const erasures = this.#accounts.get(accountId);
    return erasures === undefined ? value : (redactJson(erasures, value) as T);
  }

  /** Forgets every erasure (a reset of the mock). */
  clear(): void {
    this.#accounts.clear();
    this.#all = null;
  }

  #every(): Erasures | undefined {
    if (this.#accounts.size === 0) return undefined;
    if (this.#all === null) {
      const all: Erasures = { numbers: new Map(), countries: new Set(), readings: [] };
      for (const erasures of this.#accounts.values()) {
        for (const [sha256, code] of erasures.numbers)
          all.numbers.set(sha256, code ?? all.numbers.get(sha256) ?? null);
        for (const country of erasures.countries) all.countries.add(country);
      }
      all.readings = readingsOf(all);
      this.#all = all;
    }
    return this.#all;
  }
}

function readingsOf(erasures: Erasures): Reading[] {
  const codes = new Set([...erasures.numbers.values()].filter((code) => code !== null));
  const readings: Reading[] = [...codes].map((code) => ({ defaultCallingCode: code }));
  for (const country of erasures.countries) {
    if (isSupportedCountry(country)) readings.push({ defaultCountry: country });
  }
  return readings.length === 0 ? [{}] : readings;
}

// No written form of a number has fewer digits than its national significant number, which E.164's 8 to 15
// digits, less a calling code of 1 to 3, make at least 5: a text with fewer names none, and is not read.
function hasDigitsOfANumber(text: string): boolean {
  let digits = 0;
  for (let index = 0; index < text.length && digits < 5; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 48 && unit <= 57) digits += 1;
  }
  return digits >= 5;
}

function redactText(erasures: Erasures, text: string): string {
  if (!hasDigitsOfANumber(text)) return text;
  const spans: Array<[number, number]> = [];
  for (const reading of erasures.readings) {
    spansOf(text, 0, reading, erasures.numbers, spans);
    // A hyphen joins the groups of one number (`07700-900123`), and also the words of a key or a slug
    // (`send-+447700900123-2`), where the library reads the number on into the digits after the next
    // hyphen and finds none: each part between hyphens is read again on its own.
    if (text.includes('-')) {
      let offset = 0;
      for (const part of text.split('-')) {
        spansOf(part, offset, reading, erasures.numbers, spans);
        offset += part.length + 1;
      }
    }
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    if (end <= at) continue;
    out += start >= at ? `${text.slice(at, start)}${ERASED_MARK}` : '';
    at = end;
  }
  return out + text.slice(at);
}

// Adds to `spans` where `text` (found at `offset` of the whole) names one of the numbers.
function spansOf(
  text: string,
  offset: number,
  reading: Reading,
  numbers: ReadonlyMap<string, unknown>,
  spans: Array<[number, number]>,
): void {
  for (const found of findPhoneNumbersInText(text, { ...reading, extended: true })) {
    const e164 = found.number.number;
    // The library's match may run on past the number into what follows (`07700900123,0770090` reads as
    // the first number alone): its end moves back while the text up to it still reads as the same number,
    // and what the match swallowed is read again from there.
    let end = found.endsAt;
    while (
      end - 1 > found.startsAt &&
      parsePhoneNumberFromString(text.slice(found.startsAt, end - 1), reading)?.number === e164
    ) {
      end -= 1;
    }
    // A bracket the number opens and does not close (`Acme (07700900123)`, whose `)` the library leaves
    // out) is the text's, not the number's: it stays.
    let start = found.startsAt;
    while (text[start] === '(' && bracketBalance(text.slice(start, end)) > 0) start += 1;
    if (numbers.has(sha256Hex(e164))) spans.push([offset + start, offset + end]);
    if (end < found.endsAt) {
      spansOf(text.slice(end), offset + end, reading, numbers, spans);
      return;
    }
  }
}

// How many more brackets `text` opens than it closes.
function bracketBalance(text: string): number {
  let balance = 0;
  for (const character of text) balance += character === '(' ? 1 : character === ')' ? -1 : 0;
  return balance;
}

function redactJson(erasures: Erasures, value: unknown): unknown {
  if (typeof value === 'string') return redactText(erasures, value);
  if (Array.isArray(value)) {
    const items = value.map((item) => redactJson(erasures, item));
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) {
    return value;
  }
  const source = value as Record<string, unknown>;
  let changed = false;
  const taken = new Set(Object.keys(source));
  const entries = Object.entries(source).map(([key, item]): [string, unknown] => {
    let name = redactText(erasures, key);
    if (name !== key) {
      taken.delete(key);
      for (let n = 2, base = name; taken.has(name); n++) name = `${base} (${n})`;
      taken.add(name);
    }
    const redacted = redactJson(erasures, item);
    changed ||= name !== key || redacted !== item;
    return [name, redacted];
  });
  // `fromEntries` defines each key as data, so a key such as `__proto__` stays a key.
  return changed ? Object.fromEntries(entries) : value;
}
