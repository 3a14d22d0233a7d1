// API keys: the credentials of an account, each limited to the scopes it was given.
import * as z from 'zod/mini';
import { timestamp, wireModel } from './codec.js';
import { idOf } from './ids.js';
import { listOf, listParams } from './list.js';
import { secret } from './personal.js';

/** What a key may do: `*` for everything, or a resource and `read`/`write`. */
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
export type Scope = z.output<typeof Scope>;

/** An API key. Its whole `secret` is there once, in the answer to its creation, and prints masked. */
export const ApiKey = wireModel({
  id: idOf('apiKey'),
  object: z.literal('api_key'),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(Scope),
  secret: z.optional(secret),
  createdAt: timestamp,
  lastUsedAt: z.nullable(timestamp),
});
export type ApiKey = z.output<typeof ApiKey>;

/** One page of API keys. */
export const ApiKeyList = listOf(ApiKey);

/** The body of `POST /v1/api_keys`. */
export const CreateApiKeyParams = wireModel(
  {
    name: z.string().check(z.minLength(1), z.maxLength(100)),
    scopes: z.array(Scope).check(z.minLength(1), z.maxLength(Scope.options.length)),
  },
  { strict: true },
);
export type CreateApiKeyParams = z.output<typeof CreateApiKeyParams>;

/** The query of `GET /v1/api_keys`. */
export const ListApiKeysParams = wireModel({ ...listParams }, { strict: true });
export type ListApiKeysParams = z.output<typeof ListApiKeysParams>;
