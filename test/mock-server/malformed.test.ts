// Property-based: for every route and every way a request can be malformed (method, path, headers, content
// type, body, query), generated from the route table (malformed-requests.ts), the reference server answers
// the documented status with the error envelope and `aulm-request-id`, never a 5xx, and holds what it held
// before; and the in-process dispatcher and the standalone server answer the same malformed request alike.
// Fixed seeds and bounded runs, so a failure replays as it was found.
import fc from 'fast-check';
import { MockAgent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  type AulmMock,
  AulmMockDispatcher,
  createAulmMock,
  type StandaloneServer,
  startStandalone,
} from '../../mock-server/index.js';
import { ErrorEnvelope } from '../../src/contract/index.js';
import { type Ids, type Malformed, malformedRequests, routesOf } from './malformed-requests.js';

const SEED = 14;
const RUNS = 800;
// No refill on the manual clock: the burst holds every request of the runs.
const MOCK = {
  seed: SEED,
  clock: 'manual',
  webhooks: { deliver: 'off' },
  rateLimit: { requestsPerSecond: 1_000, burst: 1_000_000 },
} as const;

// What the mock's dispatcher hands a request that is not the mock's: in these tests, an error, never the
// network (a malformed path that left `/v1` must not reach the real host with a test key).
function offline(mock: AulmMock): AulmMockDispatcher {
  const agent = new MockAgent();
  agent.disableNetConnect();
  return new AulmMockDispatcher({ handlers: mock.handlers, hosts: ['https://api.aulm.io'], fallback: agent });
}

