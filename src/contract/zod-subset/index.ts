// The part of zod/mini that src/ runs, for the browser and worker builds, which take this in place of
// zod (scripts/browser-build.ts): the contract's schemas built and run with zod's semantics, in a fraction of its
// bytes. The Node build and the reference server run zod itself; test/contract/zod-subset.test.ts holds
// the two to the same results and issues over every schema of the contract and thousands of changed values.
import { isoDatetime } from './values.js';

export { maximum, maxLength, minimum, minLength, refine, regex } from './checks.js';
export { array, discriminatedUnion, nullable, object, optional, record, strictObject } from './containers.js';
export { safeDecode, safeEncode } from './parse.js';
export { codec, custom, pipe } from './transforms.js';
export { boolean, date, email, enumOf as enum, int, literal, number, string, unknown } from './values.js';

/** `z.iso`: the ISO 8601 formats. */
export const iso = { datetime: isoDatetime };
