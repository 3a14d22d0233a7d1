// The request pipeline: building requests, retries, connection errors and 421s; aborts, timeouts and local
// parameter checks are in pipeline-abort.test.ts.
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ListLogsParams, MessageLogList } from '../../src/contract/index.js';
import {
  APIConnectionError,
  APIError,
  APIUserAbortError,
  InternalServerError,
  RateLimitError,
} from '../../src/core/errors.js';
import { resolveOptions } from '../../src/core/options.js';
import { type Call, Pipeline } from '../../src/core/pipeline.js';
import { apiError, FakeAPI, ok, TEST_KEY, wireAccount, wireMessage } from './fake-api.js';
import { getAccount, sendMessage, setup } from './pipeline-fixtures.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('building requests', () => {
  it('sends the key as a Bearer token, asks for JSON and names the SDK', async () => {
    const { api, pipeline } = setup();
    api.reply(ok(wireAccount()));
    await pipeline.request(getAccount);
    const [request] = api.requests;
    expect(request?.url.href).toBe('https://api.aulm.io/v1/account');
    expect(request?.headers.get('authorization')).toBe(`Bearer ${TEST_KEY}`);
    expect(request?.headers.get('accept')).toBe('application/json');
    expect(request?.headers.get('user-agent')).toMatch(/^aulm-sdk\/\S+ \(typescript; node\/\S+\)$/);
    expect(request?.headers.has('content-type')).toBe(false);
    expect(request?.headers.has('idempotency-key')).toBe(false);
  });

  it('sends the body of a POST as snake_case JSON with a generated Idempotency-Key', async () => {
    const { api, pipeline } = setup();
    api.reply(ok(wireMessage()));
    await pipeline.request(sendMessage);
    const [request] = api.requests;
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(request?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(request?.body).toEqual({
      session_id: 'ses_1',
      to: '+447700900123',
      type: 'text',
      text: { body: 'Your code is 4821' },
    });
  });

  it('uses a given idempotencyKey and rejects one the API would refuse', async () => {
    const { api, pipeline } = setup();
    api.always(ok(wireMessage()));
    await pipeline.request(sendMessage, { idempotencyKey: 'order-42' });
    expect(api.requests[0]?.headers.get('idempotency-key')).toBe('order-42');
    await expect(pipeline.request(sendMessage, { idempotencyKey: '' })).rejects.toThrow(/idempotencyKey/);
    expect(api.requests).toHaveLength(1);
  });

  it('adds defaultHeaders, then per-call headers, and removes a header given as null', async () => {
    const { api, pipeline } = setup({ defaultHeaders: { 'x-team': 'ops', 'x-trace': 'a' } });
    api.reply(ok(wireAccount()));
    await pipeline.request(getAccount, { headers: { 'x-trace': 'b', 'user-agent': null } });
    const headers = api.requests[0]?.headers;
    expect(headers?.get('x-team')).toBe('ops');
    expect(headers?.get('x-trace')).toBe('b');
    expect(headers?.has('user-agent')).toBe(false);
  });

  it('gives each call headers of its own: a fresh Idempotency-Key, nothing a transport changed', async () => {
    const api = new FakeAPI().always(ok(wireMessage()));
    const pipeline = new Pipeline(resolveOptions({ apiKey: TEST_KEY }), {
      transport: {
        send: (request) => {
          const sent = api.transport.send(request);
          request.headers['x-changed-by-transport'] = 'yes';
          return sent;
        },
      },
    });
    await pipeline.request(sendMessage);
    await pipeline.request(sendMessage);
    const [first, second] = api.requests.map((request) => request.headers);
    expect(second?.has('x-changed-by-transport')).toBe(false);
    expect(second?.get('idempotency-key')).not.toBe(first?.get('idempotency-key'));
  });

  it('lets defaultHeaders set or remove the Idempotency-Key, as any other header', async () => {
    const fixed = setup({ defaultHeaders: { 'Idempotency-Key': 'fixed-key' } });
    fixed.api.always(ok(wireMessage()));
    await fixed.pipeline.request(sendMessage);
    await fixed.pipeline.request(sendMessage);
    expect(fixed.api.requests.map((request) => request.headers.get('idempotency-key'))).toEqual([
      'fixed-key',
      'fixed-key',
    ]);
    const none = setup({ defaultHeaders: { 'idempotency-key': null } });
    none.api.always(ok(wireMessage()));
    await none.pipeline.request(sendMessage);
    expect(none.api.requests[0]?.headers.has('idempotency-key')).toBe(false);
  });

  it('goes to the region host or the baseURL', async () => {
    for (const [options, origin] of [
      [{ region: 'eu' }, 'https://eu.api.aulm.io'],
      [{ region: 'ap' }, 'https://ap.api.aulm.io'],
      [{ baseURL: 'http://127.0.0.1:4010/' }, 'http://127.0.0.1:4010'],
    ] as const) {
      const { api, pipeline } = setup(options);
      api.reply(ok(wireAccount()));
      await pipeline.request(getAccount);
      expect(api.requests[0]?.url.origin).toBe(origin);
    }
  });
});

