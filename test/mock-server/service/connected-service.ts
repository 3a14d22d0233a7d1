// The reference server's domain with no HTTP in front, for the tests that call it directly: a manual clock
// from 2026-01-01, seeded ids, and one account with a connected session to send from.
import { MockClock } from '../../../mock-server/clock.js';
import { IdFactory } from '../../../mock-server/ids.js';
import { Randomness } from '../../../mock-server/random.js';
import { createService } from '../../../mock-server/service/index.js';

/** A service with an account and a connected session; `send` sends a text from it to `to`. */
export function connectedService(seed: number) {
  const clock = new MockClock({ mode: 'manual', start: new Date('2026-01-01T00:00:00.000Z') });
  const service = createService({ clock, ids: new IdFactory(new Randomness(seed)), retentionDays: 30 });
  const { account } = service.accounts.create();
  const session = service.sessions.create(account.id, {});
  service.sessions.connect(session.id);
  const send = (to: string, text: string) =>
    service.messages.send(account.id, 'test', { sessionId: session.id, to, text });
  return { service, clock, accountId: account.id, sessionId: session.id, send };
}
