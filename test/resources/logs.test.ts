import { describe, expect, it } from 'vitest';
import { Aulm } from '../../src/client.js';
import { PhoneNumber } from '../../src/contract/index.js';
import { FakeAPI, ok, TEST_KEY, wireList, wireLog } from '../core/fake-api.js';

function client() {
  const api = new FakeAPI();
  return { api, aulm: new Aulm({ apiKey: TEST_KEY, fetch: api.fetch }) };
}

describe('logs', () => {
  it('lists logs with every filter in snake_case, dates as full ISO timestamps', async () => {
    const { api, aulm } = client();
    api.reply(ok(wireList([wireLog()])));
    await aulm.logs.list({
      status: 'failed',
      sessionId: 'ses_1',
      recipient: '+447700900123',
      since: '2026-11-01',
      until: new Date('2026-11-30T12:00:00Z'),
      limit: 50,
      cursor: 'cur_1',
    });
    expect(Object.fromEntries(api.requests[0]!.url.searchParams)).toEqual({
      status: 'failed',
      session_id: 'ses_1',
      recipient: '+447700900123',
      since: '2026-11-01T00:00:00.000Z',
      until: '2026-11-30T12:00:00.000Z',
      limit: '50',
      cursor: 'cur_1',
    });
  });

  it('sends no query string without filters', async () => {
    const { api, aulm } = client();
    api.reply(ok(wireList([])));
    const page = await aulm.logs.list();
    expect(api.requests[0]?.url.href).toBe('https://api.aulm.io/v1/logs');
    expect(page.data).toEqual([]);
  });

  it('rejects a bad filter locally', async () => {
    const { api, aulm } = client();
    await expect(aulm.logs.list({ limit: 500 })).rejects.toMatchObject({ status: 422, param: 'limit' });
    await expect(aulm.logs.list({ since: 'last week' })).rejects.toMatchObject({
      status: 422,
      param: 'since',
    });
    await expect(aulm.logs.list({ recipient: '0770' })).rejects.toMatchObject({
      code: 'invalid_phone_number',
      param: 'recipient',
    });
    expect(api.requests).toHaveLength(0);
  });

  it('gets one log by message id', async () => {
    const { api, aulm } = client();
    api.reply(ok(wireLog('msg_9')));
    const log = await aulm.logs.get('msg_9');
    expect(api.requests[0]?.url.pathname).toBe('/v1/logs/msg_9');
    expect(log.recipient).toBeInstanceOf(PhoneNumber);
    expect(log.timestamp).toBeInstanceOf(Date);
  });
});
