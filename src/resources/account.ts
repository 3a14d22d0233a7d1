// `aulm.account`: the account the API key belongs to.
import { Account, UpdateAccountParams } from '../contract/index.js';
import type { APIPromise } from '../core/api-promise.js';
import type { Pipeline, RequestOptions } from '../core/pipeline.js';

/** The account the API key belongs to: `aulm.account`. */
export class AccountResource {
  readonly #client: Pipeline;

  /**
   * Built by the client, on its request pipeline.
   * @internal
   */
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

  /**
   * Changes the account's `name`, `email`, or both, and returns the account as it now is.
   *
   * @example
   * ```ts
   * const account = await aulm.account.update({ email: 'privacy@acme.example' });
   * ```
   */
  update(params: UpdateAccountParams, options?: RequestOptions): APIPromise<Account> {
    return this.#client.request(
      { method: 'PATCH', path: '/v1/account', params, paramsSchema: UpdateAccountParams, result: Account },
      options,
    );
  }
}
