// Sessions: the connected senders that messages go out through.
import * as z from 'zod/mini';
import { Region } from './account.js';
import { timestamp, wireModel } from './codec.js';
import { idOf } from './ids.js';
import { listOf, listParams } from './list.js';
import { phoneNumber } from './personal.js';

/** Where a session is: `pairing` until the phone enters the code, then `connected`, `disconnected` or `expired`. */
export const SessionStatus = z.enum(['pairing', 'connected', 'disconnected', 'expired']);
export type SessionStatus = z.output<typeof SessionStatus>;

/** The device a session runs on, as the phone reports it. */
export const Device = wireModel({ platform: z.string(), browser: z.string() });
export type Device = z.output<typeof Device>;

/** A connected sender: a messaging account on a phone, paired with a code. */
export const Session = wireModel({
  id: idOf('session'),
  object: z.literal('session'),
  name: z.nullable(z.string()),
  status: SessionStatus,
  pairingCode: z.optional(z.nullable(z.string())),
  pairingExpiresAt: z.optional(z.nullable(timestamp)),
  phoneNumber: z.nullable(phoneNumber),
  device: z.nullable(Device),
  country: z.nullable(z.string()),
  region: Region,
  createdAt: timestamp,
  connectedAt: z.nullable(timestamp),
  lastSeenAt: z.nullable(timestamp),
});
export type Session = z.output<typeof Session>;

/** One page of sessions. */
export const SessionList = listOf(Session);

/** The body of `POST /v1/sessions`. */
export const CreateSessionParams = wireModel(
  { name: z.optional(z.string().check(z.minLength(1), z.maxLength(100))) },
  { strict: true },
);
export type CreateSessionParams = z.output<typeof CreateSessionParams>;

/** The query of `GET /v1/sessions`. */
export const ListSessionsParams = wireModel(
  { ...listParams, status: z.optional(SessionStatus) },
  { strict: true },
);
export type ListSessionsParams = z.output<typeof ListSessionsParams>;
