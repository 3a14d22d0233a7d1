// startAulmMock installs the mock in the process (MSW for fetch, undici's global dispatcher) and close()
// undoes both; requests to any other host pass through untouched.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getGlobalDispatcher, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AulmMockDispatcher, createAulmMock, startAulmMock } from '../../mock-server/index.js';

let local: Server;
let localBase: string;
const seenByLocal: string[] = [];

beforeAll(async () => {
  local = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      seenByLocal.push(`${req.method} ${req.url} ${req.headers.authorization ?? '-'} ${body}`);
      res.writeHead(418, { 'x-local': 'yes' }).end(`local answered ${req.url}`);
    });
  });
  await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
  localBase = `http://127.0.0.1:${(local.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => local.close(resolve));
});

describe('startAulmMock', () => {
  it('answers aulm hosts for global fetch and for undici request, and close() undoes both', async () => {
    const original = getGlobalDispatcher();
    const mock = await startAulmMock({ seed: 21 });
    try {
      expect(getGlobalDispatcher()).toBe(mock.dispatcher);
      const { apiKey } = mock.quickstart();
      const viaFetch = await fetch('https://api.aulm.io/v1/account', {
        headers: { authorization: `Bearer ${apiKey}` },
      });
      expect(viaFetch.status).toBe(200);
      const viaUndici = await request('https://eu.api.aulm.io/v1/account', {
        headers: { authorization: `Bearer ${apiKey}` },
      });
      expect(viaUndici.statusCode).toBe(200);
      expect(((await viaUndici.body.json()) as { object: string }).object).toBe('account');
      expect(mock.journal.map((entry) => entry.host)).toEqual(['api.aulm.io', 'eu.api.aulm.io']);
    } finally {
      await mock.close();
    }
    expect(getGlobalDispatcher()).toBe(original);
  });

  it('refuses a second started mock while the first is open, and allows it once the first is closed', async () => {
    const first = await startAulmMock({ seed: 1 });
    try {
      await expect(startAulmMock({ seed: 2 })).rejects.toThrow(/Another mock started with startAulmMock/);
      const { apiKey } = first.quickstart();
      const stillServed = await fetch('https://api.aulm.io/v1/account', {
        headers: { authorization: `Bearer ${apiKey}` },
      });
      expect(stillServed.status).toBe(200);
    } finally {
      await first.close();
    }
    const second = await startAulmMock({ seed: 2 });
    await second.close();
  });

  it('passes a request to another host through untouched, to fetch and to undici', async () => {
    const mock = await startAulmMock({ seed: 22 });
    try {
      seenByLocal.length = 0;
      const viaFetch = await fetch(`${localBase}/hello?x=1`, {
        method: 'POST',
        headers: { authorization: 'Bearer mine' },
        body: 'ping',
      });
      expect(viaFetch.status).toBe(418);
      expect(viaFetch.headers.get('x-local')).toBe('yes');
      expect(viaFetch.headers.get('aulm-request-id')).toBeNull();
      expect(await viaFetch.text()).toBe('local answered /hello?x=1');
      const viaUndici = await request(`${localBase}/again`);
      expect(viaUndici.statusCode).toBe(418);
      expect(await viaUndici.body.text()).toBe('local answered /again');
      expect(seenByLocal).toEqual(['POST /hello?x=1 Bearer mine ping', 'GET /again - ']);
      expect(mock.journal).toEqual([]);
    } finally {
      await mock.close();
    }
  });

  it('answers only the hosts it is given', async () => {
    const mock = await startAulmMock({ seed: 23, hosts: [localBase] });
    try {
      const { apiKey } = mock.quickstart();
      const answer = await fetch(`${localBase}/v1/account`, {
        headers: { authorization: `Bearer ${apiKey}` },
      });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('aulm-region')).toBe('eu');
      seenByLocal.length = 0;
      expect((await fetch(`${localBase}/not-v1`)).status).toBe(418);
      expect(seenByLocal).toHaveLength(1);
    } finally {
      await mock.close();
    }
  });
});

describe('createAulmMock', () => {
  it('installs nothing, and builds its dispatcher only when asked', async () => {
    const original = getGlobalDispatcher();
    const mock = createAulmMock({ seed: 24 });
    expect(getGlobalDispatcher()).toBe(original);
    const { apiKey } = mock.quickstart();
    expect(mock.dispatcher).toBeInstanceOf(AulmMockDispatcher);
    expect(mock.dispatcher).toBe(mock.dispatcher);
    const answer = await request('https://api.aulm.io/v1/account', {
      dispatcher: mock.dispatcher,
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(answer.statusCode).toBe(200);
    await answer.body.dump();
    await mock.close();
  });
});
