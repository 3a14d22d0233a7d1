// `aulm.account`: the account the API key belongs to.
import { Account } from '../contract/index.js';
import type { APIPromise } from '../core/api-promise.js';
import type { Pipeline, RequestOptions } from '../core/pipeline.js';

/** The account the API key belongs to: `aulm.account`. */
export class AccountResource {
  readonly #client: Pipeline;

  constructor(client: Pipeline) {
    this.#client = client;
  }

  /**
   * Returns the account of the API key.
   *
   * @example
   * ```ts
   * const { region } = await aulm.account.get();
   * ```
   */
  get(options?: RequestOptions): APIPromise<Account> {
    return this.#client.request({ method: 'GET', path: '/v1/account', result: Account }, options);
  }
}
