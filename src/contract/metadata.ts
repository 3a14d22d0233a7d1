// A message's metadata: the business's own keys and values, kept and given back exactly as sent. Checked by
// hand rather than as a zod record, which skips a key named `__proto__` (a guard of zod's against a prototype
// being set): such a key is a key like any other here, checked, kept as the object's own, and sent back.
// A send is held to API.md's rules for keys and values; what a message answers is only held to be strings,
// since an erasure may have written `[erased]` into a key or a value after it was sent.
import * as z from 'zod/mini';
import { schemaOf } from './codec.js';

/** Your own keys and values: up to 20 keys of 1 to 40 letters, digits, `_`, `-` or `.`, each value up to 500 characters. */
export interface Metadata {
  /** A value of up to 500 characters. */
  [key: string]: string;
}

/**
 * What a key of metadata is made of.
 * @internal
 */
export const METADATA_KEY = /^[A-Za-z0-9_.-]{1,40}$/;
const VALUE = z.string().check(z.maxLength(500));

const isObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const anObject = { error: 'must be an object of string keys and values' };

// Every key (its own, `__proto__` included) and value, each problem reported at its key: as a send must
// have them (`sent`), or only as strings.
const metadataWire = (sent: boolean) =>
  z.custom<Metadata>(isObject, anObject).check(
    z.superRefine((record, ctx) => {
      const keys = Object.keys(record);
      if (sent && keys.length > 20)
        ctx.addIssue({ code: 'custom', message: 'must have at most 20 keys', input: record });
      for (const key of keys) {
        if (sent && !METADATA_KEY.test(key)) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            input: key,
            message: 'a key must be 1 to 40 characters, each a letter, a digit, _, - or a dot',
          });
        }
        const value = z.safeParse(sent ? VALUE : z.string(), record[key], { reportInput: true });
        for (const issue of value.success ? [] : value.error.issues) ctx.addIssue({ ...issue, path: [key] });
      }
    }),
  );

// A copy that keeps every key as its own property: `Object.fromEntries` defines them, where an assignment
// to `__proto__` would set the prototype instead.
const copyOf = (record: Metadata): Metadata => Object.fromEntries(Object.entries(record));

const metadataOf = (sent: boolean) =>
  schemaOf<Metadata>()(
    z.codec(metadataWire(sent), z.custom<Metadata>(isObject, anObject), { decode: copyOf, encode: copyOf }),
  );

/**
 * The metadata of a send: up to 20 keys of 1 to 40 letters, digits, `_`, `-` or `.`, each value a string of
 * up to 500 characters.
 * @internal
 */
export const MetadataParam = metadataOf(true);

/**
 * The metadata a message answers: string keys and values, as sent, or as an erasure left them.
 * @internal
 */
export const Metadata = metadataOf(false);
