// Message logs over the wire: one per message, every filter, and cursor pagination that neither repeats
// nor skips a log while messages keep arriving.
import { beforeEach, describe, expect, it } from 'vitest';
import { call, clientFor, textMessage, useMock, type Wire } from './client.js';

const mock = useMock({ seed: 9 });

let api: ReturnType<typeof clientFor>;
let sessionId: string;

beforeEach(() => {
  const start = mock.quickstart();
  api = clientFor(start.apiKey);
  sessionId = start.sessionId;
});

async function send(to = '+447700900123', session = sessionId): Promise<string> {
  const answer = await api.post('/v1/messages', textMessage(session, to));
  expect(answer.status).toBe(202);
  return answer.body.id;
}

async function walk(query: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Wire = await api.get(`/v1/logs?${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.status).toBe(200);
    ids.push(...page.body.data.map((log: { id: string }) => log.id));
    cursor = page.body.next_cursor;
  } while (cursor);
  return ids;
}

describe('GET /v1/logs/{id}', () => {
  it('returns the log of a message: recipient, latest status and its time, preview', async () => {
    const id = await send('+447700900124');
    await mock.clock.advance('5s');
    const answer = await api.get(`/v1/logs/${id}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      id,
      object: 'message_log',
      session_id: sessionId,
      recipient: '+447700900124',
      status: 'delivered',
      preview: 'Your code is 4821',
      error: null,
      timestamp: '2026-01-01T00:00:03.000Z',
      created_at: '2026-01-01T00:00:00.000Z',
    });
  });

  it('answers 404 naming an unknown log', async () => {
    const answer = await api.get('/v1/logs/msg_gone');
    expect(answer.status).toBe(404);
    expect(answer.body.error.message).toBe('No such message log: msg_gone');
  });
});

describe('GET /v1/logs filters', () => {
  it('by status', async () => {
    const delivered = await send('+447700900002');
    const failed = await send('+447700900000');
    const read = await send('+447700900123');
    await mock.clock.advance('1m');
    expect(await walk('status=failed')).toEqual([failed]);
    expect(await walk('status=delivered')).toEqual([delivered]);
    expect(await walk('status=read')).toEqual([read]);
    expect(await walk('status=queued')).toEqual([]);
  });

  it('by session_id', async () => {
    const other = (await api.post('/v1/sessions')).body.id;
    mock.sessions.connect(other);
    const mine = await send();
    const theirs = await send('+447700900123', other);
    expect(await walk(`session_id=${other}`)).toEqual([theirs]);
    expect(await walk(`session_id=${sessionId}`)).toEqual([mine]);
  });

  it('by recipient, in E.164', async () => {
    const first = await send('+447700900201');
    await send('+447700900202');
    const third = await send('+447700900201');
    expect(await walk(`recipient=${encodeURIComponent('+447700900201')}`)).toEqual([third, first]);
    const bad = await api.get('/v1/logs?recipient=07700900201');
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'invalid_phone_number', param: 'recipient' });
  });

  it('by created_at: since inclusive, until exclusive', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 4; index++) {
      ids.push(await send());
      await mock.clock.advance('1m');
    }
    // Sent at 00:00, 00:01, 00:02, 00:03.
    const at = (minute: number) => encodeURIComponent(`2026-01-01T00:0${minute}:00.000Z`);
    expect(await walk(`since=${at(1)}`)).toEqual([ids[3], ids[2], ids[1]]);
    expect(await walk(`until=${at(2)}`)).toEqual([ids[1], ids[0]]);
    expect(await walk(`since=${at(1)}&until=${at(3)}`)).toEqual([ids[2], ids[1]]);
    expect(await walk(`since=${encodeURIComponent('2026-01-01T01:00:00+01:00')}`)).toEqual(
      [...ids].reverse(),
    );
    const bad = await api.get('/v1/logs?since=yesterday');
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'parameter_invalid', param: 'since' });
  });

  it('by several filters at once', async () => {
    const target = await send('+447700900300');
    await send('+447700900301');
    await mock.clock.advance('1m');
    await send('+447700900300');
    expect(await walk(`recipient=%2B447700900300&until=2026-01-01T00:00:30Z&status=read`)).toEqual([target]);
  });
});

describe('GET /v1/logs pagination', () => {
  it('defaults to 20 a page, and refuses a limit outside 1 to 100', async () => {
    for (let index = 0; index < 25; index++) await send();
    const page = await api.get('/v1/logs');
    expect(page.body.data).toHaveLength(20);
    expect(page.body.has_more).toBe(true);
    for (const limit of ['0', '101', 'ten']) {
      const answer = await api.get(`/v1/logs?limit=${limit}`);
      expect(answer.status).toBe(422);
      expect(answer.body.error).toMatchObject({ code: 'parameter_invalid', param: 'limit' });
    }
  });

  it('returns each of 250 logs exactly once, newest first, in pages of 100', async () => {
    const sent: string[] = [];
    for (let index = 0; index < 250; index++) sent.push(await send());
    const first = await api.get('/v1/logs?limit=100');
    expect(first.body.data).toHaveLength(100);
    expect(await walk('limit=100')).toEqual([...sent].reverse());
  });

  it('neither repeats nor skips a log when messages arrive mid-walk', async () => {
    const sent: string[] = [];
    for (let index = 0; index < 250; index++) sent.push(await send());
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Wire = await api.get(`/v1/logs?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.data.map((log: { id: string }) => log.id));
      cursor = page.body.next_cursor;
      pages += 1;
      for (let index = 0; index < 30; index++) await send();
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...sent].reverse());
  });

  it('answers 400 invalid_cursor, naming cursor, for a cursor it did not make', async () => {
    await send();
    for (const cursor of ['nonsense', 'bm9wZQ', '!!!', encodeURIComponent('c1:logs:12')]) {
      const answer = await api.get(`/v1/logs?cursor=${cursor}`);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({
        type: 'invalid_request_error',
        code: 'invalid_cursor',
        param: 'cursor',
      });
    }
  });

  it('refuses a cursor of another list (a sessions cursor on the logs)', async () => {
    await api.post('/v1/sessions');
    await api.post('/v1/sessions');
    const sessions = await api.get('/v1/sessions?limit=1');
    const answer = await api.get(`/v1/logs?cursor=${sessions.body.next_cursor}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_cursor');
  });

  it('answers 401 before looking at the query', async () => {
    expect((await call('GET', '/v1/logs?limit=0')).status).toBe(401);
  });
});
