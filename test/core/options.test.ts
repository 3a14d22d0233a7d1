import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Aulm } from '../../src/client.js';
import { AulmError } from '../../src/core/errors.js';
import { maskApiKey } from '../../src/core/options.js';
import { apiError, FakeAPI, TEST_KEY } from './fake-api.js';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

function constructionError(options: ConstructorParameters<typeof Aulm>[0]): AulmError {
  try {
    new Aulm(options);
  } catch (error) {
    expect(error).toBeInstanceOf(AulmError);
    return error as AulmError;
  }
  throw new Error('new Aulm(options) did not throw');
}

describe('options checked at construction', () => {
  it('asks for the key by both its option and its environment variable', () => {
    vi.stubEnv('AULM_API_KEY', '');
    expect(constructionError({}).message).toBe(
      'Missing API key: pass `apiKey` to `new Aulm({ apiKey })`, or set the AULM_API_KEY environment variable.',
    );
  });

  it('reads the key from AULM_API_KEY', () => {
    vi.stubEnv('AULM_API_KEY', TEST_KEY);
    expect(new Aulm().toJSON().apiKey).toBe('aulm_test_••••stuv');
  });

  it('refuses a key with spaces or line breaks without quoting it', () => {
    const message = constructionError({ apiKey: 'aulm_test_secret\nvalue' }).message;
    expect(message).toBe(
      'The `apiKey` option must be a non-empty string of printable characters without spaces.',
    );
    expect(constructionError({ apiKey: '' }).message).toMatch(/`apiKey`/);
  });

  it('names an unknown region and the ones there are', () => {
    expect(constructionError({ apiKey: TEST_KEY, region: 'mars' as never }).message).toBe(
      "Unknown `region`: \"mars\". Use one of 'auto', 'eu', 'us', 'ap'.",
    );
  });

  it('refuses region and baseURL together, and a baseURL that is not an http(s) URL', () => {
    expect(constructionError({ apiKey: TEST_KEY, region: 'eu', baseURL: 'https://x.test' }).message).toMatch(
      /either `region` or `baseURL`/,
    );
    expect(constructionError({ apiKey: TEST_KEY, baseURL: 'api.aulm.io' }).message).toMatch(/`baseURL`/);
    expect(constructionError({ apiKey: TEST_KEY, baseURL: 'ftp://x.test' }).message).toMatch(/`baseURL`/);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '100'])('refuses timeout %s', (timeout) => {
    expect(constructionError({ apiKey: TEST_KEY, timeout: timeout as number }).message).toMatch(
      /^The `timeout` option/,
    );
  });

  it.each([-1, 0.5, Number.NaN, '2'])('refuses maxRetries %s', (maxRetries) => {
    expect(constructionError({ apiKey: TEST_KEY, maxRetries: maxRetries as number }).message).toBe(
      'The `maxRetries` option must be a whole number, 0 or more.',
    );
  });

  it('names each other bad option', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ fetch: 'fetch' }, /`fetch`/],
      [{ dispatcher: {} }, /`dispatcher`/],
      [{ fetch: globalThis.fetch, dispatcher: { dispatch() {} } }, /either `fetch` or `dispatcher`/],
      [{ logger: { info() {} } }, /`logger`/],
      [{ logLevel: 'verbose' }, /`logLevel`/],
      [{ validateResponses: 'yes' }, /`validateResponses`/],
      [{ defaultHeaders: { 'x-a': 1 } }, /`defaultHeaders`/],
    ];
    for (const [options, message] of cases) {
      expect(constructionError({ apiKey: TEST_KEY, ...options }).message).toMatch(message);
    }
  });

  it('names AULM_LOG when it holds no log level', () => {
    vi.stubEnv('AULM_LOG', 'loud');
    expect(constructionError({ apiKey: TEST_KEY }).message).toMatch(/AULM_LOG/);
  });

  it('refuses to run in a browser unless dangerouslyAllowBrowser is true', () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});
    expect(constructionError({ apiKey: TEST_KEY }).message).toMatch(/dangerouslyAllowBrowser: true/);
    expect(() => new Aulm({ apiKey: TEST_KEY, dangerouslyAllowBrowser: true })).not.toThrow();
  });

  it('works where there is no process at all', () => {
    vi.stubGlobal('process', undefined);
    expect(constructionError({}).message).toMatch(/^Missing API key/);
    expect(new Aulm({ apiKey: TEST_KEY }).baseURL).toBe('https://api.aulm.io');
  });
});

describe('the key, masked everywhere', () => {
  it('masks a key as its prefix, four bullets and its last four characters', () => {
    expect(maskApiKey('aulm_live_ABCDEFGHIJKLMNOPQRSTUVWXYZ123456')).toBe('aulm_live_••••3456');
    expect(maskApiKey('sk_short')).toBe('••••');
  });

  it('shows only the masked key when the client is printed', () => {
    const aulm = new Aulm({ apiKey: TEST_KEY, region: 'eu' });
    for (const printed of [
      inspect(aulm),
      inspect(aulm, { showHidden: true, depth: 10 }),
      JSON.stringify(aulm),
      `${aulm}`,
    ]) {
      expect(printed).toContain('aulm_test_••••stuv');
      expect(printed).not.toContain(TEST_KEY);
    }
    expect(JSON.stringify(aulm)).toBe('{"apiKey":"aulm_test_••••stuv","baseURL":"https://eu.api.aulm.io"}');
    expect(JSON.stringify(aulm.messages)).not.toContain(TEST_KEY);
    expect(inspect(aulm.messages, { depth: 10, showHidden: true })).not.toContain(TEST_KEY);
  });

  it('never puts the key in an error message', async () => {
    const api = new FakeAPI().reply(apiError(401, 'invalid_api_key'), () => {
      throw new TypeError(`refused header Authorization: Bearer ${TEST_KEY}`);
    });
    const aulm = new Aulm({ apiKey: TEST_KEY, fetch: api.fetch, maxRetries: 0 });
    const errors = [
      await aulm.account.get().catch((e: unknown) => e),
      await aulm.account.get().catch((e: unknown) => e),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(AulmError);
      expect(inspect(error)).not.toContain(TEST_KEY.slice(10));
    }
    expect((errors[1] as Error).message).toContain('aulm_test_••••stuv');
  });
});
