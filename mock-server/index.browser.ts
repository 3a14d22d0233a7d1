// The reference server's entry point in a browser, `aulm/mock-server` under the `browser` condition: the mock
// on MSW's service worker (`start.browser.ts`), and the same types as in Node, without what needs Node (the
// undici dispatcher, the standalone server).
/**
 * The reference server in a browser: a working in-memory aulm API for tests, answered by MSW's service
 * worker (`startAulmMock`), or as handlers for your own worker (`createAulmMock`), on a clock you control.
 *
 * @module aulm/mock-server (browser)
 */
export type { Clock, ClockMode, Duration } from './clock.js';
export type { FaultControls, FaultHandle, FaultRule } from './faults.js';
export type { JournalEntry, JournalOptions } from './journal.js';
export {
  AULM_HOSTS,
  type AulmMockControls,
  type AulmMockOptions,
  type CreatedAccount,
  type Quickstart,
  type RateLimitOptions,
  SEEDED_START,
  type WebhookOptions,
  type WorkerStartOptions,
} from './mock.js';
export type { ConnectOptions, CreateAccountParams, SolveOptions } from './service/index.js';
export { type AulmMock, createAulmMock, startAulmMock } from './start.browser.js';
export type { DeliverWebhook } from './webhook-transport.js';
