// The one pager behind every list: newest first, `limit` 1 to 100 (default 20), and an opaque cursor that
// holds the sequence number of the last row returned. Rows are walked by that number, which only grows,
// so a walk neither repeats nor skips a row that existed when it began, however rows come and go meanwhile.
import type { ListEnvelope } from '../../src/contract/index.js';
import { ServiceError } from './errors.js';

/** What a caller asks of a list: how many, and where to go on from. */
export interface PageParams {
  limit?: number | undefined;
  cursor?: string | undefined;
}

/** The page size when a request gives no `limit`. */
export const DEFAULT_LIMIT = 20;
/** The largest page size. */
export const MAX_LIMIT = 100;

const CURSOR_VERSION = 'c1';

function encodeCursor(list: string, seq: number): string {
  return btoa(`${CURSOR_VERSION}:${list}:${seq}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Returns the sequence number a cursor of list `list` points after; a malformed one is `400 invalid_cursor`. */
export function decodeCursor(list: string, cursor: string): number {
  let text = '';
  try {
    if (/^[A-Za-z0-9_-]+$/.test(cursor)) text = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    text = '';
  }
  const match = new RegExp(`^${CURSOR_VERSION}:${list}:(\\d{1,15})$`).exec(text);
  if (!match) {
    throw new ServiceError(
      400,
      'invalid_cursor',
      'Invalid cursor: pass the next_cursor of a previous page of this list, unchanged.',
      'cursor',
    );
  }
  return Number(match[1]);
}

/**
 * Returns one page of `rows` (oldest first, by `seq`) that pass `include`, newest first, mapped by `toModel`.
 * `list` names the list so that a cursor of one list is refused by another.
 */
export function paginate<R extends { readonly seq: number }, M>(
  list: string,
  rows: readonly R[],
  params: PageParams,
  include: (row: R) => boolean,
  toModel: (row: R) => M,
): ListEnvelope<M> {
  const limit = Math.min(Math.max(params.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
  const after = params.cursor === undefined ? Number.POSITIVE_INFINITY : decodeCursor(list, params.cursor);
  const page: R[] = [];
  let hasMore = false;
  for (let index = lastBefore(rows, after); index >= 0; index--) {
    const row = rows[index]!;
    if (!include(row)) continue;
    if (page.length === limit) {
      hasMore = true;
      break;
    }
    page.push(row);
  }
  const last = page[page.length - 1];
  return {
    object: 'list',
    data: page.map(toModel),
    hasMore,
    nextCursor: hasMore && last ? encodeCursor(list, last.seq) : null,
  };
}

// The index of the last row whose seq is below `seq`, by binary search (rows are in ascending seq).
function lastBefore(rows: readonly { readonly seq: number }[], seq: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rows[middle]!.seq < seq) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