describe('retries', () => {
  it('retries a 5xx up to maxRetries with the backoff 0.5 s, 1 s, then throws InternalServerError', async () => {
    const { api, pipeline, slept } = setup();
    api.always(apiError(503, 'service_unavailable'));
    const error = await pipeline.request(getAccount).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(api.requests).toHaveLength(3);
    expect(slept).toEqual([500, 1000]);
  });

  it('throws the last error once the retries are spent, not the first', async () => {
    const { api, pipeline } = setup({ maxRetries: 2 });
    api.reply(apiError(500, 'internal_error'), apiError(429, 'rate_limited'), apiError(502, 'bad_gateway'));
    const error = await pipeline.request(getAccount).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, code: 'bad_gateway' });
    expect(api.requests).toHaveLength(3);
  });

  it('sends the same Idempotency-Key on every retry of a POST', async () => {
    const { api, pipeline } = setup();
    api.reply(apiError(500, 'internal_error'), apiError(502, 'internal_error'), ok(wireMessage()));
    await pipeline.request(sendMessage);
    const keys = api.requests.map((request) => request.headers.get('idempotency-key'));
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
  });

  it('retries connection errors, 408, 429 and 409 idempotency_request_in_progress', async () => {
    const { api, pipeline } = setup({ maxRetries: 4 });
    api.reply(
      () => {
        throw new TypeError('fetch failed');
      },
      apiError(408, 'request_timeout'),
      apiError(429, 'rate_limited'),
      apiError(409, 'idempotency_request_in_progress'),
      ok(wireMessage()),
    );
    await expect(pipeline.request(sendMessage)).resolves.toMatchObject({ id: 'msg_1' });
    expect(api.requests).toHaveLength(5);
  });

  it.each([
    [400, 'invalid_json'],
    [401, 'invalid_api_key'],
    [403, 'missing_scope'],
    [404, 'resource_not_found'],
    [409, 'session_not_connected'],
    [409, 'idempotency_key_reused'],
    [422, 'invalid_phone_number'],
  ])('does not retry %i %s', async (status, code) => {
    const { api, pipeline } = setup();
    api.always(apiError(status, code));
    await expect(pipeline.request(getAccount)).rejects.toMatchObject({ status, code });
    expect(api.requests).toHaveLength(1);
  });

  it('honours retry-after-ms and retry-after in seconds', async () => {
    const { api, pipeline, slept } = setup();
    api.reply(
      apiError(429, 'rate_limited', { 'retry-after-ms': '250' }),
      apiError(429, 'rate_limited', { 'retry-after': '3' }),
      ok(wireAccount()),
    );
    await pipeline.request(getAccount);
    expect(slept).toEqual([250, 3000]);
  });

  it('honours a retry-after given as an HTTP date', async () => {
    const { api, pipeline, slept } = setup();
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    api.reply(apiError(503, 'service_unavailable', { 'retry-after': inTenSeconds }), ok(wireAccount()));
    await pipeline.request(getAccount);
    expect(slept[0]).toBeGreaterThan(5_000);
    expect(slept[0]).toBeLessThanOrEqual(10_000);
  });

  it('throws at once when retry-after asks for more than 60 s', async () => {
    const { api, pipeline, slept } = setup();
    api.always(apiError(429, 'rate_limited', { 'retry-after': '120' }));
    const error = await pipeline.request(getAccount).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(120);
    expect(api.requests).toHaveLength(1);
    expect(slept).toEqual([]);
  });

  it('makes no retry with maxRetries 0, per client or per call', async () => {
    const client = setup({ maxRetries: 0 });
    client.api.always(apiError(500, 'internal_error'));
    await expect(client.pipeline.request(getAccount)).rejects.toBeInstanceOf(InternalServerError);
    expect(client.api.requests).toHaveLength(1);

    const call = setup();
    call.api.always(apiError(500, 'internal_error'));
    await expect(call.pipeline.request(getAccount, { maxRetries: 0 })).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(call.api.requests).toHaveLength(1);
  });

  it('throws APIConnectionError once the retries of a connection failure are spent', async () => {
    const { api, pipeline } = setup({ maxRetries: 1 });
    api.always(() => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    });
    const error = await pipeline.request(getAccount).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toBe('Connection error: fetch failed (ECONNREFUSED)');
    expect(api.requests).toHaveLength(2);
  });
});

