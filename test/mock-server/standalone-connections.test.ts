// The standalone reference server under many requests at once: answers written together at the end of a
// turn of the event loop must each reach the connection that asked, whole, and in the order a connection
// sent its requests (HTTP/1.1 pipelining), whatever else the server answered in that turn. And a handler
// of the user's, added to `mock.handlers`, gets requests that carry their headers and body themselves.
import { connect, type Socket } from 'node:net';
import { HttpResponse, http } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandaloneServer, startStandalone } from '../../mock-server/index.js';
import { call, textMessage } from './client.js';

let server: StandaloneServer;

beforeAll(async () => {
  server = await startStandalone({ port: 0, seed: 1, clock: 'manual' });
});
afterAll(() => server.close());

interface RawAnswer {
  status: number;
  body: string;
}

/** Opens a connection to the server. */
function open(): Promise<Socket> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => resolve(socket));
    socket.on('error', reject);
  });
}

/** Resolves with the next `count` answers on `socket`, then closes it. */
function answersOn(socket: Socket, count: number): Promise<RawAnswer[]> {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const answers: RawAnswer[] = [];
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      for (;;) {
        const end = received.indexOf('\r\n\r\n');
        if (end === -1) break;
        const head = received.subarray(0, end).toString('latin1');
        const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0);
        if (received.length < end + 4 + length) break;
        const status = Number(head.split(' ')[1]);
        answers.push({ status, body: received.subarray(end + 4, end + 4 + length).toString('utf8') });
        received = received.subarray(end + 4 + length);
      }
      if (answers.length === count) {
        socket.end();
        resolve(answers);
      }
    });
    socket.on('error', reject);
  });
}

function raw(method: string, path: string, body?: unknown): string {
  const text = body === undefined ? '' : JSON.stringify(body);
  const framing =
    body === undefined
      ? ''
      : `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(text)}\r\n`;
  return `${method} ${path} HTTP/1.1\r\nhost: ${new URL(server.url).host}\r\nauthorization: Bearer ${server.apiKey}\r\n${framing}\r\n${text}`;
}

describe('the standalone server under many requests at once', () => {
  it('answers requests pipelined on one connection, each whole, in the order they were sent', async () => {
    const sent = textMessage(server.sessionId, '+447700900123', 'Pipelined, second');
    const socket = await open();
    const answered = answersOn(socket, 4);
    socket.write(
      raw('GET', `/v1/sessions/${server.sessionId}`) +
        raw('POST', '/v1/messages', sent) +
        raw('GET', '/v1/account') +
        raw('GET', '/v1/nowhere'),
    );
    const answers = await answered;
    expect(answers.map(({ status }) => status)).toEqual([200, 202, 200, 404]);
    const [session, message, account, missing] = answers.map(({ body }) => JSON.parse(body));
    expect(session).toMatchObject({ object: 'session', id: server.sessionId });
    expect(message).toMatchObject({
      object: 'message',
      to: '+447700900123',
      preview: 'Pipelined, second',
    });
    expect(account).toMatchObject({ object: 'account' });
    expect(missing.error.code).toBe('resource_not_found');
  });

  it("hands a handler of the user's, added to mock.handlers, requests that carry their headers and body", async () => {
    const echo = http.post(`${server.url}/v1/echo`, async ({ request }) => {
      const copy = request.clone();
      return HttpResponse.json({ authorization: copy.headers.get('authorization'), body: await copy.text() });
    });
    server.mock.handlers.unshift(echo);
    try {
      const options = { base: server.url, key: server.apiKey };
      const echoed = await call('POST', '/v1/echo', { ...options, body: { a: 'é' } });
      expect(echoed.body).toEqual({ authorization: `Bearer ${server.apiKey}`, body: '{"a":"é"}' });
      const sent = textMessage(server.sessionId, '+447700900123', 'Beside a handler of the user');
      const answer = await call('POST', '/v1/messages', { ...options, body: sent });
      expect([answer.status, answer.body.preview]).toEqual([202, 'Beside a handler of the user']);
    } finally {
      server.mock.handlers.splice(server.mock.handlers.indexOf(echo), 1);
    }
  });

  it('gives each of 10 connections, each sending 5 requests at once, its own answers in order', async () => {
    const sockets = await Promise.all(Array.from({ length: 10 }, open));
    const answered = sockets.map((socket) => answersOn(socket, 5));
    const preview = (connection: number, request: number) => `Connection ${connection}, request ${request}`;
    // Written in one go, so that the server reads many of them in one turn and answers them together.
    sockets.forEach((socket, connection) => {
      const requests = Array.from({ length: 5 }, (_, request) =>
        raw(
          'POST',
          '/v1/messages',
          textMessage(server.sessionId, '+447700900123', preview(connection, request)),
        ),
      );
      socket.write(requests.join(''));
    });
    const answers = await Promise.all(answered);
    answers.forEach((ofConnection, connection) => {
      expect(ofConnection.map(({ status }) => status)).toEqual([202, 202, 202, 202, 202]);
      expect(ofConnection.map(({ body }) => JSON.parse(body).preview)).toEqual(
        Array.from({ length: 5 }, (_, request) => preview(connection, request)),
      );
    });
    expect(new Set(answers.flat().map(({ body }) => JSON.parse(body).id)).size).toBe(50);
  });
});
