// The dispatcher and the standalone server hand a request's body to the mock's handlers beside the
// `Request`, and take the answer's bytes beside the `Response`: the handlers answer exactly as they do a
// request that carries its body (MSW's `setupServer`, or a dispatcher with handlers of its own).
import { HttpResponse, http } from 'msw';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { AulmMockDispatcher } from '../../mock-server/dispatcher.js';
import {
  answerBytesOf,
  answerFieldsOf,
  bodyTextOf,
  handOver,
  headerOf,
  jsonResponse,
  urlOf,
} from '../../mock-server/handlers/handover.js';
import { createAulmMock } from '../../mock-server/index.js';

const URL_ = 'https://api.aulm.io/v1/messages';

describe('handOver', () => {
  it.each([
    ['JSON', '{"a":1}'],
    ['text with a byte order mark', '\uFEFF{"a":1}'],
    ['text with a lone surrogate', '{"a":"\uD800"}'],
    ['non-ASCII text', '{"a":"é ü 😀"}'],
    ['an empty body', ''],
  ])('gives the body and headers new Request would, for %s', async (_, body) => {
    const made = new Request(URL_, { method: 'POST', body });
    const handed = handOver(URL_, 'POST', [], body);
    expect(await bodyTextOf(handed)).toBe(await made.text());
    expect([...handed.headers]).toEqual([...made.headers]);
    const typed = handOver(URL_, 'POST', [['Content-Type', 'application/json']], body);
    const json = { 'Content-Type': 'application/json' };
    expect([...typed.headers]).toEqual([
      ...new Request(URL_, { method: 'POST', body, headers: json }).headers,
    ]);
    const bytes = new TextEncoder().encode(body);
    const fromBytes = handOver(URL_, 'POST', [['Content-Type', 'application/json']], bytes);
    expect(await bodyTextOf(fromBytes)).toBe(await new Request(URL_, { method: 'POST', body: bytes }).text());
    expect(fromBytes.headers.get('content-type')).toBe('application/json');
  });

  it('reads a header as Headers.get does, from the fields, without making the Headers', () => {
    const fields: Array<[string, string]> = [
      ['Authorization', '\t Bearer aulm_test_x  '],
      ['X-Twice', 'one'],
      ['x-twice', ' two'],
      ['X-Empty', ''],
    ];
    const handed = handOver(URL_, 'GET', [...fields], null);
    const made = new Request(URL_, { headers: fields });
    for (const name of ['authorization', 'x-twice', 'x-empty', 'x-absent']) {
      expect(headerOf(handed, name)).toBe(made.headers.get(name));
      expect(headerOf(made, name)).toBe(made.headers.get(name));
    }
    expect([...handed.headers]).toEqual([...made.headers]);
  });

  it('drops the body of a GET, as fetch does', async () => {
    expect(await bodyTextOf(handOver(URL_, 'GET', [], '{"a":1}'))).toBe('');
  });

  it('reads the body of any other request once, for every reader', async () => {
    const made = new Request(URL_, { method: 'POST', body: '{"a":1}' });
    expect(await bodyTextOf(made)).toBe('{"a":1}');
    expect(await bodyTextOf(made)).toBe('{"a":1}');
    expect(answerBytesOf(new Response('{}'))).toBeUndefined();
  });

  it('answers it as HttpResponse.json would, with its bytes and header fields beside the Response', async () => {
    const made = HttpResponse.json({ a: 'é' }, { status: 201, headers: { 'aulm-request-id': 'req_1' } });
    for (const request of [handOver(URL_, 'GET', [], null), null]) {
      const json = new TextEncoder().encode('{"a":"é"}');
      const answer = jsonResponse(request, 201, json, { 'aulm-request-id': 'req_1' });
      expect([answer.status, answer.statusText]).toEqual([made.status, made.statusText]);
      expect([...answer.headers]).toEqual([...made.headers]);
      expect(answerFieldsOf(answer)).toEqual(Object.fromEntries(made.headers));
      const bytes = answerBytesOf(answer);
      expect(bytes === undefined ? await answer.text() : new TextDecoder().decode(bytes)).toBe(
        await made.clone().text(),
      );
    }
  });

  it('reads the header fields of any other response from its headers, each set-cookie line kept', () => {
    const headers = new Headers([
      ['X-One', '1'],
      ['Set-Cookie', 'a=1'],
      ['Set-Cookie', 'b=2'],
    ]);
    expect(answerFieldsOf(new Response(null, { headers }))).toEqual({
      'x-one': '1',
      'set-cookie': ['a=1', 'b=2'],
    });
  });

  it("gives the URL the request was made from, read once, and reads any other request's URL", () => {
    const handed = handOver(`${URL_}?limit=2`, 'GET', [], null);
    expect(handed).toBeInstanceOf(Request);
    expect(urlOf(handed).href).toBe(handed.url);
    expect(urlOf(handed)).toBe(urlOf(handed));
    expect(urlOf(new Request(`${URL_}?limit=3`)).search).toBe('?limit=3');
  });

  it('throws the error new Request throws for a URL that does not parse', () => {
    const thrown = (make: () => unknown) => {
      try {
        make();
      } catch (error) {
        return String(error);
      }
      return 'nothing thrown';
    };
    expect(thrown(() => handOver('not a url', 'GET', [], null))).toBe(thrown(() => new Request('not a url')));
  });
});

