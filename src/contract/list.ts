// The list envelope and the paging parameters shared by every `GET` collection.
import * as z from 'zod/mini';
import { type ModelOf, wireModel } from './codec.js';

/** A whole number carried in a query string: a decimal string on the wire, a number in the model. */
export function queryInt(min: number, max: number) {
  const wire = z.string().check(
    z.refine((text) => /^\d{1,6}$/.test(text) && Number(text) >= min && Number(text) <= max, {
      error: `must be a whole number from ${min} to ${max}`,
    }),
  );
  return z.codec(wire, z.custom<number>(), {
    decode: (text) => Number(text),
    encode: (value) => String(value),
  });
}

/** The paging parameters of every list: `limit` (1 to 100, default 20) and an opaque `cursor`. */
export interface ListParams {
  /** Items per page, 1 to 100 (default 20). */
  limit?: number | undefined;
  /** The previous page's `nextCursor`. */
  cursor?: string | undefined;
}

/**
 * The `limit` of a page: 1 to 100.
 * @internal
 */
export const pageLimit = queryInt(1, 100);

/** The shape of {@link ListParams}, spread into the shape of each list's query. */
export const listParams = {
  limit: z.optional(pageLimit),
  cursor: z.optional(z.string().check(z.minLength(1))),
};

/** One page of a list, decoded. */
export interface ListEnvelope<T> {
  /** Always `list`. */
  object: 'list';
  /** The items of the page. */
  data: T[];
  /** Whether more items follow. */
  hasMore: boolean;
  /** The cursor of the next page, or `null` on the last. */
  nextCursor: string | null;
}

/** The envelope of one page of a list: `{object: "list", data, has_more, next_cursor}`. */
export function listOf<T extends z.core.SomeType>(item: T) {
  const shape = {
    object: z.literal('list'),
    data: z.array(item),
    hasMore: z.boolean(),
    nextCursor: z.nullable(z.string()),
  };
  // Generic in its item, the envelope cannot be checked against `ListEnvelope` here: each list of the
  // contract is, where it is made (test/contract/named-types.test-d.ts).
  return wireModel<ModelOf<typeof shape>>()(shape);
}
