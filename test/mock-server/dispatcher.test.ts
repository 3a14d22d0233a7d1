// The undici dispatcher answers aulm's hosts from MSW handlers and hands every other request on.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpResponse, http } from 'msw';
import { MockAgent, request, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AulmMockDispatcher } from '../../mock-server/dispatcher.js';

const handlers = [
  http.post('https://api.aulm.io/v1/echo', async ({ request }) =>
    HttpResponse.json(
      { body: await request.json(), header: request.headers.get('x-probe') },
      { status: 201, headers: { 'x-answer': 'yes' } },
    ),
  ),
  http.get('https://api.aulm.io/v1/slow', async () => {
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    return HttpResponse.json({});
  }),
  http.get('https://api.aulm.io/v1/cut', () => HttpResponse.error()),
];
const hosts = ['https://api.aulm.io'];

let server: Server;
let local: string;

beforeAll(async () => {
  server = createServer((req, res) => res.end(`real ${req.method} ${req.url}`));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.close();
});

describe('AulmMockDispatcher', () => {
  const dispatcher = new AulmMockDispatcher({ handlers, hosts });

  it("answers undici's request through the handlers, with status, headers and body", async () => {
    const response = await request('https://api.aulm.io/v1/echo', {
      method: 'POST',
      body: JSON.stringify({ a: 1 }),
      headers: { 'x-probe': 'p', 'content-type': 'application/json' },
      dispatcher,
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['x-answer']).toBe('yes');
    expect(await response.body.json()).toEqual({ body: { a: 1 }, header: 'p' });
  });

  it("answers undici's fetch, which speaks the older handler interface", async () => {
    const response = await undiciFetch('https://api.aulm.io/v1/echo', {
      method: 'POST',
      body: '{"b":2}',
      dispatcher,
    });
    expect(await response.json()).toEqual({ body: { b: 2 }, header: null });
  });

  it('hands a request to any other host to the global dispatcher, untouched', async () => {
    const response = await request(`${local}/elsewhere?q=1`, { dispatcher });
    expect(await response.body.text()).toBe('real GET /elsewhere?q=1');
  });

  it('hands other hosts to the dispatcher it wraps when given one', async () => {
    const fallback = new MockAgent();
    fallback.disableNetConnect();
    fallback.get('https://example.com').intercept({ path: '/x' }).reply(418, 'teapot');
    const wrapping = new AulmMockDispatcher({ handlers, hosts, fallback });
    const response = await request('https://example.com/x', { dispatcher: wrapping });
    expect(response.statusCode).toBe(418);
    await fallback.close();
  });

  it('turns a network error from a handler into a socket error', async () => {
    await expect(request('https://api.aulm.io/v1/cut', { dispatcher })).rejects.toMatchObject({
      code: 'UND_ERR_SOCKET',
    });
  });

  it('stops at once when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = request('https://api.aulm.io/v1/slow', { dispatcher, signal: controller.signal });
    controller.abort(new Error('caller gave up'));
    await expect(pending).rejects.toThrow('caller gave up');
  });
});
