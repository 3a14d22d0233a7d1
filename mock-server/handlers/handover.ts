// What passes between the handlers and the two front ends of Node, the undici dispatcher and the
// standalone server, beside MSW's `getResponse`. Those build each `Request` themselves and only want the
// bytes of the answer, so they hand a request's body over as it is and take the answer's bytes as they
// were made: a body put into a `Request` or a `Response` becomes a web stream, and making and reading those
// streams cost a fifth of a request. Requests from anywhere else (MSW's `setupServer`, `setupWorker`) carry
// their body, and get their answer with its body, as usual. The routes, the checks and the bytes answered
// are the same either way.
import { HttpResponse } from 'msw';
import { ServiceError } from '../service/index.js';

// UTF-8 as JSON must be: a byte sequence that is not UTF-8 is refused, not read with U+FFFD in its place.
const decoder = new TextDecoder('utf-8', { fatal: true });
// What stands for the text of a body that is not UTF-8, which `bodyTextOf` refuses.
const NOT_UTF8 = Symbol('not UTF-8');
// The body text of each other request read so far (a front end's request carries its own).
const bodyTexts = new WeakMap<Request, string | typeof NOT_UTF8>();
const statusTexts = new Map<number, string>();
const encoder = new TextEncoder();

// A front end's request: a `Request` like any other to MSW and the handlers, with its body text, its
// parsed URL and its header fields carried in private fields rather than in side tables (a `WeakMap` entry
// per request weighed on every garbage collection), and private so that no name of theirs can meet one the
// Fetch standard adds. Its `Headers` are made from the fields only if something asks for them: the
// handlers read the three they need with `headerOf`, and filling a `Headers` was a tenth of a request.
// A copy of it (`clone()`, `new Request(request)`) carries neither body nor headers, which is why the
// front ends hand requests over only while every handler is the mock's own (`wholeRequest` otherwise).
class HandedOverRequest extends Request {
  readonly #bodyText: string | typeof NOT_UTF8;
  readonly #url: URL;
  readonly #fields: ReadonlyArray<readonly [string, string]>;
  #headers: Headers | undefined;

  constructor(
    url: URL | string,
    method: string,
    fields: ReadonlyArray<readonly [string, string]>,
    bodyText: string | typeof NOT_UTF8,
  ) {
    super(url, { method });
    this.#bodyText = bodyText;
    this.#url = typeof url === 'string' ? new URL(this.url) : url;
    this.#fields = fields;
  }

  override get headers(): Headers {
    this.#headers ??= new Headers(this.#fields as Array<[string, string]>);
    return this.#headers;
  }

  static bodyTextOf(request: Request): string | typeof NOT_UTF8 | undefined {
    return #bodyText in request ? request.#bodyText : undefined;
  }

  static urlOf(request: Request): URL | undefined {
    return #url in request ? request.#url : undefined;
  }

  static fieldsOf(request: Request): ReadonlyArray<readonly [string, string]> | undefined {
    return #fields in request ? request.#fields : undefined;
  }
}

// The answer to a front end's request: no body and no header list of its own, its bytes and its header
// fields beside it (`answerBytesOf`, `answerFieldsOf`). Filling and then reading a `Headers` cost more
// than all else a `Response` did; its `headers` are made from the fields should anything else ask.
class HandedOverResponse extends Response {
  readonly #bytes: Uint8Array;
  readonly #fields: Readonly<Record<string, string>>;
  #headers: Headers | undefined;

  constructor(init: ResponseInit, fields: Readonly<Record<string, string>>, bytes: Uint8Array) {
    super(null, init);
    this.#bytes = bytes;
    this.#fields = fields;
  }

  override get headers(): Headers {
    this.#headers ??= new Headers(this.#fields);
    return this.#headers;
  }

  static bytesOf(response: Response): Uint8Array | undefined {
    return #bytes in response ? response.#bytes : undefined;
  }

  static fieldsOf(response: Response): Readonly<Record<string, string>> | undefined {
    return #fields in response ? response.#fields : undefined;
  }
}

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
  // UTF-8, a BOM dropped (a lone surrogate of a string as U+FFFD, as `request.text()` would read it).
  const text = sent ? utf8Of(typeof body === 'string' ? encoder.encode(body) : body) : '';
  // Parsed here once, for the handlers too; a URL that does not parse is left to `new Request`, whose own
  // error it throws as before.
  return new HandedOverRequest(parsedURL(url) ?? url, method, headers, text);
}

/** Whether fetch forbids a method, so that no `Request` can carry it: CONNECT, TRACE and TRACK. */
export function isForbiddenMethod(method: string): boolean {
  return /^(connect|trace|track)$/i.test(method);
}

/**
 * Returns a request that carries its body and headers itself, as MSW's other handlers expect: what a front
 * end builds when the handlers are not only the mock's own. A GET or HEAD carries no body.
 */
