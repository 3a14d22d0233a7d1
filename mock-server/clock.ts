// The reference server's clock: what "now" is, and the timers that move statuses along (a session's
// pairing expiry, a message's sent/delivered/read, a webhook's retries). Under the manual clock time stands
// still until a test advances it; under the real clock it follows the wall clock, and `advance` still jumps
// ahead. Work that a timer starts but cannot finish at once (a webhook delivery, a real HTTP request) is
// tracked, and `advance` waits for it before it moves on, so that what it starts lands at its own time.
import { type QueuedTimer, TimerQueue } from './timer-queue.js';

/** A span of time: milliseconds, or a number with a unit (`'500ms'`, `'10s'`, `'5m'`, `'2h'`, `'1d'`). */
export type Duration = number | `${number}${'ms' | 's' | 'm' | 'h' | 'd'}`;

/** How time passes: `'manual'` (only when advanced) or `'real'` (with the wall clock). */
export type ClockMode = 'manual' | 'real';

const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Returns the milliseconds of a duration; throws a `RangeError` on a negative or unreadable one. */
export function durationMs(duration: Duration): number {
  let ms: number;
  if (typeof duration === 'number') {
    ms = duration;
  } else {
    const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(duration);
    ms = match ? Number(match[1]) * UNITS[match[2]!]! : Number.NaN;
  }
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Not a duration: ${String(duration)}`);
  return ms;
}

/** The clock of a mock, as its handle exposes it. */
export interface Clock {
  /** The current time of the mock. */
  now(): Date;
  /**
   * Moves time forward and runs every timer that falls due, in order, each at its own time (so a
   * status that changes at +1 s carries that time, not the end of the jump). Before it moves, and after
   * each timer, it waits for the webhook deliveries in flight, so that a failed attempt's retry is
   * scheduled, and run, at its own time too; it resolves once everything it started has landed.
   */
  advance(duration: Duration): Promise<void>;
  /** Sets the time. Forward, it runs the timers that fall due as `advance` does; backward, it runs none. */
  set(date: Date | string | number): Promise<void>;
}

/** A scheduled callback, which can be cancelled before it runs. */
export interface Timer {
  /** When it runs, in epoch milliseconds. */
  readonly at: number;
  /** Stops it from running. */
  cancel(): void;
}

// A timer waiting in the clock's queue. A class rather than an object with a closure to cancel it: every
// message sent schedules three, and under load they wait by the hundred thousand.
class Entry implements Timer, QueuedTimer {
  readonly at: number;
  readonly order: number;
  slot = -1;
  readonly run: () => void | Promise<void>;
  readonly #queue: TimerQueue<Entry>;

  constructor(queue: TimerQueue<Entry>, at: number, order: number, run: () => void | Promise<void>) {
    this.#queue = queue;
    this.at = at;
    this.order = order;
    this.run = run;
  }

  cancel(): void {
    this.#queue.remove(this);
  }
}

/** The clock with its timer queue, as the service uses it. */
export class MockClock implements Clock {
  readonly mode: ClockMode;
  readonly #start: number;
  #current: number;
  #offset = 0;
  #pinned: number | null = null;
  readonly #timers = new TimerQueue<Entry>();
  #order = 0;
  #queue: Promise<void> = Promise.resolve();
  #work = new Set<Promise<void>>();
  #wakeUp: ReturnType<typeof setTimeout> | null = null;

  /** `start` is the time the clock shows at first and after `reset()`. */
  constructor(options: { mode: ClockMode; start: Date }) {
    this.mode = options.mode;
    this.#start = options.start.getTime();
    this.#current = this.#start;
    if (this.mode === 'real') this.#offset = this.#start - Date.now();
  }

  now(): Date {
    return new Date(this.#nowMs());
  }

  async advance(duration: Duration): Promise<void> {
    const ms = durationMs(duration);
    return this.#serially(async () => {
      await this.settled();
      await this.#moveTo(this.#nowMs() + ms, true);
    });
  }

  async set(date: Date | string | number): Promise<void> {
    const target = new Date(date).getTime();
    if (Number.isNaN(target)) throw new RangeError(`Not a date: ${String(date)}`);
    return this.#serially(async () => {
      await this.settled();
      await this.#moveTo(target, true);
    });
  }

  /**
   * Tracks work in flight (a webhook delivery) that `advance` and `settled` wait for. Its failure is the
   * work's own business: here it only counts as done.
   */
  track(work: Promise<unknown>): void {
    const done: Promise<void> = work.then(
      () => undefined,
      () => undefined,
    );
    this.#work.add(done);
    void done.then(() => this.#work.delete(done));
  }

  /** Resolves once no tracked work is in flight, including work started by the work awaited. */
  async settled(): Promise<void> {
    while (this.#work.size > 0) await Promise.all(this.#work);
  }

  /** Runs `run` once the clock reaches `at` (a `Date` or epoch milliseconds). */
  schedule(at: Date | number, run: () => void | Promise<void>): Timer {
    const entry = new Entry(this.#timers, typeof at === 'number' ? at : at.getTime(), this.#order++, run);
    this.#timers.add(entry);
    // The wake-up already set stays right unless this timer is now the first.
    if (this.#wakeUp === null || this.#timers.peek() === entry) this.#arm();
    return entry;
  }

  /** The number of timers still waiting. */
  get pending(): number {
    return this.#timers.size;
  }

  /** Drops every timer (and forgets the work in flight) and puts the clock back to its start. */
  reset(): void {
    this.#timers.clear();
    this.#work.clear();
    this.#current = this.#start;
    if (this.mode === 'real') this.#offset = this.#start - Date.now();
    this.#arm();
  }

  /** Drops every timer and stops the wall-clock wake-up, so nothing keeps a process alive. */
  stop(): void {
    this.#timers.clear();
    this.#arm();
  }

  #nowMs(): number {
    if (this.#pinned !== null) return this.#pinned;
    return this.mode === 'manual' ? this.#current : Date.now() + this.#offset;
  }

  // One move at a time: a second `advance` starts where the first one ended.
  #serially(move: () => Promise<void>): Promise<void> {
    const next = this.#queue.then(move);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  // `settle`: wait for tracked work after each timer. A test's `advance` does; the real clock's own
  // wake-ups do not, so that a slow webhook receiver never holds up the statuses due after it.
  async #moveTo(target: number, settle: boolean): Promise<void> {
    if (target < this.#nowMs()) {
      this.#setNow(target);
      return;
    }
    await this.#runDue(target, settle);
    this.#setNow(target);
    this.#arm();
  }

  #setNow(ms: number): void {
    if (this.mode === 'manual') this.#current = ms;
    else this.#offset = ms - Date.now();
  }

  // Each timer runs with the clock pinned to its own time; it may schedule more, which run too if due.
  async #runDue(target: number, settle: boolean): Promise<void> {
    for (let next = this.#timers.peek(); next && next.at <= target; next = this.#timers.peek()) {
      this.#timers.shift();
      const at = Math.max(next.at, this.#pinned ?? this.#nowMs());
      this.#pinned = at;
      if (this.mode === 'manual') this.#current = at;
      try {
        const result = next.run();
        if (result) await result;
      } finally {
        this.#pinned = null;
      }
      if (settle) await this.settled();
    }
  }

  // Under the real clock, wake up when the earliest timer falls due.
  #arm(): void {
    if (this.mode !== 'real') return;
    if (this.#wakeUp !== null) clearTimeout(this.#wakeUp);
    this.#wakeUp = null;
    const first = this.#timers.peek();
    if (!first) return;
    const delay = Math.min(Math.max(first.at - this.#nowMs(), 0), 2 ** 31 - 1);
    this.#wakeUp = setTimeout(() => {
      this.#wakeUp = null;
      void this.#serially(() => this.#moveTo(this.#nowMs(), false));
    }, delay);
    (this.#wakeUp as { unref?: () => void }).unref?.();
  }
}
