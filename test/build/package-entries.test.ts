// The built package, loaded as users load it (by its name, through the `exports` map): every entry point
// in ESM and CommonJS, and `aulm` itself without msw, which only `aulm/mock-server` needs.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function run(type: 'module' | 'commonjs', script: string): Promise<unknown> {
  const { stdout } = await promisify(execFile)(process.execPath, [`--input-type=${type}`, '--eval', script], {
    cwd: root,
  });
  return JSON.parse(stdout);
}

const loadedModules = `Object.keys(require('node:module')._cache).filter((p) => /node_modules\\/(msw|undici)\\//.test(p)).map((p) => p.match(/node_modules\\/(msw|undici)\\//)[1])`;

describe('the built package', () => {
  beforeAll(() => {
    if (!existsSync(`${root}dist/node/index.cjs`)) throw new Error('dist/ is missing: run `npm run build`');
  });

  it('loads every entry point with import', async () => {
    const result = await run(
      'module',
      `const sdk = await import('aulm'); const hooks = await import('aulm/webhooks'); const mock = await import('aulm/mock-server');
       console.log(JSON.stringify({ client: typeof sdk.Aulm, default: sdk.default === sdk.Aulm, webhooks: typeof hooks,
         mock: typeof mock.startAulmMock }));`,
    );
    expect(result).toEqual({ client: 'function', default: true, webhooks: 'object', mock: 'function' });
  });

  it('loads every entry point with require', async () => {
    const result = await run(
      'commonjs',
      `const sdk = require('aulm'); const hooks = require('aulm/webhooks'); const mock = require('aulm/mock-server');
       console.log(JSON.stringify({ client: typeof sdk.Aulm, webhooks: typeof hooks, mock: typeof mock.createAulmMock }));`,
    );
    expect(result).toEqual({ client: 'function', webhooks: 'object', mock: 'function' });
  });

  it('loads neither msw nor undici when a CommonJS program requires aulm and builds a client', async () => {
    const result = await run(
      'commonjs',
      `const { Aulm } = require('aulm'); new Aulm({ apiKey: 'aulm_test_0123456789abcdefghijklmnopqrstuv' });
       console.log(JSON.stringify(${loadedModules}));`,
    );
    expect(result).toEqual([]);
  });

  it('sends through undici from the CommonJS build, loading it on the first request', async () => {
    const result = await run(
      'commonjs',
      `const { Aulm } = require('aulm');
       const aulm = new Aulm({ apiKey: 'aulm_test_0123456789abcdefghijklmnopqrstuv', baseURL: 'http://127.0.0.1:9', maxRetries: 0 });
       aulm.account.get().catch((error) => console.log(JSON.stringify({ error: error.name, loaded: [...new Set(${loadedModules})] })));`,
    );
    expect(result).toEqual({ error: 'APIConnectionError', loaded: ['undici'] });
  });

  // The reference server installs its dispatcher with the undici it carries (dist/vendor); the SDK sends
  // through the undici the user resolves, which finds it as the global dispatcher: two copies, one process.
  it.each(['module', 'commonjs'] as const)(
    'answers the built SDK from the built in-process reference server (%s), each on its own undici',
    async (type) => {
      const load =
        type === 'module'
          ? "const { Aulm } = await import('aulm'); const { startAulmMock } = await import('aulm/mock-server');"
          : "const { Aulm } = require('aulm'); const { startAulmMock } = require('aulm/mock-server');";
      const result = await run(
        type,
        `(async () => { ${load}
         const mock = await startAulmMock({ seed: 1 });
         const { apiKey, sessionId } = mock.quickstart();
         const aulm = new Aulm({ apiKey });
         const message = await aulm.messages.send({ sessionId, to: '+447700900123', text: 'hello' });
         await mock.clock.advance('10s');
         const log = await aulm.logs.get(message.id);
         await mock.close();
         console.log(JSON.stringify({ sent: message.status, now: log.status, recipient: String(log.recipient) }));
         })();`,
      );
      expect(result).toEqual({ sent: 'queued', now: 'read', recipient: '+44 ••••••0123' });
    },
  );
});
