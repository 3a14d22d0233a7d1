// Lists: one page at a time with `await`, every item across pages with `for await`.
import type { ListEnvelope } from '../contract/index.js';
import { APIPromise } from './api-promise.js';
import { AulmError } from './errors.js';

/** Fetches the page after `cursor`, with the same filters and limit as the first. */
export type FetchPage<Item> = (cursor: string) => PagePromise<Item>;

/**
 * One page of a list: its items, whether more follow, and the way to the next page. Iterating a page
 * with `for await` walks its items and every page after it.
 *
 * @example
 * ```ts
 * let page = await aulm.logs.list({ limit: 50 });
 * while (page.hasMore) page = await page.getNextPage();
 * ```
 */
export class Page<Item> implements AsyncIterable<Item> {
  /** The items of this page, newest first. */
  readonly data: Item[];
  /** Whether more items follow this page. */
  readonly hasMore: boolean;
  /** The cursor of the next page, or null on the last page. */
  readonly nextCursor: string | null;
  readonly #fetchPage: FetchPage<Item>;

  /**
   * Builds a page from a decoded list envelope; the SDK's list methods do this.
   * @internal
   */
  constructor(envelope: ListEnvelope<Item>, fetchPage: FetchPage<Item>) {
    this.data = envelope.data;
    this.hasMore = envelope.hasMore;
    this.nextCursor = envelope.nextCursor;
    this.#fetchPage = fetchPage;
  }

  /** Fetches the next page. Throws `AulmError` on the last page: check `hasMore` first. */
  getNextPage(): PagePromise<Item> {
    if (!this.hasMore || this.nextCursor === null) {
      throw new AulmError('There is no next page: check `page.hasMore` before calling `getNextPage()`.');
    }
    return this.#fetchPage(this.nextCursor);
  }

  /** Walks the items of this page and of every page after it, fetching each page when it is reached. */
  [Symbol.asyncIterator](): AsyncIterator<Item> {
    return walk(this);
  }
}

// Only the page being walked stays referenced: the first (held by the argument, dropped here) and each
// page after it are let go before the next page is fetched.
async function* walk<Item>(first: PromiseLike<Page<Item>> | Page<Item> | null): AsyncGenerator<Item, void> {
  let page: Page<Item> | undefined = await first!;
  first = null;
  while (page) {
    yield* page.data;
    const next: PagePromise<Item> | undefined =
      page.hasMore && page.nextCursor !== null ? page.getNextPage() : undefined;
    page = undefined;
    page = next && (await next);
  }
}

/**
 * What a `list` method returns: `await` it for the first page, or `for await` it for every item
 * across pages, one page in memory at a time (the next is fetched once the last item of the page
 * before it has been read). Like `APIPromise`, it starts the first request at once.
 *
 * @example
 * ```ts
 * const page = await aulm.logs.list({ status: 'failed' });
 * for await (const log of aulm.logs.list({ status: 'failed', since: '2026-11-01' })) console.log(log.id);
 * ```
 */
export class PagePromise<Item> extends APIPromise<Page<Item>> implements AsyncIterable<Item> {
  /** Walks every item of the list, page after page. */
  [Symbol.asyncIterator](): AsyncIterator<Item> {
    return walk(this);
  }
}
