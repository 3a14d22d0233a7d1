// The two ways a test reaches the reference server without `startAulmMock`: MSW's `setupServer` with
// `mock.handlers` (enough for fetch clients, not for the SDK in Node), and `mock.dispatcher` given to the
// SDK as its `dispatcher` option.
import { Aulm } from 'aulm';
import { createAulmMock } from 'aulm/mock-server';
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';

describe('setupServer(...mock.handlers) alone', () => {
  it('serves a plain fetch client', async () => {
    const mock = createAulmMock({ seed: 11 });
    const server = setupServer(...mock.handlers);
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const { apiKey, sessionId } = mock.quickstart();
      const response = await fetch('https://api.aulm.io/v1/messages', {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          session_id: sessionId,
          to: '+447700900123',
          type: 'text',
          text: { body: 'hi' },
        }),
      });
      expect(response.status).toBe(202);
      expect(response.headers.get('aulm-request-id')).toMatch(/^req_/);
      const message = await response.json();
      expect(message).toMatchObject({
        object: 'message',
        to: '+447700900123',
        status: 'queued',
        preview: 'hi',
      });

      const logs = await fetch('https://api.aulm.io/v1/logs?limit=1', {
        headers: { authorization: `Bearer ${apiKey}` },
      }).then((r) => r.json());
      expect(logs).toMatchObject({ object: 'list', has_more: false, next_cursor: null });
      expect(logs.data[0].id).toBe(message.id);
    } finally {
      server.close();
      await mock.close();
    }
  });
});

describe('mock.dispatcher as the SDK dispatcher option', () => {
  it('serves the SDK in Node with nothing installed globally', async () => {
    const mock = createAulmMock({ seed: 12 });
    try {
      const { apiKey, sessionId } = mock.quickstart();
      const aulm = new Aulm({ apiKey, dispatcher: mock.dispatcher });
      const sent = await aulm.messages.send({
        sessionId,
        to: '+447700900123',
        text: 'through the dispatcher',
      });
      await mock.clock.advance('3s');
      expect((await aulm.messages.get(sent.id)).status).toBe('delivered');
      expect(mock.journal.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
        'POST /v1/messages 202',
        `GET /v1/messages/${sent.id} 200`,
      ]);
    } finally {
      await mock.close();
    }
  });
});
