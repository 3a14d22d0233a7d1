// Retention of a delivery still retrying: with a one-day window, shorter than the retry schedule (about
// 27.6 hours), a delivery whose receiver always fails is deleted when its day is up, and nothing more is
// tried for it.
import { expect, it } from 'vitest';
import { clientFor, textMessage, useMock } from './client.js';

const attempts: Date[] = [];
const mock = useMock({
  seed: 26,
  retentionDays: 1,
  webhooks: {
    deliver: async () => {
      attempts.push(mock.clock.now());
      return new Response(null, { status: 500 });
    },
  },
});

it('deletes a pending delivery when its time is up, and cancels its next attempt', async () => {
  const { apiKey, sessionId } = mock.quickstart();
  const api = clientFor(apiKey);
  await api.post('/v1/webhook_endpoints', {
    url: 'https://hooks.example.com/aulm',
    events: ['message.sent'],
  });
  await api.post('/v1/messages', textMessage(sessionId, '+447700900001'));
  await mock.clock.advance('1s');
  await mock.clock.advance('1d');
  // Seven attempts by then (+1 s, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h later); the eighth was due at
  // +27 h 35 min 6 s.
  expect(attempts).toHaveLength(7);
  expect((await api.get('/v1/webhook_deliveries')).body.data).toEqual([]);
  await mock.clock.advance('2d');
  expect(attempts).toHaveLength(7);
  expect(mock.webhooks.deliveries).toEqual([]);
});
