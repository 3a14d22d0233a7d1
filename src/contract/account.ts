// The account: who the API key belongs to.
import * as z from 'zod/mini';
import { timestamp, wireModel } from './codec.js';
import { idOf } from './ids.js';

/**
 * The regions an account can live in.
 * @internal
 */
export const Region = z.enum(['eu', 'us', 'ap']);
/**
 * The regions an account can live in.
 * @useDeclaredType
 */
export type Region = z.output<typeof Region>;

/**
 * The account that an API key belongs to.
 * @internal
 */
export const Account = wireModel({
  /** The account's id, `acct_…`. */
  id: idOf('account'),
  /** Always `account`. */
  object: z.literal('account'),
  /** The business's name. */
  name: z.string(),
  /** The account's contact email. */
  email: z.string(),
  /** Its country (ISO 3166-1 alpha-2). */
  country: z.string(),
  /** The home region, where its data lives. */
  region: Region,
  /** When the account was created. */
  createdAt: timestamp,
});
/**
 * The account that an API key belongs to.
 * @interface
 */
export type Account = z.output<typeof Account>;

/**
 * The body of `PATCH /v1/account`: a new name, a new email, or both.
 * @internal
 */
export const UpdateAccountParams = wireModel(
  {
    /** A new name, 1 to 200 characters. */
    name: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    /** A new contact email. */
    email: z.optional(z.email()),
  },
  { strict: true },
);
/**
 * The body of `PATCH /v1/account`: a new name, a new email, or both.
 * @interface
 */
export type UpdateAccountParams = z.output<typeof UpdateAccountParams>;
