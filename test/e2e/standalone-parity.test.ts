// The standalone server answers exactly as the in-process mock does: one recorded script of calls, run
// against both with the same seed, gives the same statuses, headers and bodies, byte for byte, apart
// from the headers each HTTP stack adds for itself (date, connection, framing).
import { createAulmMock, startStandalone } from 'aulm/mock-server';
import { type Dispatcher, request } from 'undici';
import { expect, it } from 'vitest';

interface Step {
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
  /** Advance the mock's clock by this many ms before the call. */
  advance?: number;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

// `{session}`, `{message}` and `{cursor}` stand for values an earlier answer gave (the same in both runs).
const script = (sessionId: string): Step[] => [
  { method: 'GET', path: '/v1/account' },
  { method: 'POST', path: '/v1/sessions', body: '{"name":"Till 2"}' },
  { method: 'GET', path: '/v1/sessions?limit=1' },
  ...['first', 'first', 'other'].map((text) => ({
    method: 'POST',
    path: '/v1/messages',
    headers: { 'idempotency-key': 'parity-1' },
    body: JSON.stringify({ session_id: sessionId, to: '+447700900123', type: 'text', text: { body: text } }),
  })),
  { method: 'POST', path: '/v1/messages', body: `{"session_id":"${sessionId}","to":"07700","type":"text"}` },
  { method: 'POST', path: '/v1/messages', body: '{"session_id":' },
  {
    method: 'POST',
    path: '/v1/messages',
    body: JSON.stringify({
      session_id: sessionId,
      to: '+447700900000',
      type: 'text',
      text: { body: 'fails' },
    }),
  },
  { method: 'GET', path: '/v1/messages/{message}', advance: 5_000 },
  { method: 'GET', path: '/v1/logs?limit=1' },
  { method: 'GET', path: '/v1/logs?limit=1&cursor={cursor}' },
  { method: 'GET', path: '/v1/logs?status=failed&recipient=%2B447700900000' },
  { method: 'GET', path: '/v1/logs/{message}' },
  { method: 'DELETE', path: '/v1/sessions/{session}' },
  { method: 'GET', path: '/v1/logs?cursor=nonsense' },
  { method: 'GET', path: '/v1/nowhere' },
  {
    method: 'GET',
    path: '/v1/account',
    headers: { authorization: 'Bearer aulm_test_unknown0000000000000000000000' },
  },
];

// Headers that an HTTP stack adds on its own, not the mock.
const TRANSPORT_HEADERS = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
]);

async function play(
  base: string,
  apiKey: string,
  sessionId: string,
  advance: (ms: number) => Promise<void>,
  dispatcher?: Dispatcher,
): Promise<Answer[]> {
  const answers: Answer[] = [];
  const values: Record<string, string> = {};
  for (const step of script(sessionId)) {
    if (step.advance) await advance(step.advance);
    const path = step.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `missing-${name}`);
    const response = await request(`${base}${path}`, {
      method: step.method as 'GET',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...step.headers },
      body: step.body,
      ...(dispatcher ? { dispatcher } : {}),
    });
    const body = await response.body.text();
    const headers = Object.fromEntries(
      Object.entries(response.headers)
        .filter(([name]) => !TRANSPORT_HEADERS.has(name))
        .map(([name, value]) => [name, String(value)]),
    );
    answers.push({ status: response.statusCode, headers, body });
    const parsed = JSON.parse(body);
    if (parsed.object === 'session' && step.method === 'POST') values.session = parsed.id;
    if (parsed.object === 'message' && !values.message) values.message = parsed.id;
    if (parsed.object === 'list' && parsed.next_cursor) values.cursor = parsed.next_cursor;
  }
  return answers;
}

it('answers a recorded script exactly as the in-process mock does', async () => {
  const inProcess = createAulmMock({ seed: 5 });
  const start = inProcess.quickstart();
  const expected = await play(
    'https://api.aulm.io',
    start.apiKey,
    start.sessionId,
    (ms) => inProcess.clock.advance(ms),
    inProcess.dispatcher,
  );
  await inProcess.close();

  const server = await startStandalone({ port: 0, seed: 5, clock: 'manual' });
  try {
    expect([server.apiKey, server.sessionId]).toEqual([start.apiKey, start.sessionId]);
    const actual = await play(server.url, server.apiKey, server.sessionId, async (ms) => {
      const response = await request(`${server.url}/__mock/clock/advance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ms }),
      });
      expect(response.statusCode).toBe(200);
      await response.body.dump();
    });
    expect(actual.map((answer) => answer.status)).toEqual([
      200, 201, 200, 202, 202, 409, 422, 400, 202, 200, 200, 200, 200, 200, 200, 400, 404, 401,
    ]);
    expect(actual).toEqual(expected);
  } finally {
    await server.close();
  }
});
