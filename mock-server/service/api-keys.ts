// API keys as the account manages them: create one limited to some scopes (its secret shown once), list
// them without secrets, revoke one. The keys themselves are made and recognised by `accounts.ts`.
import {
  type ApiKey,
  type CreateApiKeyParams,
  type ListApiKeysParams,
  type ListEnvelope,
  Secret,
} from '../../src/contract/index.js';
import type { Accounts, Caller } from './accounts.js';
import { notFound, ServiceError } from './errors.js';
import type { ServiceDeps } from './index.js';
import { paginate } from './pager.js';
import type { ApiKeyRecord } from './store.js';

/** How many characters of a secret its `prefix` shows: `aulm_test_` and four more (`aulm_test_AbCd`). */
export const KEY_PREFIX_LENGTH = 14;

/** The API keys of every account, as the account sees them. */
export class ApiKeys {
  readonly #deps: ServiceDeps;
  readonly #accounts: Accounts;

  constructor(deps: ServiceDeps, accounts: Accounts) {
    this.#deps = deps;
    this.#accounts = accounts;
  }

  /**
   * Creates a key of the caller's account, in the caller's key's mode (a test key makes test keys), with
   * the scopes given (without repeats, in order). A key cannot grant a scope it does not hold itself:
   * such a request is `403 missing_scope`, naming the scope, with `param: "scopes"`. The answer is the only
   * one that carries the whole `secret`.
   */
  create(caller: Caller, params: CreateApiKeyParams): ApiKey {
    const scopes = [...new Set(params.scopes)];
    for (const scope of scopes) {
      if (!this.#accounts.allows(caller.key, scope)) {
        throw new ServiceError(
          403,
          'missing_scope',
          `This API key lacks the scope ${scope}, so it cannot grant it to another key.`,
          'scopes',
        );
      }
    }
    const key = this.#accounts.createKey(caller.account.id, {
      name: this.#deps.store.erasedNumbers.redact(caller.account.id, params.name),
      mode: caller.key.mode,
      scopes,
    });
    return this.toModel(key, new Secret(key.secret));
  }

  /** Lists the account's keys that are not revoked, newest first, without their secrets. */
  list(accountId: string, params: ListApiKeysParams): ListEnvelope<ApiKey> {
    return paginate(
      'api_keys',
      this.#deps.store.apiKeys.ordered,
      params,
      (row) => row.accountId === accountId && row.revokedAt === null,
      (row) => this.toModel(row),
    );
  }

  /**
   * Revokes one of the account's keys (the caller's own too) and returns it as it was, without its secret:
   * from now on it answers `401`. A revoked key is gone from the account's view: it leaves the list, and
   * revoking it again is `404`, as is another account's key.
   */
  revoke(accountId: string, id: string): ApiKey {
    const key = this.#deps.store.apiKeys.find(accountId, id);
    if (!key || key.revokedAt !== null) throw notFound('API key', id);
    key.revokedAt = this.#deps.clock.now();
    return this.toModel(key);
  }

  /**
   * The key as the contract models it, without its secret unless given, with its fields in the schema's
   * order (the wire keeps the model's order).
   */
  toModel(record: ApiKeyRecord, secret?: Secret): ApiKey {
    return {
      id: record.id,
      object: 'api_key',
      name: record.name,
      prefix: record.secret.slice(0, KEY_PREFIX_LENGTH),
      scopes: [...record.scopes] as ApiKey['scopes'],
      ...(secret === undefined ? {} : { secret }),
      createdAt: record.createdAt,
      lastUsedAt: record.lastUsedAt,
    };
  }
}
