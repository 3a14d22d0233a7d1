// Retention: message logs and webhook delivery records are kept for `retentionDays`, then deleted as the
// clock moves: exactly those past the window, at the moment they come of age.
import { beforeEach, describe, expect, it } from 'vitest';
import { clientFor, textMessage, useMock, type Wire } from './client.js';

const DAY = 86_400_000;
const HOOK = 'https://hooks.example.com/aulm';

const mock = useMock({ seed: 25, retentionDays: 2, webhooks: { deliver: async () => new Response(null) } });

let api: ReturnType<typeof clientFor>;
let sessionId: string;

beforeEach(() => {
  const start = mock.quickstart();
  api = clientFor(start.apiKey);
  sessionId = start.sessionId;
});

async function send(): Promise<string> {
  // A number that stops at `sent`: one event (message.sent), one delivery per message.
  return (await api.post('/v1/messages', textMessage(sessionId, '+447700900001'))).body.id;
}

const logIds = async (): Promise<string[]> =>
  (await api.get('/v1/logs')).body.data.map((log: Wire) => log.id);
const deliveryIds = async (): Promise<string[]> =>
  (await api.get('/v1/webhook_deliveries')).body.data.map((delivery: Wire) => delivery.id);

describe('logs', () => {
  it('deletes a log when it is retentionDays old, to the millisecond, and keeps one just inside', async () => {
    const old = await send();
    await mock.clock.advance(1);
    const young = await send();
    await mock.clock.advance(2 * DAY - 2);
    expect(await logIds()).toEqual([young, old]);

    await mock.clock.advance(1); // `old` is now exactly 2 days old: its time is up
    expect(await logIds()).toEqual([young]);
    expect((await api.get(`/v1/logs/${old}`)).status).toBe(404);
    expect((await api.get(`/v1/messages/${old}`)).status).toBe(404);
    expect((await api.get(`/v1/logs/${young}`)).status).toBe(200);

    await mock.clock.advance(1);
    expect(await logIds()).toEqual([]);
  });

  it('sweeps in one long jump too, and keeps what is younger than the window', async () => {
    const ids: string[] = [];
    for (let day = 0; day < 5; day++) {
      ids.push(await send());
      await mock.clock.advance('1d');
    }
    // Now day 5: the messages of days 0 to 3 are 2 days old or more; day 4's is 1 day old.
    expect(await logIds()).toEqual([ids[4]]);
    await mock.clock.advance('30d');
    expect(await logIds()).toEqual([]);
    ids.push(await send());
    await mock.clock.advance(2 * DAY - 1);
    expect(await logIds()).toEqual([ids[5]]);
  });

  it('keeps sweeping after reset', async () => {
    mock.reset();
    const start = mock.quickstart();
    api = clientFor(start.apiKey);
    sessionId = start.sessionId;
    await send();
    await mock.clock.advance('2d');
    expect(await logIds()).toEqual([]);
  });
});

describe('webhook deliveries', () => {
  it('deletes a delivery record when it is retentionDays old, and keeps one just inside', async () => {
    await api.post('/v1/webhook_endpoints', { url: HOOK, events: ['message.sent'] });
    await send();
    await mock.clock.advance('1s'); // message.sent: the first delivery, at +1 s
    await send();
    await mock.clock.advance('1s'); // the second delivery, at +2 s
    const [young, old] = await deliveryIds();
    expect(mock.webhooks.deliveries.map((delivery) => delivery.id)).toEqual([old, young]);

    await mock.clock.advance(2 * DAY - 1_000 - 1);
    expect(await deliveryIds()).toEqual([young, old]);
    await mock.clock.advance(1);
    expect(await deliveryIds()).toEqual([young]);
    expect((await api.get(`/v1/webhook_deliveries/${old}`)).status).toBe(404);
    expect(mock.webhooks.deliveries.map((delivery) => delivery.id)).toEqual([young]);
    await mock.clock.advance(1_000);
    expect(await deliveryIds()).toEqual([]);
  });
});
