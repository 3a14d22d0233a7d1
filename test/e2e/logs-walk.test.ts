// Walking and filtering the logs through the SDK: every item once across pages, every filter.
import { Aulm } from 'aulm';
import { type AulmMock, startAulmMock } from 'aulm/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let mock: AulmMock;
let aulm: Aulm;
let sessionId: string;
let otherSessionId: string;
const sentIds: string[] = [];
let middle: Date;

beforeAll(async () => {
  mock = await startAulmMock({ seed: 3 });
  const start = mock.quickstart();
  sessionId = start.sessionId;
  aulm = new Aulm({ apiKey: start.apiKey });
  const other = await aulm.sessions.create({ name: 'Second till' });
  mock.sessions.connect(other.id, { phoneNumber: '+447700900999' });
  otherSessionId = other.id;

  // 250 messages, one a second: the first 125 to one number through the first session, the rest spread out.
  for (let index = 0; index < 250; index++) {
    if (index === 125) middle = mock.clock.now();
    const to = index < 125 ? '+447700900201' : `+4477009003${String(index % 50).padStart(2, '0')}`;
    const message = await aulm.messages.send({
      sessionId: index % 5 === 4 ? otherSessionId : sessionId,
      to: index === 249 ? '+447700900000' : to,
      text: `Message number ${index}`,
    });
    sentIds.push(message.id);
    await mock.clock.advance('1s');
  }
  await mock.clock.advance('15s');
}, 60_000);

afterAll(async () => {
  await mock.close();
});

describe('walking the logs', () => {
  it('returns each of 250 messages exactly once, newest first, walking pages of 100', async () => {
    const seen: string[] = [];
    for await (const log of aulm.logs.list({ limit: 100 })) seen.push(log.id);
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
    expect(seen).toEqual([...sentIds].reverse());
  });

  it('awaits one page at a time, with a cursor to the next', async () => {
    const first = await aulm.logs.list({ limit: 100 });
    expect(first.data).toHaveLength(100);
    expect(first.hasMore).toBe(true);
    const second = await first.getNextPage();
    const third = await second!.getNextPage();
    expect(third!.data).toHaveLength(50);
    expect(third!.hasMore).toBe(false);
    expect(third!.nextCursor).toBeNull();
  });

  it('neither repeats nor skips an item when messages are sent mid-walk', async () => {
    const seen: string[] = [];
    let page = await aulm.logs.list({ limit: 100 });
    seen.push(...page.data.map((log) => log.id));
    await aulm.messages.send({ sessionId, to: '+447700900555', text: 'late arrival' });
    while (page.hasMore) {
      page = (await page.getNextPage())!;
      seen.push(...page.data.map((log) => log.id));
    }
    expect(seen).toEqual([...sentIds].reverse());
  });
});

describe('filtering the logs', () => {
  const collect = async (filters: Parameters<Aulm['logs']['list']>[0]) => {
    const logs = [];
    for await (const log of aulm.logs.list(filters)) logs.push(log);
    return logs;
  };

  it('by status', async () => {
    const failed = await collect({ status: 'failed' });
    expect(failed.map((log) => log.id)).toEqual([sentIds[249]]);
    expect(failed[0]!.error?.code).toBe('recipient_not_on_network');
    const read = await collect({ status: 'read', limit: 100 });
    expect(read.every((log) => log.status === 'read')).toBe(true);
    expect(read.length).toBeGreaterThan(0);
  });

  it('by session', async () => {
    const logs = await collect({ sessionId: otherSessionId });
    expect(logs).toHaveLength(50);
    expect(logs.every((log) => log.sessionId === otherSessionId)).toBe(true);
  });

  it('by recipient', async () => {
    const logs = await collect({ recipient: '+447700900201' });
    expect(logs).toHaveLength(125);
    expect(logs.every((log) => log.recipient.equals('+447700900201'))).toBe(true);
  });

  it('by time, since inclusive and until exclusive, from a Date or an ISO string', async () => {
    const since = await collect({ since: middle });
    // Besides the 250, `since` may also meet the late arrival of the walk above, sent after them.
    expect(since.map((log) => log.id).filter((id) => sentIds.includes(id))).toEqual(
      sentIds.slice(125).reverse(),
    );
    expect(since.every((log) => log.createdAt >= middle)).toBe(true);
    const until = await collect({ until: middle.toISOString() });
    expect(until.map((log) => log.id)).toEqual(sentIds.slice(0, 125).reverse());
  });

  it('by a combination of filters', async () => {
    const logs = await collect({ sessionId, recipient: '+447700900201', until: middle });
    expect(logs).toHaveLength(100); // the first 125, less every fifth, which went through the other session
  });
});
