import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// In a fresh process, since this test runner has long loaded undici itself.
const script = `
import { createRequire } from 'node:module';
const loaded = () => Object.keys(createRequire(import.meta.url)('node:module')._cache)
  .some((path) => path.includes('/node_modules/undici/'));
const { Aulm } = await import(${JSON.stringify(fileURLToPath(new URL('../../src/index.ts', import.meta.url)))});
const aulm = new Aulm({ apiKey: 'aulm_test_0123456789abcdefghijklmnopqrstuv', baseURL: 'http://127.0.0.1:9', maxRetries: 0 });
const atStartup = loaded();
await aulm.account.get().catch(() => {});
console.log(JSON.stringify({ atStartup, afterFirstRequest: loaded() }));
`;

describe('loading undici', () => {
  it('waits for the first request, not the import of the SDK or the creation of a client', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', script],
      { cwd: fileURLToPath(new URL('../..', import.meta.url)) },
    );
    expect(JSON.parse(stdout)).toEqual({ atStartup: false, afterFirstRequest: true });
  });
});
