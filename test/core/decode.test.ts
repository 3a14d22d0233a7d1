import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Aulm } from '../../src/client.js';
import { PhoneNumber, Redacted } from '../../src/contract/index.js';
import { ResponseValidationError } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/logger.js';
import { FakeAPI, ok, TEST_KEY, wireList, wireLog, wireMessage } from './fake-api.js';

function client(options: { validateResponses?: boolean; logger?: Logger; logLevel?: 'warn' } = {}) {
  const api = new FakeAPI();
  return { api, aulm: new Aulm({ apiKey: TEST_KEY, fetch: api.fetch, ...options }) };
}

describe('response validation', () => {
  it('throws ResponseValidationError naming the field and what was expected', async () => {
    const { api, aulm } = client();
    api.reply(ok(wireMessage({ created_at: 1_780_000_000 }), { 'aulm-request-id': 'req_7' }));
    const error = await aulm.messages.get('msg_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ path: 'created_at', expected: 'string, got a number', requestId: 'req_7' });
    expect((error as Error).message).toBe(
      'Unexpected response to GET /v1/messages/msg_1: at created_at, expected string, got a number.',
    );
  });

  it('names a field deep in a list by its path', async () => {
    const { api, aulm } = client();
    api.reply(ok(wireList([wireLog('msg_2'), wireLog('msg_1', { status: 'lost' })])));
    await expect(aulm.logs.list()).rejects.toMatchObject({
      name: 'ResponseValidationError',
      path: 'data.1.status',
      expected: 'one of "queued", "sent", "delivered", "read", "failed"',
    });
  });

  it('never quotes the value at fault, which may be personal data', async () => {
    const { api, aulm } = client();
    api.reply(ok(wireMessage({ to: '07700 900123' })));
    const error = (await aulm.messages.get('msg_1').catch((e: unknown) => e)) as ResponseValidationError;
    expect(error.path).toBe('to');
    expect(error.expected).toMatch(/E\.164/);
    expect(inspect(error)).not.toContain('900123');
  });

  it('throws on a body that is not JSON', async () => {
    const { api, aulm } = client();
    api.reply({ status: 200, body: '<html>' });
    await expect(aulm.account.get()).rejects.toMatchObject({
      name: 'ResponseValidationError',
      path: '',
      expected: 'a JSON body',
    });
  });

  it('drops fields it does not know, so a newer service breaks nothing', async () => {
    const { api, aulm } = client();
    api.reply(ok(wireMessage({ channel: 'sms' })));
    expect(await aulm.messages.get('msg_1')).not.toHaveProperty('channel');
  });
});

describe('validateResponses: false', () => {
  it('returns a best-effort model instead of throwing, with personal data still wrapped', async () => {
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, warn: (message: string) => warnings.push(message), error() {} };
    const { api, aulm } = client({ validateResponses: false, logger, logLevel: 'warn' });
    api.reply(ok(wireMessage({ status: 'scheduled', created_at: 5 })));
    const message = await aulm.messages.get('msg_1');
    expect(message.status).toBe('scheduled');
    expect(message.sessionId).toBe('ses_1');
    expect(message.preview).toBeInstanceOf(Redacted);
    expect(`${message.preview}`).toBe('[redacted: 17 chars]');
    expect(message.to).toBeInstanceOf(PhoneNumber);
    expect(`${message.to}`).toBe('+44 ••••••0123');
    expect(message.updatedAt).toEqual(new Date('2026-05-30T12:00:00.000Z'));
    expect(message.metadata).toEqual({ order_id: 'o_1' });
    expect(warnings).toEqual([
      'aulm: Unexpected response to GET /v1/messages/msg_1: at status, expected one of "queued", "sent", "delivered", "read", "failed".',
    ]);
  });

  it('still decodes a matching response exactly', async () => {
    const { api, aulm } = client({ validateResponses: false });
    api.reply(ok(wireList([wireLog()])));
    const page = await aulm.logs.list();
    expect(page.data[0]?.recipient).toBeInstanceOf(PhoneNumber);
    expect(page.hasMore).toBe(false);
  });
});
