// The fixture server's own process: node:http answering fixed bytes, so that the client under test and
// the server never share an event loop (or, on a two-core machine, a core). Its parent (fixture-server.mjs)
// sends the answers over IPC, and asks for the CPU time it has used.
import { createServer } from 'node:http';
import { getResponse, RequestHandler } from 'msw';
import { logPageWire } from './wire.mjs';

let answers = {};
let logs = null;
const pages = new Map();

// A page of logs is rendered on its first request and kept, so every later walk costs the server a lookup.
function logPage(url) {
  const cursor = new URL(url, 'http://fixture').searchParams.get('cursor');
  const page = cursor ? Number(cursor.slice('cur_'.length)) : 0;
  if (!pages.has(page))
    pages.set(page, Buffer.from(JSON.stringify(logPageWire(page, logs.pages, logs.perPage))));
  return { status: 200, headers: logs.headers, body: pages.get(page) };
}

function answerOf(request) {
  const path = request.url.split('?')[0];
  if (logs && request.method === 'GET' && path === '/v1/logs') return logPage(request.url);
  return answers[`${request.method} ${path}`] ?? { status: 404, headers: {}, body: Buffer.alloc(0) };
}

function write(response, { status, headers, body }) {
  response.writeHead(status, { ...headers, 'content-length': body.length });
  response.end(body);
}

// With `throughMsw`, each request goes the way the reference server's design takes it, and no further: a
// `Request` (its body read, not put in it), MSW's `getResponse` with one handler, a `Response` that holds
// no body, and the fixed bytes written. What the design costs before the reference server does anything.
class FixedAnswers extends RequestHandler {
  constructor() {
    super({ info: { header: 'fixed answers' }, resolver: () => undefined });
  }
  predicate() {
    return true;
  }
  // Answers every request with a body-less `Response`; the server writes the fixed answer it looks up.
  async run({ request }) {
    return { handler: this, request, response: new Response(null, { status: 200 }) };
  }
}
const handlers = [new FixedAnswers()];
let base = '';
let throughMsw = false;

const server = createServer((request, response) => {
  request.on('end', async () => {
    if (throughMsw)
      await getResponse(handlers, new Request(`${base}${request.url}`, { method: request.method }));
    write(response, answerOf(request));
  });
  request.resume();
});
server.keepAliveTimeout = 60_000;
// A parent that goes away (a figure that failed) takes the server with it, rather than leave it listening.
process.on('disconnect', () => process.exit());

process.on('message', (message) => {
  if (message.type === 'answers') {
    answers = Object.fromEntries(
      Object.entries(message.answers).map(([route, answer]) => [
        route,
        { ...answer, body: Buffer.from(answer.body, 'base64') },
      ]),
    );
    logs = message.logs ?? null;
    throughMsw = message.throughMsw === true;
    server.listen(0, '127.0.0.1', () => {
      base = `http://127.0.0.1:${server.address().port}`;
      process.send({ type: 'listening', url: base });
    });
  } else if (message.type === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send({ type: 'cpu', micros: user + system });
  } else if (message.type === 'close') {
    server.close();
    server.closeAllConnections();
    process.disconnect();
  }
});
