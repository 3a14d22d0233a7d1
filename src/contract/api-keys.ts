// API keys: the credentials of an account, each limited to the scopes it was given.
import * as z from 'zod/mini';
import { timestamp, wireModel } from './codec.js';
import { idOf } from './ids.js';
import { listOf, listParams } from './list.js';
import { secret } from './personal.js';

/**
 * What a key may do: `*` for everything, or a resource and `read`/`write`.
 * @internal
 */
export const Scope = z.enum([
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
]);
/**
 * What a key may do: `*` for everything, or a resource and `read`/`write`.
 * @useDeclaredType
 */
export type Scope = z.output<typeof Scope>;

/**
 * An API key. Its whole `secret` is there once, in the answer to its creation, and prints masked.
 * @internal
 */
export const ApiKey = wireModel({
  /** The key's id, `key_…`. */
  id: idOf('apiKey'),
  /** Always `api_key`. */
  object: z.literal('api_key'),
  /** A name to tell keys apart. */
  name: z.string(),
  /** The start of the key (`aulm_test_…` or `aulm_live_…`), safe to show. */
  prefix: z.string(),
  /** What the key may do. */
  scopes: z.array(Scope),
  /** The whole key: only in the answer to its creation, and it prints masked until `reveal()`. */
  secret: z.optional(secret),
  /** When the key was created. */
  createdAt: timestamp,
  /** When the key last authenticated a request, or `null` if never. */
  lastUsedAt: z.nullable(timestamp),
});
/**
 * An API key. Its whole `secret` is there once, in the answer to its creation, and prints masked.
 * @interface
 */
export type ApiKey = z.output<typeof ApiKey>;

/** One page of API keys. */
export const ApiKeyList = listOf(ApiKey);

/**
 * The body of `POST /v1/api_keys`.
 * @internal
 */
export const CreateApiKeyParams = wireModel(
  {
    /** A name for the key, 1 to 100 characters. */
    name: z.string().check(z.minLength(1), z.maxLength(100)),
    /** What the key may do: at least one scope. */
    scopes: z.array(Scope).check(z.minLength(1), z.maxLength(Scope.options.length)),
  },
  { strict: true },
);
/**
 * The body of `POST /v1/api_keys`.
 * @interface
 */
export type CreateApiKeyParams = z.output<typeof CreateApiKeyParams>;

/**
 * The query of `GET /v1/api_keys`.
 * @internal
 */
export const ListApiKeysParams = wireModel({ ...listParams }, { strict: true });
/**
 * The query of `GET /v1/api_keys`.
 * @interface
 */
export type ListApiKeysParams = z.output<typeof ListApiKeysParams>;
