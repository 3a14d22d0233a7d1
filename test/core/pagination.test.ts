import { describe, expect, it } from 'vitest';
import { Aulm } from '../../src/client.js';
import { AulmError } from '../../src/core/errors.js';
import { Page, PagePromise } from '../../src/core/pagination.js';
import { FakeAPI, ok, TEST_KEY, wireList, wireLog } from './fake-api.js';

function client() {
  const api = new FakeAPI();
  api.reply(
    ok(wireList([wireLog('msg_5'), wireLog('msg_4')], 'cur_2')),
    ok(wireList([wireLog('msg_3'), wireLog('msg_2')], 'cur_3')),
    ok(wireList([wireLog('msg_1')])),
  );
  return { api, aulm: new Aulm({ apiKey: TEST_KEY, fetch: api.fetch }) };
}

describe('PagePromise', () => {
  it('resolves to one page when awaited', async () => {
    const { api, aulm } = client();
    const call = aulm.logs.list({ limit: 2 });
    expect(call).toBeInstanceOf(PagePromise);
    const page = await call;
    expect(page).toBeInstanceOf(Page);
    expect(page.data.map((log) => log.id)).toEqual(['msg_5', 'msg_4']);
    expect(page.hasMore).toBe(true);
    expect(page.nextCursor).toBe('cur_2');
    expect(api.requests).toHaveLength(1);
  });

  it('walks every item across pages with for await, fetching each page only when it is reached', async () => {
    const { api, aulm } = client();
    const seen: [string, number][] = [];
    for await (const log of aulm.logs.list({ limit: 2 })) seen.push([log.id, api.requests.length]);
    expect(seen).toEqual([
      ['msg_5', 1],
      ['msg_4', 1],
      ['msg_3', 2],
      ['msg_2', 2],
      ['msg_1', 3],
    ]);
  });

  it('keeps the filters and the limit on every page, and moves only the cursor', async () => {
    const { api, aulm } = client();
    const logs = [];
    for await (const log of aulm.logs.list({ status: 'delivered', since: '2026-11-01', limit: 2 }))
      logs.push(log);
    expect(logs).toHaveLength(5);
    const queries = api.requests.map((request) => Object.fromEntries(request.url.searchParams));
    const filters = { status: 'delivered', since: '2026-11-01T00:00:00.000Z', limit: '2' };
    expect(queries).toEqual([filters, { ...filters, cursor: 'cur_2' }, { ...filters, cursor: 'cur_3' }]);
  });

  it('stops early when the loop breaks, fetching no further page', async () => {
    const { api, aulm } = client();
    for await (const log of aulm.logs.list()) if (log.id === 'msg_4') break;
    expect(api.requests).toHaveLength(1);
  });

  it('fetches the next page with getNextPage() and refuses on the last one', async () => {
    const { aulm } = client();
    let page = await aulm.logs.list();
    const ids = [...page.data.map((log) => log.id)];
    while (page.hasMore) {
      page = await page.getNextPage();
      ids.push(...page.data.map((log) => log.id));
    }
    expect(ids).toEqual(['msg_5', 'msg_4', 'msg_3', 'msg_2', 'msg_1']);
    expect(() => page.getNextPage()).toThrow(AulmError);
  });

  it('walks from a page onwards when the page itself is iterated', async () => {
    const { aulm } = client();
    const second = await (await aulm.logs.list()).getNextPage();
    const ids = [];
    for await (const log of second) ids.push(log.id);
    expect(ids).toEqual(['msg_3', 'msg_2', 'msg_1']);
  });

  it('gives the first page with its response through withResponse()', async () => {
    const { aulm } = client();
    const { data, requestId } = await aulm.logs.list().withResponse();
    expect(data.data).toHaveLength(2);
    expect(requestId).toBe('req_ok');
  });
});
