// Accounts and their API keys: creating them (the mock's control, and quickstart) and recognising a key.
import * as z from 'zod/mini';
import { type Account, Region, type UpdateAccountParams } from '../../src/contract/index.js';
import type { KeyMode } from '../ids.js';
import { notFound, ServiceError } from './errors.js';
import type { ServiceDeps } from './index.js';
import type { AccountRecord, ApiKeyRecord } from './store.js';

/** What `accounts.create` accepts; every field has a default. */
export interface CreateAccountParams {
  /** The home region (default `eu`). */
  region?: Region;
  /** The account's name (default `Test account`). */
  name?: string;
  /** The account's email (default `test@example.com`). */
  email?: string;
  /** ISO 3166 alpha-2 country (default: one in the region: `GB`, `US`, `AU`). */
  country?: string;
}

/** Who is calling: the account, and the key it called with. */
export interface Caller {
  readonly account: AccountRecord;
  readonly key: ApiKeyRecord;
}

const COUNTRY_OF_REGION: Record<Region, string> = { eu: 'GB', us: 'US', ap: 'AU' };

/** The accounts of the mock and their keys. */
export class Accounts {
  readonly #deps: ServiceDeps;

  constructor(deps: ServiceDeps) {
    this.#deps = deps;
  }

  /** Creates an account with one test key of scope `*`, and returns the account and the key's secret. */
  create(params: CreateAccountParams = {}): { account: Account; apiKey: string } {
    const { store, ids, clock } = this.#deps;
    const region = params.region ?? 'eu';
    if (!z.safeParse(Region, region).success) {
      throw new ServiceError(
        422,
        'parameter_invalid',
        'Invalid region: must be one of eu, us, ap.',
        'region',
      );
    }
    const account: AccountRecord = {
      id: ids.id('account'),
      seq: store.nextSeq(),
      name: params.name ?? 'Test account',
      email: params.email ?? 'test@example.com',
      country: params.country ?? COUNTRY_OF_REGION[region],
      region,
      createdAt: clock.now(),
    };
    store.accounts.set(account.id, account);
    const apiKey = this.createKey(account.id, { name: 'Default', mode: 'test', scopes: ['*'] });
    return { account: this.toModel(account), apiKey: apiKey.secret };
  }

  /** Creates an API key for an account and returns its record (with the secret). */
  createKey(accountId: string, options: { name: string; mode: KeyMode; scopes: string[] }): ApiKeyRecord {
    const { store, ids, clock } = this.#deps;
    const key: ApiKeyRecord = {
      id: ids.id('apiKey'),
      accountId,
      seq: store.nextSeq(),
      name: options.name,
      secret: ids.apiKey(options.mode),
      mode: options.mode,
      scopes: [...options.scopes],
      createdAt: clock.now(),
      lastUsedAt: null,
      revokedAt: null,
    };
    store.apiKeys.insert(key);
    store.keysBySecret.set(key.secret, key);
    return key;
  }

  /** Returns who a key belongs to, and notes its use; an unknown or revoked key is `401 invalid_api_key`. */
  authenticate(secret: string): Caller {
    const { store, clock } = this.#deps;
    const key = store.keysBySecret.get(secret);
    const account = key && !key.revokedAt ? store.accounts.get(key.accountId) : undefined;
    if (!key || !account) {
      const why = key?.revokedAt ? 'This API key has been revoked' : 'Invalid API key provided';
      throw new ServiceError(401, 'invalid_api_key', `${why}: ${masked(secret)}`);
    }
    key.lastUsedAt = clock.now();
    return { account, key };
  }

  /** Returns whether a key's scopes cover `scope` (`*` covers every scope). */
  allows(key: ApiKeyRecord, scope: string): boolean {
    return key.scopes.includes('*') || key.scopes.includes(scope);
  }

  /** Returns an account. */
  get(accountId: string): Account {
    const account = this.#deps.store.accounts.get(accountId);
    if (!account) throw notFound('account', accountId);
    return this.toModel(account);
  }

  /** Changes an account's `name` and `email` (those given) and returns it as it now is. */
  update(accountId: string, params: UpdateAccountParams): Account {
    const account = this.#deps.store.accounts.get(accountId);
    if (!account) throw notFound('account', accountId);
    if (params.name !== undefined)
      account.name = this.#deps.store.erasedNumbers.redact(accountId, params.name);
    if (params.email !== undefined) account.email = params.email;
    return this.toModel(account);
  }

  /** The account as the contract models it. */
  toModel(record: AccountRecord): Account {
    return {
      id: record.id,
      object: 'account',
      name: record.name,
      email: record.email,
      country: record.country,
      region: record.region,
      createdAt: record.createdAt,
    };
  }
}

// Enough of a key to recognise it in an error message, never enough to use it.
// Only aulm's own prefix is shown: the start of some other service's key may be a secret of its own.
function masked(secret: string): string {
  const prefix = /^aulm_(test|live)_/.exec(secret)?.[0] ?? '';
  if (secret.length - prefix.length <= 8) return `${prefix}••••`;
  return `${prefix}••••${secret.slice(-4)}`;
}
