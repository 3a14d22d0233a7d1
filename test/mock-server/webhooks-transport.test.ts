// How deliveries leave: with `fetch` (the default) to a URL that MSW intercepts or to a receiver on
// loopback behind the standalone server; through a function; or not at all ('off'). And what waits for
// them (`flush`, `clock.advance`), what a reset does to an attempt in flight, and seeded determinism.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpResponse, http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import {
  type AulmMock,
  type AulmMockOptions,
  createAulmMock,
  startStandalone,
} from '../../mock-server/index.js';
import { overLoopback } from '../../mock-server/webhook-transport.js';
import { verifyWebhook } from '../../src/webhooks/index.js';
import { call, clientFor, textMessage } from './client.js';

const HOOK = 'https://hooks.example.com/aulm';

// Runs `body` with a mock served to `fetch` through MSW, beside `extra` handlers.
async function withMock<T>(
  options: AulmMockOptions,
  body: (mock: AulmMock) => Promise<T>,
  extra: Parameters<typeof setupServer> = [],
): Promise<T> {
  const mock = createAulmMock(options);
  const server = setupServer(...mock.handlers, ...extra);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    return await body(mock);
  } finally {
    server.close();
    await mock.close();
  }
}

async function endpointFor(mock: AulmMock, events = ['*'], url = HOOK) {
  const { apiKey, sessionId } = mock.quickstart();
  const api = clientFor(apiKey);
  const endpoint = (await api.post('/v1/webhook_endpoints', { url, events })).body;
  return { api, sessionId, endpoint };
}

