// The clock's timer queue: earliest first, and in the order scheduled at the same time, however timers
// are added and cancelled.
import { describe, expect, it } from 'vitest';
import { type QueuedTimer, TimerQueue } from '../../mock-server/timer-queue.js';

interface Timer extends QueuedTimer {
  readonly name: string;
}

function drain(queue: TimerQueue<Timer>): string[] {
  const names: string[] = [];
  for (let timer = queue.shift(); timer; timer = queue.shift()) names.push(timer.name);
  return names;
}

describe('TimerQueue', () => {
  it('gives timers earliest first, and those due together in the order they were added', () => {
    const queue = new TimerQueue<Timer>();
    const times = [30, 10, 20, 10, 30, 0, 20, 10];
    times.forEach((at, order) => {
      queue.add({ at, order, slot: -1, name: `${at}#${order}` });
    });
    expect(queue.peek()?.name).toBe('0#5');
    expect(drain(queue)).toEqual(['0#5', '10#1', '10#3', '10#7', '20#2', '20#6', '30#0', '30#4']);
    expect(queue.size).toBe(0);
  });

  it('removes a timer wherever it is, and ignores one no longer waiting', () => {
    const queue = new TimerQueue<Timer>();
    const timers = Array.from({ length: 9 }, (_, order) => ({
      at: (order * 7) % 5,
      order,
      slot: -1,
      name: `t${order}`,
    }));
    for (const timer of timers) queue.add(timer);
    queue.remove(timers[4]!);
    queue.remove(timers[0]!);
    queue.remove(timers[4]!);
    const dropped = timers[8]!;
    queue.clear();
    queue.remove(dropped);
    expect(queue.size).toBe(0);
    for (const timer of timers.slice(1, 4)) queue.add(timer);
    queue.remove(timers[0]!);
    expect(drain(queue)).toEqual(['t3', 't1', 't2']);
  });

  it('keeps the same order as a sorted list through thousands of random adds and removals', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const queue = new TimerQueue<Timer>();
    const waiting: Timer[] = [];
    for (let order = 0; order < 5_000; order++) {
      const timer = { at: Math.floor(random() * 100), order, slot: -1, name: String(order) };
      queue.add(timer);
      waiting.push(timer);
      if (random() < 0.3) {
        const [gone] = waiting.splice(Math.floor(random() * waiting.length), 1);
        queue.remove(gone!);
      }
      if (random() < 0.1) {
        waiting.sort((a, b) => a.at - b.at || a.order - b.order);
        expect(queue.shift()).toBe(waiting.shift());
      }
    }
    waiting.sort((a, b) => a.at - b.at || a.order - b.order);
    expect(drain(queue)).toEqual(waiting.map((timer) => timer.name));
  });
});
