// Personal data on the wire: the codecs that turn phone numbers, previews and secrets into the masked
// values of `masked.ts` in a model, and back into text in a request.
import * as z from 'zod/mini';
import { isE164, PhoneNumber, Redacted, Secret } from './masked.js';

export { callingCode, E164_PATTERN, isE164, MaskedValue, PhoneNumber, Redacted, Secret } from './masked.js';

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

/** A credential in a response: a string on the wire, a masked `Secret` in the model. */
export const secret = z.codec(z.string().check(z.minLength(1)), z.custom<Secret>(), {
  decode: (text) => new Secret(text),
  encode: (value) => revealed(value),
});
