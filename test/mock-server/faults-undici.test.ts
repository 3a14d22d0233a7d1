// Fault injection through the undici dispatcher (how the SDK reaches the mock in Node): a status answers
// its envelope, a delay waits, a reset and a lost response are socket errors; and `probability` draws
// from the seed, the same requests under the same seed, without shifting the mock's ids.
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { type AulmMock, createAulmMock } from '../../mock-server/index.js';
import { textMessage, type Wire } from './client.js';

const opened: AulmMock[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((mock) => mock.close()));
});

function open(seed: number) {
  const mock = createAulmMock({ seed });
  opened.push(mock);
  const { apiKey, sessionId } = mock.quickstart();
  const send = async (method: string, path: string, options: { body?: unknown; key?: string } = {}) => {
    const response = await request(`https://api.aulm.io${path}`, {
      method: method as 'GET',
      dispatcher: mock.dispatcher,
      headers: {
        authorization: `Bearer ${apiKey}`,
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.key === undefined ? {} : { 'idempotency-key': options.key }),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    return {
      status: response.statusCode,
      headers: response.headers,
      body: (await response.body.json()) as Wire,
    };
  };
  return { mock, sessionId, send };
}

describe('faults through mock.dispatcher', () => {
  it('answers an injected status with its envelope and retry-after', async () => {
    const { mock, send } = open(23);
    mock.faults.inject({ path: '/v1/account', status: 429, retryAfter: 3 });
    const answer = await send('GET', '/v1/account');
    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('3');
    expect(answer.body.error).toMatchObject({
      type: 'rate_limit_error',
      code: 'rate_limited',
      request_id: answer.headers['aulm-request-id'],
    });
  });

  it('waits out a delay, then answers normally', async () => {
    const { mock, send } = open(23);
    mock.faults.inject({ path: '/v1/account', delay: 120 });
    const started = performance.now();
    expect((await send('GET', '/v1/account')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it("turns 'reset' into a socket error, and sends nothing", async () => {
    const { mock, sessionId, send } = open(23);
    mock.faults.inject({ method: 'POST', path: '/v1/messages', network: 'reset', times: 1 });
    await expect(
      send('POST', '/v1/messages', { body: textMessage(sessionId, '+447700900123') }),
    ).rejects.toMatchObject({ code: 'UND_ERR_SOCKET' });
    expect((await send('GET', '/v1/logs')).body.data).toEqual([]);
    expect(mock.journal[0]).toMatchObject({ status: 0, fault: 'reset' });
  });

  it("turns 'lost_response' into a socket error after the work, which a retry with the key replays", async () => {
    const { mock, sessionId, send } = open(23);
    const body = textMessage(sessionId, '+447700900123');
    mock.faults.inject({ method: 'POST', path: '/v1/messages', network: 'lost_response', times: 1 });
    await expect(send('POST', '/v1/messages', { body, key: 'k' })).rejects.toMatchObject({
      code: 'UND_ERR_SOCKET',
    });
    const logs = (await send('GET', '/v1/logs')).body.data;
    expect(logs).toHaveLength(1);
    const retry = await send('POST', '/v1/messages', { body, key: 'k' });
    expect(retry.status).toBe(202);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(logs[0].id);
  });
});

describe('a probability', () => {
  async function run(seed: number, withRule: boolean): Promise<{ faulted: boolean[]; ids: string[] }> {
    const { mock, sessionId, send } = open(seed);
    if (withRule) mock.faults.inject({ path: '/v1/account', status: 503, probability: 0.5 });
    const faulted: boolean[] = [];
    const ids: string[] = [];
    for (let index = 0; index < 24; index++) {
      faulted.push((await send('GET', '/v1/account')).status === 503);
      ids.push(
        (await send('POST', '/v1/messages', { body: textMessage(sessionId, '+447700900123') })).body.id,
      );
    }
    expect(mock.journal.filter((entry) => entry.fault !== null)).toHaveLength(faulted.filter(Boolean).length);
    return { faulted, ids };
  }

  it('faults the same requests under the same seed, and others under another', async () => {
    const first = await run(3, true);
    const second = await run(3, true);
    expect(second.faulted).toEqual(first.faulted);
    expect(first.faulted).toContain(true);
    expect(first.faulted).toContain(false);
    expect((await run(4, true)).faulted).not.toEqual(first.faulted);
  });

  it('draws from a stream of its own, so the ids are those of a run without faults', async () => {
    const faulted = await run(3, true);
    const plain = await run(3, false);
    expect(plain.faulted).not.toContain(true);
    expect(faulted.ids).toEqual(plain.ids);
  });
});
