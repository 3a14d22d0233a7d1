// The clock's waiting timers, earliest first and, at the same time, in the order they were scheduled. A
// binary heap: every message schedules its timeline, and under the manual clock (or a busy real one) the
// timers pile up in their thousands, which a sorted array paid for on every insert.

/** A timer in the queue: when it runs, and its place in the order of scheduling. */
export interface QueuedTimer {
  readonly at: number;
  readonly order: number;
  /** Its slot in the heap, kept up to date so that a cancelled timer leaves in O(log n). */
  slot: number;
}

/** A min-heap of timers by (`at`, `order`). */
export class TimerQueue<T extends QueuedTimer> {
  #heap: T[] = [];

  get size(): number {
    return this.#heap.length;
  }

  /** The timer that runs next, if any. */
  peek(): T | undefined {
    return this.#heap[0];
  }

  add(timer: T): void {
    timer.slot = this.#heap.length;
    this.#heap.push(timer);
    this.#up(timer.slot);
  }

  /** Takes out the timer that runs next. */
  shift(): T | undefined {
    const first = this.#heap[0];
    if (first !== undefined) this.#removeAt(0);
    return first;
  }

  /** Takes a timer out, if it is still waiting in this queue (not run, cancelled, nor dropped by `clear`). */
  remove(timer: T): void {
    if (this.#heap[timer.slot] === timer) this.#removeAt(timer.slot);
  }

  clear(): void {
    this.#heap = [];
  }

  #removeAt(slot: number): void {
    const heap = this.#heap;
    const last = heap.pop()!;
    if (slot === heap.length) return;
    heap[slot] = last;
    last.slot = slot;
    this.#down(slot);
    this.#up(last.slot);
  }

  #up(slot: number): void {
    const heap = this.#heap;
    const timer = heap[slot]!;
    while (slot > 0) {
      const parentSlot = (slot - 1) >> 1;
      const parent = heap[parentSlot]!;
      if (!before(timer, parent)) break;
      heap[slot] = parent;
      parent.slot = slot;
      slot = parentSlot;
    }
    heap[slot] = timer;
    timer.slot = slot;
  }

  #down(slot: number): void {
    const heap = this.#heap;
    const timer = heap[slot]!;
    for (;;) {
      const left = 2 * slot + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, timer)) break;
      heap[slot] = heap[child]!;
      heap[slot]!.slot = slot;
      slot = child;
    }
    heap[slot] = timer;
    timer.slot = slot;
  }
}

function before(a: QueuedTimer, b: QueuedTimer): boolean {
  return a.at < b.at || (a.at === b.at && a.order < b.order);
}
