// Sessions: the connected senders that messages go out through.
import * as z from 'zod/mini';
import { Region } from './account.js';
import { schemaOf, timestamp, wireModel } from './codec.js';
import { idOf } from './ids.js';
import { type ListParams, listOf, listParams } from './list.js';
import { type PhoneNumber, phoneNumber } from './personal.js';

/** Where a session is: `pairing` until the phone enters the code, then `connected`, `disconnected` or `expired`. */
export type SessionStatus = 'pairing' | 'connected' | 'disconnected' | 'expired';
/**
 * Where a session is: `pairing` until the phone enters the code, then `connected`, `disconnected` or `expired`.
 * @internal
 */
export const SessionStatus = schemaOf<SessionStatus>()(
  z.enum(['pairing', 'connected', 'disconnected', 'expired']),
);

/** The device a session runs on, as the phone reports it. */
export interface Device {
  /** The operating system. */
  platform: string;
  /** The client it runs in. */
  browser: string;
}
/**
 * The device a session runs on, as the phone reports it.
 * @internal
 */
export const Device = wireModel<Device>()({
  platform: z.string(),
  browser: z.string(),
});

/** A connected sender: a messaging account on a phone, paired with a code. */
export interface Session {
  /** The session's id, `ses_…`. */
  id: string;
  /** Always `session`. */
  object: 'session';
  /** Its name, or `null`. */
  name: string | null;
  /** Where the session is. */
  status: SessionStatus;
  /** The code to enter on the phone while `pairing`, else `null`. */
  pairingCode?: string | null | undefined;
  /** When the code expires, while `pairing`, else `null`. */
  pairingExpiresAt?: Date | null | undefined;
  /** The paired number, masked; `null` until connected. */
  phoneNumber: PhoneNumber | null;
  /** The paired device, or `null`. */
  device: Device | null;
  /** The paired number's country, or `null`. */
  country: string | null;
  /** Its account's home region. */
  region: Region;
  /** When the session was created. */
  createdAt: Date;
  /** When the phone paired, or `null`. */
  connectedAt: Date | null;
  /** When last seen, or `null`. */
  lastSeenAt: Date | null;
}
/**
 * A connected sender: a messaging account on a phone, paired with a code.
 * @internal
 */
export const Session = wireModel<Session>()({
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

/** One page of sessions. */
export const SessionList = listOf(Session);

/** The body of `POST /v1/sessions`. */
export interface CreateSessionParams {
  /** A name, 1 to 100 characters. */
  name?: string | undefined;
}
/**
 * The body of `POST /v1/sessions`.
 * @internal
 */
export const CreateSessionParams = wireModel<CreateSessionParams>()(
  { name: z.optional(z.string().check(z.minLength(1), z.maxLength(100))) },
  { strict: true },
);

/** The query of `GET /v1/sessions`. */
export interface ListSessionsParams extends ListParams {
  /** Only sessions with this status. */
  status?: SessionStatus | undefined;
}
/**
 * The query of `GET /v1/sessions`.
 * @internal
 */
export const ListSessionsParams = wireModel<ListSessionsParams>()(
  { ...listParams, status: z.optional(SessionStatus) },
  { strict: true },
);
