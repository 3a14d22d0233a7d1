// Sessions: the connected senders. A session is created `pairing` with a code that expires in 5 minutes;
// the phone (the mock's `sessions.connect`) makes it `connected`; logging out makes it `disconnected`.
import {
  type CreateSessionParams,
  callingCode,
  type Device,
  isE164,
  type ListEnvelope,
  type ListSessionsParams,
  PhoneNumber,
  type Region,
  type Session,
} from '../../src/contract/index.js';
import { notFound, ServiceError } from './errors.js';
import type { ServiceDeps } from './index.js';
import { paginate } from './pager.js';
import type { SessionRecord } from './store.js';

/** How long a pairing code stays valid. */
export const PAIRING_TTL_MS = 5 * 60_000;

/** What the phone reports when it pairs; both have defaults. */
export interface ConnectOptions {
  /** The phone's number, E.164 (default: a made-up number in the account's region). */
  phoneNumber?: string;
  /** The device the phone reports (default: a fixed platform and browser). */
  device?: Device;
}

/** What happens to sessions, for the parts of the service that follow them. */
export type SessionEvent = 'connected' | 'disconnected';

const DEFAULT_DEVICE: Device = { platform: 'web', browser: 'Chrome' };

// Made-up numbers from ranges set aside for fiction: Ofcom's drama range, NANP 555-01xx, ACMA's 0491 570.
const PHONE_PREFIX: Record<Region, { prefix: string; digits: number }> = {
  eu: { prefix: '+447700900', digits: 3 },
  us: { prefix: '+120255501', digits: 2 },
  ap: { prefix: '+61491570', digits: 3 },
};

// The country of a phone, by its calling code, for the codes the mock's users are likeliest to use.
const COUNTRY_OF_CODE: Record<string, string> = {
  '1': 'US',
  '7': 'RU',
  '31': 'NL',
  '33': 'FR',
  '34': 'ES',
  '39': 'IT',
  '44': 'GB',
  '49': 'DE',
  '52': 'MX',
  '55': 'BR',
  '61': 'AU',
  '65': 'SG',
  '81': 'JP',
  '91': 'IN',
  '353': 'IE',
};

/** The sessions of every account. */
export class Sessions {
  readonly #deps: ServiceDeps;
  readonly #listeners: Array<(event: SessionEvent, session: SessionRecord) => void> = [];

  constructor(deps: ServiceDeps) {
    this.#deps = deps;
  }

  /** Calls `listener` whenever a session connects, or a connected session disconnects. */
  on(listener: (event: SessionEvent, session: SessionRecord) => void): void {
    this.#listeners.push(listener);
  }

  /** Creates a session in `pairing`, which expires unless paired within 5 minutes. */
  create(accountId: string, params: CreateSessionParams): Session {
    const { store, ids, clock } = this.#deps;
    const account = store.accounts.get(accountId);
    if (!account) throw notFound('account', accountId);
    const now = clock.now();
    const session = store.sessions.insert({
      id: ids.id('session'),
      accountId,
      seq: store.nextSeq(),
      name: params.name === undefined ? null : store.erasedNumbers.redact(accountId, params.name),
      status: 'pairing',
      pairingCode: ids.pairingCode(),
      pairingExpiresAt: new Date(now.getTime() + PAIRING_TTL_MS),
      phoneNumber: null,
      device: null,
      country: null,
      region: account.region,
      createdAt: now,
      connectedAt: null,
      lastSeenAt: null,
    });
    clock.schedule(session.pairingExpiresAt!, () => {
      if (store.sessions.findAny(session.id) === session && session.status === 'pairing') {
        session.status = 'expired';
      }
    });
    return this.toModel(session);
  }

  /** Lists an account's sessions, newest first, optionally only those in one status. */
  list(accountId: string, params: ListSessionsParams): ListEnvelope<Session> {
    return paginate(
      'sessions',
      this.#deps.store.sessions.ordered,
      params,
      (row) => row.accountId === accountId && (params.status === undefined || row.status === params.status),
      (row) => this.toModel(row),
    );
  }

  /** Returns one of the account's sessions. */
  get(accountId: string, id: string): Session {
    return this.toModel(this.find(accountId, id));
  }

  /** Returns the record of one of the account's sessions; another account's is `404`. */
  find(accountId: string, id: string, param: string | null = null): SessionRecord {
    const session = this.#deps.store.sessions.find(accountId, id);
    if (!session) throw notFound('session', id, param);
    return session;
  }

  /** Logs a session out (`DELETE /v1/sessions/{id}`): it becomes `disconnected`, unless already over. */
  logout(accountId: string, id: string): Session {
    const session = this.find(accountId, id);
    this.#end(session);
    return this.toModel(session);
  }

  /** What the phone does when it pairs: the session becomes `connected`. */
  connect(id: string, options: ConnectOptions = {}): Session {
    const { store, clock, ids } = this.#deps;
    const session = store.sessions.findAny(id);
    if (!session) throw notFound('session', id);
    if (session.status === 'expired' || session.status === 'disconnected') {
      throw new ServiceError(
        409,
        'invalid_state',
        `Session ${id} is ${session.status}; create a new session to pair again.`,
      );
    }
    if (options.phoneNumber !== undefined && !isE164(options.phoneNumber)) {
      throw new ServiceError(
        422,
        'invalid_phone_number',
        'Invalid phone_number: must be a phone number in E.164 form: + then 8 to 15 digits, the first not 0.',
        'phone_number',
      );
    }
    if (session.status === 'connected') return this.toModel(session);
    const { prefix, digits } = PHONE_PREFIX[session.region];
    const phoneNumber = options.phoneNumber ?? `${prefix}${ids.digits(digits)}`;
    const now = clock.now();
    Object.assign(session, {
      status: 'connected',
      phoneNumber,
      device: options.device ?? DEFAULT_DEVICE,
      country: COUNTRY_OF_CODE[callingCode(phoneNumber)] ?? null,
      connectedAt: now,
      lastSeenAt: now,
    } satisfies Partial<SessionRecord>);
    for (const listener of this.#listeners) listener('connected', session);
    return this.toModel(session);
  }

  /** What the phone does when it logs out: the session becomes `disconnected`. */
  disconnect(id: string): Session {
    const session = this.#deps.store.sessions.findAny(id);
    if (!session) throw notFound('session', id);
    this.#end(session);
    return this.toModel(session);
  }

  /** Notes that the session was just used. */
  touch(session: SessionRecord): void {
    session.lastSeenAt = this.#deps.clock.now();
  }

  /** The session as the contract models it: the pairing code shows only while it is `pairing`. */
  toModel(record: SessionRecord): Session {
    const pairing = record.status === 'pairing';
    return {
      id: record.id,
      object: 'session',
      name: record.name,
      status: record.status,
      pairingCode: pairing ? record.pairingCode : null,
      pairingExpiresAt: pairing ? record.pairingExpiresAt : null,
      phoneNumber: record.phoneNumber === null ? null : new PhoneNumber(record.phoneNumber),
      device: record.device && { ...record.device },
      country: record.country,
      region: record.region,
      createdAt: record.createdAt,
      connectedAt: record.connectedAt,
      lastSeenAt: record.lastSeenAt,
    };
  }

  // A pairing or connected session ends `disconnected`; an expired or disconnected one stays as it is.
  #end(session: SessionRecord): void {
    if (session.status !== 'pairing' && session.status !== 'connected') return;
    const wasConnected = session.status === 'connected';
    session.status = 'disconnected';
    if (!wasConnected) return;
    session.lastSeenAt = this.#deps.clock.now();
    for (const listener of this.#listeners) listener('disconnected', session);
  }
}