describe('a connection error', () => {
  it('quotes neither the key nor a recipient filter, in its message, its cause or the log', async () => {
    const logged: string[] = [];
    const record = (message: string, fields?: object) => {
      logged.push(`${message} ${JSON.stringify(fields)}`);
    };
    const logger = { debug: record, info: record, warn: record, error: record };
    const { api, pipeline } = setup({ maxRetries: 0, logger, logLevel: 'debug' });
    // node-fetch and Deno put the whole URL in their messages.
    api.always((request) => {
      throw new TypeError(`request to ${request.url.href} failed, reason: connect ECONNREFUSED`);
    });
    const listLogs: Call<unknown> = {
      method: 'GET',
      path: '/v1/logs',
      params: { recipient: '+447700900123' },
      paramsSchema: ListLogsParams,
      result: MessageLogList,
    };
    const error = await pipeline.request(listLogs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toBe(
      'Connection error: request to https://api.aulm.io/v1/logs?… failed, reason: connect ECONNREFUSED',
    );
    expect((error as Error).cause).toBeUndefined();
    for (const text of [inspect(error), ...logged]) {
      expect(text).not.toMatch(/447700900123/);
      expect(text).not.toContain(TEST_KEY);
    }
    expect(logged.length).toBeGreaterThan(0);
  });
});

describe('421 wrong_region', () => {
  const wrongRegion = (home: string) => apiError(421, 'wrong_region', { 'aulm-home-region': home });

  it('stops at once when the call is aborted while the 421 is being followed', async () => {
    const controller = new AbortController();
    const quiet = () => {};
    const logger = { debug: quiet, info: quiet, error: quiet, warn: () => controller.abort() };
    const { api, pipeline } = setup({ region: 'eu', logger, logLevel: 'warn' });
    api.reply(wrongRegion('us'), ok(wireAccount({ region: 'us' })));
    const error = await pipeline.request(getAccount, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(api.requests).toHaveLength(1);
  });

  it('follows the home region once and remembers it for later calls', async () => {
    const { api, pipeline, slept } = setup({ region: 'eu', maxRetries: 0 });
    api.reply(wrongRegion('us'), ok(wireAccount({ region: 'us' })), ok(wireAccount({ region: 'us' })));
    await pipeline.request(getAccount);
    await pipeline.request(getAccount);
    expect(api.requests.map((request) => request.url.origin)).toEqual([
      'https://eu.api.aulm.io',
      'https://us.api.aulm.io',
      'https://us.api.aulm.io',
    ]);
    expect(pipeline.baseURL).toBe('https://us.api.aulm.io');
    expect(slept).toEqual([]);
  });

  it('keeps the Idempotency-Key of a POST when following', async () => {
    const { api, pipeline } = setup({ region: 'eu' });
    api.reply(wrongRegion('ap'), ok(wireMessage()));
    await pipeline.request(sendMessage);
    const [first, second] = api.requests;
    expect(second?.headers.get('idempotency-key')).toBe(first?.headers.get('idempotency-key'));
  });

  it('follows only once per call: a second 421 is thrown', async () => {
    const { api, pipeline } = setup({ region: 'eu' });
    api.reply(wrongRegion('us'), wrongRegion('ap'));
    const error = await pipeline.request(getAccount).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 421, code: 'wrong_region' });
    expect(api.requests).toHaveLength(2);
  });

  it('never leaves a custom baseURL', async () => {
    const { api, pipeline } = setup({ baseURL: 'http://127.0.0.1:4010' });
    api.reply(wrongRegion('us'));
    await expect(pipeline.request(getAccount)).rejects.toMatchObject({ status: 421 });
    expect(api.requests).toHaveLength(1);
    expect(pipeline.baseURL).toBe('http://127.0.0.1:4010');
  });

  it('does not follow a home region that is not one of aulm’s', async () => {
    const { api, pipeline } = setup({ region: 'eu' });
    api.reply(wrongRegion('evil.example.com'));
    await expect(pipeline.request(getAccount)).rejects.toMatchObject({ status: 421 });
    expect(api.requests).toHaveLength(1);
  });
});