describe("deliver: 'fetch' (the default)", () => {
  it('POSTs with the global fetch, so an MSW handler for the receiver’s URL gets every delivery', async () => {
    const received: Array<{ body: string; headers: Headers }> = [];
    const receiverHandler = http.post(HOOK, async ({ request }) => {
      received.push({ body: await request.text(), headers: request.headers });
      return new HttpResponse(null, { status: 204 });
    });
    await withMock(
      { seed: 21 },
      async (mock) => {
        const { api, sessionId, endpoint } = await endpointFor(mock, ['message.delivered']);
        await api.post('/v1/messages', textMessage(sessionId, '+447700900123'));
        await mock.clock.advance('10s');
        expect(received).toHaveLength(1);
        const event = await verifyWebhook(received[0]!.body, received[0]!.headers, {
          secret: endpoint.secret,
          now: mock.clock.now(),
        });
        expect(event.type).toBe('message.delivered');
        expect(mock.webhooks.deliveries).toMatchObject([{ status: 'succeeded' }]);
        expect(mock.journal.every((entry) => entry.path.startsWith('/v1/'))).toBe(true);
        expect(mock.journal.some((entry) => entry.host === 'hooks.example.com')).toBe(false);
      },
      [receiverHandler],
    );
  });

  it('records a receiver that cannot be reached as a connection failure', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(closed.address() as AddressInfo).port}/gone`;
    await new Promise((resolve) => closed.close(resolve));
    // Sent over plain HTTP, as every delivery to a receiver on loopback is.
    const letThrough = http.post(url.replace('https:', 'http:'), () => passthrough());
    await withMock(
      { seed: 22, webhooks: { deliver: 'fetch' } },
      async (mock) => {
        const { api } = await endpointFor(mock, ['session.connected'], url);
        const session = (await api.post('/v1/sessions', {})).body;
        mock.sessions.connect(session.id);
        await mock.webhooks.flush();
        const [delivery] = mock.webhooks.deliveries;
        expect(delivery!.attempts[0]).toMatchObject({
          responseStatus: null,
          error: expect.stringMatching(/^Connection failed: .*ECONNREFUSED/),
        });
        expect(delivery).toMatchObject({
          status: 'pending',
          nextAttemptAt: new Date('2026-01-01T00:00:05.000Z'),
        });
      },
      [letThrough],
    );
  });
});

describe('a receiver on loopback', () => {
  it.each([
    ['https://localhost:3000/hooks?x=1', 'http://localhost:3000/hooks?x=1'],
    ['https://127.0.0.1:8443/a', 'http://127.0.0.1:8443/a'],
    ['https://127.9.9.9/a', 'http://127.9.9.9:443/a'],
    ['https://[::1]:3000/', 'http://[::1]:3000/'],
    ['https://hooks.example.com/a', 'https://hooks.example.com/a'],
    ['https://localhost.example.com/a', 'https://localhost.example.com/a'],
  ])("gets the deliveries of %s over plain HTTP on the same port, with 'fetch'", (url, sent) => {
    expect(overLoopback(url)).toBe(sent);
  });
});

describe('the standalone server', () => {
  it('delivers to a receiver on loopback with real fetch, and POST /__mock/webhooks/flush waits for it', async () => {
    const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
    const receiver = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString() });
      response.writeHead(200).end('ok');
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    const server = await startStandalone({ port: 0, seed: 23, clock: 'manual' });
    try {
      const api = clientFor(server.apiKey, server.url);
      const endpoint = (await api.post('/v1/webhook_endpoints', { url, events: ['session.connected'] })).body;
      const session = (await api.post('/v1/sessions', {})).body;
      await call('POST', `/__mock/sessions/${session.id}/connect`, { base: server.url, body: {} });
      const flushed = await call('POST', '/__mock/webhooks/flush', { base: server.url });
      expect(flushed.status).toBe(200);
      expect(flushed.body.deliveries).toMatchObject([
        { object: 'webhook_delivery', event_type: 'session.connected', status: 'succeeded' },
      ]);
      expect(flushed.body.deliveries[0].attempts).toMatchObject([{ response_status: 200, error: null }]);
      const listed = await call('GET', '/__mock/webhooks/deliveries', { base: server.url });
      expect(listed.body).toEqual(flushed.body);
      const event = await verifyWebhook(received[0]!.body, received[0]!.headers, {
        secret: endpoint.secret,
        now: server.mock.clock.now(),
      });
      expect(event).toMatchObject({ type: 'session.connected', data: { id: session.id } });
    } finally {
      await server.close();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});

describe("deliver: 'off'", () => {
  it('records each delivery pending, with no attempt and nothing scheduled; retry sends nothing', async () => {
    await withMock({ seed: 24, webhooks: { deliver: 'off' } }, async (mock) => {
      const { api, sessionId } = await endpointFor(mock, ['message.sent']);
      await api.post('/v1/messages', textMessage(sessionId, '+447700900123'));
      await mock.clock.advance('1d');
      const [delivery] = (await api.get('/v1/webhook_deliveries')).body.data;
      expect(delivery).toMatchObject({ status: 'pending', attempts: [], next_attempt_at: null });
      const retried = await api.post(`/v1/webhook_deliveries/${delivery.id}/retry`);
      expect(retried.status).toBe(200);
      expect(retried.body).toEqual(delivery);
    });
  });
});

describe('deliver: a function', () => {
  it('gets each attempt as a POST Request that does not follow redirects', async () => {
    const requests: Request[] = [];
    await withMock(
      {
        seed: 25,
        webhooks: {
          deliver: async (request) => {
            requests.push(request);
            return new Response('fine', { status: 200 });
          },
        },
      },
      async (mock) => {
        const { api } = await endpointFor(mock, ['session.connected']);
        const session = (await api.post('/v1/sessions', {})).body;
        mock.sessions.connect(session.id);
        await mock.webhooks.flush();
        expect(requests).toHaveLength(1);
        expect(requests[0]).toMatchObject({ method: 'POST', url: HOOK, redirect: 'manual' });
        expect(requests[0]!.signal.aborted).toBe(false);
      },
    );
  });

  it('is refused when it is neither a function nor fetch nor off', () => {
    expect(() => createAulmMock({ webhooks: { deliver: 'undici' as never } })).toThrow(
      /webhooks.deliver must be a function/,
    );
  });
});

describe('waiting for deliveries', () => {
  it('flush() waits for an attempt in flight, and runs no retry early', async () => {
    let release: (status: number) => void = () => {};
    const deliver = () =>
      new Promise<Response>((resolve) => {
        release = (status) => resolve(new Response(null, { status }));
      });
    await withMock({ seed: 26, webhooks: { deliver } }, async (mock) => {
      const { api } = await endpointFor(mock, ['session.connected']);
      const session = (await api.post('/v1/sessions', {})).body;
      mock.sessions.connect(session.id);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(mock.webhooks.deliveries).toMatchObject([{ status: 'pending', attempts: [] }]);
      const flushed = mock.webhooks.flush();
      setTimeout(() => release(500), 20);
      await flushed;
      expect(mock.webhooks.deliveries).toMatchObject([
        {
          status: 'pending',
          attempts: [{ responseStatus: 500 }],
          nextAttemptAt: new Date('2026-01-01T00:00:05.000Z'),
        },
      ]);
      expect(mock.webhooks.deliveries[0]!.attempts[0]!.durationMs).toBeGreaterThanOrEqual(15);
    });
  });

  it('clock.advance waits for each attempt, so a retry it schedules runs within the same advance', async () => {
    const answers = [500, 500, 204];
    const deliver = async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return new Response(null, { status: answers.shift() ?? 204 });
    };
    await withMock({ seed: 27, webhooks: { deliver } }, async (mock) => {
      const { api, sessionId } = await endpointFor(mock, ['message.sent']);
      await api.post('/v1/messages', textMessage(sessionId, '+447700900001'));
      await mock.clock.advance('1h');
      const [delivery] = mock.webhooks.deliveries;
      expect(delivery!.status).toBe('succeeded');
      expect(delivery!.attempts.map((attempt) => attempt.at.toISOString())).toEqual([
        '2026-01-01T00:00:01.000Z',
        '2026-01-01T00:00:06.000Z',
        '2026-01-01T00:05:06.000Z',
      ]);
    });
  });

  it('reset() aborts an attempt in flight: it records nothing, and flush() does not wait for it', async () => {
    const signals: AbortSignal[] = [];
    const deliver = (request: Request) => {
      signals.push(request.signal);
      return new Promise<Response>(() => {});
    };
    await withMock({ seed: 28, webhooks: { deliver } }, async (mock) => {
      const { api } = await endpointFor(mock, ['session.connected']);
      const session = (await api.post('/v1/sessions', {})).body;
      mock.sessions.connect(session.id);
      await new Promise((resolve) => setTimeout(resolve, 5));
      mock.reset();
      expect(signals[0]!.aborted).toBe(true);
      await mock.webhooks.flush();
      await mock.clock.advance('1m');
      expect(mock.webhooks.deliveries).toEqual([]);
    });
  });
});

describe('a seed', () => {
  // A script: an endpoint, a rotation, a message and a session event, and every secret, header and record.
  async function script(seed: number) {
    const seen: unknown[] = [];
    const deliver = async (request: Request) => {
      seen.push([...request.headers], await request.text());
      return new Response(null, { status: seen.length > 4 ? 204 : 500 });
    };
    return withMock({ seed, webhooks: { deliver } }, async (mock) => {
      const { api, sessionId, endpoint } = await endpointFor(mock);
      const rotated = (await api.post(`/v1/webhook_endpoints/${endpoint.id}/rotate_secret`)).body;
      await api.post('/v1/messages', textMessage(sessionId, '+447700900001'));
      await api.delete(`/v1/sessions/${sessionId}`);
      await mock.clock.advance('1h');
      const deliveries = mock.webhooks.deliveries.map((delivery) => ({
        ...delivery,
        attempts: delivery.attempts.map(({ durationMs: _, ...attempt }) => attempt),
      }));
      return { secrets: [endpoint.secret, rotated.secret], seen, deliveries };
    });
  }

  it('gives the same secrets, signatures and delivery records on every run (all but duration_ms)', async () => {
    const first = await script(7);
    const second = await script(7);
    expect(second).toEqual(first);
    expect(first.seen.length).toBeGreaterThan(4);
    expect(first.deliveries.map((delivery) => delivery.eventType)).toEqual([
      'session.disconnected',
      'message.failed',
    ]);
    const other = await script(8);
    expect(other.secrets[0]).not.toBe(first.secrets[0]);
  });
});
