// The part of zod/mini that src/ runs, for the browser and worker builds, which take this in place of
// zod (tsup.config.ts): the contract's schemas built and run with zod's semantics, in a fraction of its
// bytes. The Node build and the reference server run zod itself; test/contract/zod-subset.test.ts holds
// the two to the same results and issues over every schema of the contract and thousands of changed values.
import { isoDatetime } from './schemas.js';

export { maximum, maxLength, minimum, minLength, refine, regex } from './checks.js';
export { safeDecode, safeEncode } from './parse.js';
export {
  array,
  boolean,
  codec,
  custom,
  date,
  discriminatedUnion,
  email,
  enumOf as enum,
  int,
  literal,
  nullable,
  number,
  object,
  optional,
  pipe,
  record,
  strictObject,
  string,
  unknown,
} from './schemas.js';

/** `z.iso`: the ISO 8601 formats. */
export const iso = { datetime: isoDatetime };
