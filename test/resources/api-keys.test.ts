import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Secret } from '../../src/contract/index.js';
import { UnprocessableEntityError } from '../../src/core/errors.js';
import { resolveOptions } from '../../src/core/options.js';
import { Pipeline } from '../../src/core/pipeline.js';
import { ApiKeysResource } from '../../src/resources/api-keys.js';
import { FakeAPI, ok, TEST_KEY, wireApiKey, wireList } from '../core/fake-api.js';

const SECRET = 'aulm_test_N3wK3yN3wK3yN3wK3yN3wK3yN3wKx7Qa';

function setup() {
  const api = new FakeAPI();
  const pipeline = new Pipeline(resolveOptions({ apiKey: TEST_KEY, maxRetries: 0 }), {
    transport: api.transport,
  });
  return { api, apiKeys: new ApiKeysResource(pipeline) };
}

describe('apiKeys.create', () => {
  it('posts the name and scopes to /v1/api_keys with an Idempotency-Key', async () => {
    const { api, apiKeys } = setup();
    api.reply({ status: 201, body: wireApiKey({ secret: SECRET, scopes: ['logs:read', 'privacy:write'] }) });
    const key = await apiKeys.create({ name: 'Nightly export', scopes: ['logs:read', 'privacy:write'] });
    expect(api.requests[0]).toMatchObject({
      method: 'POST',
      url: new URL('https://api.aulm.io/v1/api_keys'),
      body: { name: 'Nightly export', scopes: ['logs:read', 'privacy:write'] },
    });
    expect(api.requests[0]?.headers.get('idempotency-key')).toBeTruthy();
    expect(key).toMatchObject({ id: 'key_1', object: 'api_key', prefix: 'aulm_test_', lastUsedAt: null });
    expect(key.createdAt).toBeInstanceOf(Date);
  });

  it("prints the new key's secret masked, and reveal() gives the whole of it", async () => {
    const { api, apiKeys } = setup();
    api.reply({ status: 201, body: wireApiKey({ secret: SECRET }) });
    const key = await apiKeys.create({ name: 'Nightly export', scopes: ['*'] });
    expect(key.secret).toBeInstanceOf(Secret);
    expect(`${key.secret}`).toBe('aulm_test_••••x7Qa');
    for (const printed of [JSON.stringify(key), inspect(key, { depth: null }), String(key.secret)]) {
      expect(printed).not.toContain(SECRET.slice(10));
      expect(printed).toContain('aulm_test_••••x7Qa');
    }
    expect(key.secret?.reveal()).toBe(SECRET);
  });

  it('rejects an unknown scope locally, naming its place in the list, and sends nothing', async () => {
    const { api, apiKeys } = setup();
    const error = await apiKeys
      .create({ name: 'CI', scopes: ['logs:write' as never] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({ code: 'parameter_invalid', param: 'scopes.0' });
    await expect(
      apiKeys.create({ name: 'CI', scopes: ['logs:read', 'everything' as never] }),
    ).rejects.toMatchObject({ param: 'scopes.1' });
    expect(api.requests).toHaveLength(0);
  });

  it('rejects a key without scopes or without a name locally', async () => {
    const { api, apiKeys } = setup();
    await expect(apiKeys.create({ name: 'CI', scopes: [] })).rejects.toMatchObject({
      code: 'parameter_invalid',
      param: 'scopes',
    });
    await expect(apiKeys.create({ scopes: ['*'] } as never)).rejects.toMatchObject({
      code: 'parameter_missing',
      param: 'name',
    });
    expect(api.requests).toHaveLength(0);
  });
});

describe('apiKeys.list', () => {
  it('gets /v1/api_keys with limit and cursor, keys without their secrets', async () => {
    const { api, apiKeys } = setup();
    api.reply(
      ok(wireList([wireApiKey({ id: 'key_2', last_used_at: '2026-05-30T13:00:00.000Z' })], 'cur_2')),
      ok(wireList([wireApiKey()])),
    );
    const page = await apiKeys.list({ limit: 1 });
    expect(api.requests[0]?.method).toBe('GET');
    expect(api.requests[0]?.url.pathname).toBe('/v1/api_keys');
    expect(api.requests[0]?.url.search).toBe('?limit=1');
    expect(page.data[0]?.id).toBe('key_2');
    expect(page.data[0]).not.toHaveProperty('secret');
    expect(page.data[0]?.lastUsedAt).toEqual(new Date('2026-05-30T13:00:00.000Z'));
    const next = await page.getNextPage();
    expect(api.requests[1]?.url.search).toBe('?limit=1&cursor=cur_2');
    expect(next.data.map((key) => key.id)).toEqual(['key_1']);
    expect(next.hasMore).toBe(false);
  });
});

describe('apiKeys.revoke', () => {
  it('deletes /v1/api_keys/{id} and returns the revoked key', async () => {
    const { api, apiKeys } = setup();
    api.reply(ok(wireApiKey()));
    const key = await apiKeys.revoke('key_1');
    expect(api.requests[0]).toMatchObject({ method: 'DELETE', body: undefined });
    expect(api.requests[0]?.url.pathname).toBe('/v1/api_keys/key_1');
    expect(api.requests[0]?.headers.has('idempotency-key')).toBe(false);
    expect(key).toMatchObject({ id: 'key_1', object: 'api_key' });
    expect(key).not.toHaveProperty('secret');
  });

  it('rejects an empty id locally with param id', async () => {
    const { api, apiKeys } = setup();
    await expect(apiKeys.revoke('')).rejects.toMatchObject({ name: 'UnprocessableEntityError', param: 'id' });
    expect(api.requests).toHaveLength(0);
  });
});
