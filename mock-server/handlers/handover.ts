// What passes between the handlers and the two front ends of Node, the undici dispatcher and the
// standalone server, beside MSW's `getResponse`. Those build each `Request` themselves and only want the
// bytes of the answer, so they hand a request's body over as it is and take the answer's bytes as they
// were made: a body put into a `Request` or a `Response` becomes a web stream, and making and reading those
// streams cost a fifth of a request. Requests from anywhere else (MSW's `setupServer`, `setupWorker`) carry
// their body, and get their answer with its body, as usual. The routes, the checks and the bytes answered
// are the same either way.
import { HttpResponse } from 'msw';

// The body text of each request read so far, or handed over by a front end (its `Request` carries none).
const bodyTexts = new WeakMap<Request, string>();
// The requests of the front ends: their answers carry no body, which `answerBytesOf` gives instead.
const handedOver = new WeakSet<Request>();
// The body of each answer made for a front end.
const answerBytes = new WeakMap<Response, Uint8Array>();
const statusTexts = new Map<number, string>();
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Returns the request a front end hands the handlers, its body beside it rather than in it. The headers
 * are those `new Request` would give: a text body adds `content-type: text/plain;charset=UTF-8` unless one
 * is set. A GET or HEAD carries no body, as fetch allows none.
 */
export function handOver(
  url: string | URL,
  method: string,
  headers: Array<[string, string]>,
  body: string | Uint8Array | null,
): Request {
  const sent = body !== null && method !== 'GET' && method !== 'HEAD';
  if (sent && typeof body === 'string' && !headers.some(([name]) => name.toLowerCase() === 'content-type')) {
    headers.push(['content-type', 'text/plain;charset=UTF-8']);
  }
  const request = new Request(url, { method, headers });
  // As `request.text()` would read it: UTF-8 (a lone surrogate of a string as U+FFFD), a BOM dropped.
  bodyTexts.set(request, sent ? decoder.decode(typeof body === 'string' ? encoder.encode(body) : body) : '');
  handedOver.add(request);
  return request;
}

/** Returns the text of a request's body, read once whoever asks (the idempotency check, the route). */
export async function bodyTextOf(request: Request): Promise<string> {
  let text = bodyTexts.get(request);
  if (text === undefined) {
    text = await request.text();
    bodyTexts.set(request, text);
  }
  return text;
}

// The status text MSW gives a status (`202 Accepted`), asked of MSW once per status.
function statusTextOf(status: number): string {
  let text = statusTexts.get(status);
  if (text === undefined) {
    text = new HttpResponse(null, { status }).statusText;
    statusTexts.set(status, text);
  }
  return text;
}

/**
 * Returns the JSON answer to `request` as `HttpResponse.json` builds it (the same status text,
 * `content-type` and `content-length`), from plain headers, serialised once; to a front end's request,
 * with its body beside it (`answerBytesOf`).
 */
export function jsonResponse(
  request: Request | null,
  status: number,
  body: unknown,
  headers: Record<string, string>,
): Response {
  const text = JSON.stringify(body);
  const bytes = encoder.encode(text);
  headers['content-type'] = 'application/json';
  headers['content-length'] = String(bytes.length);
  const init = { status, statusText: statusTextOf(status), headers };
  if (request === null || !handedOver.has(request)) return new Response(text, init);
  const response = new Response(null, init);
  answerBytes.set(response, bytes);
  return response;
}

/** Returns the body of an answer to a front end's request; `undefined` for any other response. */
export function answerBytesOf(response: Response): Uint8Array | undefined {
  return answerBytes.get(response);
}
