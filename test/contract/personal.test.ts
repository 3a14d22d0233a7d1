// Personal data in the models prints masked in every way a program prints, and reveals only on request.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { callingCode, isE164, PhoneNumber, Redacted } from '../../src/contract/index.js';

const printings = (value: unknown) => [
  inspect(value),
  inspect({ nested: { value } }, { depth: 10 }),
  String(value),
  `${value}`,
  JSON.stringify(value),
  JSON.stringify({ value }),
];

describe('Redacted', () => {
  it('prints [redacted: N chars] and never the text', () => {
    const preview = new Redacted('Your code is 4821');
    for (const printed of printings(preview)) {
      expect(printed).toContain('[redacted: 17 chars]');
      expect(printed).not.toContain('4821');
    }
  });

  it('counts characters as the service does, the cut mark and emoji as one each', () => {
    expect(new Redacted(`${'a'.repeat(40)}…`).toString()).toBe('[redacted: 41 chars]');
    expect(new Redacted('hi 👋').length).toBe(4);
  });

  it('gives the text back on reveal()', () => {
    expect(new Redacted('Your code is 4821').reveal()).toBe('Your code is 4821');
  });
});

describe('PhoneNumber', () => {
  it('prints the calling code, a dot per hidden digit and the last four digits', () => {
    expect(String(new PhoneNumber('+447700900123'))).toBe('+44 ••••••0123');
    expect(String(new PhoneNumber('+14155550142'))).toBe('+1 ••••••0142');
    expect(String(new PhoneNumber('+353861234567'))).toBe('+353 •••••4567');
    expect(String(new PhoneNumber('+8613812345678'))).toBe('+86 •••••••5678');
  });

  it('never prints the full number', () => {
    const number = new PhoneNumber('+447700900123');
    for (const printed of printings(number)) {
      expect(printed).toContain('+44 ••••••0123');
      expect(printed).not.toContain('447700900123');
    }
  });

  it('gives the full number on reveal() and e164, and compares with strings', () => {
    const number = new PhoneNumber('+447700900123');
    expect(number.reveal()).toBe('+447700900123');
    expect(number.e164).toBe('+447700900123');
    expect(number.equals('+447700900123')).toBe(true);
    expect(number.equals(new PhoneNumber('+447700900124'))).toBe(false);
  });

  it('knows the one-, two- and three-digit calling codes', () => {
    expect(callingCode('+12025550123')).toBe('1');
    expect(callingCode('+74951234567')).toBe('7');
    expect(callingCode('+4915112345678')).toBe('49');
    expect(callingCode('+971501234567')).toBe('971');
  });
});

describe('isE164', () => {
  it.each(['+447700900123', '+14155550142', '+12345678'])('accepts %s', (value) => {
    expect(isE164(value)).toBe(true);
  });

  it.each(['447700900123', '+047700900123', '+44 7700 900123', '+1234567', '+1234567890123456', ''])(
    'refuses %j',
    (value) => {
      expect(isE164(value)).toBe(false);
    },
  );
});
