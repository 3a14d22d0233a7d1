// The fast path in the browser and worker builds: none. There a request costs far more on the network
// than zod's checks, and every byte of the bundle counts, so zod decides every value (see fast-path.ts,
// which the Node build carries). The tsup build swaps this file in, as it swaps the transport.
import type * as z from 'zod/mini';

/** What a fast path answers when zod must decide: here, always. */
export const MISMATCH: unique symbol = Symbol('aulm.mismatch');

/** Leaves `z.decode(schema, value)` to zod. */
export function fastDecode(_schema: z.ZodMiniType, _value: unknown): unknown {
  return MISMATCH;
}

/** Leaves `z.encode(schema, value)` to zod. */
export function fastEncode(_schema: z.ZodMiniType, _value: unknown): unknown {
  return MISMATCH;
}
