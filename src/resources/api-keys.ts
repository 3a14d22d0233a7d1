// `aulm.apiKeys`: the account's API keys: create one for a job, list them, revoke one.
import { ApiKey, ApiKeyList, CreateApiKeyParams, ListApiKeysParams } from '../contract/index.js';
import type { APIPromise } from '../core/api-promise.js';
import type { PagePromise } from '../core/pagination.js';
import { path } from '../core/path.js';
import type { Pipeline, RequestOptions } from '../core/pipeline.js';

/** API keys: `aulm.apiKeys`. */
export class ApiKeysResource {
  readonly #client: Pipeline;

  /**
   * Built by the client, on its request pipeline.
   * @internal
   */
  constructor(client: Pipeline) {
    this.#client = client;
  }

  /**
   * Creates a key limited to `scopes` (`['*']` for everything). Its `secret` is in this answer only, and
   * prints masked (`aulm_test_••••x7Qa`): store `secret.reveal()` at once, it cannot be read again.
   *
   * @example
   * ```ts
   * const key = await aulm.apiKeys.create({ name: 'Nightly export', scopes: ['logs:read'] });
   * console.log(key.secret);                 // aulm_test_••••x7Qa
   * await vault.store('AULM_API_KEY', key.secret!.reveal());
   * ```
   */
  create(params: CreateApiKeyParams, options?: RequestOptions): APIPromise<ApiKey> {
    return this.#client.request(
      { method: 'POST', path: '/v1/api_keys', params, paramsSchema: CreateApiKeyParams, result: ApiKey },
      options,
    );
  }

  /** Lists the account's keys, newest first, without their secrets: `await` it for a page, `for await` it for all. */
  list(params: ListApiKeysParams = {}, options?: RequestOptions): PagePromise<ApiKey> {
    return this.#client.list(
      { method: 'GET', path: '/v1/api_keys', params, paramsSchema: ListApiKeysParams, result: ApiKeyList },
      options,
    );
  }

  /**
   * Revokes a key (`key_...`) and returns it as it was, without its secret. Every request made with it
   * answers `401` from then on; revoking the key this client uses locks the client out.
   *
   * @example
   * ```ts
   * const revoked = await aulm.apiKeys.revoke('key_123');
   * ```
   */
  revoke(id: string, options?: RequestOptions): APIPromise<ApiKey> {
    return this.#client.request(
      { method: 'DELETE', path: path`/v1/api_keys/${id}`, result: ApiKey },
      options,
    );
  }
}