// One script, with every kind of body a route meets, through both ways in.
const script = (sessionId: string) => [
  { method: 'GET', path: '/v1/account' },
  { method: 'PATCH', path: '/v1/account', body: '\uFEFF{"name":"Ünïcode Ltd"}' },
  { method: 'POST', path: '/v1/sessions', body: '{"name":"Till"}', key: 'session-1' },
  { method: 'POST', path: '/v1/sessions', body: '{ "name" : "Till" }', key: 'session-1' },
  { method: 'POST', path: '/v1/sessions', body: '{"name":"Other"}', key: 'session-1' },
  { method: 'POST', path: '/v1/messages', body: `{"session_id":"${sessionId}","to":"+447700900123"}` },
  { method: 'POST', path: '/v1/messages', body: '{"session_id":' },
  { method: 'POST', path: '/v1/messages', body: '' },
  {
    method: 'POST',
    path: '/v1/messages',
    body: `{"session_id":"${sessionId}","to":"+447700900123","type":"text","text":{"body":"é \uD800"}}`,
  },
  {
    method: 'POST',
    path: '/v1/messages',
    body: `{"session_id":"${sessionId}","to":"+447700900123","type":"text","text":{"body":"é"}}`,
    json: false,
  },
  { method: 'GET', path: '/v1/logs?limit=5' },
  { method: 'DELETE', path: '/v1/sessions/ses_nothing' },
  { method: 'PUT', path: '/v1/account', body: '{}' },
  { method: 'GET', path: '/V1/ACCOUNT/' },
];

async function play(dispatcher: AulmMockDispatcher, apiKey: string, sessionId: string) {
  const answers = [];
  for (const step of script(sessionId)) {
    const response = await request(`https://api.aulm.io${step.path}`, {
      method: step.method as 'GET',
      headers: {
        authorization: `Bearer ${apiKey}`,
        ...(step.json === false ? {} : { 'content-type': 'application/json' }),
        ...(step.key ? { 'idempotency-key': step.key } : {}),
      },
      body: step.body,
      dispatcher,
    });
    answers.push({
      status: response.statusCode,
      headers: response.headers,
      body: await response.body.text(),
    });
  }
  return answers;
}

describe('a request handed over', () => {
  it('is refused, as new Request refuses it, when a header is one undici would not send', async () => {
    const mock = createAulmMock({ seed: 8 });
    const { apiKey } = mock.quickstart();
    const url = 'https://api.aulm.io/v1/account';
    const bads: Array<Record<string, string>> = [
      { 'x-bad': 'a\r\nb' },
      { 'bad name': 'x' },
      { 'x-bad': 'euro €' },
      { 'x-bad': 'a\0b' },
    ];
    for (const bad of bads) {
      let expected = 'nothing thrown';
      try {
        new Request(url, { headers: bad });
      } catch (error) {
        expected = String(error);
      }
      const sent = request(url, {
        headers: { authorization: `Bearer ${apiKey}`, ...bad },
        dispatcher: mock.dispatcher,
      });
      await expect(sent.then(() => 'nothing thrown', String)).resolves.toBe(expected);
    }
    const fine = { authorization: `Bearer ${apiKey}`, 'x-latin1': 'café', 'x-padded': ' \t a \t ' };
    expect((await request(url, { headers: fine, dispatcher: mock.dispatcher })).statusCode).toBe(200);
    await mock.close();
  });

  it('is answered as one that carries its body, byte for byte', async () => {
    const handed = createAulmMock({ seed: 8 });
    const carried = createAulmMock({ seed: 8 });
    // A handler that is not the mock's makes the dispatcher build whole requests.
    const foreign = http.get('https://elsewhere.example/x', () => HttpResponse.json({}));
    const whole = new AulmMockDispatcher({
      handlers: [...carried.handlers, foreign],
      hosts: ['https://api.aulm.io'],
    });
    const first = handed.quickstart();
    const second = carried.quickstart();
    const expected = await play(whole, second.apiKey, second.sessionId);
    const actual = await play(handed.dispatcher, first.apiKey, first.sessionId);
    expect(actual.map((answer) => answer.status)).toEqual([
      200, 200, 201, 201, 409, 422, 400, 422, 202, 415, 200, 404, 405, 200,
    ]);
    expect(actual).toEqual(expected);
    expect(handed.journal).toEqual(carried.journal);
    await Promise.all([handed.close(), carried.close()]);
  });
});
