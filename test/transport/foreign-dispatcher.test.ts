import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// In a fresh process: Node's own fetch, used first, installs the global dispatcher from the undici
// inside Node (older than the SDK's), which speaks only undici's callback style to its handlers.
const script = `
import { createServer } from 'node:http';
const server = createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'aulm-request-id': 'req_1', 'set-cookie': ['a=1', 'b=2'] });
  response.end(JSON.stringify({ id: 'acct_1', object: 'account', name: 'Acme', email: 'ops@acme.test',
    country: 'GB', region: 'eu', created_at: '2026-05-30T12:00:00.000Z' }));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseURL = 'http://127.0.0.1:' + server.address().port;
await (await fetch(baseURL)).text();
const { Aulm } = await import(${JSON.stringify(fileURLToPath(new URL('../../src/index.ts', import.meta.url)))});
const { Agent, getGlobalDispatcher } = await import('undici');
const aulm = new Aulm({ apiKey: 'aulm_test_0123456789abcdefghijklmnopqrstuv', baseURL, maxRetries: 0 });
const { data, requestId, response } = await aulm.account.get().withResponse();
console.log(JSON.stringify({
  foreign: !(getGlobalDispatcher() instanceof Agent),
  name: data.name,
  requestId,
  cookies: response.headers.getSetCookie(),
}));
server.close();
`;

describe('the global dispatcher of Node’s fetch', () => {
  it('carries the SDK’s requests, headers and all', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', script],
      { cwd: fileURLToPath(new URL('../..', import.meta.url)) },
    );
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ name: 'Acme', requestId: 'req_1', cookies: ['a=1', 'b=2'] });
    // Node 20 and 22 carry another undici than the SDK's; Node 24 may carry the same major version.
    if (Number(process.versions.node.split('.')[0]) < 24) expect(result.foreign).toBe(true);
  });
});
