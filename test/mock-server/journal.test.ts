// The journal's bound: it keeps the newest `journal.limit` requests (10,000 by default), in order, counts
// what it dropped, and refuses a limit it could not keep. `journal-soak.test.ts` shows the bound holds
// the standalone server's memory under load.
import { getResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAulmMock, startStandalone } from '../../mock-server/index.js';
import { Journal } from '../../mock-server/journal.js';
import { clientFor } from './client.js';

const AULM = 'https://api.aulm.io';
const mock = createAulmMock({ seed: 5, journal: { limit: 3 } });
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => mock.reset());
afterAll(async () => {
  server.close();
  await mock.close();
});

/** Sends `count` requests of one key, each to its own path, and returns the request ids answered. */
async function send(count: number): Promise<string[]> {
  const api = clientFor(mock.quickstart().apiKey);
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const answer = await api.get(`/v1/messages/msg_${index}`);
    ids.push(answer.headers.get('aulm-request-id') ?? '');
  }
  return ids;
}

describe('the journal limit', () => {
  it('keeps the newest requests, in order, and counts the ones it dropped', async () => {
    const ids = await send(5);
    expect(mock.journal.map((entry) => entry.requestId)).toEqual(ids.slice(2));
    expect(mock.journal.map((entry) => entry.path)).toEqual([
      '/v1/messages/msg_2',
      '/v1/messages/msg_3',
      '/v1/messages/msg_4',
    ]);
    expect(mock.journal.every((entry) => entry.status === 404)).toBe(true);
    expect(mock.journalDropped).toBe(2);
    expect(mock.journalLimit).toBe(3);
  });

  it('is the same array throughout, trimmed in place, so a reference held by a test stays current', async () => {
    const journal = mock.journal;
    await send(4);
    expect(mock.journal).toBe(journal);
    expect(journal).toHaveLength(3);
    expect(Array.isArray(journal)).toBe(true);
    expect(Object.keys(journal)).toEqual(['0', '1', '2']);
  });

  it('starts again from nothing after reset(): no entries and nothing dropped', async () => {
    await send(6);
    expect(mock.journalDropped).toBe(3);
    const journal = mock.journal;
    mock.reset();
    expect(mock.journal).toEqual([]);
    expect(mock.journal).toBe(journal);
    expect(mock.journalDropped).toBe(0);
    await send(1);
    expect(mock.journal).toHaveLength(1);
    expect(mock.journalDropped).toBe(0);
  });

  it('keeps 10,000 by default', () => {
    const journal = new Journal();
    expect(createAulmMock().journalLimit).toBe(10_000);
    for (let index = 0; index < 25_000; index++) {
      journal.open({
        at: new Date(0),
        method: 'GET',
        host: 'h',
        path: `/${index}`,
        requestId: '',
        idempotencyKey: null,
      });
    }
    expect(journal.entries).toHaveLength(10_000);
    expect(journal.entries[0]?.path).toBe('/15000');
    expect(journal.entries.at(-1)?.path).toBe('/24999');
    expect(journal.dropped).toBe(15_000);
  });

  it('keeps none under limit 0, and still counts every request', async () => {
    const counting = createAulmMock({ seed: 5, journal: { limit: 0 } });
    const headers = { authorization: `Bearer ${counting.quickstart().apiKey}` };
    for (let index = 0; index < 3; index++) {
      const answer = await getResponse(counting.handlers, new Request(`${AULM}/v1/account`, { headers }));
      expect(answer?.status).toBe(200);
    }
    expect(counting.journal).toEqual([]);
    expect(counting.journalDropped).toBe(3);
    await counting.close();
  });
});

describe('the journal option', () => {
  it('refuses a limit that is not a whole number, 0 or more, naming journal.limit', () => {
    expect(() => createAulmMock({ journal: { limit: -1 } })).toThrow(
      new RangeError('journal.limit must be a whole number, 0 or more, not -1'),
    );
    expect(() => createAulmMock({ journal: { limit: 2.5 } })).toThrow(RangeError);
    expect(() => createAulmMock({ journal: { limit: Number.POSITIVE_INFINITY } })).toThrow(RangeError);
    expect(() => createAulmMock({ journal: { limit: '100' as never } })).toThrow(
      new TypeError("journal.limit must be a whole number, 0 or more, not '100'"),
    );
    expect(() => createAulmMock({ journal: 100 as never })).toThrow(TypeError);
  });

  it('refuses a key that is not an option, naming it and the option meant', () => {
    expect(() => createAulmMock({ journal: { limt: 10 } as never })).toThrow(
      new TypeError('journal.limt is not an option: did you mean journal.limit?'),
    );
  });

  it('is refused by startStandalone before it listens', async () => {
    await expect(startStandalone({ port: 0, journal: { limit: -5 } })).rejects.toThrow(
      /^journal\.limit must be a whole number/,
    );
  });
});
