// The registry of erased numbers: every written form of an erased number found in a text (by
// libphonenumber-js) and replaced by `[erased]`, the rest of the text as it was, and any other number,
// even one sharing digits with it, left alone.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { callingCodeOf, ErasedNumbers } from '../../../mock-server/service/erased-numbers.js';

const sha256 = (e164: string) => createHash('sha256').update(e164).digest('hex');

/** A registry in which account `acct_gb` (in GB) erased `numbers`, with their calling codes. */
function registry(numbers: string[], country: string | null = 'GB', account = 'acct_gb'): ErasedNumbers {
  const erased = new ErasedNumbers();
  for (const number of numbers) erased.add(account, sha256(number), callingCodeOf(number), country);
  return erased;
}

describe('a British number erased', () => {
  const erased = registry(['+447700900125']);
  const redact = (text: string) => erased.redact('acct_gb', text);

  it.each([
    ['E.164', '+447700900125'],
    ['E.164 without its +', '447700900125'],
    ['the national form', '07700900125'],
    ['the national form, spaced', '07700 900125'],
    ['the national form, spaced in threes', '07700 900 125'],
    ['the national form, with dashes', '07700-900-125'],
    ['the national form, the trunk 0 in brackets', '(0)7700-900125'],
    ['the national form, the area in brackets', '(07700) 900125'],
    ['the national significant number', '7700900125'],
    ['an international form, spaced', '+44 7700 900125'],
    ['an international form, dashed', '+44-7700-900125'],
    ['an international form with the trunk 0 in brackets', '+44 (0)7700 900125'],
    ['as dialled from Britain to abroad, the account’s country', '0044 7700 900125'],
  ])('replaces %s', (_form, written) => {
    expect(redact(`Referred by ${written} (Bob), call back at 9.`)).toBe(
      'Referred by [erased] (Bob), call back at 9.',
    );
  });

  it('replaces it inside keys, slugs, JSON and URLs, leaving what is around it', () => {
    expect(redact('send-+447700900125-0')).toBe('send-[erased]-0');
    expect(redact('send_447700900125_1')).toBe('send_[erased]_1');
    expect(redact('{"referred_by":"+447700900125"}')).toBe('{"referred_by":"[erased]"}');
    expect(redact('/v1/messages/+447700900125')).toBe('/v1/messages/[erased]');
    expect(redact('tel:+44-7700-900125;ext=2')).toMatch(/^tel:\[erased\]/);
    expect(redact('+447700900125+447700900125')).toBe('[erased][erased]');
    expect(redact('Acme (07700900125)')).toBe('Acme ([erased])');
    expect(redact('Acme (07700 900125), (07700) 900125')).toBe('Acme ([erased]), [erased]');
  });

  it('leaves every other number, even one that shares its digits', () => {
    for (const other of [
      '+447700900126',
      '07700 900126',
      '+4477009001250',
      '4477009001251',
      '1447700900125',
      '077009001250',
      '0770090012',
      '07700-900125-5',
      '+33 7700 900125',
      '2026-01-01T00:00:05.000Z',
    ]) {
      expect(redact(`ref ${other} end`)).toBe(`ref ${other} end`);
    }
  });

  it('replaces only the erased one of two numbers side by side', () => {
    expect(redact('07700900125, 07700900126')).toBe('[erased], 07700900126');
    expect(redact('07700900126,07700900125')).toBe('07700900126,[erased]');
    expect(redact('07700900125 07700900126')).toBe('[erased] 07700900126');
    expect(redact('+447700900125/+447700900126')).toBe('[erased]/+447700900126');
    expect(redact('key-+447700900125-+447700900888')).toBe('key-[erased]-+447700900888');
  });

  it('returns the very same text when there is nothing to replace', () => {
    const text = 'Nothing here but 12 apples.';
    expect(redact(text)).toBe(text);
  });
});

describe('an American number erased', () => {
  const erased = registry(['+12025550123'], 'US', 'acct_us');
  const redact = (text: string) => erased.redact('acct_us', text);

  it.each([
    '+12025550123',
    '12025550123',
    '(202) 555-0123',
    '202-555-0123',
    '202.555.0123',
    '202 555 0123',
    '2025550123',
    '1-202-555-0123',
    '+1 202 555 0123',
    '+1 (202) 555-0123',
  ])('replaces %s', (written) => {
    expect(redact(`Call ${written}.`)).toBe('Call [erased].');
  });

  it('replaces a British number dialled from the US, once that one is erased too', () => {
    const both = registry(['+12025550123', '+447700900125'], 'US', 'acct_us');
    expect(both.redact('acct_us', 'London: 011 44 7700 900125; DC: (202) 555-0123')).toBe(
      'London: [erased]; DC: [erased]',
    );
  });

  it('leaves other numbers, and a local number without its area code', () => {
    for (const other of ['(202) 555-0124', '202-555-0123-4', '555-0123', '+442025550123', '07700900125']) {
      expect(redact(`x ${other} y`)).toBe(`x ${other} y`);
    }
  });
});

describe('the registry', () => {
  it('keeps each account’s erasures to that account, and every account’s for a text of none', () => {
    const erased = registry(['+447700900125']);
    expect(erased.redact('acct_other', 'to +447700900125')).toBe('to +447700900125');
    expect(erased.redact(null, 'to +447700900125')).toBe('to [erased]');
    erased.clear();
    expect(erased.redact(null, 'to +447700900125')).toBe('to +447700900125');
  });

  it('finds only the international forms of a number whose country is not known', () => {
    const erased = new ErasedNumbers();
    erased.add('acct', sha256('+447700900125'), null, null);
    expect(erased.redact('acct', '+44 7700 900125 or 07700900125')).toBe('[erased] or 07700900125');
  });

  it('rewrites the strings and keys of JSON, numbering a key that would repeat another', () => {
    const erased = registry(['+447700900125']);
    const value = {
      referred_by: '+447700900125',
      '07700900125': 'a key that names it',
      '+447700900125': 'another',
      list: ['07700 900125', 7, null, true],
      nested: { untouched: 'yes' },
    };
    const redacted = erased.redactValue('acct_gb', value);
    expect(redacted).toEqual({
      referred_by: '[erased]',
      '[erased]': 'a key that names it',
      '[erased] (2)': 'another',
      list: ['[erased]', 7, null, true],
      nested: { untouched: 'yes' },
    });
    expect(redacted.nested).toBe(value.nested);
    expect(value.referred_by).toBe('+447700900125');
    const clean = { a: 'b', list: ['c'] };
    expect(erased.redactValue('acct_gb', clean)).toBe(clean);
  });

  it('keeps a key named __proto__ as a key', () => {
    const erased = registry(['+447700900125']);
    const value = JSON.parse('{"__proto__":"x","ref":"+447700900125"}');
    const redacted = erased.redactValue('acct_gb', value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype);
    expect(Object.keys(redacted)).toEqual(['__proto__', 'ref']);
    expect(redacted.ref).toBe('[erased]');
  });
});
