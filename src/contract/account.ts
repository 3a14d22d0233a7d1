// The account: who the API key belongs to.
import * as z from 'zod/mini';
import { schemaOf, timestamp, wireModel } from './codec.js';
import { idOf } from './ids.js';

/** The regions an account can live in. */
export type Region = 'eu' | 'us' | 'ap';
/**
 * The regions an account can live in.
 * @internal
 */
export const Region = schemaOf<Region>()(z.enum(['eu', 'us', 'ap']));

/** The account that an API key belongs to. */
export interface Account {
  /** The account's id, `acct_…`. */
  id: string;
  /** Always `account`. */
  object: 'account';
  /** The business's name. */
  name: string;
  /** The account's contact email. */
  email: string;
  /** Its country (ISO 3166-1 alpha-2). */
  country: string;
  /** The home region, where its data lives. */
  region: Region;
  /** When the account was created. */
  createdAt: Date;
}
/**
 * The account that an API key belongs to.
 * @internal
 */
export const Account = wireModel<Account>()({
  id: idOf('account'),
  object: z.literal('account'),
  name: z.string(),
  email: z.string(),
  country: z.string(),
  region: Region,
  createdAt: timestamp,
});

/** The body of `PATCH /v1/account`: a new name, a new email, or both. */
export interface UpdateAccountParams {
  /** A new name, 1 to 200 characters. */
  name?: string | undefined;
  /** A new contact email. */
  email?: string | undefined;
}
/**
 * The body of `PATCH /v1/account`: a new name, a new email, or both.
 * @internal
 */
export const UpdateAccountParams = wireModel<UpdateAccountParams>()(
  {
    name: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    email: z.optional(z.email()),
  },
  { strict: true },
);
