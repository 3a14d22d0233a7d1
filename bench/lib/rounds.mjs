// Rounds and their statistics: contenders measured in turn within each round (so a slow spell of the
// machine hits them all alike), a warm-up round thrown away, and the median kept.
import { performance } from 'node:perf_hooks';

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The median, the lowest and the highest of a list of numbers, and the list itself. */
export function summary(values) {
  return { value: median(values), min: Math.min(...values), max: Math.max(...values), values };
}

/**
 * Runs `measure(contender, { warmup })` for every contender, `warmups + count` times in turn, and returns
 * a summary per contender name of the rounds after the warm-ups.
 */
export async function interleaved(contenders, { count, warmups = 1 }, measure, log = () => {}) {
  const kept = new Map(contenders.map((contender) => [contender.name, []]));
  for (let round = 0; round < warmups + count; round++) {
    const warmup = round < warmups;
    for (const contender of contenders) {
      const value = await measure(contender, { warmup });
      log(`  ${warmup ? 'warm-up' : `round ${round - warmups + 1}`}  ${contender.name}: ${format(value)}`);
      if (!warmup) kept.get(contender.name).push(value);
    }
  }
  return new Map([...kept].map(([name, values]) => [name, summary(values)]));
}

/** Runs `task` `total` times with at most `concurrency` calls in flight; resolves with the seconds taken. */
export async function inFlight(total, concurrency, task) {
  let started = 0;
  const lane = async () => {
    while (started < total) {
      started++;
      await task();
    }
  };
  const begin = performance.now();
  await Promise.all(Array.from({ length: concurrency }, lane));
  return (performance.now() - begin) / 1000;
}

/**
 * Calls `task` one at a time for about `seconds` (awaiting it when it returns a promise, so a synchronous
 * task pays no extra tick); resolves with calls per second.
 */
export async function perSecond(seconds, task) {
  const begin = performance.now();
  const end = begin + seconds * 1000;
  let calls = 0;
  let now = begin;
  while (now < end) {
    for (let batch = 0; batch < 64; batch++) {
      const result = task();
      if (result instanceof Promise) await result;
    }
    calls += 64;
    now = performance.now();
  }
  return calls / ((now - begin) / 1000);
}

function format(value) {
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(2);
}