export function wholeRequest(
  url: string | URL,
  method: string,
  headers: Array<[string, string]>,
  body: string | Uint8Array | null,
): Request {
  const sent = body !== null && method !== 'GET' && method !== 'HEAD';
  return new Request(url, {
    method,
    headers,
    body: sent ? (body as Uint8Array<ArrayBuffer> | string) : null,
  });
}

// What `Headers` takes without a second look: a name of token characters; a value of bytes (nothing past
// U+00FF) with no NUL, CR or LF.
const FIELD_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const FIELD_VALUE = /^[^\0\r\n\u0100-\uffff]*$/;

/**
 * Throws the `TypeError` that `new Request` throws for a header name or value it refuses, as undici's
 * client would refuse to send it. For fields no HTTP parser has read (node:http refuses the same ones).
 */
export function checkFields(fields: ReadonlyArray<readonly [string, string]>): void {
  for (const [name, value] of fields) {
    if (!FIELD_NAME.test(name) || !FIELD_VALUE.test(value)) {
      // The check of `Headers` itself, for its verdict and its message.
      new Headers(fields as Array<[string, string]>);
      return;
    }
  }
}

function parsedURL(url: string | URL): URL | null {
  if (typeof url !== 'string') return url;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Returns the URL of a request: the one a front end made it from, or else `request.url` read. */
export function urlOf(request: Request): URL {
  return HandedOverRequest.urlOf(request) ?? new URL(request.url);
}

/**
 * Returns the value of a request header as `request.headers.get(name)` would (`name` in lowercase): the
 * values of its lines joined by `, `, each without the white space around it; `null` when it has none.
 * A front end's request is read from its fields, without making its `Headers`.
 */
export function headerOf(request: Request, name: string): string | null {
  const fields = HandedOverRequest.fieldsOf(request);
  if (fields === undefined) return request.headers.get(name);
  let value: string | null = null;
  for (const [field, text] of fields) {
    if (field.length === name.length && field.toLowerCase() === name) {
      const trimmed = text.replace(HTTP_WHITESPACE_AROUND, '');
      value = value === null ? trimmed : `${value}, ${trimmed}`;
    }
  }
  return value;
}

// What `Headers` trims from each value: tabs, line feeds, carriage returns and spaces at either end.
const HTTP_WHITESPACE_AROUND = /^[\t\n\r ]+|[\t\n\r ]+$/g;

function utf8Of(bytes: Uint8Array): string | typeof NOT_UTF8 {
  try {
    return decoder.decode(bytes);
  } catch {
    return NOT_UTF8;
  }
}

/**
 * Returns the text of a request's body, read once whoever asks (the idempotency check, the route); a body
 * that is not UTF-8 is `400 invalid_json`.
 */
export async function bodyTextOf(request: Request): Promise<string> {
  let text = HandedOverRequest.bodyTextOf(request) ?? bodyTexts.get(request);
  if (text === undefined) {
    text = utf8Of(new Uint8Array(await request.arrayBuffer()));
    bodyTexts.set(request, text);
  }
  if (text === NOT_UTF8) throw new ServiceError(400, 'invalid_json', 'The request body is not valid UTF-8.');
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
 * `content-type` and `content-length`), from plain headers and the body's UTF-8 JSON, which becomes the
 * answer's own; to a front end's request, with its body beside it (`answerBytesOf`).
 */
export function jsonResponse(
  request: Request | null,
  status: number,
  json: Uint8Array,
  headers: Record<string, string>,
): Response {
  headers['content-type'] = 'application/json';
  headers['content-length'] = String(json.length);
  const statusText = statusTextOf(status);
  if (request instanceof HandedOverRequest)
    return new HandedOverResponse({ status, statusText }, headers, json);
  // The JSON is in an `ArrayBuffer` (an encoder's output, a copy, or a page's slab), not a shared one, as
  // `Response` asks; it copies the bytes of the view.
  return new Response(json as Uint8Array<ArrayBuffer>, { status, statusText, headers });
}

/** Returns the body of an answer to a front end's request; `undefined` for any other response. */
export function answerBytesOf(response: Response): Uint8Array | undefined {
  return HandedOverResponse.bytesOf(response);
}

/** The header fields of an answer, by lowercase name; `set-cookie` as a list of its lines. */
export type AnswerFields = Readonly<Record<string, string | readonly string[]>>;

/** Returns the header fields of an answer: a front end's as they were made, any other's from its `Headers`. */
export function answerFieldsOf(response: Response): AnswerFields {
  const fields = HandedOverResponse.fieldsOf(response);
  if (fields !== undefined) return fields;
  const read: Record<string, string | readonly string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') read[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) read['set-cookie'] = cookies;
  return read;
}
