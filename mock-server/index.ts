// The reference server's entry point, `aulm/mock-server`: the mock in-process (`start.ts`), over real HTTP
// (`standalone.ts`), and the types of its options and handle. `index.browser.ts` is its browser twin.
/**
 * The reference server: a working in-memory aulm API for tests, in-process (`startAulmMock`,
 * `createAulmMock`) or over real HTTP (`startStandalone`), on a clock you control.
 *
 * @module aulm/mock-server
 */
export type { Clock, ClockMode, Duration } from './clock.js';
export { AulmMockDispatcher, type AulmMockDispatcherOptions } from './dispatcher.js';
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
export { type StandaloneOptions, type StandaloneServer, startStandalone } from './standalone.js';
export { type AulmMock, createAulmMock, startAulmMock } from './start.js';
export type { DeliverWebhook } from './webhook-transport.js';
