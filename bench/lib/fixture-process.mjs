// The fixture server's own process: node:http answering fixed bytes, so that the client under test and
// the server never share an event loop (or, on a two-core machine, a core). Its parent (fixture-server.mjs)
// sends the answers over IPC, and asks for the CPU time it has used.
import { createServer } from 'node:http';
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

const server = createServer((request, response) => {
  request.on('end', () => {
    const { status, headers, body } = answerOf(request);
    response.writeHead(status, { ...headers, 'content-length': body.length });
    response.end(body);
  });
  request.resume();
});
server.keepAliveTimeout = 60_000;

process.on('message', (message) => {
  if (message.type === 'answers') {
    answers = Object.fromEntries(
      Object.entries(message.answers).map(([route, answer]) => [
        route,
        { ...answer, body: Buffer.from(answer.body, 'base64') },
      ]),
    );
    logs = message.logs ?? null;
    server.listen(0, '127.0.0.1', () =>
      process.send({ type: 'listening', url: `http://127.0.0.1:${server.address().port}` }),
    );
  } else if (message.type === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send({ type: 'cpu', micros: user + system });
  } else if (message.type === 'close') {
    server.close();
    server.closeAllConnections();
    process.disconnect();
  }
});
