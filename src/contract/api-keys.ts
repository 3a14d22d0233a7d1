// API keys: the credentials of an account, each limited to the scopes it was given.
import * as z from 'zod/mini';
import { schemaOf, timestamp, wireModel } from './codec.js';
import { idOf } from './ids.js';
import { type ListParams, listOf, listParams } from './list.js';
import { type Secret, secret } from './personal.js';

/** What a key may do: `*` for everything, or a resource and `read`/`write`. */
export type Scope =
  | '*'
  | 'sessions:read'
  | 'sessions:write'
  | 'messages:read'
  | 'messages:write'
  | 'logs:read'
  | 'webhooks:read'
  | 'webhooks:write'
  | 'privacy:read'
  | 'privacy:write'
  | 'account:read'
  | 'account:write'
  | 'support:read'
  | 'support:write';
/**
 * What a key may do: `*` for everything, or a resource and `read`/`write`.
 * @internal
 */
export const Scope = schemaOf<Scope>()(
  z.enum([
    '*',
    'sessions:read',
    'sessions:write',
    'messages:read',
    'messages:write',
    'logs:read',
    'webhooks:read',
    'webhooks:write',
    'privacy:read',
    'privacy:write',
    'account:read',
    'account:write',
    'support:read',
    'support:write',
  ]),
);

/** An API key. Its whole `secret` is there once, in the answer to its creation, and prints masked. */
export interface ApiKey {
  /** The key's id, `key_…`. */
  id: string;
  /** Always `api_key`. */
  object: 'api_key';
  /** A name to tell keys apart. */
  name: string;
  /** The start of the key (`aulm_test_…` or `aulm_live_…`), safe to show. */
  prefix: string;
  /** What the key may do. */
  scopes: Scope[];
  /** The whole key: only in the answer to its creation, and it prints masked until `reveal()`. */
  secret?: Secret | undefined;
  /** When the key was created. */
  createdAt: Date;
  /** When the key last authenticated a request, or `null` if never. */
  lastUsedAt: Date | null;
}
/**
 * An API key. Its whole `secret` is there once, in the answer to its creation, and prints masked.
 * @internal
 */
export const ApiKey = wireModel<ApiKey>()({
  id: idOf('apiKey'),
  object: z.literal('api_key'),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(Scope),
  secret: z.optional(secret),
  createdAt: timestamp,
  lastUsedAt: z.nullable(timestamp),
});

/** One page of API keys. */
export const ApiKeyList = listOf(ApiKey);

/** The body of `POST /v1/api_keys`. */
export interface CreateApiKeyParams {
  /** A name for the key, 1 to 100 characters. */
  name: string;
  /** What the key may do: at least one scope. */
  scopes: Scope[];
}
/**
 * The body of `POST /v1/api_keys`.
 * @internal
 */
export const CreateApiKeyParams = wireModel<CreateApiKeyParams>()(
  {
    name: z.string().check(z.minLength(1), z.maxLength(100)),
    scopes: z.array(Scope).check(z.minLength(1), z.maxLength(Scope.options.length)),
  },
  { strict: true },
);

/** The query of `GET /v1/api_keys`: paging only. */
export interface ListApiKeysParams extends ListParams {}
/**
 * The query of `GET /v1/api_keys`.
 * @internal
 */
export const ListApiKeysParams = wireModel<ListApiKeysParams>()({ ...listParams }, { strict: true });
