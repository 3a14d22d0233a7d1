// The mock's clock: time stands still until advanced, and every timer that falls due runs in order, each
// at its own time.
import { describe, expect, it } from 'vitest';
import { durationMs, MockClock } from '../../mock-server/clock.js';

const start = new Date('2026-01-01T00:00:00.000Z');
const manual = () => new MockClock({ mode: 'manual', start });
const offset = (clock: MockClock) => clock.now().getTime() - start.getTime();

describe('durations', () => {
  it('reads milliseconds and 500ms, 10s, 5m, 2h, 1d', () => {
    expect([250, '500ms', '10s', '5m', '2h', '1d', '1.5s'].map((d) => durationMs(d as never))).toEqual([
      250, 500, 10_000, 300_000, 7_200_000, 86_400_000, 1_500,
    ]);
  });

  it('refuses negative or unreadable durations', () => {
    expect(() => durationMs(-1)).toThrow(RangeError);
    expect(() => durationMs('10 minutes' as never)).toThrow(RangeError);
  });
});

describe('the manual clock', () => {
  it('stands still until advanced', async () => {
    const clock = manual();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(clock.now()).toEqual(start);
    await clock.advance('2h');
    expect(clock.now().toISOString()).toBe('2026-01-01T02:00:00.000Z');
  });

  it('runs due timers in time order, each seeing its own time, and leaves later ones waiting', async () => {
    const clock = manual();
    const ran: string[] = [];
    const at = (ms: number, name: string) =>
      clock.schedule(start.getTime() + ms, () => {
        ran.push(`${name}@${offset(clock)}`);
      });
    at(3_000, 'c');
    at(1_000, 'a');
    at(2_000, 'b1');
    at(2_000, 'b2');
    at(20_000, 'later');
    await clock.advance('10s');
    expect(ran).toEqual(['a@1000', 'b1@2000', 'b2@2000', 'c@3000']);
    expect(offset(clock)).toBe(10_000);
    expect(clock.pending).toBe(1);
  });

  it('runs a timer scheduled by another timer when it falls due within the same advance', async () => {
    const clock = manual();
    const ran: number[] = [];
    clock.schedule(start.getTime() + 1_000, () => {
      ran.push(offset(clock));
      clock.schedule(clock.now().getTime() + 500, () => {
        ran.push(offset(clock));
      });
    });
    await clock.advance('1s');
    expect(ran).toEqual([1_000]);
    await clock.advance('1s');
    expect(ran).toEqual([1_000, 1_500]);
  });

  it('awaits a timer that returns a promise before running the next', async () => {
    const clock = manual();
    const ran: string[] = [];
    clock.schedule(start.getTime() + 1, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      ran.push('slow');
    });
    clock.schedule(start.getTime() + 2, () => {
      ran.push('fast');
    });
    await clock.advance(10);
    expect(ran).toEqual(['slow', 'fast']);
  });

  it('runs two advances one after the other, not over each other', async () => {
    const clock = manual();
    await Promise.all([clock.advance('1s'), clock.advance('1s')]);
    expect(offset(clock)).toBe(2_000);
  });

  it('does not run a cancelled timer', async () => {
    const clock = manual();
    let ran = false;
    clock
      .schedule(start.getTime() + 1, () => {
        ran = true;
      })
      .cancel();
    await clock.advance('1s');
    expect(ran).toBe(false);
  });

  it('set() forward runs what falls due; backward runs nothing', async () => {
    const clock = manual();
    const ran: number[] = [];
    clock.schedule(start.getTime() + 60_000, () => {
      ran.push(offset(clock));
    });
    await clock.set('2025-12-31T00:00:00.000Z');
    expect(ran).toEqual([]);
    await clock.set(new Date(start.getTime() + 120_000));
    expect(ran).toEqual([60_000]);
    expect(offset(clock)).toBe(120_000);
  });

  it('reset() drops every timer and goes back to the start', async () => {
    const clock = manual();
    let ran = false;
    clock.schedule(start.getTime() + 1_000, () => {
      ran = true;
    });
    await clock.advance(500);
    clock.reset();
    expect(clock.now()).toEqual(start);
    await clock.advance('1h');
    expect(ran).toBe(false);
  });
});

describe('the real clock', () => {
  it('follows the wall clock from its start, and still jumps ahead on advance', async () => {
    const clock = new MockClock({ mode: 'real', start });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(offset(clock)).toBeGreaterThanOrEqual(15);
    const ran: number[] = [];
    clock.schedule(start.getTime() + 60_000, () => {
      ran.push(offset(clock));
    });
    await clock.advance('1m');
    expect(ran).toEqual([60_000]);
    expect(offset(clock)).toBeGreaterThanOrEqual(60_000);
    clock.stop();
  });

  it('runs a timer when its time comes', async () => {
    const clock = new MockClock({ mode: 'real', start });
    const fired = new Promise<number>((resolve) => {
      clock.schedule(clock.now().getTime() + 30, () => resolve(offset(clock)));
    });
    expect(await fired).toBeGreaterThanOrEqual(30);
    clock.stop();
  });
});

describe('work in flight', () => {
  const later = (ms: number, then: () => void) =>
    new Promise<void>((resolve) =>
      setTimeout(() => {
        then();
        resolve();
      }, ms),
    );

  it('advance waits for the work a timer started, so that what it schedules runs in the same advance', async () => {
    const clock = manual();
    const ran: string[] = [];
    clock.schedule(start.getTime() + 1_000, () => {
      // Like a webhook attempt: real time passes, then a retry is scheduled from the timer's own time.
      const at = clock.now().getTime();
      clock.track(later(5, () => clock.schedule(at + 5_000, () => void ran.push(`retry@${offset(clock)}`))));
    });
    clock.schedule(start.getTime() + 2_000, () => void ran.push(`next@${offset(clock)}`));
    await clock.advance('10s');
    expect(ran).toEqual(['next@2000', 'retry@6000']);
  });

  it('advance first waits for work started before it, between two advances', async () => {
    const clock = manual();
    const ran: number[] = [];
    clock.track(later(5, () => clock.schedule(start.getTime() + 1_000, () => void ran.push(offset(clock)))));
    await clock.advance('1s');
    expect(ran).toEqual([1_000]);
  });

  it('settled() waits for work, and for the work that work starts; a failure counts as done', async () => {
    const clock = manual();
    const done: string[] = [];
    clock.track(later(5, () => clock.track(later(5, () => done.push('second')))));
    clock.track(Promise.reject(new Error('a failed attempt')));
    await clock.settled();
    expect(done).toEqual(['second']);
  });

  it('reset() forgets the work in flight', async () => {
    const clock = manual();
    clock.track(new Promise(() => {}));
    clock.reset();
    await clock.settled();
  });

  it('does not hold up the real clock’s own timers behind slow work', async () => {
    const clock = new MockClock({ mode: 'real', start });
    const fired: string[] = [];
    clock.schedule(clock.now().getTime() + 5, () => {
      clock.track(new Promise((resolve) => setTimeout(resolve, 1_000)));
    });
    const second = new Promise<void>((resolve) => {
      clock.schedule(clock.now().getTime() + 20, () => {
        fired.push('second');
        resolve();
      });
    });
    const started = Date.now();
    await second;
    expect(Date.now() - started).toBeLessThan(500);
    expect(fired).toEqual(['second']);
    clock.stop();
  });
});
