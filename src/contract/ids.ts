// The prefixes of the API's identifiers.
import * as z from 'zod/mini';

/** The prefix each kind of identifier carries. */
export const ID_PREFIXES = {
  account: 'acct_',
  apiKey: 'key_',
  session: 'ses_',
  message: 'msg_',
  webhookEndpoint: 'whe_',
  event: 'evt_',
  webhookDelivery: 'whd_',
  privacyRequest: 'prq_',
  supportTicket: 'tkt_',
  request: 'req_',
} as const;

/** A schema for an identifier of one kind: a non-empty string with its prefix. */
export function idOf(kind: keyof typeof ID_PREFIXES) {
  const prefix = ID_PREFIXES[kind];
  return z.string().check(
    z.refine((value) => value.startsWith(prefix) && value.length > prefix.length, {
      error: `must be an id starting with ${prefix}`,
    }),
  );
}
