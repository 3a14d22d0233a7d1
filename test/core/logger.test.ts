import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Aulm } from '../../src/client.js';
import { apiError, FakeAPI, ok, TEST_KEY, wireList, wireLog, wireMessage } from './fake-api.js';

type Line = [level: string, message: string, fields: Record<string, unknown> | undefined];

function recordingLogger() {
  const lines: Line[] = [];
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    lines.push([level, message, fields]);
  return {
    lines,
    logger: { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') },
  };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('logging', () => {
  it('logs nothing by default', async () => {
    const { lines, logger } = recordingLogger();
    const api = new FakeAPI().reply(ok(wireMessage()));
    await new Aulm({ apiKey: TEST_KEY, fetch: api.fetch, logger }).messages.get('msg_1');
    expect(lines).toEqual([]);
  });

  it('logs each response with method, path, status, request id, attempt and duration', async () => {
    const { lines, logger } = recordingLogger();
    const api = new FakeAPI().reply(ok(wireMessage(), { 'aulm-request-id': 'req_9' }));
    await new Aulm({ apiKey: TEST_KEY, fetch: api.fetch, logger, logLevel: 'info' }).messages.get('msg_1');
    expect(lines).toHaveLength(1);
    const [level, message, fields] = lines[0]!;
    expect(level).toBe('info');
    expect(message).toBe('aulm: GET /v1/messages/msg_1 → 200');
    expect(fields).toMatchObject({
      method: 'GET',
      path: '/v1/messages/msg_1',
      status: 200,
      requestId: 'req_9',
      attempt: 1,
    });
    expect(fields?.durationMs).toEqual(expect.any(Number));
  });

  it('logs retries as warnings and the final failure, numbering the attempts', async () => {
    const { lines, logger } = recordingLogger();
    const api = new FakeAPI().always(apiError(404, 'resource_not_found'));
    api.reply(apiError(503, 'service_unavailable', { 'retry-after-ms': '0' }));
    const aulm = new Aulm({ apiKey: TEST_KEY, fetch: api.fetch, logger, logLevel: 'warn' });
    await aulm.messages.get('msg_1').catch(() => {});
    expect(lines.map(([level, message, fields]) => [level, message, fields?.attempt])).toEqual([
      ['warn', 'aulm: retrying GET /v1/messages/msg_1 in 0 ms', 1],
      ['warn', 'aulm: GET /v1/messages/msg_1 failed: NotFoundError', 2],
    ]);
  });

  it('takes the level from AULM_LOG, writing to the console by default', async () => {
    vi.stubEnv('AULM_LOG', 'debug');
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const api = new FakeAPI().reply(ok(wireMessage()));
    await new Aulm({ apiKey: TEST_KEY, fetch: api.fetch }).messages.get('msg_1');
    expect(debug).toHaveBeenCalledWith(
      'aulm: GET /v1/messages/msg_1',
      expect.objectContaining({ attempt: 1 }),
    );
    expect(info).toHaveBeenCalledTimes(1);
    debug.mockRestore();
    info.mockRestore();
  });

  it('never writes the key, a body, a preview or a phone number, even at debug', async () => {
    const { lines, logger } = recordingLogger();
    const api = new FakeAPI().reply(
      ok(wireMessage()),
      apiError(422, 'invalid_phone_number', { 'retry-after-ms': '0' }),
      ok(wireList([wireLog()])),
    );
    const aulm = new Aulm({ apiKey: TEST_KEY, fetch: api.fetch, logger, logLevel: 'debug' });
    await aulm.messages.send({ sessionId: 'ses_1', to: '+447700900123', text: 'Your code is 4821' });
    await aulm.messages
      .send({ sessionId: 'ses_1', to: '+447700900123', text: 'Your code is 4821' })
      .catch(() => {});
    await aulm.logs.list({ recipient: '+447700900123' });
    const printed = inspect(lines, { depth: 10 });
    expect(lines.length).toBeGreaterThan(4);
    for (const secret of [TEST_KEY, TEST_KEY.slice(-12), 'Your code', '4821', '7700900123']) {
      expect(printed).not.toContain(secret);
    }
  });

  it('keeps a request going when the logger throws', async () => {
    const boom = () => {
      throw new Error('logger down');
    };
    const api = new FakeAPI().reply(ok(wireMessage()));
    const aulm = new Aulm({
      apiKey: TEST_KEY,
      fetch: api.fetch,
      logger: { debug: boom, info: boom, warn: boom, error: boom },
      logLevel: 'debug',
    });
    await expect(aulm.messages.get('msg_1')).resolves.toMatchObject({ id: 'msg_1' });
  });
});
