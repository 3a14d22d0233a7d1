// The fast path in the browser and worker builds: none. There a request costs far more on the network
// than the checks, and every byte of the bundle counts, so the schemas decide every value (there, the
// subset of zod in src/contract/zod-subset/; see fast-path.ts, which the Node build carries). The build
// swaps this file in (scripts/browser-build.ts), as it swaps the transport.
import type * as z from 'zod/mini';

/** What a fast path answers when the schemas must decide: here, always. */
export const MISMATCH: unique symbol = Symbol('aulm.mismatch');

/** Leaves `z.decode(schema, value)` to the schemas. */
export function fastDecode(_schema: z.ZodMiniType, _value: unknown): unknown {
  return MISMATCH;
}

/** Leaves `z.encode(schema, value)` to the schemas. */
export function fastEncode(_schema: z.ZodMiniType, _value: unknown): unknown {
  return MISMATCH;
}
