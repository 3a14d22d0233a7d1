// The shared pager: newest first, limit and cursor, and a walk that neither repeats nor skips a row that
// existed when it began, while rows are inserted and deleted.
import { describe, expect, it } from 'vitest';
import { decodeCursor, paginate } from '../../../mock-server/service/pager.js';
import { Table } from '../../../mock-server/service/store.js';

interface Item {
  id: string;
  accountId: string;
  seq: number;
}

function tableOf(count: number): { table: Table<Item>; add: () => Item } {
  const table = new Table<Item>();
  let seq = 0;
  const add = () => {
    seq += 1;
    return table.insert({ id: `item_${seq}`, accountId: 'acct_a', seq });
  };
  for (let index = 0; index < count; index++) add();
  return { table, add };
}

const everything = () => true;
const idOf = (item: Item) => item.id;

describe('paginate', () => {
  it('returns the newest first, 20 by default', () => {
    const { table } = tableOf(25);
    const page = paginate('items', table.ordered, {}, everything, idOf);
    expect(page.data).toHaveLength(20);
    expect(page.data[0]).toBe('item_25');
    expect(page.hasMore).toBe(true);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('says there is no more when the last row exactly fills a page', () => {
    const { table } = tableOf(10);
    const page = paginate('items', table.ordered, { limit: 10 }, everything, idOf);
    expect(page).toMatchObject({ hasMore: false, nextCursor: null });
  });

  it('keeps a walk whole while rows are deleted and inserted between pages', () => {
    const { table, add } = tableOf(30);
    const existing = [...table.ordered].reverse().map(idOf);
    const deleted = new Set(['item_22', 'item_5']);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = paginate('items', table.ordered, { limit: 7, cursor }, everything, idOf);
      seen.push(...page.data);
      if (pages === 0) for (const id of deleted) table.delete(id);
      add();
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(existing.filter((id) => !deleted.has(id)));
  });

  it('pages over the rows a filter keeps, skipping the rest', () => {
    const { table } = tableOf(10);
    const even = (item: Item) => item.seq % 2 === 0;
    const first = paginate('items', table.ordered, { limit: 2 }, even, idOf);
    const second = paginate('items', table.ordered, { limit: 3, cursor: first.nextCursor! }, even, idOf);
    expect([...first.data, ...second.data]).toEqual(['item_10', 'item_8', 'item_6', 'item_4', 'item_2']);
    expect(second.hasMore).toBe(false);
  });

  it('refuses a malformed cursor, or one of another list, as 400 invalid_cursor', () => {
    const { table } = tableOf(5);
    const page = paginate('items', table.ordered, { limit: 1 }, everything, idOf);
    expect(decodeCursor('items', page.nextCursor!)).toBe(5);
    for (const [list, cursor] of [
      ['others', page.nextCursor!],
      ['items', 'abc'],
      ['items', '***'],
    ] as const) {
      expect(() => decodeCursor(list, cursor)).toThrow(
        expect.objectContaining({ status: 400, code: 'invalid_cursor', param: 'cursor' }),
      );
    }
  });
});
