import { describe, expect, it } from 'vitest';
import { fetchTransport } from '../../src/transport/fetch.js';

describe('fetchTransport', () => {
  it('sends method, headers, body and signal through the given fetch, and reads the whole body', async () => {
    const calls: [string, RequestInit][] = [];
    const transport = fetchTransport(async (url, init) => {
      calls.push([url, init]);
      return new Response('{"ok":true}', { status: 202, headers: { 'aulm-request-id': 'req_1' } });
    });
    const signal = new AbortController().signal;
    const response = await transport.send({
      method: 'POST',
      url: 'https://api.aulm.io/v1/messages',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
      signal,
    });
    expect(response.status).toBe(202);
    expect(response.body).toBe('{"ok":true}');
    expect(response.headers.get('aulm-request-id')).toBe('req_1');
    expect(calls).toEqual([
      [
        'https://api.aulm.io/v1/messages',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}', signal },
      ],
    ]);
  });

  it('resolves on an error status: its meaning is the pipeline’s to decide', async () => {
    const transport = fetchTransport(async () => new Response('nope', { status: 503 }));
    const response = await transport.send({
      method: 'GET',
      url: 'https://x.test/',
      headers: {},
      signal: new AbortController().signal,
    });
    expect(response).toMatchObject({ status: 503, body: 'nope' });
  });

  it('uses the global fetch when none is given', async () => {
    const original = globalThis.fetch;
    globalThis.fetch = async () => new Response('global');
    try {
      const response = await fetchTransport().send({
        method: 'GET',
        url: 'https://x.test/',
        headers: {},
        signal: new AbortController().signal,
      });
      expect(response.body).toBe('global');
    } finally {
      globalThis.fetch = original;
    }
  });
});
