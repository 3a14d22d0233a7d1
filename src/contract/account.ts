// The account: who the API key belongs to.
import * as z from 'zod/mini';
import { timestamp, wireModel } from './codec.js';
import { idOf } from './ids.js';

/** The regions an account can live in. */
export const Region = z.enum(['eu', 'us', 'ap']);
export type Region = z.output<typeof Region>;

/** The account that an API key belongs to. */
export const Account = wireModel({
  id: idOf('account'),
  object: z.literal('account'),
  name: z.string(),
  email: z.string(),
  country: z.string(),
  region: Region,
  createdAt: timestamp,
});
export type Account = z.output<typeof Account>;

/** The body of `PATCH /v1/account`: a new name, a new email, or both. */
export const UpdateAccountParams = wireModel(
  {
    name: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    email: z.optional(z.email()),
  },
  { strict: true },
);
export type UpdateAccountParams = z.output<typeof UpdateAccountParams>;
