// Sessions: the connected senders that messages go out through.
import * as z from 'zod/mini';
import { Region } from './account.js';
import { timestamp, wireModel } from './codec.js';
import { idOf } from './ids.js';
import { listOf, listParams } from './list.js';
import { phoneNumber } from './personal.js';

/**
 * Where a session is: `pairing` until the phone enters the code, then `connected`, `disconnected` or `expired`.
 * @internal
 */
export const SessionStatus = z.enum(['pairing', 'connected', 'disconnected', 'expired']);
/**
 * Where a session is: `pairing` until the phone enters the code, then `connected`, `disconnected` or `expired`.
 * @useDeclaredType
 */
export type SessionStatus = z.output<typeof SessionStatus>;

/**
 * The device a session runs on, as the phone reports it.
 * @internal
 */
export const Device = wireModel({
  /** The operating system. */
  platform: z.string(),
  /** The client it runs in. */
  browser: z.string(),
});
/**
 * The device a session runs on, as the phone reports it.
 * @interface
 */
export type Device = z.output<typeof Device>;

/**
 * A connected sender: a messaging account on a phone, paired with a code.
 * @internal
 */
export const Session = wireModel({
  /** The session's id, `ses_…`. */
  id: idOf('session'),
  /** Always `session`. */
  object: z.literal('session'),
  /** Its name, or `null`. */
  name: z.nullable(z.string()),
  /** Where the session is. */
  status: SessionStatus,
  /** The code to enter on the phone while `pairing`, else `null`. */
  pairingCode: z.optional(z.nullable(z.string())),
  /** When the code expires, while `pairing`, else `null`. */
  pairingExpiresAt: z.optional(z.nullable(timestamp)),
  /** The paired number, masked; `null` until connected. */
  phoneNumber: z.nullable(phoneNumber),
  /** The paired device, or `null`. */
  device: z.nullable(Device),
  /** The paired number's country, or `null`. */
  country: z.nullable(z.string()),
  /** Its account's home region. */
  region: Region,
  /** When the session was created. */
  createdAt: timestamp,
  /** When the phone paired, or `null`. */
  connectedAt: z.nullable(timestamp),
  /** When last seen, or `null`. */
  lastSeenAt: z.nullable(timestamp),
});
/**
 * A connected sender: a messaging account on a phone, paired with a code.
 * @interface
 */
export type Session = z.output<typeof Session>;

/** One page of sessions. */
export const SessionList = listOf(Session);

/**
 * The body of `POST /v1/sessions`.
 * @internal
 */
export const CreateSessionParams = wireModel(
  {
    /** A name, 1 to 100 characters. */
    name: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  },
  { strict: true },
);
/**
 * The body of `POST /v1/sessions`.
 * @interface
 */
export type CreateSessionParams = z.output<typeof CreateSessionParams>;

/**
 * The query of `GET /v1/sessions`.
 * @internal
 */
export const ListSessionsParams = wireModel(
  {
    ...listParams,
    /** Only sessions with this status. */
    status: z.optional(SessionStatus),
  },
  { strict: true },
);
/**
 * The query of `GET /v1/sessions`.
 * @interface
 */
export type ListSessionsParams = z.output<typeof ListSessionsParams>;
