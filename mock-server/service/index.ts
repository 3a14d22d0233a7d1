// The reference server's domain, assembled: accounts, sessions, messages and logs over one store, one
// clock and one source of ids. No HTTP here: every operation is a function call, testable on its own.
import type { MockClock } from '../clock.js';
import type { IdFactory } from '../ids.js';
import { Accounts } from './accounts.js';
import { Logs } from './logs.js';
import { Messages } from './messages.js';
import { Sessions } from './sessions.js';
import { Store } from './store.js';

export type { Caller, CreateAccountParams } from './accounts.js';
export { notFound, ServiceError } from './errors.js';
export type { PageParams } from './pager.js';
export type { ConnectOptions } from './sessions.js';

/** What every part of the service shares. */
export interface ServiceDeps {
  readonly store: Store;
  readonly clock: MockClock;
  readonly ids: IdFactory;
  /** How many days logs are kept (enforcement comes with retention). */
  readonly retentionDays: number;
}

/** The whole domain of one mock. */
export interface Service extends ServiceDeps {
  readonly accounts: Accounts;
  readonly sessions: Sessions;
  readonly messages: Messages;
  readonly logs: Logs;
}

/** Builds the service over a fresh store. */
export function createService(options: Omit<ServiceDeps, 'store'>): Service {
  const deps: ServiceDeps = { ...options, store: new Store() };
  const sessions = new Sessions(deps);
  return {
    ...deps,
    accounts: new Accounts(deps),
    sessions,
    messages: new Messages(deps, sessions),
    logs: new Logs(deps),
  };
}
