// Retention: message logs (the messages), webhook delivery records and the events they carry are kept for
// the retention period, then deleted, on the mock's clock. One timer does it, always set for the next
// moment a record comes of age, so records go exactly when their time is up, and none sooner.
import type { Timer } from '../clock.js';
import type { ServiceDeps } from './index.js';
import type { Row, Table } from './store.js';

const DAY_MS = 86_400_000;

// A row that retention sweeps: made at `createdAt`, perhaps with a timer of its own (a delivery's retry).
type Dated = Row & { readonly createdAt: Date; readonly timer?: Timer | null };

/** The retention of every account: the records it deletes, and the timer that deletes them. */
export class Retention {
  readonly #deps: ServiceDeps;
  #timer: Timer | null = null;

  constructor(deps: ServiceDeps) {
    this.#deps = deps;
  }

  /**
   * How long an account's records are kept, in milliseconds: `retentionDays` of the mock, the same for
   * every account (the API has no per-account setting yet; this is the one place to add it).
   */
  windowMs(_accountId: string): number {
    return this.#deps.retentionDays * DAY_MS;
  }

  /**
   * Sets the sweep going (on creation, and after the clock is reset, which drops every timer). A record
   * made at `t` is deleted when the clock reaches `t` plus the window: kept for exactly the window.
   */
  start(): void {
    this.#timer?.cancel();
    this.#timer = null;
    this.#schedule();
  }

  /**
   * Deletes every record whose time is up (made at or before now minus the window); a pending delivery
   * deleted has its next attempt cancelled. Returns how many records went, by kind.
   */
  sweep(): { messages: number; webhookDeliveries: number; events: number } {
    const { store } = this.#deps;
    return {
      messages: this.#sweepTable(store.messages),
      webhookDeliveries: this.#sweepTable(store.webhookDeliveries),
      events: this.#sweepTable(store.events),
    };
  }

  #sweepTable<T extends Dated>(table: Table<T>): number {
    const now = this.#deps.clock.now().getTime();
    const expired = table.ordered.filter(
      (row) => row.createdAt.getTime() + this.windowMs(row.accountId) <= now,
    );
    for (const row of expired) {
      row.timer?.cancel();
      table.delete(row.id);
    }
    return expired.length;
  }

  // The next sweep: when the oldest record left comes of age, and no later than one window from now (a
  // record made from now on comes of age no sooner than that, so the sweep then sets itself for it).
  #schedule(): void {
    const { store, clock } = this.#deps;
    const now = clock.now().getTime();
    let next = now + this.#deps.retentionDays * DAY_MS;
    const tables: ReadonlyArray<Table<Dated>> = [store.messages, store.webhookDeliveries, store.events];
    for (const table of tables) {
      for (const row of table.ordered) {
        next = Math.min(next, row.createdAt.getTime() + this.windowMs(row.accountId));
      }
    }
    this.#timer = clock.schedule(Math.max(next, now), () => {
      this.#timer = null;
      this.sweep();
      this.#schedule();
    });
  }
}
