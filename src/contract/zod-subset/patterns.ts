// The two patterns of zod's own that the subset checks strings with, so that an email or a timestamp is
// refused exactly where zod refuses it. Read from zod here; the browser build writes their values in place
// of this file (scripts/browser-build.ts), since importing them would bring all of zod's patterns along.
import { regexes } from 'zod/v4/core';

/** zod's email pattern (`z.email()`). */
export const email: RegExp = regexes.email;

/** zod's ISO 8601 pattern for `z.iso.datetime(options)`. */
export const datetime = (options: { offset: boolean; local: boolean; precision: number | null }): RegExp =>
  regexes.datetime(options as never);
