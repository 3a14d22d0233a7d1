// What the standalone server writes on a bare socket, where node:http hands it no request to answer: a
// request it cannot read (a method it does not know, a header line that is not one, headers too large, a
// request too slow), and CONNECT, which node:http treats as a tunnel. Each is answered as the API answers,
// in the error envelope with `aulm-request-id`, and the connection then closes, as node:http closes it.
import { Buffer } from 'node:buffer';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RequestHandler } from 'msw';
import { requestId } from './control.js';
import { answerBareMethod, redactorOf } from './handlers/aulm-handler.js';
import { errorResponse } from './handlers/context.js';
import { answerFieldsOf } from './handlers/handover.js';
import { ServiceError } from './service/index.js';

/** What node:http says of what it could not read: its parser's code, and the bytes it read. */
type UnreadableError = Error & { code?: string; rawPacket?: Buffer };

/** Queues a write behind the answers of the turn already made, so that pipelined answers keep their order. */
export type WriteSoon = (write: () => void) => void;

const REQUEST_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+) (\S+) HTTP\/1\.[01]\r?\n/;
const AUTHORIZATION = /^authorization:[ \t]*(.*?)[ \t]*\r?$/im;

// What node:http answers each of its refusals with, as the API's status and code.
const REFUSALS: Readonly<Record<string, readonly [number, string, string]>> = {
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large', 'The request headers are too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout', 'The request took too long to arrive.'],
};

/** Answers, on `server`, what node:http reads as no request to answer: see the header of this file. */
export function answerUnreadRequests(
  server: Server,
  base: string,
  handlers: () => readonly RequestHandler[],
  writeSoon: WriteSoon,
): void {
  server.on('clientError', (error: UnreadableError, socket: Duplex) => {
    answerOnSocket(socket, unreadable(error, base, handlers()), writeSoon);
  });
  server.on('connect', (request: IncomingMessage, socket: Duplex) => {
    const url = urlOf(base, request.url ?? '/');
    const answer =
      (url && answerBareMethod(handlers(), 'CONNECT', url, request.headers.authorization ?? null)) ??
      notFound('CONNECT', url?.pathname ?? request.url ?? '/', handlers());
    answerOnSocket(socket, answer, writeSoon);
  });
}

// The answer to what node:http could not read: a method it does not know, as the API answers any method a
// path does not take (`405` with `allow`, or `404`); anything else with the status node:http would give.
function unreadable(error: UnreadableError, base: string, handlers: readonly RequestHandler[]): Response {
  const raw = error.rawPacket?.toString('latin1') ?? '';
  const line = REQUEST_LINE.exec(raw);
  const url = line ? urlOf(base, line[2]!) : null;
  if (error.code === 'HPE_INVALID_METHOD' && line && url) {
    const answer = answerBareMethod(handlers, line[1]!, url, AUTHORIZATION.exec(raw)?.[1] ?? null);
    if (answer) return answer;
  }
  const [status, code, message] = REFUSALS[error.code ?? ''] ?? [
    400,
    'invalid_request',
    `The request could not be read as HTTP/1.1 (${error.code ?? 'unreadable'}).`,
  ];
  return errorResponse(
    new ServiceError(status, code, message),
    requestId(),
    new Headers(),
    redactorOf(handlers),
  );
}

// A request target on the base URL: a path (`/v1/logs`), or any other form read as one.
function urlOf(base: string, target: string): URL | null {
  const text = `${base}${target.startsWith('/') ? target : `/${target}`}`;
  return URL.canParse(text) ? new URL(text) : null;
}

/**
 * Writes `response` on `socket` as an HTTP/1.1 answer that closes the connection, behind the answers already
 * queued; a socket that can no longer be written to is destroyed.
 */
export function answerOnSocket(socket: Duplex, response: Response, writeSoon: WriteSoon): void {
  response.arrayBuffer().then(
    (bytes) =>
      writeSoon(() => {
        if (!socket.writable) return void socket.destroy();
        const fields = answerFieldsOf(response);
        let head = `HTTP/1.1 ${response.status} ${response.statusText}\r\nconnection: close\r\n`;
        for (const name in fields)
          if (name !== 'content-length') head += `${name}: ${String(fields[name])}\r\n`;
        head += `content-length: ${bytes.byteLength}\r\n\r\n`;
        socket.end(Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(bytes)]));
      }),
    () => socket.destroy(),
  );
}

/** The standalone's own 404 for a path that is neither the API's nor the control routes', its path redacted. */
export function notFound(method: string, path: string, handlers: readonly RequestHandler[]): Response {
  return errorResponse(
    new ServiceError(404, 'resource_not_found', `Unrecognized request URL: ${method} ${path}`),
    requestId(),
    new Headers(),
    redactorOf(handlers),
  );
}
