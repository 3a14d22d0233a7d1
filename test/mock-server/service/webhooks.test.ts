// The webhook domain without HTTP: the time limit of an attempt on real time (made short here), whatever
// the transport does with its signal; and events emitted straight from the service.
import { describe, expect, it } from 'vitest';
import { MockClock } from '../../../mock-server/clock.js';
import { IdFactory } from '../../../mock-server/ids.js';
import { Randomness } from '../../../mock-server/random.js';
import { createService, type WebhookTransport } from '../../../mock-server/service/index.js';

function service(transport: WebhookTransport | null, timeoutMs = 40) {
  const clock = new MockClock({ mode: 'manual', start: new Date('2026-01-01T00:00:00.000Z') });
  const built = createService({
    clock,
    ids: new IdFactory(new Randomness(1)),
    retentionDays: 30,
    webhooks: { transport, timeoutMs },
  });
  const { account } = built.accounts.create();
  const endpoint = built.webhookEndpoints.create(account.id, {
    url: 'https://hooks.example.com/aulm',
    events: ['session.connected'],
  });
  const session = built.sessions.create(account.id, {});
  return { ...built, accountId: account.id, endpoint, connect: () => built.sessions.connect(session.id) };
}

describe('the time limit of an attempt', () => {
  it('records a timeout for a transport that never answers and ignores its signal', async () => {
    const mock = service(() => new Promise(() => {}));
    mock.connect();
    await mock.clock.settled();
    const [delivery] = mock.webhookDeliveries.all();
    expect(delivery!.attempts).toEqual([
      {
        at: new Date('2026-01-01T00:00:00.000Z'),
        responseStatus: null,
        durationMs: expect.any(Number),
        error: 'Timed out: no response within 0.04 s.',
      },
    ]);
    expect(delivery!.attempts[0]!.durationMs).toBeGreaterThanOrEqual(35);
    expect(delivery!.nextAttemptAt).toEqual(new Date('2026-01-01T00:00:05.000Z'));
  });

  it('aborts the signal at the limit, and records a timeout for a transport that rejects on it', async () => {
    const signals: AbortSignal[] = [];
    const mock = service(
      ({ signal }) =>
        new Promise((_, reject) => {
          signals.push(signal);
          signal.addEventListener('abort', () => reject(signal.reason));
        }),
    );
    mock.connect();
    await mock.clock.settled();
    expect(signals[0]!.aborted).toBe(true);
    expect((signals[0]!.reason as Error).name).toBe('TimeoutError');
    expect(mock.webhookDeliveries.all()[0]!.attempts[0]!.error).toMatch(/^Timed out/);
  });

  it('counts an answer within the limit', async () => {
    const mock = service(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { status: 202 };
    }, 1_000);
    mock.connect();
    await mock.clock.settled();
    expect(mock.webhookDeliveries.all()[0]).toMatchObject({ status: 'succeeded', nextAttemptAt: null });
  });
});

describe('events', () => {
  it('keeps an event only when an endpoint receives it', () => {
    const mock = service(null);
    const message = { status: 'sent' } as never;
    expect(mock.events.emit(mock.accountId, 'message.sent', message)).toBeNull();
    expect(mock.store.events.ordered).toHaveLength(0);
    const session = mock.connect();
    expect(mock.store.events.ordered.map((event) => event.type)).toEqual(['session.connected']);
    expect(JSON.parse(mock.store.events.ordered[0]!.body).data.id).toBe(session.id);
  });

  it('makes one delivery per subscribed endpoint, and none with no transport leaves: pending, unscheduled', () => {
    const mock = service(null);
    mock.webhookEndpoints.create(mock.accountId, { url: 'https://hooks.example.com/2', events: ['*'] });
    const timers = mock.clock.pending;
    mock.connect();
    expect(mock.webhookDeliveries.all()).toMatchObject([
      { endpointId: mock.endpoint.id, status: 'pending', attempts: [], nextAttemptAt: null },
      { status: 'pending', attempts: [], nextAttemptAt: null },
    ]);
    expect(mock.clock.pending).toBe(timers);
  });
});