/** A way in: where a request goes, and how. */
interface WayIn {
  readonly base: string;
  readonly dispatcher?: AulmMockDispatcher;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

async function send(
  way: WayIn,
  sent: Pick<Malformed, 'method' | 'path' | 'headers' | 'body'>,
): Promise<Answer> {
  const response = await request(`${way.base}${sent.path}`, {
    method: sent.method as 'GET',
    headers: { ...sent.headers },
    body: sent.body,
    ...(way.dispatcher ? { dispatcher: way.dispatcher } : {}),
  });
  return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
}

const LISTS = [
  '/v1/account',
  '/v1/api_keys',
  '/v1/sessions',
  '/v1/logs',
  '/v1/webhook_endpoints',
  '/v1/webhook_deliveries',
  '/v1/privacy_requests',
  '/v1/support/tickets',
];

// What the account holds, as its lists show it (a key's `last_used_at` aside: every authenticated request,
// refused or not, is a use of the key).
async function holdings(way: WayIn, key: string): Promise<unknown[]> {
  const bodies = [];
  for (const path of LISTS) {
    const answer = await send(way, { method: 'GET', path, headers: { authorization: `Bearer ${key}` } });
    expect(answer.status, path).toBe(200);
    bodies.push(JSON.parse(answer.text, (name, value) => (name === 'last_used_at' ? undefined : value)));
  }
  return bodies;
}

// An account with one of everything, made through the API so that both ways in hold the same: its ids, for
// the paths, and a second key that reads the lists.
async function furnish(
  way: WayIn,
  mock: AulmMock,
  key: string,
  sessionId: string,
): Promise<{ ids: Ids; reader: string }> {
  const post = async (path: string, body: object) => {
    const answer = await send(way, {
      method: 'POST',
      path,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(answer.status, `${path} ${answer.text}`).toBeLessThan(300);
    return JSON.parse(answer.text);
  };
  const message = await post('/v1/messages', {
    session_id: sessionId,
    to: '+447700900123',
    type: 'text',
    text: { body: 'Your code is 4821' },
  });
  const endpoint = await post('/v1/webhook_endpoints', { url: 'https://hooks.example.com/a', events: ['*'] });
  const ticket = await post('/v1/support/tickets', { subject: 'Help', body: 'It broke.' });
  const privacy = await post('/v1/privacy_requests', { type: 'access', subject: { type: 'account' } });
  const reader = await post('/v1/api_keys', { name: 'Reader', scopes: ['*'] });
  const pairing = await post('/v1/sessions', { name: 'Spare' });
  await mock.clock.advance('10s');
  const deliveries = await send(way, {
    method: 'GET',
    path: '/v1/webhook_deliveries',
    headers: { authorization: `Bearer ${key}` },
  });
  const ids: Ids = {
    '/v1/messages': message.id,
    '/v1/logs': message.id,
    '/v1/sessions': pairing.id,
    '/v1/webhook_endpoints': endpoint.id,
    '/v1/webhook_deliveries': JSON.parse(deliveries.text).data[0].id,
    '/v1/privacy_requests': privacy.id,
    '/v1/support/tickets': ticket.id,
    '/v1/api_keys': reader.id,
  };
  return { ids, reader: reader.secret };
}

// The answer is the one documented, in the error envelope with the request id of its header.
function expectRefusal(sent: Malformed, answer: Answer): void {
  const where = `${sent.kind}: ${sent.method} ${sent.path} ${answer.text.slice(0, 300)}`;
  const statuses = typeof sent.status === 'number' ? [sent.status] : sent.status;
  expect(statuses, where).toContain(answer.status);
  const requestId = answer.headers['aulm-request-id'];
  expect(requestId, where).toMatch(/^req_/);
  if (sent.allow !== undefined) expect(answer.headers.allow, where).toBe(sent.allow);
  if (sent.method === 'HEAD') return;
  const envelope = z.safeDecode(ErrorEnvelope, JSON.parse(answer.text));
  expect(envelope.success, where).toBe(true);
  expect(envelope.data?.error.requestId, where).toBe(requestId);
  if (sent.code !== undefined) expect(envelope.data?.error.code, where).toBe(sent.code);
}

describe('a malformed request, in-process', () => {
  let mock: AulmMock;
  let way: WayIn;
  let arbitrary: fc.Arbitrary<Malformed>;
  let reader: string;

  beforeAll(async () => {
    mock = createAulmMock(MOCK);
    const { apiKey, sessionId } = mock.quickstart();
    way = { base: 'https://api.aulm.io', dispatcher: offline(mock) };
    const furnished = await furnish(way, mock, apiKey, sessionId);
    reader = furnished.reader;
    arbitrary = malformedRequests(mock, furnished.ids, apiKey);
  });
  afterAll(() => mock.close());

  it('is answered its documented status in the error envelope, never a 5xx, and changes nothing', async () => {
    const before = await holdings(way, reader);
    await fc.assert(
      fc.asyncProperty(arbitrary, async (sent) => {
        expectRefusal(sent, await send(way, sent));
        expect(await holdings(way, reader)).toEqual(before);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 120_000);

  it('reaches every route and every kind of malformation', async () => {
    // The very requests the property above sends: the same seed, the same number of runs.
    const seen = fc.sample(arbitrary, { seed: SEED, numRuns: RUNS });
    const kinds = new Set(seen.map((sent) => sent.kind));
    expect([...kinds].sort()).toEqual(
      [
        'auth',
        'content type',
        'field',
        'id',
        'idempotency key',
        'json',
        'method',
        'path',
        'repeated query',
        'unknown field',
        'unknown query',
        'utf-8',
      ].sort(),
    );
    const routes = new Set(seen.map((sent) => sent.route));
    expect([...routes].sort()).toEqual(
      routesOf(mock)
        .map((route) => `${route.method} ${route.path}`)
        .sort(),
    );
  });
});

describe('a malformed request, in-process and standalone', () => {
  let inProcess: AulmMock;
  let standalone: StandaloneServer;
  let ways: [WayIn, WayIn];
  let arbitrary: fc.Arbitrary<Malformed>;

  beforeAll(async () => {
    inProcess = createAulmMock(MOCK);
    standalone = await startStandalone({ ...MOCK, port: 0 });
    const local = inProcess.quickstart();
    ways = [{ base: 'https://api.aulm.io', dispatcher: offline(inProcess) }, { base: standalone.url }];
    // The same seed and the same script: the same key, ids and holdings on both.
    const [first] = await Promise.all([furnish(ways[0], inProcess, local.apiKey, local.sessionId)]);
    const second = await furnish(ways[1], standalone.mock, standalone.apiKey, standalone.sessionId);
    expect(second.ids).toEqual(first.ids);
    expect(standalone.apiKey).toBe(local.apiKey);
    arbitrary = malformedRequests(inProcess, first.ids, local.apiKey);
  });
  afterAll(async () => {
    await inProcess.close();
    await standalone.close();
  });

  it('gets the same status, error code and allow from both', async () => {
    await fc.assert(
      fc.asyncProperty(arbitrary, async (sent) => {
        const [local, remote] = await Promise.all(ways.map((way) => send(way, sent)));
        const summary = (answer: Answer) => ({
          status: answer.status,
          allow: answer.headers.allow,
          // A HEAD's answer has no body to read a code from.
          code: sent.method === 'HEAD' || answer.text === '' ? null : JSON.parse(answer.text).error?.code,
        });
        expect(summary(remote!), `${sent.kind}: ${sent.method} ${sent.path}`).toEqual(summary(local!));
      }),
      { seed: SEED + 1, numRuns: 200, endOnFailure: true },
    );
  }, 120_000);
});
