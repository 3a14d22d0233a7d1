import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, Dispatcher, getGlobalDispatcher, MockAgent, setGlobalDispatcher } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Aulm } from '../../src/client.js';
import { APIConnectionTimeoutError, APIUserAbortError } from '../../src/core/errors.js';
import { createDefaultTransport } from '../../src/transport/default.js';
import { undiciTransport } from '../../src/transport/undici.js';
import { TEST_KEY, wireAccount } from '../core/fake-api.js';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

let server: Server;
let origin: string;
let handle: Handler;
const agent = new Agent();

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => handle(request, body, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await agent.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const never = new AbortController().signal;

describe('undiciTransport', () => {
  it('sends method, headers and body, and reads status, headers and the whole body', async () => {
    let seen: { method?: string; header?: string; body?: string } = {};
    handle = (request, body, response) => {
      seen = { method: request.method, header: request.headers['x-test'] as string, body };
      response.writeHead(201, { 'aulm-request-id': 'req_1', 'set-cookie': ['a=1', 'b=2'] });
      response.write('{"part":');
      response.end('1}');
    };
    const response = await undiciTransport(agent).send({
      method: 'POST',
      url: `${origin}/v1/sessions`,
      headers: { 'x-test': 'yes', 'content-type': 'application/json' },
      body: '{"name":"a"}',
      signal: never,
    });
    expect(seen).toEqual({ method: 'POST', header: 'yes', body: '{"name":"a"}' });
    expect(response.status).toBe(201);
    expect(response.body).toBe('{"part":1}');
    expect(response.headers.get('aulm-request-id')).toBe('req_1');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
  });

  it('rejects when the signal aborts while the body is still arriving', async () => {
    handle = (_request, _body, response) => {
      response.writeHead(200);
      response.write('{"slow":');
    };
    const controller = new AbortController();
    const sending = undiciTransport(agent).send({
      method: 'GET',
      url: `${origin}/slow`,
      headers: {},
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 10);
    await expect(sending).rejects.toThrow();
  });
});

describe('undici dispatchers', () => {
  const original = getGlobalDispatcher();

  afterEach(() => {
    setGlobalDispatcher(original);
  });

  function mockAgent(name: string) {
    const mock = new MockAgent();
    mock.disableNetConnect();
    mock
      .get('https://api.aulm.io')
      .intercept({ path: '/v1/account', method: 'GET' })
      .reply(200, wireAccount({ name }), { headers: { 'content-type': 'application/json' } });
    return mock;
  }

  it('honours a dispatcher given as the dispatcher option', async () => {
    const mock = mockAgent('From the option');
    const aulm = new Aulm({ apiKey: TEST_KEY, dispatcher: mock });
    expect((await aulm.account.get()).name).toBe('From the option');
    mock.assertNoPendingInterceptors();
    await mock.close();
  });

  it('falls back to the global dispatcher, as Node’s fetch does', async () => {
    const mock = mockAgent('From the global dispatcher');
    setGlobalDispatcher(mock);
    const aulm = new Aulm({ apiKey: TEST_KEY });
    expect((await aulm.account.get()).name).toBe('From the global dispatcher');
    mock.assertNoPendingInterceptors();
    await mock.close();
  });

  it('goes through the given fetch instead of undici when the fetch option is given', async () => {
    setGlobalDispatcher(mockAgent('not this one'));
    const transport = createDefaultTransport({
      fetch: async () => new Response(JSON.stringify(wireAccount({ name: 'From fetch' }))),
    });
    const response = await transport.send({
      method: 'GET',
      url: 'https://api.aulm.io/v1/account',
      headers: {},
      signal: never,
    });
    expect(JSON.parse(response.body).name).toBe('From fetch');
  });
});

describe('the client over undici, on a local server', () => {
  it('times out an attempt whose body stalls after the headers', async () => {
    handle = (_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"id":');
    };
    const aulm = new Aulm({
      apiKey: TEST_KEY,
      baseURL: origin,
      dispatcher: agent,
      timeout: 50,
      maxRetries: 0,
    });
    await expect(aulm.account.get()).rejects.toBeInstanceOf(APIConnectionTimeoutError);
  });

  it('stops a request in flight with APIUserAbortError', async () => {
    let requests = 0;
    handle = () => {
      requests++;
    };
    const controller = new AbortController();
    const aulm = new Aulm({ apiKey: TEST_KEY, baseURL: origin, dispatcher: agent });
    const call = aulm.account.get({ signal: controller.signal });
    while (requests === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(APIUserAbortError);
    expect(requests).toBe(1);
  });

  it('times out and stops on abort at once, even while the dispatcher has not started the request', async () => {
    // A dispatcher that queues forever, as a pool with every connection busy would.
    class Stalled extends Dispatcher {
      override dispatch(): boolean {
        return false;
      }
    }
    const aulm = new Aulm({ apiKey: TEST_KEY, dispatcher: new Stalled(), timeout: 50, maxRetries: 0 });
    await expect(aulm.account.get()).rejects.toBeInstanceOf(APIConnectionTimeoutError);
    const controller = new AbortController();
    const call = aulm.account.get({ signal: controller.signal, timeout: 60_000 });
    setTimeout(() => controller.abort(), 10);
    await expect(call).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('sends a real request and decodes the answer', async () => {
    let authorization: string | undefined;
    handle = (request, _body, response) => {
      authorization = request.headers.authorization;
      response.writeHead(200, { 'content-type': 'application/json', 'aulm-request-id': 'req_local' });
      response.end(JSON.stringify(wireAccount()));
    };
    const aulm = new Aulm({ apiKey: TEST_KEY, baseURL: origin, dispatcher: agent });
    const { data, requestId } = await aulm.account.get().withResponse();
    expect(data.createdAt).toBeInstanceOf(Date);
    expect(requestId).toBe('req_local');
    expect(authorization).toBe(`Bearer ${TEST_KEY}`);
  });
});
