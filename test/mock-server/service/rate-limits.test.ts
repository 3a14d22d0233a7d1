// The token bucket of a key as service calls, without HTTP: fractional refills on the mock's clock, the
// whole seconds it reports, and a clock set back.
import { describe, expect, it } from 'vitest';
import { MockClock } from '../../../mock-server/clock.js';
import { IdFactory } from '../../../mock-server/ids.js';
import { Randomness } from '../../../mock-server/random.js';
import { createService, type RateLimitPolicy } from '../../../mock-server/service/index.js';

function service(rateLimit: RateLimitPolicy) {
  const clock = new MockClock({ mode: 'manual', start: new Date('2026-01-01T00:00:00.000Z') });
  return createService({ clock, ids: new IdFactory(new Randomness(1)), retentionDays: 30, rateLimit });
}

describe('RateLimits', () => {
  it('refills fractionally on the clock, and asks for at least one second', async () => {
    const built = service({ requestsPerSecond: 4, burst: 2 });
    const take = () => built.rateLimits.take('key_1');
    expect(take()).toMatchObject({ allowed: true, remaining: 1, reset: 1, retryAfter: null });
    expect(take()).toMatchObject({ allowed: true, remaining: 0, reset: 1 });
    expect(take()).toMatchObject({ allowed: false, remaining: 0, retryAfter: 1 });
    await built.clock.advance('250ms');
    expect(take()).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('refills nothing when the clock is set back, and counts on from the new time', async () => {
    const built = service({ requestsPerSecond: 1, burst: 1 });
    built.rateLimits.take('key_1');
    await built.clock.set('2025-12-31T00:00:00.000Z');
    expect(built.rateLimits.take('key_1').allowed).toBe(false);
    await built.clock.advance('1s');
    expect(built.rateLimits.take('key_1').allowed).toBe(true);
  });
});
