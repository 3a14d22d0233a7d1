// The standalone server under steady load stays within bounded memory: a server in a process of its own
// (`soak-server.ts`) is sent mixed traffic from several keep-alive connections, and its heap after a full
// garbage collection grows by no more than the state the traffic made. An uncapped journal, about 400
// bytes a request, breaks the same bound by a clear margin, which the second test shows.
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Dispatcher, Pool } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import type { SoakAnswer, SoakQuestion } from './soak-server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

const WARM_UP = 3_000;
const REQUESTS = 30_000;
const CONNECTIONS = 8;
const IN_FLIGHT = 16;
const LIMIT = 1_000;
// Measured on a 2-core machine (Node 20), the heap's growth over the 30,000 requests after the warm-up:
// with the journal capped at 1,000, 0.24 to 0.86 MB in seven runs, one beside the other test files (the
// 300 messages sent without a key, a few KB each, and noise); uncapped, 11.6 to 12.4 MB in six (about
// 400 bytes a request). The bound allows 4 KB for each message and 2.8 MB more, 4 MB in all: over four
// times the most capped growth seen, and a third of the uncapped.
const SENT_WITHOUT_KEY = REQUESTS / 100;
const BOUND = SENT_WITHOUT_KEY * 4_000 + 2_800_000;
const UNKNOWN_BEARER = 'Bearer aulm_test_unknown0000000000000000000000';

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

/** Starts the server in its own process, and returns a way to ask it questions. */
async function startServer(limit: number) {
  const server = fork('test/mock-server/soak-server.ts', [], {
    cwd: root,
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child = server;
  const ask = <T extends SoakAnswer['type']>(question: SoakQuestion, type: T) =>
    new Promise<Extract<SoakAnswer, { type: T }>>((resolve, reject) => {
      const exited = (code: number | null) =>
        reject(new Error(`soak-server.ts exited (${code}) before answering`));
      server.once('exit', exited);
      server.once('message', (answer: SoakAnswer) => {
        server.off('exit', exited);
        if (answer.type === type) resolve(answer as Extract<SoakAnswer, { type: T }>);
        else reject(new Error(`soak-server.ts answered ${answer.type}, not ${type}`));
      });
      server.send(question);
    });
  const options = {
    port: 0,
    seed: 1,
    clock: 'manual' as const,
    webhooks: { deliver: 'off' as const },
    // No refill on a manual clock: a bucket this deep never runs dry.
    rateLimit: { requestsPerSecond: 1e9, burst: 1e9 },
    journal: { limit },
  };
  const started = await ask({ type: 'start', options }, 'listening');
  return { ...started, heapUsed: async () => (await ask({ type: 'heap' }, 'heap')).heapUsed };
}

/** One request of the mix. */
interface Sent {
  method: Dispatcher.HttpMethod;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * The `index`th request of the mix, cycling every 100: lists and reads by id, sends replayed by one of 16
 * idempotency keys (no new state after the first of each), one send in 100 without a key (a new message
 * each), and 4xx (an unknown key, a missing message, a send with a bad body).
 */
function requestOf(index: number, server: { apiKey: string; sessionId: string }, messageId: string): Sent {
  const auth = { authorization: `Bearer ${server.apiKey}` };
  const json = { ...auth, 'content-type': 'application/json' };
  const send = (to: string) =>
    JSON.stringify({ session_id: server.sessionId, to, type: 'text', text: { body: 'Your code is 4821' } });
  const slot = index % 20;
  if (slot < 4) return { method: 'GET', path: '/v1/logs?limit=20', headers: auth };
  if (slot < 6) return { method: 'GET', path: '/v1/sessions', headers: auth };
  if (slot < 9) return { method: 'GET', path: `/v1/messages/${messageId}`, headers: auth };
  if (slot === 9) return { method: 'GET', path: `/v1/messages/msg_${'0'.repeat(24)}`, headers: auth };
  if (slot < 14) {
    const key = index % 16;
    const headers = { ...json, 'idempotency-key': `soak-${key}` };
    return { method: 'POST', path: '/v1/messages', headers, body: send(`+4477009001${10 + key}`) };
  }
  if (slot === 14) return { method: 'GET', path: '/v1/account', headers: { authorization: UNKNOWN_BEARER } };
  if (slot === 15) return { method: 'POST', path: '/v1/messages', headers: json, body: '{"to": 5}' };
  if (index % 100 !== 16) return { method: 'GET', path: '/v1/account', headers: auth };
  return { method: 'POST', path: '/v1/messages', headers: json, body: send('+447700900999') };
}

/** Runs the mix on a capped or uncapped server; returns the heap's growth over the run, and the journal. */
async function soak(limit: number) {
  const server = await startServer(limit);
  const pool = new Pool(server.url, { connections: CONNECTIONS });
  try {
    const first = await pool.request({
      method: 'POST',
      path: '/v1/messages',
      headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        session_id: server.sessionId,
        to: '+447700900123',
        type: 'text',
        text: { body: 'hi' },
      }),
    });
    const { id: messageId } = (await first.body.json()) as { id: string };
    const statuses = new Map<number, number>();
    const traffic = async (count: number) => {
      let next = 0;
      const inFlight = async () => {
        while (next < count) {
          const answer = await pool.request(requestOf(next++, server, messageId));
          await answer.body.dump();
          statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, inFlight));
    };
    await traffic(WARM_UP);
    const before = await server.heapUsed();
    await traffic(REQUESTS);
    const after = await server.heapUsed();
    const journal = await pool.request({ method: 'GET', path: '/__mock/journal' });
    return {
      growth: after - before,
      journal: (await journal.body.json()) as { limit: number; dropped: number; entries: unknown[] },
      statuses: Object.fromEntries(statuses),
    };
  } finally {
    await pool.close();
  }
}

describe('the standalone server under steady load', () => {
  it(`grows its heap by no more than the state it keeps, with the journal capped at ${LIMIT}`, async () => {
    const { growth, journal, statuses } = await soak(LIMIT);
    // Every status of the mix was met: the traffic was what it says.
    expect(Object.keys(statuses).sort()).toEqual(['200', '202', '401', '404', '422']);
    expect(growth).toBeLessThan(BOUND);
    // The journal shows its cap and what it dropped: every request but the newest `LIMIT`.
    const requests = 1 + WARM_UP + REQUESTS;
    expect(journal).toMatchObject({ limit: LIMIT, dropped: requests - LIMIT });
    expect(journal.entries).toHaveLength(LIMIT);
  }, 60_000);

  it('would not with the journal uncapped: the same traffic breaks the bound', async () => {
    const { growth, journal } = await soak(Number.MAX_SAFE_INTEGER);
    expect(journal.dropped).toBe(0);
    expect(growth).toBeGreaterThan(BOUND);
  }, 60_000);
});
